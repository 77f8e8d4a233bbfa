// Encodes and decodes a task-shaped message and a 100-task list with both codecs, after checking
// that they produce the same bytes. Prints the median time per operation over several rounds.
import OurTask
import SwiftProtobufTask

func measure(_ label: String, iterations: Int, _ body: () throws -> Int) rethrows -> Duration {
    var sink = 0
    var rounds: [Duration] = []
    for _ in 0..<7 {
        let clock = ContinuousClock()
        let start = clock.now
        for _ in 0..<iterations { sink &+= try body() }
        rounds.append((clock.now - start) / iterations)
    }
    precondition(sink != 42, "unreachable; keeps the work alive")
    return rounds.sorted()[rounds.count / 2]
}

func nanoseconds(_ d: Duration) -> Double {
    Double(d.components.seconds) * 1e9 + Double(d.components.attoseconds) / 1e9
}

let ourTask = OurWorkload.encodeTask()
let ourList = OurWorkload.encodeList()
let theirTask = try SwiftProtobufWorkload.encodeTask()
let theirList = try SwiftProtobufWorkload.encodeList()
let reencoded = try SwiftProtobufWorkload.deterministicReencodeList(ourList)
precondition(reencoded == ourList, "codecs disagree on the list's bytes")
let decodedCount = try OurWorkload.decodeList(theirList)
precondition(decodedCount == 100)

print("message            bytes   op       ProtoRuntime   swift-protobuf   ratio")
for (name, iterations, ours, theirs, ourEncode, theirEncode, ourDecode, theirDecode) in [
    ("task", 20_000, ourTask, theirTask,
     { OurWorkload.encodeTask().count }, { try SwiftProtobufWorkload.encodeTask().count },
     { try OurWorkload.decodeTask(ourTask) }, { try SwiftProtobufWorkload.decodeTask(theirTask) }),
    ("list of 100 tasks", 200, ourList, theirList,
     { OurWorkload.encodeList().count }, { try SwiftProtobufWorkload.encodeList().count },
     { try OurWorkload.decodeList(ourList) }, { try SwiftProtobufWorkload.decodeList(theirList) }),
] as [(String, Int, [UInt8], [UInt8], () throws -> Int, () throws -> Int, () throws -> Int, () throws -> Int)] {
    precondition(ours.count == theirs.count)
    for (op, a, b) in [("encode", ourEncode, theirEncode), ("decode", ourDecode, theirDecode)] {
        let x = nanoseconds(try measure(name, iterations: iterations, a))
        let y = nanoseconds(try measure(name, iterations: iterations, b))
        let row = [name.padding(toLength: 18, withPad: " ", startingAt: 0), String(ours.count).padding(toLength: 7, withPad: " ", startingAt: 0),
                   op.padding(toLength: 8, withPad: " ", startingAt: 0),
                   "\(Int(x)) ns".padding(toLength: 14, withPad: " ", startingAt: 0),
                   "\(Int(y)) ns".padding(toLength: 16, withPad: " ", startingAt: 0), String(Double(Int((x / y) * 100)) / 100)]
        print(row.joined(separator: " "))
    }
}
