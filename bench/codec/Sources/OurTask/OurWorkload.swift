import ProtoRuntime
import TaskSample

/// The benchmark's operations over Jiceng's ProtoRuntime.
public enum OurWorkload {
    static func task(_ s: TaskSample) -> Benchcodec_Task {
        var t = Benchcodec_Task()
        t.id = s.id
        t.title = s.title
        t.description_p = s.description
        t.townId = s.townID
        t.gridId = s.gridID
        t.urgency = Benchcodec_Urgency(rawValue: s.urgency)
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

    public static func encodeTask() -> [UInt8] { singleTask.serializedBytes() }
    public static func encodeList() -> [UInt8] { taskList.serializedBytes() }

    /// Decodes and returns a value derived from the result, so the work cannot be optimised away.
    public static func decodeTask(_ bytes: [UInt8]) throws -> Int { try Benchcodec_Task(serializedBytes: bytes).title.utf8.count }
    public static func decodeList(_ bytes: [UInt8]) throws -> Int { try Benchcodec_TaskList(serializedBytes: bytes).tasks.count }
}
