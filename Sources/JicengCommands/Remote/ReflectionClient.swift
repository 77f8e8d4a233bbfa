import JicengAPI
import ProtoRuntime
import RPC

/// Learns a server's schema through gRPC server reflection, so that `jiceng call`, `list` and
/// `describe` work against any gRPC server that offers reflection, not just ours.
///
/// Speaks `grpc.reflection.v1` and falls back to `v1alpha` when the server does not implement v1
/// (older grpc-go and grpc-java servers). The two protocols are wire-identical, so the v1 message
/// types serve for both; only the method path differs.
struct ReflectionClient: Sendable {
    let rpc: RPCClient
    let metadata: Metadata
    let options: CallOptions

    private static let v1 = MethodDescriptor(service: "grpc.reflection.v1.ServerReflection", method: "ServerReflectionInfo", kind: .bidirectionalStreaming)
    private static let v1alpha = MethodDescriptor(service: "grpc.reflection.v1alpha.ServerReflection", method: "ServerReflectionInfo", kind: .bidirectionalStreaming)

    /// The services the server lists, sorted.
    func serviceNames() async throws -> [String] {
        var request = Grpc_Reflection_V1_ServerReflectionRequest()
        request.listServices = "*"
        let responses = try await exchange([request])
        var names: [String] = []
        for response in responses {
            switch response.messageResponse {
            case .listServicesResponse(let list)?: names += list.service.map(\.name)
            case .errorResponse(let error)?: throw Self.status(of: error)
            default: continue
            }
        }
        return names.sorted()
    }

    /// A pool holding the file that defines `symbol` (a service, method, message or enum full
    /// name) and every file it imports, fetched one round per import level.
    func pool(containing symbols: [String]) async throws -> DescriptorPool {
        var files: [String: Google_Protobuf_FileDescriptorProto] = [:]
        var order: [String] = []
        var pending = symbols.map { symbol in
            var request = Grpc_Reflection_V1_ServerReflectionRequest()
            request.fileContainingSymbol = symbol
            return request
        }
        // Servers differ: ours and grpc-go send a file with all its imports, grpcio (Python) sends
        // only the file itself. Asking again for whatever import is still missing covers both;
        // the bound stops a server that keeps answering with files we did not ask for.
        var rounds = 0
        while !pending.isEmpty {
            rounds += 1
            guard rounds <= 64 else { throw Status(.internal, "服务器反射的依赖层次过深 (reflection imports nest too deeply)") }
            for response in try await exchange(pending) {
                switch response.messageResponse {
                case .fileDescriptorResponse(let found)?:
                    for bytes in found.fileDescriptorProto {
                        let file = try Google_Protobuf_FileDescriptorProto(serializedBytes: bytes)
                        if files[file.name] == nil { order.append(file.name) }
                        files[file.name] = file
                    }
                case .errorResponse(let error)?:
                    throw Self.status(of: error)
                default:
                    continue
                }
            }
            let missing = Set(files.values.flatMap(\.dependency)).subtracting(files.keys).sorted()
            pending = missing.map { name in
                var request = Grpc_Reflection_V1_ServerReflectionRequest()
                request.fileByFilename = name
                return request
            }
        }
        // A pool wants each file after the ones it imports.
        var sorted: [Google_Protobuf_FileDescriptorProto] = []
        var placed: Set<String> = []
        func place(_ name: String) {
            guard let file = files[name], placed.insert(name).inserted else { return }
            for dependency in file.dependency { place(dependency) }
            sorted.append(file)
        }
        for name in order { place(name) }
        do {
            return try DescriptorPool(files: sorted)
        } catch {
            throw Status(.internal, "服务器反射给出的描述不完整 (reflection returned an incomplete schema): \(error)")
        }
    }

    /// `pool(containing:)` for one symbol, where a symbol the server does not know fails with
    /// `exitCode` (NOT_FOUND for `describe`, UNIMPLEMENTED for `call`).
    func pool(defining symbol: String, unknownExitCode exitCode: Int32) async throws -> DescriptorPool {
        do {
            return try await pool(containing: [symbol])
        } catch let status as Status where status.code == .notFound {
            throw CommandFailure("服务器上没有 (the server does not know) \(symbol): \(status.message)", exitCode: exitCode)
        }
    }

    /// Sends `requests` on one reflection stream and collects the answers: v1 first, v1alpha when
    /// the server does not know v1.
    private func exchange(_ requests: [Grpc_Reflection_V1_ServerReflectionRequest]) async throws -> [Grpc_Reflection_V1_ServerReflectionResponse] {
        do {
            return try await exchange(requests, on: Self.v1)
        } catch let status as Status where status.code == .unimplemented {
            do {
                return try await exchange(requests, on: Self.v1alpha)
            } catch let alpha as Status where alpha.code == .unimplemented {
                throw Status(.unimplemented, "服务器未开启反射 (the server offers neither grpc.reflection.v1 nor v1alpha)")
            }
        }
    }

    private func exchange(_ requests: [Grpc_Reflection_V1_ServerReflectionRequest], on method: MethodDescriptor) async throws -> [Grpc_Reflection_V1_ServerReflectionResponse] {
        var responses: [Grpc_Reflection_V1_ServerReflectionResponse] = []
        try await rpc.bidirectionalStreaming(method, requests: requests, metadata: metadata, options: options) { (response: Grpc_Reflection_V1_ServerReflectionResponse) in
            responses.append(response)
        }
        return responses
    }

    private static func status(of error: Grpc_Reflection_V1_ErrorResponse) -> Status {
        Status(Status.Code(wireValue: Int(error.errorCode)), "服务器反射: \(error.errorMessage)")
    }
}
