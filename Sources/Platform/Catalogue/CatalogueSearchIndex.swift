import Foundation
import JicengAPI
import Store
import Synchronization

/// The in-memory index behind Chinese text search over catalogue items: every one- and
/// two-character term of each item's title, keywords, description and legal basis, with posting
/// lists of items.
///
/// Why in memory and not in SQL: a term table for 100,000 items holds some 15 million rows, and
/// ranking needs the texts anyway (exact phrase, frequency, the fragment); the texts and postings
/// fit in well under 200 MB and answer in a few milliseconds. It stays correct under any writer
/// (this process, another instance on a shared PostgreSQL, the demo seeder) because it is never
/// told about writes: before each search, `catchUp` reads the rows whose `change_seq` is past the
/// last one it has seen, in the searching transaction's own snapshot.
public final class CatalogueSearchIndex: Sendable {
    /// Relevance weights: a hit in the title counts most, then keywords, description, legal basis.
    static let fields: [(name: String, weight: Double)] = [("title", 8), ("keywords", 5), ("description", 3), ("legal_basis", 1)]

    struct Entry {
        let id: String
        let ownerID: String
        let list: Int32
        let domain: Int32
        let state: Int32
        /// Title, keywords (joined by 、), description, legal basis.
        let texts: [SearchText]
        var live = true
    }

    struct State {
        var entries: [Entry] = []
        var ordinalByID: [String: Int32] = [:]
        var postings: [SearchText.Term: [Int32]] = [:]
        var seenChangeSeq: Int64 = 0
    }

    /// Filters of a search; empty or unspecified means any.
    public struct Filter: Sendable, Hashable {
        public var ownerID = ""
        public var list: Jiceng_V1_ListKind = .unspecified
        public var domain: Jiceng_V1_Domain = .unspecified
        public var state: Jiceng_V1_ItemState = .unspecified
        public init() {}
    }

    /// One item found, with where it matched.
    public struct Hit: Sendable, Hashable {
        public let itemID: String
        public let score: Double
        public let field: String
        public let fragment: String
    }

    private let state = Mutex(State())

    public init() {}

    /// Reads the items written since the last catch-up (all of them the first time).
    public func catchUp(in tx: any SQLReadTransaction) throws {
        let newest = try tx.scalar("SELECT MAX(change_seq) FROM catalogue_items", as: Int64?.self) ?? nil
        guard let newest, newest > state.withLock({ $0.seenChangeSeq }) else { return }
        try state.withLock { state in
            guard newest > state.seenChangeSeq else { return }
            try tx.forEachRow(
                "SELECT change_seq, body FROM catalogue_items WHERE change_seq > $1 AND change_seq <= $2 ORDER BY change_seq",
                [state.seenChangeSeq, newest]
            ) { row in
                let item = try Jiceng_V1_CatalogueItem(serializedBytes: row.get(1, as: [UInt8].self))
                Self.add(item, to: &state)
                return true
            }
            state.seenChangeSeq = newest
        }
    }

    /// An item's new content replaces the old: the old entry is marked dead (posting lists keep
    /// their order by only ever growing at the end) and a new entry is appended.
    private static func add(_ item: Jiceng_V1_CatalogueItem, to state: inout State) {
        if let old = state.ordinalByID[item.id] { state.entries[Int(old)].live = false }
        let ordinal = Int32(state.entries.count)
        let texts = [SearchText(item.title), SearchText(item.keywords.joined(separator: "、")),
                     SearchText(item.description_p), SearchText(item.legalBasis)]
        state.entries.append(Entry(id: item.id, ownerID: item.ownerId, list: item.list.rawValue,
                                   domain: item.domain.rawValue, state: item.state.rawValue, texts: texts))
        state.ordinalByID[item.id] = ordinal
        for text in texts {
            for term in text.terms() {
                if state.postings[term]?.last != ordinal { state.postings[term, default: []].append(ordinal) }
            }
        }
    }

    /// Every item matching all words of `query` and `filter`, best first (ties by id). A word
    /// matches where it occurs as written in one of the four fields.
    public func search(_ query: String, filter: Filter) -> [Hit] {
        let words = SearchText.words(of: query)
        guard !words.isEmpty else { return [] }
        let whole = SearchText(scalars: words.flatMap(\.scalars))
        return state.withLock { state in
            var candidates: [Int32]? = nil
            for word in words {
                for term in word.queryTerms() {
                    let list = state.postings[term] ?? []
                    candidates = candidates.map { Self.intersect($0, list) } ?? list
                    if candidates!.isEmpty { return [] }
                }
            }
            var hits: [Hit] = []
            for ordinal in candidates ?? [] {
                let entry = state.entries[Int(ordinal)]
                guard entry.live, Self.passes(entry, filter), let hit = Self.score(entry, words: words, whole: whole) else { continue }
                hits.append(hit)
            }
            hits.sort { $0.score != $1.score ? $0.score > $1.score : $0.itemID < $1.itemID }
            return hits
        }
    }

    private static func passes(_ entry: Entry, _ filter: Filter) -> Bool {
        (filter.ownerID.isEmpty || entry.ownerID == filter.ownerID)
            && (filter.list == .unspecified || entry.list == filter.list.rawValue)
            && (filter.domain == .unspecified || entry.domain == filter.domain.rawValue)
            && (filter.state == .unspecified || entry.state == filter.state.rawValue)
    }

    /// Σ over words and fields of weight × (1 + ln occurrences), plus a bonus when the whole query
    /// is in the title (more when it is the title), and a little for short titles (a query that
    /// fills more of the title is more likely what was meant). Nil when a word is missing.
    private static func score(_ entry: Entry, words: [SearchText], whole: SearchText) -> Hit? {
        var total = 0.0
        var best: (field: Int, offset: Int, length: Int)? = nil
        for word in words {
            var found = false
            for (index, text) in entry.texts.enumerated() {
                let at = text.occurrences(of: word)
                guard let first = at.first else { continue }
                found = true
                total += fields[index].weight * (1 + log(Double(at.count)))
                if best == nil || index < best!.field { best = (index, first, word.scalars.count) }
            }
            if !found { return nil }
        }
        let title = entry.texts[0]
        if title.contains(whole) { total += title.scalars.count == whole.scalars.count ? 12 : 4 }
        total += 2 / (1 + Double(title.scalars.count) / 10)
        guard let best else { return nil }
        let fragment = entry.texts[best.field].fragment(at: best.offset, length: best.length)
        return Hit(itemID: entry.id, score: (total * 1000).rounded() / 1000, field: fields[best.field].name, fragment: fragment)
    }

    private static func intersect(_ a: [Int32], _ b: [Int32]) -> [Int32] {
        var out: [Int32] = []
        var i = 0, j = 0
        while i < a.count, j < b.count {
            if a[i] == b[j] {
                out.append(a[i])
                i += 1
                j += 1
            } else if a[i] < b[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return out
    }
}
