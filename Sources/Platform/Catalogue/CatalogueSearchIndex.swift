import Foundation
import JicengAPI
import Store
import Synchronization

/// The in-memory index behind Chinese text search over catalogue items: every one- and
/// two-character term of each item's title, keywords, description and legal basis, with posting
/// lists of items.
///
/// A one- or two-character query (the usual: 路灯, 噪音, 灯) is one term: its posting list carries
/// how often the term occurs in each field, so it is ranked without reading any text. A longer
/// word intersects its bigrams' postings and is confirmed against the texts; fragments are cut
/// only for the page returned.
///
/// Why in memory and not in SQL: a term table for 100,000 items holds some 15 million rows, and
/// confirming and cutting fragments needs the texts anyway; in memory this costs the texts plus
/// about 8 bytes per distinct term of an item. It stays correct under any writer
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
        /// Term → the entries having it, in ordinal order.
        var postings: [SearchText.Term: [Int32]] = [:]
        /// Parallel to `postings`: how often the term occurs in each field of that entry, one
        /// byte per field (saturating), so a one- or two-character query is ranked without
        /// reading any text.
        var fieldCounts: [SearchText.Term: [UInt32]] = [:]
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

    /// One page of a search: the hits after a position in the ranking, and how many match in all.
    public struct Page: Sendable {
        public let hits: [Hit]
        public let totalSize: Int
        /// True when more hits follow this page.
        public let hasMore: Bool
    }

    /// Where a word matched an entry, before the fragment is cut (only for the hits returned).
    private struct Ranked {
        let ordinal: Int32
        let score: Double
        /// The most important field that matched, where the fragment is cut.
        let field: Int
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
        var counts: [SearchText.Term: UInt32] = [:]
        for (field, text) in texts.enumerated() {
            let shift = UInt32(8 * field)
            for term in text.terms() {
                let packed = counts[term, default: 0]
                counts[term] = (packed >> shift) & 0xFF == 0xFF ? packed : packed + (1 << shift)
            }
        }
        for (term, packed) in counts {
            state.postings[term, default: []].append(ordinal)
            state.fieldCounts[term, default: []].append(packed)
        }
    }

    /// Every item matching all words of `query` and `filter`, best first (ties by id). A word
    /// matches where it occurs as written in one of the four fields.
    public func search(_ query: String, filter: Filter) -> [Hit] {
        search(query, filter: filter, after: nil, limit: .max).hits
    }

    /// The `limit` best hits ranked after `after` (score, item id), with the total; fragments are
    /// cut only for the hits returned.
    public func search(_ query: String, filter: Filter, after: (score: Double, itemID: String)?, limit: Int) -> Page {
        let words = SearchText.words(of: query)
        guard !words.isEmpty else { return Page(hits: [], totalSize: 0, hasMore: false) }
        let whole = SearchText(scalars: words.flatMap(\.scalars))
        return state.withLock { state in
            var ranked: [Ranked] = []
            if words.count == 1, words[0].scalars.count <= 2, let term = words[0].queryTerms().first {
                // One term: its postings carry the per-field counts, and every posting matches.
                let postings = state.postings[term] ?? [], counts = state.fieldCounts[term] ?? []
                for (i, ordinal) in postings.enumerated() {
                    let entry = state.entries[Int(ordinal)]
                    guard entry.live, Self.passes(entry, filter) else { continue }
                    ranked.append(Self.score(counts[i], ordinal: ordinal, titleLength: entry.texts[0].scalars.count,
                                             wordLength: words[0].scalars.count))
                }
            } else {
                var candidates: [Int32]? = nil
                for word in words {
                    for term in word.queryTerms() {
                        let list = state.postings[term] ?? []
                        candidates = candidates.map { Self.intersect($0, list) } ?? list
                        if candidates!.isEmpty { return Page(hits: [], totalSize: 0, hasMore: false) }
                    }
                }
                for ordinal in candidates ?? [] {
                    let entry = state.entries[Int(ordinal)]
                    guard entry.live, Self.passes(entry, filter),
                          let hit = Self.score(entry, ordinal: ordinal, words: words, whole: whole)
                    else { continue }
                    ranked.append(hit)
                }
            }
            let total = ranked.count
            let entries = state.entries
            let precedes = { (a: Ranked, b: Ranked) -> Bool in
                a.score != b.score ? a.score > b.score : entries[Int(a.ordinal)].id < entries[Int(b.ordinal)].id
            }
            if let after {
                ranked.removeAll { $0.score > after.score || ($0.score == after.score && entries[Int($0.ordinal)].id <= after.itemID) }
            }
            // Only the page is sorted in full: a partial selection keeps a city-wide one-character
            // query cheap however many items it matches.
            var page: [Ranked]
            if ranked.count > limit {
                page = []
                page.reserveCapacity(limit)
                for hit in ranked {
                    if page.count < limit {
                        page.append(hit)
                        if page.count == limit { page.sort(by: precedes) }
                    } else if precedes(hit, page[limit - 1]) {
                        let at = page.firstIndex { precedes(hit, $0) } ?? limit - 1
                        page.insert(hit, at: at)
                        page.removeLast()
                    }
                }
            } else {
                page = ranked.sorted(by: precedes)
            }
            let hits = page.map { r in
                let entry = entries[Int(r.ordinal)], text = entry.texts[r.field]
                let fragment = words.lazy.compactMap { word in
                    text.occurrences(of: word).first.map { text.fragment(at: $0, length: word.scalars.count) }
                }.first ?? ""
                return Hit(itemID: entry.id, score: r.score, field: Self.fields[r.field].name, fragment: fragment)
            }
            return Page(hits: hits, totalSize: total, hasMore: ranked.count > page.count)
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
    private static func score(_ entry: Entry, ordinal: Int32, words: [SearchText], whole: SearchText) -> Ranked? {
        var total = 0.0
        var best: Int? = nil
        for word in words {
            var found = false
            for (index, text) in entry.texts.enumerated() {
                let at = text.occurrences(of: word)
                guard !at.isEmpty else { continue }
                found = true
                total += fields[index].weight * (1 + log(Double(at.count)))
                if best == nil || index < best! { best = index }
            }
            if !found { return nil }
        }
        let title = entry.texts[0]
        if title.contains(whole) { total += title.scalars.count == whole.scalars.count ? 12 : 4 }
        total += 2 / (1 + Double(title.scalars.count) / 10)
        guard let best else { return nil }
        return Ranked(ordinal: ordinal, score: (total * 1000).rounded() / 1000, field: best)
    }

    /// The same ranking as `score(_:ordinal:words:whole:)` for a single one- or two-character
    /// word, from the term's packed per-field counts.
    private static func score(_ packed: UInt32, ordinal: Int32, titleLength: Int, wordLength: Int) -> Ranked {
        var total = 0.0
        var best = -1
        for field in fields.indices {
            let count = Int((packed >> UInt32(8 * field)) & 0xFF)
            guard count > 0 else { continue }
            total += fields[field].weight * (1 + log(Double(count)))
            if best < 0 { best = field }
        }
        if packed & 0xFF > 0 { total += titleLength == wordLength ? 12 : 4 }
        total += 2 / (1 + Double(titleLength) / 10)
        return Ranked(ordinal: ordinal, score: (total * 1000).rounded() / 1000, field: max(best, 0))
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
