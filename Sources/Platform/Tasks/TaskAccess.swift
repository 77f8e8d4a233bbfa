import JicengAPI

/// Who may see and move which task (DESIGN.md §5), on top of the role check the access
/// interceptor already made from the method's `(jiceng.v1.method_access)` option.
///
/// - Town operators and grid workers raise calls in their own area; district and city admins in
///   their subtree.
/// - A town operator dispatches, verifies, rates, cancels, escalates, decides extensions and
///   releases assignments for its town's tasks; district admins dispatch, escalate, cancel and
///   release in their district and settle its disputes.
/// - A department operator accepts, disputes, resolves and requests extensions on tasks its
///   department leads, and works its own cooperating assignments (an agency's operator acts for
///   its parent department in the town it is stationed in).
/// - Reading: auditors and city admins everything; district admins their district; a town
///   operator its town; a grid worker its grid's tasks (those it raised among them); a department operator
///   the tasks its department leads or cooperates on.
///
/// A task outside the caller's scope is PERMISSION_DENIED (`TASK_OUT_OF_SCOPE`), not NOT_FOUND:
/// task ids are sequential, so hiding existence would protect nothing, and the distinct status
/// tells an integrator the token is wrong rather than the id.
public struct TaskAccess: Sendable {
    public let scope: AccessScope

    public init(scope: AccessScope) { self.scope = scope }

    var caller: Caller { scope.caller }

    /// May the caller raise a task located in `townID`?
    public func mayRaise(inTown townID: String) -> Bool { scope.actsForTown(townID) }

    /// May the caller read `task`?
    public func mayRead(_ task: Jiceng_V1_Task) -> Bool {
        mayRead(townID: task.townId, gridID: task.gridId,
                departments: [task.leadDepartmentId] + task.cooperatingDepartmentIds)
    }

    /// May the caller read a task (or event) with these facts?
    public func mayRead(townID: String, gridID: String, departments: [String]) -> Bool {
        switch caller.role {
        case .cityAdmin, .auditor: return true
        case .districtAdmin: return scope.directory.isWithin(townID, caller.orgID)
        case .townOperator: return caller.orgID == townID
        case .gridWorker: return gridID == caller.orgID
        case .departmentOperator:
            return departments.contains { !$0.isEmpty && scope.actsForDepartment($0, inTown: townID) }
        }
    }

    /// Throws PERMISSION_DENIED unless the caller may read `task`.
    public func requireRead(_ task: Jiceng_V1_Task) throws(PlatformError) {
        guard mayRead(task) else { throw outOfScope(task) }
    }

    /// Throws PERMISSION_DENIED unless the caller may apply `command` to `task`.
    public func require(_ command: TaskCommand, on task: Jiceng_V1_Task) throws(PlatformError) {
        let town = task.townId
        let allowed: Bool
        switch command {
        case .dispatch, .escalate, .releaseAssignment, .markDuplicate:
            allowed = scope.actsForTown(town)
        case .accept, .dispute, .resolve, .requestExtension:
            guard scope.actsForDepartment(task.leadDepartmentId, inTown: town) else {
                guard mayRead(task) else { throw outOfScope(task) }
                throw PlatformError.permissionDenied(
                    reason: "NOT_LEAD_DEPARTMENT", "只有牵头部门 \(task.leadDepartmentId) 可以\(command.methodName) (only the lead department may do this)")
            }
            allowed = true
        case .settleDispute:
            allowed = caller.role == .cityAdmin
                || (scope.directory.district(of: town).map { scope.administersDistrict($0.id) } ?? false)
        case .addProgress:
            allowed = (caller.role == .townOperator && scope.actsForTown(town))
                || ([task.leadDepartmentId] + task.cooperatingDepartmentIds).contains { scope.actsForDepartment($0, inTown: town) }
        case .verify, .rate, .decideExtension:
            allowed = caller.role == .townOperator && scope.actsForTown(town)
        case .cancel:
            allowed = caller.role == .gridWorker ? task.reporterOrgId == caller.orgID : scope.actsForTown(town)
        case .acknowledgeAssignment(let department, _), .completeAssignment(let department, _):
            allowed = scope.actsForDepartment(department, inTown: town)
        case .escalateForDeadline:
            allowed = false
        }
        guard allowed else { throw outOfScope(task) }
    }

    private func outOfScope(_ task: Jiceng_V1_Task) -> PlatformError {
        .permissionDenied(reason: "TASK_OUT_OF_SCOPE", "任务 \(task.id) 不在您的职责范围内 (the task is outside your scope)")
    }
}
