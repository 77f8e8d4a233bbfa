import Testing
@testable import RPC

@Suite struct DeadlineTests {
    @Test func parsesEveryUnit() {
        #expect(GRPCTimeout.parse("2H") == .seconds(7200))
        #expect(GRPCTimeout.parse("3M") == .seconds(180))
        #expect(GRPCTimeout.parse("10S") == .seconds(10))
        #expect(GRPCTimeout.parse("250m") == .milliseconds(250))
        #expect(GRPCTimeout.parse("7u") == .microseconds(7))
        #expect(GRPCTimeout.parse("99999999n") == .nanoseconds(99_999_999))
    }

    @Test func rejectsMalformedValues() {
        for bad in ["", "S", "123456789S", "1x", "-1S", "1.5S", "12", " 1S"] {
            #expect(GRPCTimeout.parse(bad) == nil, "\(bad)")
        }
    }

    @Test func formatsInTheFinestUnitThatFitsAndRoundTrips() {
        #expect(GRPCTimeout.format(.nanoseconds(5)) == "5n")
        #expect(GRPCTimeout.format(.milliseconds(100)) == "100000u")
        #expect(GRPCTimeout.format(.seconds(1)) == "1000000u")
        #expect(GRPCTimeout.format(.seconds(1000)) == "1000000m")
        #expect(GRPCTimeout.format(.seconds(200_000)) == "200000S")
        #expect(GRPCTimeout.format(.seconds(100_000_000)) == "1666667M")
        #expect(GRPCTimeout.format(.zero) == "0n")
        for d: Duration in [.nanoseconds(1), .milliseconds(1500), .seconds(59), .seconds(86400 * 365)] {
            let parsed = GRPCTimeout.parse(GRPCTimeout.format(d))!
            #expect(parsed >= d, "never shorter than asked")
        }
    }

    @Test func deadlineFromNowIsInTheFuture() {
        let d = Deadline(fromNow: .seconds(60))
        #expect(!d.hasPassed)
        #expect(d.timeRemaining > .zero)
        #expect(Deadline(fromNow: .seconds(-1)).hasPassed)
    }
}
