import COpenSSL

/// SHA-256 through libcrypto: the one place Platform calls into OpenSSL.
public enum SHA256Digest {
    /// The 32-byte digest of `bytes`.
    public static func hash(_ bytes: some Collection<UInt8>) -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: Int(SHA256_DIGEST_LENGTH))
        let input = Array(bytes)
        input.withUnsafeBufferPointer { inputBuffer in
            digest.withUnsafeMutableBufferPointer { out in
                _ = SHA256(inputBuffer.baseAddress, inputBuffer.count, out.baseAddress)
            }
        }
        return digest
    }

    /// The digest as lowercase hex.
    public static func hex(_ bytes: some Collection<UInt8>) -> String {
        hash(bytes).map { byte in
            let digits: [Character] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "a", "b", "c", "d", "e", "f"]
            return String([digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
        }.joined()
    }
}
