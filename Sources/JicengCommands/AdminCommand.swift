import Foundation
import Platform
import Store

/// `jiceng admin …`: token management and data-directory maintenance, run against the data
/// directory directly (a running server may hold it open; SQLite's WAL lets both work).
public enum AdminCommand {
    public static let usage = """
        用法:
          jiceng admin token issue --data DIR --org ID --role ROLE [--expires 30d] [--label 文字]
          jiceng admin token list --data DIR
          jiceng admin token revoke TOKEN_ID --data DIR
          jiceng admin backup --data DIR --to FILE
          jiceng admin migrate --data DIR
          jiceng admin check --data DIR
        ROLE: \(Role.allCases.map(\.name).joined(separator: " | "))
        """

    /// Runs one admin command; what it prints for people goes to stderr, the token to stdout.
    public static func run(_ arguments: [String], now: Date = Date()) async throws {
        var rest = arguments[...]
        switch rest.popFirst() {
        case "token":
            switch rest.popFirst() {
            case "issue": try await issueToken(rest, now: now)
            case "list": try await listTokens(rest, now: now)
            case "revoke": try await revokeToken(rest, now: now)
            default: throw CommandFailure.usage(usage)
            }
        case "backup": try await backup(rest)
        case "migrate": try await migrate(rest)
        case "check": try await check(rest)
        default: throw CommandFailure.usage(usage)
        }
    }

    static func issueToken(_ arguments: ArraySlice<String>, now: Date) async throws {
        var options = try CommandArguments(arguments)
        let data = try options.required("--data", "数据目录")
        let org = try options.required("--org", "组织 ID")
        let roleName = try options.required("--role", "角色")
        let label = options.option("--label") ?? ""
        let expires = try options.option("--expires").map { text throws(CommandFailure) in try lifetime(text) }
        try options.finish()
        guard let role = Role(name: roleName) else {
            throw CommandFailure.usage("未知角色 \(roleName)；可选: \(Role.allCases.map(\.name).joined(separator: ", "))")
        }
        let database = try await DataDirectory.openExisting(data)
        let token: AccessToken
        do {
            token = try await database.write { tx in
                try TokenStore.issue(orgID: org, role: role, label: label, expireTime: expires.map { now + $0 }, now: now, in: tx)
            }
        } catch let failure as TokenStore.Failure {
            await database.close()
            throw CommandFailure("无法签发令牌: \(failure)")
        }
        await database.close()
        print(token.text)
        let expiry = expires.map { "，\(format(now + $0)) 到期" } ?? "，永不过期"
        report("已签发 \(role.label)令牌 \(token.id)（组织 \(org)\(expiry)）。令牌只显示这一次，请妥善保存。")
    }

    static func listTokens(_ arguments: ArraySlice<String>, now: Date) async throws {
        var options = try CommandArguments(arguments)
        let data = try options.required("--data", "数据目录")
        try options.finish()
        let database = try await DataDirectory.openExisting(data)
        let records = try await database.read { tx in try TokenStore.list(in: tx) }
        await database.close()
        var table = TextTable(columns: [.init("ID"), .init("角色"), .init("组织"), .init("标签", maxWidth: 30),
                                        .init("签发时间"), .init("状态")])
        for record in records {
            let state: String
            if let revoked = record.revokeTime {
                state = "已吊销 \(format(revoked))"
            } else if let expiry = record.expireTime {
                state = expiry <= now ? "已过期 \(format(expiry))" : "有效至 \(format(expiry))"
            } else {
                state = "有效"
            }
            table.append([record.id, record.role.name, record.orgID, record.label, format(record.createTime), state])
        }
        print(table.render(), terminator: "")
        report("共 \(records.count) 个令牌")
    }

    static func revokeToken(_ arguments: ArraySlice<String>, now: Date) async throws {
        var options = try CommandArguments(arguments)
        let data = try options.required("--data", "数据目录")
        guard let id = options.positional() else { throw CommandFailure.usage("缺少要吊销的令牌 ID (missing TOKEN_ID)") }
        try options.finish()
        // Accept the whole token too, so a leaked token can be revoked as it was found.
        let tokenID = AccessToken(parsing: id)?.id ?? id
        let database = try await DataDirectory.openExisting(data)
        do {
            try await database.write { tx in try TokenStore.revoke(id: tokenID, now: now, in: tx) }
        } catch let failure as TokenStore.Failure {
            await database.close()
            throw CommandFailure("无法吊销: \(failure)")
        }
        await database.close()
        report("已吊销令牌 \(tokenID)；此后使用它的调用都会被拒绝 (UNAUTHENTICATED)")
    }

    static func backup(_ arguments: ArraySlice<String>) async throws {
        var options = try CommandArguments(arguments)
        let data = try options.required("--data", "数据目录")
        let destination = try options.required("--to", "备份文件")
        try options.finish()
        guard !FileManager.default.fileExists(atPath: destination) else {
            throw CommandFailure("\(destination) 已存在，不会覆盖 (refusing to overwrite)")
        }
        let database = try await DataDirectory.openExisting(data)
        do {
            try await database.backup(to: destination)
        } catch {
            await database.close()
            throw CommandFailure("备份失败: \(error)")
        }
        await database.close()
        report("已备份到 \(destination)（在线备份，服务可继续运行）")
    }

    static func migrate(_ arguments: ArraySlice<String>) async throws {
        var options = try CommandArguments(arguments)
        let data = try options.required("--data", "数据目录")
        try options.finish()
        // Opening applies every pending migration, each in its own transaction.
        let database = try await DataDirectory.openExisting(data)
        await database.close()
        let versions = DataDirectory.schemas.map { "\($0.component) v\($0.latestVersion)" }.joined(separator: ", ")
        report("数据库已是最新结构: \(versions)")
    }

    static func check(_ arguments: ArraySlice<String>) async throws {
        var options = try CommandArguments(arguments)
        let data = try options.required("--data", "数据目录")
        try options.finish()
        let database = try await DataDirectory.openExisting(data)
        let report = try await database.checkIntegrity()
        let counts = try await database.read { tx in
            (try OrgStore.count(in: tx), try TokenStore.list(in: tx).count)
        }
        await database.close()
        guard report.isOK else {
            throw CommandFailure("数据库完整性检查失败:\n" + report.problems.joined(separator: "\n"))
        }
        Self.report("数据库完好：\(counts.0) 个组织，\(counts.1) 个令牌")
    }

    /// `30d`, `12h`, `45m` or `90s` as seconds.
    static func lifetime(_ text: String) throws(CommandFailure) -> TimeInterval {
        let units: [Character: TimeInterval] = ["d": 86_400, "h": 3_600, "m": 60, "s": 1]
        guard let unit = text.last.flatMap({ units[$0] }), let amount = Int(text.dropLast()), amount > 0 else {
            throw CommandFailure.usage("--expires 需要形如 30d、12h、45m 或 90s 的时长 (got \(text))")
        }
        return TimeInterval(amount) * unit
    }

    private static func format(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "Asia/Shanghai")
        return formatter.string(from: date)
    }

    private static func report(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
