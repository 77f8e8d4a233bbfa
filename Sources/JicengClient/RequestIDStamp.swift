import Foundation
import ProtoRuntime

/// Gives a mutating request an idempotency key: when its `request_id` is empty, a fresh UUID is
/// written in. The server deduplicates on it, which is what makes a retried mutation safe.
///
/// This works on the encoded request rather than in a `ClientInterceptor`, because interceptors
/// see only a call's head (method, metadata, options), never its messages.
struct RequestIDStamp: Sendable {
    let field: FieldDescriptor
    let input: MessageDescriptor
    let pool: DescriptorPool

    /// `request` with `request_id` filled in, or unchanged when it already has one. Bytes that
    /// do not decode are passed on untouched for the server to refuse.
    func stamped(_ request: [UInt8], id: @autoclosure () -> String = UUID().uuidString.lowercased()) -> [UInt8] {
        guard var message = try? DynamicMessage(descriptor: input, serializedBytes: request, pool: pool) else { return request }
        if case .single(.string(let existing))? = message[field.number], !existing.isEmpty { return request }
        message.set(field, .single(.string(id())))
        return message.serializedBytes()
    }
}
