import RPC

/// One request stream's loop-side state: the parsed request head, the deframer, the response bytes
/// waiting for nghttp2 to pull them, and the handler task. Touched only on the owning loop.
final class ServerStream {
    let id: Int32

    // Request head, filled by the header callback.
    var path: String?
    var contentType: ContentTypeCheck = .missing
    var timeout: Duration?
    var encoding: CompressionAlgorithm = .identity
    /// What the client can read back (`grpc-accept-encoding`).
    var acceptedEncodings: Set<CompressionAlgorithm> = [.identity]
    var unknownEncoding: String?
    var metadata = Metadata()
    var headerError: Status?
    var headerListSize = 0

    enum ContentTypeCheck { case missing, grpc, other }

    // Request body.
    var method: ServerMethod?
    var deframer: MessageDeframer
    var singleRequest: [UInt8]?
    var requestEnded = false
    /// Request bytes received but not yet returned to the peer as flow-control credit.
    var deferredCredit = 0

    // The call.
    var handle: StreamHandle?
    var context: ServerContext?
    var task: Task<Void, Never>?
    var started = false

    // Response.
    var headersSent = false
    /// Set once the final status is decided; later output from the handler is ignored.
    var finished = false
    var outData: [UInt8] = []
    var outOffset = 0
    var pendingTrailers: (Status, Metadata)?
    var dataDeferred = false
    /// Response bytes nghttp2 took since the handle was last told (streaming backpressure).
    var unacknowledgedSent = 0

    init(id: Int32, maxMessageSize: Int) {
        self.id = id
        self.deframer = MessageDeframer(maxMessageSize: maxMessageSize)
    }

    var outBytesPending: Int { outData.count - outOffset }
}
