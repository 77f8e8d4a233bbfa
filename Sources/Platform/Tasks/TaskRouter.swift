import JicengAPI
import Store

/// Finds who is responsible for a new task from the town's published lists.
///
/// Called inside CreateTask's write transaction, so the task records exactly the catalogue
/// version and item that routed it. The catalogue's `CatalogueRouting` is the implementation the
/// server plugs in; without a router every task is REPORTED and waits to be dispatched by hand.
public protocol TaskRouter: Sendable {
    /// The resolution for a matter in `townID`: by `itemID` when it is not empty (throwing when the
    /// item is not in the town's published catalogue), else by `domain` and `text`; nil when
    /// nothing matched.
    func route(in tx: any SQLReadTransaction, directory: OrgDirectory, townID: String, itemID: String,
               domain: Jiceng_V1_Domain, text: String) throws -> Jiceng_V1_Resolution?
}
