import Testing
@testable import RPC

@Suite struct StatusTests {
    @Test func everyCodeHasItsWireNumberAndName() {
        #expect(Status.Code.allCases.count == 17)
        for code in Status.Code.allCases {
            #expect(Status.Code(wireValue: code.rawValue) == code)
        }
        #expect(Status.Code.invalidArgument.description == "INVALID_ARGUMENT")
        #expect(Status.Code.unauthenticated.rawValue == 16)
        #expect(Status.Code(wireValue: 99) == .unknown)
    }

    @Test func nonStatusErrorsBecomeUnknown() {
        struct Oops: Error {}
        #expect(Status(error: Oops()).code == .unknown)
        #expect(Status(error: Status(.notFound, "x")) == Status(.notFound, "x"))
        #expect(Status(error: CancellationError()).code == .cancelled)
    }

    @Test func richStatusRoundTripsThroughDetails() throws {
        let detail = RichStatus.Detail(typeURL: "type.googleapis.com/google.rpc.ErrorInfo", value: [10, 3, 0x61, 0x62, 0x63])
        let status = Status(.failedPrecondition, "wrong state", details: [detail])
        let rich = try #require(status.richStatus)
        #expect(rich.code == 9)
        #expect(rich.message == "wrong state")
        #expect(rich.details == [detail])
        // Hand-checked wire bytes: code=9, message, one Any.
        let bytes = RichStatus(code: 9, message: "m").serializedBytes()
        #expect(bytes == [0x08, 0x09, 0x12, 0x01, 0x6D])
    }

    @Test func grpcMessagePercentEncodingRoundTrips() {
        #expect(StatusMessageEncoding.encode("plain text") == "plain text")
        #expect(StatusMessageEncoding.encode("100%") == "100%25")
        #expect(StatusMessageEncoding.encode("a\nb") == "a%0Ab")
        #expect(StatusMessageEncoding.encode("任务") == "%E4%BB%BB%E5%8A%A1")
        for text in ["任务不存在: 42%", "tab\there", "", "%%%", "émoji 🚀"] {
            #expect(StatusMessageEncoding.decode(StatusMessageEncoding.encode(text)) == text)
        }
        // Malformed escapes are kept literally.
        #expect(StatusMessageEncoding.decode("50%zz") == "50%zz")
        #expect(StatusMessageEncoding.decode("end%4") == "end%4")
    }
}
