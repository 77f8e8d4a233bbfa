import Foundation
import JicengAPI
import ProtoRuntime

/// `jiceng appraisal …`: a district's assessment for people at a terminal or a spreadsheet —
/// periods, the ranking (with what-if weights), one department's report with the tasks behind
/// each figure. Talks to a running server; prints a table, CSV or the response as JSON.
public enum AppraisalCommand {
    public static let usage = """
        用法:
          jiceng appraisal periods [--district ID] [--state open|closed|published]
          jiceng appraisal ranking PERIOD_ID [--trial 响应,按期,结案,返工,退单,延期,满意,镇街]
          jiceng appraisal report PERIOD_ID DEPARTMENT_ID [--tasks]
          jiceng appraisal html PERIOD_ID --out FILE.html
        通用选项: --server HOST:PORT（默认 127.0.0.1:50051）  --token 令牌（或环境变量 JICENG_TOKEN）
                  --output table|csv|json
        """

    public static func run(_ arguments: [String]) async throws {
        var rest = arguments[...]
        switch rest.popFirst() {
        case "periods": try await periods(rest)
        case "ranking": try await ranking(rest)
        case "report": try await report(rest)
        case "html": try await html(rest)
        default: throw CommandFailure.usage(usage)
        }
    }

    private static func client(_ connection: ServerConnection) -> Jiceng_V1_AppraisalServiceClient {
        Jiceng_V1_AppraisalServiceClient(transport: connection.transport, interceptors: connection.interceptors)
    }

    static func periods(_ arguments: ArraySlice<String>) async throws {
        var options = try CommandArguments(arguments)
        var request = Jiceng_V1_ListPeriodsRequest()
        request.districtId = options.option("--district") ?? ""
        if let state = options.option("--state") {
            guard let value = ["open": Jiceng_V1_PeriodState.open, "closed": .closed, "published": .published][state] else {
                throw CommandFailure.usage("--state 只能是 open、closed 或 published（不是 \(state)）")
            }
            request.state = value
        }
        request.pageSize = 1000
        let output = try CatalogueOutput(&options)
        let connection = try ServerConnection(&options)
        try options.finish()
        let response = try await connection.run { try await client(connection).listPeriods(request) }
        var table = TextTable(columns: [.init("周期", maxWidth: 20), .init("名称", maxWidth: 24), .init("区县", maxWidth: 10),
                                        .init("开始"), .init("结束"), .init("状态")])
        for period in response.periods {
            table.append([period.id, period.name, period.districtId, day(period.startTime), day(period.endTime), stateName(period.state)])
        }
        try output.print(table, message: response)
    }

    static func ranking(_ arguments: ArraySlice<String>) async throws {
        var options = try CommandArguments(arguments)
        guard let periodID = options.positional() else { throw CommandFailure.usage("缺少周期 ID (missing PERIOD_ID)\n" + usage) }
        var request = Jiceng_V1_GetRankingRequest()
        request.periodId = periodID
        if let trial = options.option("--trial") { request.trialWeights = try weights(trial) }
        let output = try CatalogueOutput(&options)
        let connection = try ServerConnection(&options)
        try options.finish()
        let response = try await connection.run { try await client(connection).getRanking(request) }
        let kinds = response.entries.first?.indicators.map(\.name) ?? []
        var table = TextTable(columns: [.init("名次", alignRight: true), .init("部门", maxWidth: 20), .init("总分", alignRight: true)]
                              + kinds.map { .init($0, alignRight: true) })
        for entry in response.entries {
            table.append([entry.rank > 0 ? String(entry.rank) : "—", entry.departmentName.isEmpty ? entry.departmentId : entry.departmentName,
                          entry.hasDueCases ? figure(entry.total) : "无应结案"] + entry.indicators.map(rate))
        }
        try output.print(table, message: response)
        if case .table = output {
            note((response.trial ? "试算权重（未保存）" : "周期权重") + (response.frozen ? "，已冻结的数据" : "，实时数据"))
        }
    }

