import Foundation

/// Opaque page tokens for List methods (AIP-158): the key of the last item returned, bound to
/// the filters of the listing it came from, so that a token used with other filters is refused
/// rather than silently skipping or repeating items.
public enum PageToken {
    /// The page size used when a request leaves it 0.
    public static let defaultPageSize = 50
    /// The largest page; larger requests are served this many.
    public static let maxPageSize = 1000

    /// The page size a request asks for: 0 → the default, above the maximum → the maximum,
    /// negative → INVALID_ARGUMENT.
    public static func pageSize(_ requested: Int32, field: String = "page_size") throws(PlatformError) -> Int {
        guard requested >= 0 else { throw .invalidArgument(field: field, "不能为负数 (must not be negative)") }
        return requested == 0 ? defaultPageSize : min(Int(requested), maxPageSize)
    }

    /// The token for the page after the item with key `lastKey`, in the listing described by
    /// `filters` (any text that differs whenever the filters do).
    public static func encode(after lastKey: String, filters: String) -> String {
        Base64URL.encode(fingerprint(filters) + Array(lastKey.utf8))
    }

    /// The key a token continues after: nil for the empty token (the first page). A token that
    /// does not decode, or that belongs to other filters, is INVALID_ARGUMENT naming `field`.
    public static func decode(_ token: String, filters: String, field: String = "page_token") throws(PlatformError) -> String? {
        guard !token.isEmpty else { return nil }
        var base64 = token.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard let data = Data(base64Encoded: base64), data.count >= 8 else {
            throw .invalidArgument(field: field, "无效的分页令牌 (not a page token from this server)")
        }
        let bytes = [UInt8](data)
        guard Array(bytes.prefix(8)) == fingerprint(filters), let key = String(validating: bytes.dropFirst(8), as: UTF8.self) else {
            throw .invalidArgument(field: field, "分页令牌与查询条件不符 (the token belongs to a listing with other filters)")
        }
        return key
    }

    private static func fingerprint(_ filters: String) -> [UInt8] {
        Array(SHA256Digest.hash(Array(filters.utf8)).prefix(8))
    }
}
