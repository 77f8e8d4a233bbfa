import JicengAPI
import Store

/// The catalogue's routing is what routes tasks: by item id when the caller names one, else by
/// domain and text over the town's latest published lists.
extension CatalogueRouting: TaskRouter {
    /// The best resolution, or nil when nothing matched or a text matched ambiguously: a task
    /// whose matter is unclear is left REPORTED for the town to dispatch, rather than sent to a
    /// department that would then dispute it.
    public func route(in tx: any SQLReadTransaction, directory: OrgDirectory, townID: String, itemID: String,
                      domain: Jiceng_V1_Domain, text: String) throws -> Jiceng_V1_Resolution? {
        let response = try resolve(in: tx, directory: directory, townID: townID, itemID: itemID, domain: domain, text: text)
        guard response.hasResolution, itemID.isEmpty ? !response.ambiguous : true else { return nil }
        return response.resolution
    }
}
