import RPC

/// A bearer token: `jc1.<id>.<secret>`.
///
/// The id is stored in the clear (to list and revoke tokens); only the SHA-256 of the secret is
/// stored, so a copy of the database never yields a usable token. Lookups go by id and then compare
/// digests in constant time, so response timing reveals nothing about stored secrets.
public struct AccessToken: Sendable, Hashable {
    /// 12 random bytes, base64url: names the token in listings and audit records.
    public let id: String
    /// 32 random bytes (256 bits), base64url.
    public let secret: String

    static let prefix = "jc1"

    /// A fresh token from the system's cryptographic random source.
    public static func generate() -> AccessToken {
        var rng = SystemRandomNumberGenerator()
        return AccessToken(id: Base64URL.encode(randomBytes(12, &rng)), secret: Base64URL.encode(randomBytes(32, &rng)))
    }

    public init(id: String, secret: String) {
        self.id = id
        self.secret = secret
    }

    /// Parses `jc1.<id>.<secret>`; nil for anything else.
    public init?(parsing text: some StringProtocol) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == Self.prefix,
              parts[1].count == 16, parts[2].count == 43,
              parts[1].allSatisfy(Base64URL.isAlphabet), parts[2].allSatisfy(Base64URL.isAlphabet)
        else { return nil }
        self.id = String(parts[1])
        self.secret = String(parts[2])
    }

    /// The text a caller sends after `Bearer `.
    public var text: String { "\(Self.prefix).\(id).\(secret)" }

    /// What the store keeps instead of the secret.
    public var secretDigest: [UInt8] { SHA256Digest.hash(Array(secret.utf8)) }

    /// Compares two digests without an early exit.
    public static func digestsMatch(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for i in a.indices { difference |= a[i] ^ b[i] }
        return difference == 0
    }

    private static func randomBytes(_ count: Int, _ rng: inout SystemRandomNumberGenerator) -> [UInt8] {
        (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &rng) }
    }
}

/// URL-safe base64 without padding (RFC 4648 §5): the RPC layer's base64 with the two
/// characters that need escaping in URLs and headers swapped.
enum Base64URL {
    static func isAlphabet(_ c: Character) -> Bool {
        c.isASCII && (c.isLetter || c.isNumber || c == "-" || c == "_")
    }

    static func encode(_ bytes: [UInt8]) -> String {
        String(Base64.encode(bytes, padding: false).map { $0 == "+" ? "-" : $0 == "/" ? "_" : $0 })
    }
}
