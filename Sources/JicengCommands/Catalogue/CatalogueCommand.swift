import Foundation
import JicengAPI

/// `jiceng catalogue …`: the responsibility lists for people at a terminal — search, show,
/// resolve, publish, diff — and the public site. Talks to a running server.
public enum CatalogueCommand {
    public static let usage = """
        用法:
          jiceng catalogue search 关键词 [--owner ID] [--list 清单] [--page-size N]
          jiceng catalogue show ITEM_ID
          jiceng catalogue resolve --town ID --text "…"
          jiceng catalogue publish --owner ID [--note 说明]
          jiceng catalogue diff --owner ID --from N [--to M]
          jiceng catalogue site --owner ID [--owner ID …] --out DIR
        通用选项: --server HOST:PORT（默认 127.0.0.1:50051）  --token 令牌（或环境变量 JICENG_TOKEN）
                  --output table|csv|json（site 除外）
        清单: duty 职责任务清单 | power 权责清单 | territorial 属地管理事项清单 | grid 网格服务管理清单 |
              service 便民服务中心事项 | delegated 下放事项目录
        """

    public static func run(_ arguments: [String]) async throws {
        var rest = arguments[...]
        switch rest.popFirst() {
        case "search": try await search(rest)
        case "show": try await show(rest)
        case "resolve": try await resolve(rest)
        case "publish": try await publish(rest)
        case "diff": try await diff(rest)
        case "site": try await CatalogueSiteCommand.run(rest)
        default: throw CommandFailure.usage(usage)
        }
    }

    private static func client(_ connection: ServerConnection) -> Jiceng_V1_CatalogueServiceClient {
        Jiceng_V1_CatalogueServiceClient(transport: connection.transport, interceptors: connection.interceptors)
    }

    static func search(_ arguments: ArraySlice<String>) async throws {
        var options = try CommandArguments(arguments)
        var request = Jiceng_V1_ListItemsRequest()
        guard let query = options.positional() else { throw CommandFailure.usage("缺少搜索词 (missing QUERY)\n" + usage) }
        request.query = query
        request.ownerId = options.option("--owner") ?? ""
        if let name = options.option("--list") {
            guard let list = CatalogueLabels.list(named: name) else { throw CommandFailure.usage("未知清单 \(name)\n" + usage) }
            request.list = list
        }
        request.pageSize = try pageSize(options.option("--page-size"))
        let output = try CatalogueOutput(&options)
        let connection = try ServerConnection(&options)
        try options.finish()
        let (response, names) = try await connection.run {
            (try await client(connection).listItems(request), try await OrgNames.all(connection))
        }

        var table = TextTable(columns: [.init("所属", maxWidth: 12), .init("编码", maxWidth: 14), .init("名称", maxWidth: 30), .init("清单", maxWidth: 16),
                                        .init("领域", maxWidth: 8), .init("牵头部门", maxWidth: 14), .init("匹配", maxWidth: 40)])
        for (index, item) in response.items.enumerated() {
            let match = index < response.matches.count ? response.matches[index].fragment : ""
            table.append([names[item.ownerId] ?? item.ownerId, item.code, item.title, CatalogueLabels.name(item.list), CatalogueLabels.name(item.domain),
                          names[item.leadDepartmentId] ?? item.leadDepartmentId, match])
        }
        try output.print(table, message: response)
        if case .table = output {
            let more = response.nextPageToken.isEmpty ? "" : "（仅显示前 \(response.items.count) 项，可用 --page-size 调整）"
            report("共 \(response.totalSize) 项匹配“\(query)”\(more)")
        }
    }

    static func show(_ arguments: ArraySlice<String>) async throws {
        var options = try CommandArguments(arguments)
        guard let id = options.positional() else { throw CommandFailure.usage("缺少事项 ID (missing ITEM_ID)\n" + usage) }
        let output = try CatalogueOutput(&options)
        let connection = try ServerConnection(&options)
        try options.finish()
        var request = Jiceng_V1_GetItemRequest()
        request.id = id
        let (item, names) = try await connection.run {
            (try await client(connection).getItem(request), try await OrgNames.all(connection))
        }
        var table = TextTable(columns: [.init("字段", maxWidth: 10), .init("内容", maxWidth: 200)])
        table.append(["ID", item.id])
        table.append(["所属", item.ownerId])
        for fact in CatalogueItemFacts(names: names).facts(item) { table.append([fact.label, fact.value]) }
        table.append(["状态", CatalogueLabels.state(item.state)])
        if item.hasUpdateTime { table.append(["更新时间", CatalogueLabels.time(item.updateTime.seconds)]) }
        try output.print(table, message: item)
    }

