import JicengAPI
import ProtoRuntime
import RPC

/// `grpc.reflection.v1.ServerReflection`: lists the services and serves their descriptors from the
/// schema compiled into the binary, so that grpcurl, Postman, grpc_cli and `jiceng call` can
/// discover and call every method without the .proto files.
public struct ReflectionService: Grpc_Reflection_V1_ServerReflectionService {
    public let catalog: ReflectionCatalog
    /// The fully qualified names of the served services, sorted.
    public let serviceNames: [String]

    /// The schema files of everything `jiceng serve` hosts (their imports are found from them).
    public static let servedFiles: [any EmbeddedFileDescriptor.Type] = [
        Jiceng_V1_Org_Proto.self, Jiceng_V1_Catalogue_Proto.self, Jiceng_V1_Task_Proto.self,
        Jiceng_V1_Appraisal_Proto.self, Jiceng_V1_Audit_Proto.self, Grpc_Health_V1_Health_Proto.self,
        Grpc_Reflection_V1_Reflection_Proto.self, Grpc_Reflection_V1alpha_Reflection_Proto.self,
        Bench_Echo_Proto.self, Google_Rpc_Status_Proto.self, Google_Rpc_ErrorDetails_Proto.self,
    ]

    public init(serviceNames: [String], files: [any EmbeddedFileDescriptor.Type] = ReflectionService.servedFiles) {
        self.catalog = ReflectionCatalog(files)
        self.serviceNames = serviceNames.sorted()
    }

    public func serverReflectionInfo(
        requests: RequestStream<Grpc_Reflection_V1_ServerReflectionRequest>,
        responses: ResponseWriter<Grpc_Reflection_V1_ServerReflectionResponse>,
        context: ServerContext
    ) async throws {
        var sent: Set<String> = []
        for try await request in requests {
            try await responses.write(answer(request, sent: &sent))
        }
    }

    /// The response to one request; `sent` tracks the files this stream already delivered.
    public func answer(
        _ request: Grpc_Reflection_V1_ServerReflectionRequest, sent: inout Set<String>
    ) -> Grpc_Reflection_V1_ServerReflectionResponse {
        var response = Grpc_Reflection_V1_ServerReflectionResponse()
        response.validHost = request.host
        response.originalRequest = request
        func files(_ name: String?) {
            guard let name else { return notFound("no such symbol, file or extension") }
            // A client that asks again for a file it already has still gets that file.
            var alreadySent = sent.subtracting([name])
            let bytes = catalog.fileWithDependencies(name, alreadySent: &alreadySent) ?? []
            sent.formUnion(alreadySent)
            var descriptors = Grpc_Reflection_V1_FileDescriptorResponse()
            descriptors.fileDescriptorProto = bytes
            response.messageResponse = .fileDescriptorResponse(descriptors)
        }
        func notFound(_ message: String) {
            var error = Grpc_Reflection_V1_ErrorResponse()
            error.errorCode = Int32(Status.Code.notFound.rawValue)
            error.errorMessage = message
            response.messageResponse = .errorResponse(error)
        }
        switch request.messageRequest {
        case .listServices?:
            var list = Grpc_Reflection_V1_ListServiceResponse()
            list.service = serviceNames.map { name in
                var service = Grpc_Reflection_V1_ServiceResponse()
                service.name = name
                return service
            }
            response.messageResponse = .listServicesResponse(list)
        case .fileByFilename(let name)?:
            files(catalog.hasFile(name) ? name : nil)
        case .fileContainingSymbol(let symbol)?:
            files(catalog.file(containingSymbol: symbol))
        case .fileContainingExtension(let x)?:
            files(catalog.file(containingExtension: x.extensionNumber, of: x.containingType))
        case .allExtensionNumbersOfType(let type)?:
            if let numbers = catalog.extensionNumbers(of: type) {
                var answer = Grpc_Reflection_V1_ExtensionNumberResponse()
                answer.baseTypeName = type
                answer.extensionNumber = numbers
                response.messageResponse = .allExtensionNumbersResponse(answer)
            } else {
                notFound("unknown type \(type)")
            }
        case nil:
            var error = Grpc_Reflection_V1_ErrorResponse()
            error.errorCode = Int32(Status.Code.invalidArgument.rawValue)
            error.errorMessage = "empty reflection request"
            response.messageResponse = .errorResponse(error)
        }
        return response
    }
}

/// `grpc.reflection.v1alpha.ServerReflection`, still what many clients ask for first. Its messages
/// are wire-identical to v1's, so each request is re-read as v1, answered by the v1 service, and
/// the answer re-read as v1alpha: one implementation, two names.
public struct ReflectionServiceV1Alpha: Grpc_Reflection_V1alpha_ServerReflectionService {
    public let v1: ReflectionService

    public init(_ v1: ReflectionService) {
        self.v1 = v1
    }

    public func serverReflectionInfo(
        requests: RequestStream<Grpc_Reflection_V1alpha_ServerReflectionRequest>,
        responses: ResponseWriter<Grpc_Reflection_V1alpha_ServerReflectionResponse>,
        context: ServerContext
    ) async throws {
        var sent: Set<String> = []
        for try await request in requests {
            let asV1 = try Grpc_Reflection_V1_ServerReflectionRequest(serializedBytes: request.serializedBytes())
            let answer = v1.answer(asV1, sent: &sent)
            try await responses.write(try Grpc_Reflection_V1alpha_ServerReflectionResponse(serializedBytes: answer.serializedBytes()))
        }
    }
}
