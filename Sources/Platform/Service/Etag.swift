/// Entity tags: an opaque string that changes on every update of a resource, so that an update
/// sent with an old one is refused (ABORTED) instead of silently overwriting someone's change.
public enum Etag {
    private static let alphabet = Array("0123456789abcdefghijklmnopqrstuvwxyz")

    /// A fresh random etag (10 characters, ~51 bits).
    public static func next() -> String {
        var rng = SystemRandomNumberGenerator()
        return String((0..<10).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &rng)] })
    }

    /// Throws ABORTED unless the caller sent the current etag. An empty `sent` is refused too where
    /// the contract requires an etag (the validator reports it as missing first).
    public static func check(sent: String, current: String, resource: String) throws(PlatformError) {
        guard sent == current else {
            throw .aborted("\(resource) 已被他人修改，请重新读取后再提交 (etag is stale: sent \(sent.isEmpty ? "none" : sent), current \(current))")
        }
    }
}
