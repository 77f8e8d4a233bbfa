import Foundation
import Store

/// One step of filling an empty data directory with the demo city, run by `DemoCityBuilder` after
/// the org tree and the tokens exist, inside the same transaction (so a demo is all there or not
/// at all). Catalogue, tasks and appraisal each contribute one.
public protocol DemoSeeder: Sendable {
    /// A short name for the start-up log, e.g. "catalogue".
    var name: String { get }

    /// Writes this step's rows.
    func seed(_ context: DemoSeedContext, in tx: any SQLWriteTransaction) throws
}

/// What every seeding step can build on.
public struct DemoSeedContext: Sendable {
    /// The demo city's tree, as created.
    public let tree: DemoOrgTree
    /// The same tree as a directory snapshot, for scope decisions.
    public let directory: OrgDirectory
    /// The demo tokens, to act as a particular caller (their ids go into audit rows).
    public let tokens: [DemoToken]
    /// The moment the demo is created; generated histories end here.
    public let now: Date

    /// The first token of `role` bound to `orgID`, if the demo issued one.
    public func token(_ role: Role, for orgID: String) -> DemoToken? {
        tokens.first { $0.role == role && $0.orgID == orgID }
    }
}

/// A token the demo issues, as written to `demo-tokens.txt`.
public struct DemoToken: Sendable, Hashable {
    public let role: Role
    public let orgID: String
    public let label: String
    public let token: AccessToken

    /// `ROLE ORG_ID TOKEN`.
    public var line: String { "\(role.name) \(orgID) \(token.text)" }
}
