/// An in-memory, immutable snapshot of the org tree, used for every scope decision.
///
/// The tree is small (thousands of units) and read on every call, so the server keeps one snapshot
/// and swaps in a new one after each committed org change, rather than asking the store.
public struct OrgDirectory: Sendable {
    /// What a unit is; raw values equal `jiceng.v1.OrgKind`.
    public enum Kind: Int32, Sendable, CaseIterable {
        case city = 1, district, town, street, village, community, grid, department, dispatchedAgency,
            enforcementTeam, serviceCenter

        /// Towns and streets are the level that raises and verifies tasks.
        public var isTownLevel: Bool { self == .town || self == .street }
    }

    /// One unit, as much of it as access decisions need.
    public struct Node: Sendable, Hashable {
        public var id: String
        public var name: String
        public var kind: Kind
        public var parentID: String?
        public var stationedTownID: String?
        public var active: Bool

        public init(id: String, name: String, kind: Kind, parentID: String?, stationedTownID: String? = nil, active: Bool = true) {
            self.id = id
            self.name = name
            self.kind = kind
            self.parentID = parentID
            self.stationedTownID = stationedTownID
            self.active = active
        }
    }

    private let nodes: [String: Node]
    private let children: [String: [String]]

    public init(_ units: some Sequence<Node>) {
        var nodes: [String: Node] = [:]
        var children: [String: [String]] = [:]
        for unit in units {
            nodes[unit.id] = unit
            if let parent = unit.parentID { children[parent, default: []].append(unit.id) }
        }
        for key in children.keys { children[key]!.sort() }
        self.nodes = nodes
        self.children = children
    }

    public subscript(id: String) -> Node? { nodes[id] }

    /// Every unit matching `predicate`, in id order.
    public func units(where predicate: (Node) -> Bool) -> [Node] {
        nodes.values.filter(predicate).sorted { $0.id < $1.id }
    }

    /// The same tree with `node` added, or replacing the unit with its id.
    public func updating(_ node: Node) -> OrgDirectory {
        var all = nodes
        all[node.id] = node
        return OrgDirectory(all.values)
    }

    public var count: Int { nodes.count }

    /// The direct children of a unit, in id order.
    public func children(of id: String) -> [Node] {
        (children[id] ?? []).compactMap { nodes[$0] }
    }

    /// The unit and its ancestors, nearest first. Stops at a missing parent or a cycle.
    public func lineage(of id: String) -> [Node] {
        var result: [Node] = []
        var seen: Set<String> = []
        var cursor = nodes[id]
        while let node = cursor, seen.insert(node.id).inserted {
            result.append(node)
            cursor = node.parentID.flatMap { nodes[$0] }
        }
        return result
    }

    /// The district a unit belongs to (the district itself for a district; nil for the city).
    public func district(of id: String) -> Node? {
        lineage(of: id).first { $0.kind == .district }
    }

    /// The town or street a unit lies in (itself for a town or street). A dispatched agency lies in
    /// the town it is stationed in.
    public func town(of id: String) -> Node? {
        guard let node = nodes[id] else { return nil }
        if node.kind == .dispatchedAgency { return node.stationedTownID.flatMap { nodes[$0] } }
        return lineage(of: id).first { $0.kind.isTownLevel }
    }

    /// True when `id` is `ancestorID` or lies beneath it.
    public func isWithin(_ id: String, _ ancestorID: String) -> Bool {
        lineage(of: id).contains { $0.id == ancestorID }
    }

    /// Every unit beneath `id` (not including it), depth first in id order.
    public func descendants(of id: String) -> [Node] {
        var result: [Node] = []
        var stack = (children[id] ?? []).reversed().map { $0 }
        while let next = stack.popLast() {
            guard let node = nodes[next] else { continue }
            result.append(node)
            stack.append(contentsOf: (children[next] ?? []).reversed())
        }
        return result
    }

    /// The parent kinds each kind accepts (DESIGN.md §4, proto/jiceng/v1/org.proto).
    public static func allowedParents(of kind: Kind) -> Set<Kind> {
        switch kind {
        case .city: []
        case .district: [.city]
        case .town, .street: [.district]
        case .village, .community: [.town, .street]
        case .grid: [.village, .community]
        case .department: [.district]
        case .dispatchedAgency: [.department]
        case .enforcementTeam, .serviceCenter: [.town, .street]
        }
    }
}
