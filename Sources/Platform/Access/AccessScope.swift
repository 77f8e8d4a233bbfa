/// Scope decisions for one caller against the org tree (DESIGN.md §5): a town operator acts for
/// its town and what lies beneath it, a department operator for its department (an agency's
/// operator for its parent department within the town the agency is stationed in), district and
/// city admins for their subtree, auditors read everything and change nothing.
///
/// Role checks (may this role call the method at all?) come first, from the method's
/// `(jiceng.v1.method_access)` option; these answer the finer question of *which* org units.
public struct AccessScope: Sendable {
    public let caller: Caller
    public let directory: OrgDirectory

    public init(caller: Caller, directory: OrgDirectory) {
        self.caller = caller
        self.directory = directory
    }

    /// The district of the caller's org (nil for city-level callers).
    public var callerDistrictID: String? { directory.district(of: caller.orgID)?.id }

    /// May the caller create or change org units beneath `parentID` (or the unit `parentID` is)?
    public func mayAdministerOrg(under unitID: String) -> Bool {
        switch caller.role {
        case .cityAdmin: return true
        case .districtAdmin: return directory.isWithin(unitID, caller.orgID)
        default: return false
        }
    }

    /// May the caller act for a town or street: raise calls there, dispatch, verify, rate?
    public func actsForTown(_ townID: String) -> Bool {
        switch caller.role {
        case .cityAdmin: return directory[townID] != nil
        case .districtAdmin: return directory.isWithin(townID, caller.orgID)
        case .townOperator: return caller.orgID == townID
        case .gridWorker: return directory.town(of: caller.orgID)?.id == townID
        case .departmentOperator, .auditor: return false
        }
    }

    /// May the caller act for `departmentID` on a matter in `townID` (nil: any town)? An agency's
    /// operator acts for its parent department, only in the town the agency is stationed in.
    public func actsForDepartment(_ departmentID: String, inTown townID: String? = nil) -> Bool {
        guard caller.role == .departmentOperator, let own = directory[caller.orgID] else { return false }
        if own.id == departmentID { return true }
        guard own.kind == .dispatchedAgency, own.parentID == departmentID else { return false }
        guard let townID else { return true }
        return own.stationedTownID == townID
    }

    /// May the caller read what is located in a town (its tasks, its drafts)?
    public func mayReadTown(_ townID: String) -> Bool {
        switch caller.role {
        case .cityAdmin, .auditor: return true
        case .districtAdmin: return directory.isWithin(townID, caller.orgID)
        case .townOperator: return caller.orgID == townID
        case .gridWorker: return directory.town(of: caller.orgID)?.id == townID
        case .departmentOperator:
            // A department reads its district's towns; which tasks is decided by lead/cooperation.
            return directory.district(of: townID)?.id == callerDistrictID
        }
    }

    /// May the caller read what belongs to a district (its periods, reports, ranking)?
    public func mayReadDistrict(_ districtID: String) -> Bool {
        switch caller.role {
        case .cityAdmin, .auditor: return true
        default: return callerDistrictID == districtID
        }
    }

    /// May the caller administer a district's affairs (catalogue publishing, appraisal periods)?
    public func administersDistrict(_ districtID: String) -> Bool {
        switch caller.role {
        case .cityAdmin: return directory[districtID]?.kind == .district
        case .districtAdmin: return caller.orgID == districtID
        default: return false
        }
    }
}
