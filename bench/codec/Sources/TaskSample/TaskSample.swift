/// The benchmark's data as plain values, so both codecs encode exactly the same content.
public struct TaskSample: Sendable {
    public var id: String
    public var title: String
    public var description: String
    public var townID: String
    public var gridID: String
    public var urgency: Int32
    public var cooperatingDepartmentIDs: [String]
    /// create, accept-by and resolve-by times as (seconds, nanos).
    public var times: [(Int64, Int32)]
    public var labels: [String: String]
    public var attachmentIDs: [Int64]
    public var reworkCount: Int32
    public var latitude: Double
    public var longitude: Double
    public var etag: String

    /// The `i`-th task of a list: varied ids and times, realistic Chinese text.
    public static func make(_ i: Int) -> TaskSample {
        let base: Int64 = 1_764_460_800 + Int64(i) * 3_607
        return TaskSample(
            id: "T-370102-2026-\(100_000 + i)",
            title: "网格\(i % 50 + 1)：小区东门路灯损坏，夜间居民出行不便",
            description: "网格员巡查发现东门两盏路灯不亮已三天，已拍照上报。请城市管理局派员维修，并在修复后回访居民。",
            townID: "370102004",
            gridID: "370102004001-\(i % 50 + 1)",
            urgency: Int32(i % 3),
            cooperatingDepartmentIDs: ["370102-CGJ", "370102-GAJ", "370102-ZJJ"],
            times: [(base, 120_000_000), (base + 86_400, 0), (base + 7 * 86_400, 500_000_000)],
            labels: ["来源": "网格上报", "类别": "市政设施", "片区": "东片\(i % 4)"],
            attachmentIDs: [Int64(9_000_000_000) + Int64(i), 42, Int64(i) * 1_000_003],
            reworkCount: Int32(i % 2),
            latitude: 36.651_2 + Double(i) * 1e-5,
            longitude: 117.120_9 - Double(i) * 1e-5,
            etag: "W/\"\(i)-8f3a\"")
    }
}
