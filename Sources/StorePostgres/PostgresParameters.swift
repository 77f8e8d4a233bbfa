import Store

/// Statement parameters laid out as libpq's `PQexecPrepared` takes them: parallel arrays of
/// value pointers, lengths and formats.
///
/// Numbers and text go as text, which the server parses into the type it inferred for the
/// parameter, so an integer binds to int2 … int8, numeric or float8 alike. Blobs go in binary
/// format (bytea's binary form is the bytes themselves), NULL as a null pointer.
enum PostgresParameters {
    static func withEncoded<R>(
        _ values: [SQLValue], sql: String,
        _ body: (Int32, UnsafePointer<UnsafePointer<CChar>?>?, UnsafePointer<Int32>?, UnsafePointer<Int32>?) -> R
    ) throws(StoreError) -> R {
        // One buffer holds every value, so there is one allocation and the pointers into it stay
        // valid for the whole call.
        var buffer: [UInt8] = []
        var offsets: [Int?] = []
        var lengths: [Int32] = []
        var formats: [Int32] = []
        offsets.reserveCapacity(values.count)
        lengths.reserveCapacity(values.count)
        formats.reserveCapacity(values.count)
        func appendText(_ text: some StringProtocol) {
            offsets.append(buffer.count)
            buffer.append(contentsOf: text.utf8)
            lengths.append(0)
            formats.append(0)
            buffer.append(0)  // text-format values are C strings
        }
        for (index, value) in values.enumerated() {
            switch value {
            case .null:
                offsets.append(nil)
                lengths.append(0)
                formats.append(0)
            case .integer(let v):
                appendText(String(v))
            case .real(let v):
                appendText(PostgresTextValue.encode(v))
            case .text(let v):
                // A C string would silently end at the NUL; PostgreSQL text cannot hold one anyway.
                guard !v.utf8.contains(0) else {
                    throw .misuse("parameter $\(index + 1) is text containing a NUL character, which PostgreSQL cannot store: \(sql)")
                }
                appendText(v)
            case .blob(let v):
                offsets.append(buffer.count)
                buffer.append(contentsOf: v)
                lengths.append(Int32(clamping: v.count))
                formats.append(1)
            }
        }
        // Never empty, so the base address exists even when every value is NULL or empty.
        buffer.append(0)
        return buffer.withUnsafeBufferPointer { bytes in
            let base = UnsafeRawPointer(bytes.baseAddress!)
            let pointers: [UnsafePointer<CChar>?] = offsets.map { offset in
                offset.map { (base + $0).assumingMemoryBound(to: CChar.self) }
            }
            return pointers.withUnsafeBufferPointer { pointers in
                lengths.withUnsafeBufferPointer { lengths in
                    formats.withUnsafeBufferPointer { formats in
                        body(Int32(values.count), pointers.baseAddress, lengths.baseAddress, formats.baseAddress)
                    }
                }
            }
        }
    }
}
