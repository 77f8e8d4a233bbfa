import Foundation
import JicengAPI
import Store
import Synchronization

/// Who is responsible for a matter in a town, from the town's latest published territorial
/// matters (属地管理事项清单) and the grid service items derived from them.
///
/// TaskService calls `resolve` inside its own transaction, so a task records exactly the version
/// and item that routed it. Published versions never change, so each town's prepared version is
/// cached and only the version number is read per call.
public final class CatalogueRouting: Sendable {
    /// A best match this much ahead of the next (in raw score) is clear; closer is ambiguous.
    static let clearLead = 1.25
    /// Below this raw score a text has not really matched anything.
    static let minimumScore = 3.0

    struct Candidate {
        let item: Jiceng_V1_CatalogueItem
        let title: SearchText
        let keywords: [SearchText]
        let bigrams: Set<SearchText.Term>
        let descriptionBigrams: Set<SearchText.Term>
    }

    struct PreparedVersion {
        let version: Int64
        /// Scored against texts: the territorial matters, and grid items whose source is absent.
        let candidates: [Candidate]
        /// Every territorial matter and grid service item of the version, for resolving by id.
        let routableByID: [String: Jiceng_V1_CatalogueItem]
        /// Inverse document frequency of each bigram over the version's candidates.
        let idf: [SearchText.Term: Double]
        /// Bigram → the candidates (indices) whose title or keywords have it, and those whose
        /// description has it: scoring walks only the postings of the text's own bigrams.
        let postings: [SearchText.Term: [Int]]
        let descriptionPostings: [SearchText.Term: [Int]]
        /// Each distinct title and keyword (two characters or more) → the candidates that have it.
        let phrases: [SearchText: [Int]]
    }

    private let prepared = Mutex<[String: PreparedVersion]>([:])

    public init() {}

    /// Resolves by `itemID` when given (the item must be a territorial matter or grid service item
    /// of the town's latest published version; score 1), otherwise by `domain` (optional) and
    /// `text`. An empty response means nothing matched.
    ///
    /// Throws NOT_FOUND for an unknown town or item, FAILED_PRECONDITION `CATALOGUE_NOT_PUBLISHED`
    /// when resolving by item in a town with no published catalogue, `ITEM_NOT_PUBLISHED` when the
    /// item is not in the latest version, `ITEM_NOT_ROUTABLE` for an item of another list.
    public func resolve(in tx: any SQLReadTransaction, directory: OrgDirectory, townID: String, itemID: String,
                        domain: Jiceng_V1_Domain, text: String) throws -> Jiceng_V1_ResolveResponsibilityResponse {
        guard let town = directory[townID], town.kind.isTownLevel else {
            throw PlatformError.notFound("镇（街道）\(townID) 不存在 (town_id names no town or street)")
        }
        guard let version = try CatalogueVersions.latest(owner: townID, in: tx) else {
            if !itemID.isEmpty {
                throw PlatformError.failedPrecondition(reason: "CATALOGUE_NOT_PUBLISHED",
                    "\(town.name)尚未发布清单 (the town has no published catalogue)")
            }
            return Jiceng_V1_ResolveResponsibilityResponse()
        }
        let catalogue = try preparedVersion(owner: townID, version: version, in: tx)
        var response = Jiceng_V1_ResolveResponsibilityResponse()
        if !itemID.isEmpty {
            guard let item = catalogue.routableByID[itemID] else {
                guard let item = try CatalogueItemStore.item(itemID, in: tx) else {
                    throw PlatformError.notFound("清单事项 \(itemID) 不存在 (no catalogue item \(itemID))")
                }
                if item.ownerId == townID, item.list != .territorialMatter, item.list != .gridService {
                    throw PlatformError.failedPrecondition(reason: "ITEM_NOT_ROUTABLE",
                        "\(item.code)《\(item.title)》不是属地管理事项，不能据此派单 (only territorial matters route tasks)")
                }
                throw PlatformError.failedPrecondition(reason: "ITEM_NOT_PUBLISHED",
                    "\(item.code)《\(item.title)》不在\(town.name)最新发布的清单（第\(version)版）中 (the item is not in the town's latest published catalogue)")
            }
            response.resolution = resolution(item, version: version, score: 1, town: town, directory: directory, matched: nil)
            return response
        }
        let scored = score(catalogue, text: SearchText(text), domain: domain)
        guard let best = scored.first else { return response }
        let normalized = { (raw: Double) in (raw / (raw + 10) * 1000).rounded() / 1000 }
        response.resolution = resolution(best.candidate.item, version: version, score: normalized(best.raw), town: town,
                                         directory: directory, matched: best.matched)
        if scored.count > 1, best.raw < scored[1].raw * Self.clearLead {
            response.ambiguous = true
            response.candidates = scored.prefix(5).map {
                resolution($0.candidate.item, version: version, score: normalized($0.raw), town: town, directory: directory, matched: $0.matched)
            }
        }
        return response
    }

