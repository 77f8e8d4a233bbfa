import JicengAPI

/// What changed between two published versions of an owner's lists, worked out locally from the
/// two public snapshots (DiffCatalogueVersions needs a token; the public site must not), in the
/// terms people read: the labelled facts of `CatalogueItemFacts`.
struct PublishedVersionChanges {
    struct ChangedItem {
        let item: Jiceng_V1_CatalogueItem
        /// (label, before, after); a fact that appeared or disappeared has an empty side.
        let changes: [(label: String, from: String, to: String)]
    }

    var added: [Jiceng_V1_CatalogueItem] = []
    var removed: [Jiceng_V1_CatalogueItem] = []
    var changed: [ChangedItem] = []

    var isEmpty: Bool { added.isEmpty && removed.isEmpty && changed.isEmpty }

    /// Items are matched by id, which an item keeps through edits across versions.
    init(from old: Jiceng_V1_PublishedCatalogue, to new: Jiceng_V1_PublishedCatalogue, facts: CatalogueItemFacts) {
        let oldByID = Dictionary(old.items.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let newIDs = Set(new.items.map(\.id))
        for item in new.items {
            guard let before = oldByID[item.id] else {
                added.append(item)
                continue
            }
            let changes = Self.changes(facts.facts(before), facts.facts(item))
            if !changes.isEmpty { changed.append(ChangedItem(item: item, changes: changes)) }
        }
        removed = old.items.filter { !newIDs.contains($0.id) }
    }

    private static func changes(_ before: [CatalogueItemFacts.Fact], _ after: [CatalogueItemFacts.Fact])
        -> [(label: String, from: String, to: String)] {
        let old = Dictionary(before.map { ($0.label, $0.value) }, uniquingKeysWith: { first, _ in first })
        let new = Dictionary(after.map { ($0.label, $0.value) }, uniquingKeysWith: { first, _ in first })
        // In display order: the new item's labels, then labels only the old one had.
        var labels = after.map(\.label)
        labels += before.map(\.label).filter { new[$0] == nil }
        return labels.compactMap { label in
            let from = old[label] ?? "", to = new[label] ?? ""
            return from == to ? nil : (label, from, to)
        }
    }
}
