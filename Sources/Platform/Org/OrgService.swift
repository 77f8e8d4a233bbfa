import JicengAPI
import RPC
import Store
import Synchronization

/// `jiceng.v1.OrgService`: reads and maintains the org tree (DESIGN.md §4).
///
/// Everyone with a token reads the whole tree (scope decisions need it, and it is no secret);
/// city admins change it anywhere, district admins beneath their district. Units are deactivated,
/// never deleted, and their parent never changes, so the tree cannot grow a cycle. After every
/// committed change the environment's directory snapshot is replaced.
public struct OrgService: Jiceng_V1_OrgServiceService {
    public let environment: PlatformEnvironment
    private let publisher: DirectoryPublisher

    public init(environment: PlatformEnvironment) {
        self.environment = environment
        self.publisher = DirectoryPublisher(environment: environment)
    }

    public func getOrgUnit(request: Jiceng_V1_GetOrgUnitRequest, context: ServerContext) async throws -> Jiceng_V1_OrgUnit {
        try environment.validator.validate(request)
        _ = try environment.caller()
        let id = request.id
        guard let unit = try await environment.read({ tx in try OrgStore.fetch(id: id, in: tx) }) else {
            throw PlatformError.notFound("组织 \(id) 不存在 (org unit not found)")
        }
        return unit
    }

    public func listOrgUnits(request: Jiceng_V1_ListOrgUnitsRequest, context: ServerContext) async throws -> Jiceng_V1_ListOrgUnitsResponse {
        try environment.validator.validate(request)
        _ = try environment.caller()
        let pageSize = try PageToken.pageSize(request.pageSize)
        if request.kind != .unspecified { _ = try OrgRules.kind(request.kind, field: "kind") }
        let filter = OrgStore.Filter(
            parentID: request.parentId.isEmpty ? nil : request.parentId,
            kind: request.kind == .unspecified ? nil : request.kind,
            includeInactive: request.includeInactive)
        let filters = "\(request.parentId)\u{0}\(request.kind.rawValue)\u{0}\(request.includeInactive)"
        let after = try PageToken.decode(request.pageToken, filters: filters) ?? ""
        // One more than asked tells whether another page follows.
        let page = try await environment.read { tx in try OrgStore.page(filter, after: after, limit: pageSize + 1, in: tx) }
        var response = Jiceng_V1_ListOrgUnitsResponse()
        response.orgUnits = Array(page.units.prefix(pageSize))
        response.totalSize = Int32(clamping: page.totalSize)
        if page.units.count > pageSize, let last = response.orgUnits.last {
            response.nextPageToken = PageToken.encode(after: last.id, filters: filters)
        }
        return response
    }

    public func createOrgUnit(request: Jiceng_V1_CreateOrgUnitRequest, context: ServerContext) async throws -> Jiceng_V1_OrgUnit {
        try environment.validator.validate(request, enforceNestedRequired: true)
        // Field checks that need no data come first, so bad input never reaches the writer.
        try OrgRules.checkID(request.orgUnit.id, field: "org_unit.id")
        try OrgRules.checkName(request.orgUnit.name, field: "org_unit.name")
        _ = try OrgRules.kind(request.orgUnit.kind, field: "org_unit.kind")
        let environment = self.environment
        return try await publisher.publishing { stage in
            try await environment.mutate(
                Jiceng_V1_OrgService.Method.createOrgUnit, request: request, requestID: request.requestId,
                resource: "orgUnits/\(request.orgUnit.id)"
            ) { tx, m in
                // The tree as this transaction sees it: rules never pass against a stale snapshot.
                let directory = try OrgStore.directory(in: tx)
                var unit = try OrgRules(directory: directory, caller: m.caller).checkCreate(request.orgUnit)
                unit.etag = Etag.next()
                unit.createTime = StoredTime.timestamp(micros: m.nowMicros)
                unit.updateTime = unit.createTime
                try OrgStore.insert(unit, in: tx)
                if let node = OrgDirectory.Node(unit) { stage(directory.updating(node)) }
                return unit
            }
        }
    }

    public func updateOrgUnit(request: Jiceng_V1_UpdateOrgUnitRequest, context: ServerContext) async throws -> Jiceng_V1_OrgUnit {
        try environment.validator.validate(request, enforceNestedRequired: false)
        let id = request.orgUnit.id
        guard !id.isEmpty else { throw PlatformError.invalidArgument(field: "org_unit.id", "必填 (required)") }
        guard !request.orgUnit.etag.isEmpty else {
            throw PlatformError.invalidArgument(field: "org_unit.etag", "必填：请先读取组织再修改 (required: read the unit first)")
        }
        let fields = try OrgRules.maskedFields(request.updateMask.paths)
        let environment = self.environment
        return try await publisher.publishing { stage in
            try await environment.mutate(
                Jiceng_V1_OrgService.Method.updateOrgUnit, request: request, requestID: request.requestId,
                resource: "orgUnits/\(id)"
            ) { tx, m in
                guard let current = try OrgStore.fetch(id: id, in: tx) else {
                    throw PlatformError.notFound("组织 \(id) 不存在 (org unit not found)")
                }
                let directory = try OrgStore.directory(in: tx)
                var unit = try OrgRules(directory: directory, caller: m.caller)
                    .checkUpdate(current, changes: request.orgUnit, fields: fields)
                try Etag.check(sent: request.orgUnit.etag, current: current.etag, resource: "orgUnits/\(id)")
                unit.etag = Etag.next()
                unit.updateTime = StoredTime.timestamp(micros: m.nowMicros)
                try OrgStore.replace(unit, in: tx)
                m.auditNote = fields.sorted().joined(separator: ",")
                if let node = OrgDirectory.Node(unit) { stage(directory.updating(node)) }
                return unit
            }
        }
    }
}

/// Installs directory snapshots in commit order.
///
/// Each org change builds its new snapshot inside its write transaction, where writes run one at
/// a time, and numbers it there; after the commit the snapshot is installed unless a later one
/// already is. Two changes committing close together may finish in either order, but the
/// environment never goes back to an older tree, and a change that rolled back is never shown.
final class DirectoryPublisher: Sendable {
    private struct State {
        var staged: [Int: (version: Int, directory: OrgDirectory)] = [:]
        var nextTicket = 0
        var nextVersion = 1
        var installedVersion = 0
    }

    private let environment: PlatformEnvironment
    private let state = Mutex(State())

    init(environment: PlatformEnvironment) {
        self.environment = environment
    }

    /// Runs one org change: `body` stages the tree it produces with `stage`; once `change`
    /// returns (committed) that tree is installed, and if it throws the tree is dropped.
    func publishing<T>(_ change: (_ stage: @escaping @Sendable (OrgDirectory) -> Void) async throws -> T) async throws -> T {
        let ticket = state.withLock { s in
            s.nextTicket += 1
            return s.nextTicket
        }
        let stage: @Sendable (OrgDirectory) -> Void = { [self] directory in
            self.state.withLock { s in
                s.staged[ticket] = (s.nextVersion, directory)
                s.nextVersion += 1
            }
        }
        do {
            let result = try await change(stage)
            state.withLock { s in
                guard let staged = s.staged.removeValue(forKey: ticket), staged.version > s.installedVersion else { return }
                environment.replaceDirectory(staged.directory)
                s.installedVersion = staged.version
            }
            return result
        } catch {
            _ = state.withLock { $0.staged.removeValue(forKey: ticket) }
            throw error
        }
    }
}
