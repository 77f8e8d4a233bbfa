import JicengAPI
import ProtoRuntime
import RPC

/// What the client needs to know about each jiceng.v1 method to call it safely, read once from
/// the schema compiled into JicengAPI: whether it changes state (the `(jiceng.v1.method_access)`
/// option's `mutating`) and where its request keeps `request_id`.
///
/// Calls to methods outside the catalogue (health, reflection, another API) are treated as
/// reads when they send one message and as not retryable otherwise.
public struct MethodTraits: Sendable {
    /// One method's traits.
    public struct Entry: Sendable {
        /// The method changes state.
        public var isMutating: Bool
        /// The request's `request_id` field, if it has one.
        public var requestIDField: FieldDescriptor?
        /// The request message type.
        public var input: MessageDescriptor
    }

    /// The schema the entries point into (to decode and re-encode requests).
    public let pool: DescriptorPool
    private let entries: [String: Entry]

    /// The traits of every method of the jiceng.v1 API.
    public static let jicengAPI: MethodTraits = {
        do {
            return try MethodTraits(files: [
                Jiceng_V1_Task_Proto.self, Jiceng_V1_Org_Proto.self, Jiceng_V1_Catalogue_Proto.self,
                Jiceng_V1_Appraisal_Proto.self, Jiceng_V1_Audit_Proto.self,
            ])
        } catch {
            // The files are compiled in from one schema; failing to read them is a build defect.
            preconditionFailure("the embedded jiceng.v1 schema does not form a pool: \(error)")
        }
    }()

    /// Reads the traits of every method in `files` (and the files they import).
    public init(files: [any EmbeddedFileDescriptor.Type]) throws {
        let pool = try DescriptorPool(embedded: files)
        var entries: [String: Entry] = [:]
        for file in pool.files {
            for service in file.service {
                let serviceName = file.package.isEmpty ? service.name : file.package + "." + service.name
                for method in service.method {
                    guard let descriptor = pool.method(named: "\(serviceName)/\(method.name)") else { continue }
                    let isMutating = method.options.hasJicengV1MethodAccess && method.options.jicengV1MethodAccess.mutating
                    let field = descriptor.input.field(named: "request_id")
                    entries[descriptor.path] = Entry(
                        isMutating: isMutating,
                        requestIDField: field?.type == .string && !(field?.isRepeated ?? true) ? field : nil,
                        input: descriptor.input)
                }
            }
        }
        self.pool = pool
        self.entries = entries
    }

    /// The traits of the method at `path` (`/jiceng.v1.TaskService/CreateTask`).
    public func entry(forPath path: String) -> Entry? { entries[path] }
}