    /// Candidates scored against the text, best first, above the minimum.
    private func score(_ catalogue: PreparedVersion, text: SearchText, domain: Jiceng_V1_Domain)
        -> [(candidate: Candidate, raw: Double, matched: String?)]
    {
        let textBigrams = text.bigramSet()
        guard !textBigrams.isEmpty else { return [] }
        var raw = [Double](repeating: 0, count: catalogue.candidates.count)
        var touched: [Int] = []
        for term in textBigrams {
            let weight = catalogue.idf[term] ?? 0
            for index in catalogue.postings[term] ?? [] {
                if raw[index] == 0 { touched.append(index) }
                raw[index] += weight
            }
            for index in catalogue.descriptionPostings[term] ?? [] where !catalogue.candidates[index].bigrams.contains(term) {
                if raw[index] == 0 { touched.append(index) }
                raw[index] += 0.3 * weight
            }
        }
        // A keyword or the title found whole in the text is the strongest evidence: people write
        // 路灯不亮, 噪音扰民 as the lists do. Each distinct phrase is looked for once.
        var matched: [Int: String] = [:]
        for (phrase, indices) in catalogue.phrases where text.contains(phrase) {
            let name = String(String.UnicodeScalarView(phrase.scalars))
            for index in indices {
                raw[index] += 3 * Double(phrase.scalars.count)
                // Name the longest phrase found (ties by text), whatever order the table is in.
                if let kept = matched[index], kept.unicodeScalars.count > phrase.scalars.count
                    || (kept.unicodeScalars.count == phrase.scalars.count && kept <= name) { continue }
                matched[index] = name
            }
        }
        var scored: [(candidate: Candidate, raw: Double, matched: String?)] = []
        for index in Set(touched) {
            let candidate = catalogue.candidates[index]
            var score = raw[index]
            if domain != .unspecified { score *= candidate.item.domain == domain ? 1.2 : 0.6 }
            if score >= Self.minimumScore { scored.append((candidate, score, matched[index])) }
        }
        scored.sort { $0.raw != $1.raw ? $0.raw > $1.raw : $0.candidate.item.code < $1.candidate.item.code }
        return scored
    }

    private func resolution(_ item: Jiceng_V1_CatalogueItem, version: Int64, score: Double, town: OrgDirectory.Node,
                            directory: OrgDirectory, matched: String?) -> Jiceng_V1_Resolution {
        var resolution = Jiceng_V1_Resolution()
        resolution.item = item
        resolution.catalogueVersion = version
        resolution.leadDepartmentId = item.leadDepartmentId
        resolution.cooperatingDepartmentIds = item.cooperatingDepartmentIds
        if item.hasResponseSla { resolution.responseSla = item.responseSla }
        resolution.score = score
        let listName = item.list == .gridService ? "网格服务管理清单" : "属地管理事项清单"
        var explanation = "依据\(town.name)\(listName)第\(version)版 \(item.code)《\(item.title)》"
        if let matched { explanation += "（匹配“\(matched)”）" }
        explanation += "，主责部门：\(directory[item.leadDepartmentId]?.name ?? item.leadDepartmentId)"
        let cooperating = item.cooperatingDepartmentIds.map { directory[$0]?.name ?? $0 }
        if !cooperating.isEmpty { explanation += "；配合部门：" + cooperating.joined(separator: "、") }
        resolution.explanation = explanation
        return resolution
    }

    /// The town's version `version`, prepared once. Grid service items duplicate their sources'
    /// content, so a grid item is kept only when its source is not in the version.
    private func preparedVersion(owner: String, version: Int64, in tx: any SQLReadTransaction) throws -> PreparedVersion {
        if let cached = prepared.withLock({ $0[owner] }), cached.version == version { return cached }
        let items = try CatalogueVersions.items(owner: owner, version: version, in: tx)
        let routable = items.filter { $0.list == .territorialMatter || $0.list == .gridService }
        let sources = Set(routable.filter { $0.list == .territorialMatter }.map(\.id))
        let scoredItems = routable.filter { $0.list == .territorialMatter || !sources.contains($0.sourceItemId) }
        let candidates = scoredItems.map { item in
            let title = SearchText(item.title)
            let keywords = item.keywords.map(SearchText.init)
            let bigrams = keywords.reduce(into: title.bigramSet()) { $0.formUnion($1.bigramSet()) }
            return Candidate(item: item, title: title, keywords: keywords, bigrams: bigrams,
                             descriptionBigrams: SearchText(item.description_p).bigramSet())
        }
        var frequency: [SearchText.Term: Int] = [:]
        for candidate in candidates {
            for term in candidate.bigrams.union(candidate.descriptionBigrams) { frequency[term, default: 0] += 1 }
        }
        let count = Double(max(candidates.count, 1))
        let idf = frequency.mapValues { log(1 + count / Double($0)) }
        var postings: [SearchText.Term: [Int]] = [:], descriptionPostings: [SearchText.Term: [Int]] = [:]
        var phrases: [SearchText: [Int]] = [:]
        for (index, candidate) in candidates.enumerated() {
            for phrase in Set([candidate.title] + candidate.keywords) where phrase.scalars.count >= 2 {
                phrases[phrase, default: []].append(index)
            }
            for term in candidate.bigrams { postings[term, default: []].append(index) }
            for term in candidate.descriptionBigrams { descriptionPostings[term, default: []].append(index) }
        }
        let result = PreparedVersion(version: version, candidates: candidates,
                                     routableByID: Dictionary(routable.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }), idf: idf,
                                     postings: postings, descriptionPostings: descriptionPostings, phrases: phrases)
        prepared.withLock { $0[owner] = result }
        return result
    }
}
