import HTTP2Transport
import JicengAPI
import RPC

/// A connection to a Jiceng server, with a typed client for each service.
///
/// Every call made through it:
/// - carries `authorization: Bearer <token>` (`BearerTokenInterceptor`);
/// - gets `defaultTimeout` when it sets no timeout of its own (streams excepted);
/// - if it mutates, has an empty `request_id` filled with a UUID, so that it can be retried;
/// - if it is idempotent (a read, or a mutation with a `request_id`), is retried on UNAVAILABLE
///   with exponential backoff and jitter (`RetryingTransport`, `RetryPolicy`).
///
/// ```swift
/// let jiceng = try JicengConnection(server: "127.0.0.1:50051", token: token)
/// let units = try await jiceng.org.listOrgUnits(Jiceng_V1_ListOrgUnitsRequest())
/// ```
///
/// Failed calls throw `RPC.Status`; `status.richStatus` holds the server's `google.rpc` details.
public final class JicengConnection: Sendable {
    /// The HTTP/2 transport underneath (one connection, reopened as needed).
    public let transport: HTTP2ClientTransport
    /// What the typed clients call through: retries and request ids, then the interceptor.
    public let rpc: RPCClient

    /// TaskService: raising, routing and following matters.
    public var tasks: Jiceng_V1_TaskServiceClient { Jiceng_V1_TaskServiceClient(rpc) }
    /// CatalogueService: the published lists of responsibilities.
    public var catalogue: Jiceng_V1_CatalogueServiceClient { Jiceng_V1_CatalogueServiceClient(rpc) }
    /// OrgService: the org tree.
    public var org: Jiceng_V1_OrgServiceClient { Jiceng_V1_OrgServiceClient(rpc) }
    /// AppraisalService: towns assessing departments.
    public var appraisal: Jiceng_V1_AppraisalServiceClient { Jiceng_V1_AppraisalServiceClient(rpc) }
    /// AuditService: the audit log.
    public var audit: Jiceng_V1_AuditServiceClient { Jiceng_V1_AuditServiceClient(rpc) }

    /// Why a connection cannot be set up.
    public struct SetupError: Error, Sendable, CustomStringConvertible {
        public let description: String
    }

    /// Connects (lazily, on the first call) to `server`, an `IP:port` (`[v6]:port`, or
    /// `localhost:port`).
    ///
    /// - Parameters:
    ///   - token: the bearer token sent with every call; nil for anonymous calls only.
    ///   - tls: TLS settings; nil for plaintext HTTP/2.
    ///   - retry: how idempotent calls are retried on UNAVAILABLE; `.none` turns retries off.
    ///   - defaultTimeout: the timeout of unary and client-streaming calls that set none.
    /// - Throws: `SetupError` for an address that does not parse or TLS files that cannot be used.
    public init(
        server: String, token: String?, tls: ClientTLSConfiguration? = nil,
        retry: RetryPolicy = RetryPolicy(), defaultTimeout: Duration? = .seconds(30)
    ) throws {
        guard let address = SocketAddress(parsing: server), address.port > 0 else {
            throw SetupError(description: "invalid server address \(server); expected HOST:PORT")
        }
        do {
            transport = try HTTP2ClientTransport(target: address, tls: tls)
        } catch {
            throw SetupError(description: "unusable TLS configuration: \(error)")
        }
        rpc = RPCClient(
            transport: RetryingTransport(inner: transport, policy: retry),
            interceptors: [BearerTokenInterceptor(token: token, defaultTimeout: defaultTimeout)])
    }

    /// Closes the connection; calls in flight fail with UNAVAILABLE. A later call reconnects.
    public func close() {
        transport.close()
    }
}
