import Testing
import ProtoRuntime
@testable import RPC

@Suite struct FramingTests {
    @Test func frameHasFlagAndBigEndianLength() {
        #expect(MessageFraming.frame([1, 2, 3]) == [0, 0, 0, 0, 3, 1, 2, 3])
        #expect(MessageFraming.frame([], compressed: true) == [1, 0, 0, 0, 0])
        let rich = RichStatus(code: 5, message: "x")
        #expect(MessageFraming.frame(message: rich) == MessageFraming.frame(rich.serializedBytes()))
    }

    @Test func deframerReassemblesAcrossEveryChunking() throws {
        let stream = MessageFraming.frame([1, 2, 3]) + MessageFraming.frame([]) + MessageFraming.frame(Array(repeating: 7, count: 300), compressed: true)
        for chunkSize in 1...stream.count {
            var deframer = MessageDeframer(maxMessageSize: 1000)
            var messages: [FramedMessage] = []
            var start = 0
            while start < stream.count {
                let end = min(start + chunkSize, stream.count)
                try deframer.consume(Array(stream[start..<end])) { messages.append($0) }
                start = end
            }
            #expect(messages == [
                FramedMessage(compressed: false, bytes: [1, 2, 3]),
                FramedMessage(compressed: false, bytes: []),
                FramedMessage(compressed: true, bytes: Array(repeating: 7, count: 300)),
            ])
            #expect(!deframer.hasPartialMessage)
        }
    }

    @Test func oversizedMessageIsResourceExhaustedBeforeItsBodyArrives() {
        var deframer = MessageDeframer(maxMessageSize: 10)
        #expect(throws: Status.self) {
            try deframer.consume([0, 0, 0, 0, 11]) { _ in }
        }
        do {
            var d = MessageDeframer(maxMessageSize: 10)
            try d.consume([0, 0x7F, 0xFF, 0xFF, 0xFF]) { _ in }
            Issue.record("expected a throw")
        } catch {
            #expect(error.code == .resourceExhausted)
        }
    }

    @Test func partialMessageIsReported() throws {
        var deframer = MessageDeframer(maxMessageSize: 10)
        try deframer.consume([0, 0, 0, 0, 4, 1]) { _ in Issue.record("incomplete") }
        #expect(deframer.hasPartialMessage)
    }

    @Test(arguments: [CompressionAlgorithm.gzip, .deflate, .identity])
    func compressionRoundTrips(_ algorithm: CompressionAlgorithm) throws {
        let text = Array(String(repeating: "基层治理 grassroots ", count: 200).utf8)
        let packed = algorithm.compress(text)
        if algorithm != .identity { #expect(packed.count < text.count) }
        #expect(try algorithm.decompress(packed, limit: text.count) == text)
    }

    @Test func decompressionStopsAtTheLimit() {
        let bomb = CompressionAlgorithm.gzip.compress([UInt8](repeating: 0, count: 1 << 20))
        #expect(bomb.count < 10_000)
        do {
            _ = try CompressionAlgorithm.gzip.decompress(bomb, limit: 64 * 1024)
            Issue.record("expected RESOURCE_EXHAUSTED")
        } catch {
            #expect(error.code == .resourceExhausted)
        }
    }

    @Test func corruptOrTruncatedCompressedInputIsInvalidArgument() {
        let packed = CompressionAlgorithm.deflate.compress(Array("hello hello hello".utf8))
        for input in [Array(packed.dropLast(3)), [1, 2, 3, 4], Array(packed) + [9]] {
            do {
                _ = try CompressionAlgorithm.deflate.decompress(input, limit: 1000)
                Issue.record("expected a failure for \(input)")
            } catch {
                #expect(error.code == .invalidArgument)
            }
        }
        #expect(CompressionAlgorithm(name: "snappy") == nil)
        #expect(CompressionAlgorithm(name: "gzip") == .gzip)
    }
}