    static func resolve(_ arguments: ArraySlice<String>) async throws {
        var options = try CommandArguments(arguments)
        var request = Jiceng_V1_ResolveResponsibilityRequest()
        request.townId = try options.required("--town", "乡镇（街道）ID")
        request.text = options.option("--text") ?? ""
        request.itemId = options.option("--item") ?? ""
        guard !request.text.isEmpty || !request.itemId.isEmpty else {
            throw CommandFailure.usage("需要 --text \"事项描述\" 或 --item ITEM_ID")
        }
        let output = try CatalogueOutput(&options)
        let connection = try ServerConnection(&options)
        try options.finish()
        let (response, names) = try await connection.run {
            (try await client(connection).resolveResponsibility(request), try await OrgNames.all(connection))
        }
        let facts = CatalogueItemFacts(names: names)

        var table = TextTable(columns: [.init("序", alignRight: true), .init("牵头部门", maxWidth: 16), .init("配合部门", maxWidth: 24),
                                        .init("办理时限", maxWidth: 30), .init("事项", maxWidth: 30), .init("得分", alignRight: true)])
        let resolutions = response.hasResolution ? [response.resolution] + response.candidates.filter { $0.item.id != response.resolution.item.id } : []
        for (index, resolution) in resolutions.enumerated() {
            table.append(["\(index + 1)", facts.name(resolution.leadDepartmentId),
                          resolution.cooperatingDepartmentIds.map(facts.name).joined(separator: "、"),
                          CatalogueLabels.sla(resolution.responseSla), "\(resolution.item.code) \(resolution.item.title)",
                          String(format: "%.2f", resolution.score)])
        }
        guard case .table = output else { return try output.print(table, message: response) }
        guard response.hasResolution else { throw CommandFailure("没有找到负责的部门：已发布的清单中没有匹配的事项") }
        let best = response.resolution
        print("\(output.styled("牵头部门")): \(facts.name(best.leadDepartmentId))")
        if !best.cooperatingDepartmentIds.isEmpty { print("\(output.styled("配合部门")): \(best.cooperatingDepartmentIds.map(facts.name).joined(separator: "、"))") }
        print("\(output.styled("办理时限")): \(CatalogueLabels.sla(best.responseSla).isEmpty ? "—" : CatalogueLabels.sla(best.responseSla))")
        print("\(output.styled("依据")): \(best.explanation)")
        if response.ambiguous {
            print(output.styled("匹配不唯一，候选如下：", "33"))
            print(table.render(), terminator: "")
        }
    }

    static func publish(_ arguments: ArraySlice<String>) async throws {
        var options = try CommandArguments(arguments)
        var request = Jiceng_V1_PublishCatalogueRequest()
        request.ownerId = try options.required("--owner", "乡镇（街道）或区 ID")
        request.note = options.option("--note") ?? ""
        request.requestId = options.option("--request-id") ?? UUID().uuidString
        let output = try CatalogueOutput(&options)
        let connection = try ServerConnection(&options)
        try options.finish()
        let version = try await connection.run { try await client(connection).publishCatalogue(request) }
        var table = TextTable(columns: [.init("所属"), .init("版本", alignRight: true), .init("事项数", alignRight: true),
                                        .init("发布时间"), .init("说明", maxWidth: 40)])
        table.append([version.ownerId, "\(version.version)", "\(version.itemCount)",
                      CatalogueLabels.time(version.publishTime.seconds), version.note])
        try output.print(table, message: version)
    }

    static func diff(_ arguments: ArraySlice<String>) async throws {
        var options = try CommandArguments(arguments)
        var request = Jiceng_V1_DiffCatalogueVersionsRequest()
        request.ownerId = try options.required("--owner", "乡镇（街道）或区 ID")
        request.fromVersion = try version(options.required("--from", "起始版本号"), "--from")
        request.toVersion = try options.option("--to").map { text throws(CommandFailure) in try version(text, "--to") } ?? 0
        let output = try CatalogueOutput(&options)
        let connection = try ServerConnection(&options)
        try options.finish()
        let response = try await connection.run { try await client(connection).diffCatalogueVersions(request) }
        var table = TextTable(columns: [.init("变化"), .init("编码", maxWidth: 14), .init("名称", maxWidth: 26),
                                        .init("字段", maxWidth: 26), .init("原内容", maxWidth: 30), .init("新内容", maxWidth: 30)])
        for item in response.added { table.append(["新增", item.code, item.title, "", "", ""]) }
        for item in response.removed { table.append(["撤销", item.code, item.title, "", "", ""]) }
        for item in response.changed {
            for change in item.changes { table.append(["调整", item.code, item.title, CatalogueLabels.field(change.field), change.fromValue, change.toValue]) }
        }
        try output.print(table, message: response)
        if case .table = output {
            report("第\(response.fromVersion)版 → 第\(response.toVersion)版：新增 \(response.added.count) 项，撤销 \(response.removed.count) 项，调整 \(response.changed.count) 项")
        }
    }

    private static func version(_ text: String, _ option: String) throws(CommandFailure) -> Int64 {
        guard let number = Int64(text), number > 0 else { throw .usage("\(option) 应为正整数版本号（不是 \(text)）") }
        return number
    }

    private static func pageSize(_ text: String?) throws(CommandFailure) -> Int32 {
        guard let text else { return 50 }
        guard let size = Int32(text), size > 0, size <= 1000 else { throw .usage("--page-size 应为 1 到 1000 的整数") }
        return size
    }

    /// A summary for people goes to stderr, so stdout stays just the table (pipeable).
    private static func report(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
