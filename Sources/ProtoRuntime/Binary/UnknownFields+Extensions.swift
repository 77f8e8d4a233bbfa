/// Extension fields travel as unknown fields: the message type does not declare them, so they
/// land in `unknownFields` like any other field it does not know. Generated extension accessors
/// (for instance custom options read from `MethodOptions`) read and write them here, by number.
extension UnknownFields {
    /// Calls `body` for every field numbered `number`, in wire order, with the decoder positioned
    /// at the field's value; `body` must consume the value (or skip it).
    public func decodeFields(
        numbered number: Int, options: DecodingOptions = .default,
        _ body: (FieldTag, inout BinaryDecoder) throws(ProtoDecodingError) -> Void
    ) throws(ProtoDecodingError) {
        let result: Result<Void, ProtoDecodingError> = bytes.withUnsafeBytes { raw in
            var decoder = BinaryDecoder(unsafeBuffer: raw, options: options)
            do throws(ProtoDecodingError) {
                while let tag = try decoder.nextTag() {
                    if tag.fieldNumber == number {
                        try body(tag, &decoder)
                    } else {
                        _ = try decoder.skipValue(tag)
                    }
                }
                return .success(())
            } catch {
                return .failure(error)
            }
        }
        try result.get()
    }

    /// Whether any field numbered `number` is present.
    public func containsField(numbered number: Int) -> Bool {
        var found = false
        try? decodeFields(numbered: number) { (tag: FieldTag, decoder: inout BinaryDecoder) throws(ProtoDecodingError) in
            found = true
            _ = try decoder.skipValue(tag)
        }
        return found
    }

    /// Removes every field numbered `number`, then appends `size` bytes written by `write`
    /// (complete fields, tags included; `size` must be exact).
    public mutating func replaceFields(numbered number: Int, size: Int, _ write: (inout BinaryEncoder) -> Void) {
        var kept: [UInt8] = []
        bytes.withUnsafeBytes { raw in
            var decoder = BinaryDecoder(unsafeBuffer: raw)
            var start = 0
            // Stored bytes were valid when appended; if they are not, keep them all rather than lose data.
            do throws(ProtoDecodingError) {
                while let tag = try decoder.nextTag() {
                    _ = try decoder.skipValue(tag)
                    let end = raw.count - decoder.remaining
                    if tag.fieldNumber != number { kept.append(contentsOf: raw[start..<end]) }
                    start = end
                }
            } catch {
                kept = Array(raw)
            }
        }
        let offset = kept.count
        kept.append(contentsOf: repeatElement(0, count: size))
        kept.withUnsafeMutableBytes { raw in
            guard size > 0 else { return }
            var encoder = BinaryEncoder(unsafeBuffer: raw.baseAddress! + offset)
            write(&encoder)
            precondition(encoder.bytesWritten == size, "extension field \(number): size disagrees with the bytes written")
        }
        bytes = kept
    }
}
