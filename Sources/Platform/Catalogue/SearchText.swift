/// Text as the catalogue's search and routing see it: a run of Unicode scalars, compared with
/// ASCII letters folded to lower case (Chinese has no case; codes and acronyms like QZ or PM2.5
/// should match either way), cut into one- and two-character terms.
///
/// Chinese is written without spaces, and the words people type are mostly two characters (路灯,
/// 噪音, 占道): indexing every character and every adjacent pair finds any one- or two-character
/// query exactly, and a longer one through its pairs (confirmed against the text afterwards).
struct SearchText: Sendable, Hashable {
    let scalars: [Unicode.Scalar]

    init(_ text: String) { scalars = Array(text.unicodeScalars) }

    var isEmpty: Bool { scalars.isEmpty }

    /// A term: one scalar (unigram) or two (bigram), packed into one integer for cheap hashing.
    typealias Term = UInt64

    static func fold(_ s: Unicode.Scalar) -> UInt32 {
        let v = s.value
        return (v >= 0x41 && v <= 0x5A) ? v + 0x20 : v
    }

    /// Scalars that separate words: white space, punctuation and symbols. Terms never span them.
    static func isSeparator(_ s: Unicode.Scalar) -> Bool {
        switch s.properties.generalCategory {
        case .spaceSeparator, .lineSeparator, .paragraphSeparator, .control, .format,
             .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation, .mathSymbol, .modifierSymbol, .otherSymbol:
            return true
        default:
            return false
        }
    }

    static func unigram(_ a: Unicode.Scalar) -> Term { UInt64(fold(a)) << 32 }
    static func bigram(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> Term { UInt64(fold(a)) << 32 | UInt64(fold(b)) }

    /// Every unigram and bigram of the text (with repeats).
    func terms() -> [Term] {
        var out: [Term] = []
        out.reserveCapacity(scalars.count * 2)
        for i in scalars.indices where !Self.isSeparator(scalars[i]) {
            out.append(Self.unigram(scalars[i]))
            if i + 1 < scalars.count, !Self.isSeparator(scalars[i + 1]) {
                out.append(Self.bigram(scalars[i], scalars[i + 1]))
            }
        }
        return out
    }

    /// The terms a query word must find: itself if it is one scalar, otherwise its bigrams.
    func queryTerms() -> [Term] {
        guard scalars.count > 1 else { return scalars.map(Self.unigram) }
        return (0..<(scalars.count - 1)).map { Self.bigram(scalars[$0], scalars[$0 + 1]) }
    }

    /// The set of bigrams, for overlap scoring in routing.
    func bigramSet() -> Set<Term> {
        var out: Set<Term> = []
        for i in scalars.indices.dropLast() where !Self.isSeparator(scalars[i]) && !Self.isSeparator(scalars[i + 1]) {
            out.insert(Self.bigram(scalars[i], scalars[i + 1]))
        }
        return out
    }

    /// Start offsets of every occurrence of `word` (non-overlapping), ASCII-case-insensitively.
    func occurrences(of word: SearchText) -> [Int] {
        let w = word.scalars, n = w.count
        guard n > 0, scalars.count >= n else { return [] }
        var found: [Int] = []
        var i = 0
        while i <= scalars.count - n {
            var j = 0
            while j < n, Self.fold(scalars[i + j]) == Self.fold(w[j]) { j += 1 }
            if j == n {
                found.append(i)
                i += n
            } else {
                i += 1
            }
        }
        return found
    }

    func contains(_ word: SearchText) -> Bool {
        let w = word.scalars, n = w.count
        guard n > 0, scalars.count >= n else { return n == 0 }
        outer: for i in 0...(scalars.count - n) {
            for j in 0..<n where Self.fold(scalars[i + j]) != Self.fold(w[j]) { continue outer }
            return true
        }
        return false
    }

    /// The text around `offset..<offset+length` with the match between 【 and 】 and up to
    /// `context` scalars either side (… where cut).
    func fragment(at offset: Int, length: Int, context: Int = 12) -> String {
        let start = max(0, offset - context), end = min(scalars.count, offset + length + context)
        var out = String.UnicodeScalarView()
        if start > 0 { out.append("…") }
        out.append(contentsOf: scalars[start..<offset])
        out.append("【")
        out.append(contentsOf: scalars[offset..<(offset + length)])
        out.append("】")
        out.append(contentsOf: scalars[(offset + length)..<end])
        if end < scalars.count { out.append("…") }
        return String(out)
    }

    /// The words of a query: split at separators, empty pieces dropped.
    static func words(of query: String) -> [SearchText] {
        var words: [SearchText] = []
        var current: [Unicode.Scalar] = []
        for s in query.unicodeScalars {
            if isSeparator(s) {
                if !current.isEmpty { words.append(SearchText(scalars: current)) }
                current = []
            } else {
                current.append(s)
            }
        }
        if !current.isEmpty { words.append(SearchText(scalars: current)) }
        return words
    }

    init(scalars: [Unicode.Scalar]) { self.scalars = scalars }
}
