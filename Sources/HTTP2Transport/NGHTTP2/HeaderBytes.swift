import Glibc

extension UnsafeBufferPointer<UInt8> {
    /// Byte-wise comparison with a literal header name: one `memcmp`, where the generic
    /// `elementsEqual` showed up in profiles of the header callback.
    @inline(__always)
    func equals(_ literal: StaticString) -> Bool {
        count == literal.utf8CodeUnitCount && (count == 0 || memcmp(baseAddress!, literal.utf8Start, count) == 0)
    }

    @inline(__always)
    func hasPrefix(_ literal: StaticString) -> Bool {
        count >= literal.utf8CodeUnitCount && memcmp(baseAddress!, literal.utf8Start, literal.utf8CodeUnitCount) == 0
    }
}
