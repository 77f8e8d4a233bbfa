/// Who is calling: the org unit and role their token binds, and the token's id for the audit log.
public struct Caller: Sendable, Hashable {
    public var tokenID: String
    public var orgID: String
    public var role: Role

    public init(tokenID: String, orgID: String, role: Role) {
        self.tokenID = tokenID
        self.orgID = orgID
        self.role = role
    }
}
