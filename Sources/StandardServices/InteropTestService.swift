import JicengAPI
import RPC

/// `grpc.testing.TestService`, the service of gRPC's cross-language interoperability suite, so
/// that stock clients can run the official cases (large_unary, ping_pong, custom_metadata,
/// status_code_and_message, server_compressed_*, …) against this transport. Served only with `jiceng serve --interop`.
public struct InteropTestService: Grpc_Testing_TestServiceService {
    static let echoInitialKey = "x-grpc-test-echo-initial"
    static let echoTrailingKey = "x-grpc-test-echo-trailing-bin"

    public init() {}

    public func emptyCall(request: Grpc_Testing_Empty, context: ServerContext) async throws -> Grpc_Testing_Empty {
        echoMetadata(context)
        return Grpc_Testing_Empty()
    }

    public func unaryCall(request: Grpc_Testing_SimpleRequest, context: ServerContext) async throws -> Grpc_Testing_SimpleResponse {
        echoMetadata(context)
        try checkCompression(expected: request.hasExpectCompressed && request.expectCompressed.value, context)
        try fail(with: request.hasResponseStatus ? request.responseStatus : nil)
        if request.hasResponseCompressed && request.responseCompressed.value { context.compressResponses(with: .gzip) }
        var response = Grpc_Testing_SimpleResponse()
        response.payload = try payload(size: request.responseSize)
        return response
    }

    public func cacheableUnaryCall(request: Grpc_Testing_SimpleRequest, context: ServerContext) async throws -> Grpc_Testing_SimpleResponse {
        try await unaryCall(request: request, context: context)
    }

    public func streamingOutputCall(
        request: Grpc_Testing_StreamingOutputCallRequest, responses: ResponseWriter<Grpc_Testing_StreamingOutputCallResponse>,
        context: ServerContext
    ) async throws {
        echoMetadata(context)
        // Compression is chosen per call here: any response asking for it compresses them all.
        if request.responseParameters.contains(where: { $0.hasCompressed && $0.compressed.value }) {
            context.compressResponses(with: .gzip)
        }
        try await respond(to: request, responses)
        try fail(with: request.hasResponseStatus ? request.responseStatus : nil)
    }

    public func streamingInputCall(
        requests: RequestStream<Grpc_Testing_StreamingInputCallRequest>, context: ServerContext
    ) async throws -> Grpc_Testing_StreamingInputCallResponse {
        echoMetadata(context)
        var total = 0
        for try await request in requests { total += request.payload.body.count }
        var response = Grpc_Testing_StreamingInputCallResponse()
        response.aggregatedPayloadSize = Int32(total)
        return response
    }

    public func fullDuplexCall(
        requests: RequestStream<Grpc_Testing_StreamingOutputCallRequest>, responses: ResponseWriter<Grpc_Testing_StreamingOutputCallResponse>,
        context: ServerContext
    ) async throws {
        echoMetadata(context)
        for try await request in requests {
            try fail(with: request.hasResponseStatus ? request.responseStatus : nil)
            try await respond(to: request, responses)
        }
    }

    public func halfDuplexCall(
        requests: RequestStream<Grpc_Testing_StreamingOutputCallRequest>, responses: ResponseWriter<Grpc_Testing_StreamingOutputCallResponse>,
        context: ServerContext
    ) async throws {
        echoMetadata(context)
        var buffered: [Grpc_Testing_StreamingOutputCallRequest] = []
        for try await request in requests { buffered.append(request) }
        for request in buffered { try await respond(to: request, responses) }
    }

    // MARK: Case mechanics

    /// One response per `response_parameters` entry, after its interval.
    private func respond(
        to request: Grpc_Testing_StreamingOutputCallRequest, _ responses: ResponseWriter<Grpc_Testing_StreamingOutputCallResponse>
    ) async throws {
        for parameters in request.responseParameters {
            if parameters.intervalUs > 0 { try await Task.sleep(for: .microseconds(Int(parameters.intervalUs))) }
            var response = Grpc_Testing_StreamingOutputCallResponse()
            response.payload = try payload(size: parameters.size)
            try await responses.write(response)
        }
    }

    /// A zero-filled payload; a negative size is the caller's mistake.
    private func payload(size: Int32) throws -> Grpc_Testing_Payload {
        guard size >= 0, size <= 8 << 20 else { throw Status(.invalidArgument, "response size \(size) out of range") }
        var payload = Grpc_Testing_Payload()
        payload.body = [UInt8](repeating: 0, count: Int(size))
        return payload
    }

    /// The status_code_and_message case: the server answers with the status the client asked for.
    private func fail(with echo: Grpc_Testing_EchoStatus?) throws {
        guard let echo, echo.code != 0 else { return }
        throw Status(Status.Code(wireValue: Int(echo.code)), echo.message)
    }

    /// The client_compressed_* cases: a request that says it was compressed must have been.
    private func checkCompression(expected: Bool, _ context: ServerContext) throws {
        if expected && context.requestEncoding == .identity {
            throw Status(.invalidArgument, "expected a compressed request")
        }
    }

    /// The custom_metadata case: echo one header in the response headers, one in the trailers.
    private func echoMetadata(_ context: ServerContext) {
        if let initial = context.metadata.first(Self.echoInitialKey) {
            context.addInitialResponseMetadata(Self.echoInitialKey, initial)
        }
        for trailing in context.metadata.binaryValues(Self.echoTrailingKey) {
            var metadata = context.trailingResponseMetadata
            metadata.add(Self.echoTrailingKey, binary: trailing)
            context.trailingResponseMetadata = metadata
        }
    }
}
