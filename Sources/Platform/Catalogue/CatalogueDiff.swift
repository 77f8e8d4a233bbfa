import JicengAPI
import ProtoRuntime

/// What changed between two versions of an owner's lists: items added, items removed, and for
/// items in both, each field that differs, its values rendered as proto3 JSON.
enum CatalogueDiff {
    static func between(_ from: [Jiceng_V1_CatalogueItem], _ to: [Jiceng_V1_CatalogueItem])
        -> (added: [Jiceng_V1_CatalogueItem], removed: [Jiceng_V1_CatalogueItem], changed: [Jiceng_V1_ItemChange])
    {
        let before = Dictionary(from.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let afterIDs = Set(to.map(\.id))
        var changed: [Jiceng_V1_ItemChange] = []
        var added: [Jiceng_V1_CatalogueItem] = []
        for item in to {
            guard let old = before[item.id] else {
                added.append(item)
                continue
            }
            let changes = fieldChanges(old, item)
            guard !changes.isEmpty else { continue }
            var change = Jiceng_V1_ItemChange()
            change.itemId = item.id
            change.code = item.code
            change.title = item.title
            change.changes = changes
            changed.append(change)
        }
        let removed = from.filter { !afterIDs.contains($0.id) }
        return (added, removed, changed)
    }

    /// The content fields that differ; identity (id), bookkeeping (etag, times) and state (always
    /// PUBLISHED within a version) are not content.
    static func fieldChanges(_ old: Jiceng_V1_CatalogueItem, _ new: Jiceng_V1_CatalogueItem) -> [Jiceng_V1_FieldChange] {
        let before = CatalogueItemJSON.values(of: old), after = CatalogueItemJSON.values(of: new)
        return CatalogueItemJSON.contentFieldNames.compactMap { name in
            let a = before[name] ?? "null", b = after[name] ?? "null"
            guard a != b else { return nil }
            var change = Jiceng_V1_FieldChange()
            change.field = name
            change.fromValue = a
            change.toValue = b
            return change
        }
    }
}