    static func report(_ arguments: ArraySlice<String>) async throws {
        var options = try CommandArguments(arguments, flagNames: ["--tasks"])
        guard let periodID = options.positional(), let departmentID = options.positional() else {
            throw CommandFailure.usage("缺少周期或部门 ID (missing PERIOD_ID DEPARTMENT_ID)\n" + usage)
        }
        var request = Jiceng_V1_GetDepartmentReportRequest()
        request.periodId = periodID
        request.departmentId = departmentID
        request.includeTasks = options.flag("--tasks")
        let output = try CatalogueOutput(&options)
        let connection = try ServerConnection(&options)
        try options.finish()
        let response = try await connection.run { try await client(connection).getDepartmentReport(request) }
        var columns: [TextTable.Column] = [.init("指标", maxWidth: 14), .init("分子", alignRight: true), .init("分母", alignRight: true),
                                           .init("比率", alignRight: true), .init("权重", alignRight: true), .init("得分", alignRight: true)]
        if request.includeTasks { columns += [.init("分子任务", maxWidth: 60), .init("分母任务", maxWidth: 60)] }
        var table = TextTable(columns: columns)
        for indicator in response.indicators {
            var row = [indicator.name + (indicator.inverted ? "（逆向）" : ""), String(indicator.numerator), String(indicator.denominator),
                       rate(indicator), figure(indicator.weight), figure(indicator.contribution)]
            if request.includeTasks {
                row += [indicator.numeratorTaskIds.joined(separator: " "), indicator.denominatorTaskIds.joined(separator: " ")]
            }
            table.append(row)
        }
        try output.print(table, message: response)
        if case .table = output {
            let rank = response.rank > 0 ? "第 \(response.rank) 名" : "未排名"
            note("\(response.departmentName) 总分 \(response.hasDueCases ? figure(response.total) : "—")，\(rank)"
                 + (response.frozen ? "（已冻结）" : "（实时）"))
            for stage in response.stageTimings where stage.count > 0 {
                note("  \(stage.stage): \(stage.count) 件，中位 \(duration(stage.median))，P90 \(duration(stage.p90))")
            }
        }
    }

    /// The period's results as one printable page: the ranking and every ranked department.
    static func html(_ arguments: ArraySlice<String>) async throws {
        var options = try CommandArguments(arguments)
        guard let periodID = options.positional() else { throw CommandFailure.usage("缺少周期 ID (missing PERIOD_ID)\n" + usage) }
        guard let path = options.option("--out") else { throw CommandFailure.usage("缺少 --out FILE.html\n" + usage) }
        let connection = try ServerConnection(&options)
        try options.finish()
        let page = try await connection.run {
            let appraisal = client(connection)
            var get = Jiceng_V1_GetPeriodRequest()
            get.id = periodID
            let period = try await appraisal.getPeriod(get)
            var rank = Jiceng_V1_GetRankingRequest()
            rank.periodId = periodID
            let ranking = try await appraisal.getRanking(rank)
            var reports: [Jiceng_V1_DepartmentReport] = []
            for entry in ranking.entries where entry.hasDueCases {
                var request = Jiceng_V1_GetDepartmentReportRequest()
                request.periodId = periodID
                request.departmentId = entry.departmentId
                reports.append(try await appraisal.getDepartmentReport(request))
            }
            return AppraisalReportPage.render(period: period, ranking: ranking, reports: reports)
        }
        do {
            try Data(page.utf8).write(to: URL(fileURLWithPath: path))
        } catch {
            throw CommandFailure("无法写入 \(path): \(error.localizedDescription)")
        }
        note("已写入 \(path)")
    }

    /// Eight comma-separated weights in the order of the usage line.
    static func weights(_ text: String) throws(CommandFailure) -> Jiceng_V1_IndicatorWeights {
        let values = text.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard values.count == 8, let numbers = values as? [Double] else {
            throw .usage("--trial 应为 8 个以逗号分隔的数（响应,按期,结案,返工,退单,延期,满意,镇街）")
        }
        var weights = Jiceng_V1_IndicatorWeights()
        (weights.response, weights.onTime, weights.closure, weights.rework) = (numbers[0], numbers[1], numbers[2], numbers[3])
        (weights.dispute, weights.extension, weights.satisfaction, weights.townScore) = (numbers[4], numbers[5], numbers[6], numbers[7])
        return weights
    }

    static func rate(_ indicator: Jiceng_V1_Indicator) -> String {
        indicator.notApplicable ? "不适用" : String(format: "%.1f%%", indicator.rate * 100)
    }

    static func figure(_ value: Double) -> String { String(format: "%.2f", value) }

    static func day(_ timestamp: Google_Protobuf_Timestamp) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "Asia/Shanghai")
        formatter.formatOptions = [.withFullDate]
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(timestamp.seconds)))
    }

    static func duration(_ value: Google_Protobuf_Duration) -> String {
        let hours = Double(value.seconds) / 3600
        return hours >= 48 ? String(format: "%.1f 天", hours / 24) : String(format: "%.1f 小时", hours)
    }

    static func stateName(_ state: Jiceng_V1_PeriodState) -> String {
        switch state {
        case .open: "进行中"
        case .closed: "已关闭"
        case .published: "已公布"
        default: "未知"
        }
    }

    /// A summary for people goes to stderr, so stdout stays just the table (pipeable).
    private static func note(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
