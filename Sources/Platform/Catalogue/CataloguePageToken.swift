import Foundation

/// Where the next page of ListItems starts, handed to the client as an opaque string.
///
/// Pages are keyset pages, never offsets: a plain listing resumes after the last item number it
/// returned, a search after the last (score, id) in its order. Items added meanwhile therefore
/// never shift what the client has still to read (no item is repeated or skipped). The token also
/// carries a fingerprint of the filters, so a token cannot be replayed against another query.
enum CataloguePageToken: Equatable {
    case listing(afterItemNumber: Int64, filters: String)
    case search(afterScore: Double, afterID: String, filters: String)

    var filters: String {
        switch self {
        case .listing(_, let filters), .search(_, _, let filters): filters
        }
    }

    /// The text a client sends back.
    var encoded: String {
        let plain = switch self {
        case .listing(let number, let filters): "l\u{1F}\(number)\u{1F}\(filters)"
        case .search(let score, let id, let filters): "s\u{1F}\(score.bitPattern)\u{1F}\(id)\u{1F}\(filters)"
        }
        return Data(plain.utf8).base64EncodedString()
    }

    /// Parses a client's token, refusing (INVALID_ARGUMENT `page_token`) one that is malformed or
    /// was made for other filters.
    init(decoding text: String, filters: String) throws(PlatformError) {
        let invalid = PlatformError.invalidArgument(field: "page_token", "分页标记无效或与查询条件不符 (page_token is malformed or belongs to another query)")
        guard let data = Data(base64Encoded: text), let plain = String(data: data, encoding: .utf8) else { throw invalid }
        let parts = plain.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init)
        switch (parts.first, parts.count) {
        case ("l", 3):
            guard let number = Int64(parts[1]) else { throw invalid }
            self = .listing(afterItemNumber: number, filters: parts[2])
        case ("s", 4):
            guard let bits = UInt64(parts[1]) else { throw invalid }
            self = .search(afterScore: Double(bitPattern: bits), afterID: parts[2], filters: parts[3])
        default:
            throw invalid
        }
        guard self.filters == filters else { throw invalid }
    }

    /// The fingerprint of a ListItems query's filters.
    static func fingerprint(owner: String, list: Int32, domain: Int32, state: Int32, query: String) -> String {
        String(SHA256Digest.hex(Array("\(owner)\u{0}\(list)\u{0}\(domain)\u{0}\(state)\u{0}\(query)".utf8)).prefix(16))
    }
}
