import SwiftProtobuf
import TaskSample

/// The benchmark's operations over apple/swift-protobuf.
public enum SwiftProtobufWorkload {
    static func task(_ s: TaskSample) -> Benchcodec_Task {
        var t = Benchcodec_Task()
        t.id = s.id
        t.title = s.title
        t.description_p = s.description
        t.townID = s.townID
        t.gridID = s.gridID
        t.urgency = Benchcodec_Urgency(rawValue: Int(s.urgency)) ?? .unspecified
        t.cooperatingDepartmentIds = s.cooperatingDepartmentIDs
        func ts(_ v: (Int64, Int32)) -> Benchcodec_Timestamp {
            var x = Benchcodec_Timestamp()
            x.seconds = v.0
            x.nanos = v.1
            return x
        }
        t.createTime = ts(s.times[0])
        t.acceptDeadline = ts(s.times[1])
        t.resolveDeadline = ts(s.times[2])
        t.labels = s.labels
        t.attachmentIds = s.attachmentIDs
        t.reworkCount = s.reworkCount
        t.latitude = s.latitude
        t.longitude = s.longitude
        t.etag = s.etag
        return t
    }

    public static let singleTask = task(TaskSample.make(7))
    public static let taskList: Benchcodec_TaskList = {
        var l = Benchcodec_TaskList()
        l.tasks = (0..<100).map { task(TaskSample.make($0)) }
        l.nextPageToken = "cGFnZS0y"
        return l
    }()

    public static func encodeTask() throws -> [UInt8] { try singleTask.serializedBytes() }
    public static func encodeList() throws -> [UInt8] { try taskList.serializedBytes() }
    public static func decodeTask(_ bytes: [UInt8]) throws -> Int { try Benchcodec_Task(serializedBytes: bytes).title.utf8.count }
    public static func decodeList(_ bytes: [UInt8]) throws -> Int { try Benchcodec_TaskList(serializedBytes: bytes).tasks.count }

    /// Decodes `bytes` as a task list and encodes it again with map keys sorted, the order Jiceng
    /// writes: equal output means both codecs agree on every byte.
    public static func deterministicReencodeList(_ bytes: [UInt8]) throws -> [UInt8] {
        var options = BinaryEncodingOptions()
        options.useDeterministicOrdering = true
        return try Benchcodec_TaskList(serializedBytes: bytes).serializedBytes(options: options)
    }
}
