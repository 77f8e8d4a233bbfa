import Foundation
import JicengAPI
import Platform

/// The Chinese names people know the lists, domains and powers by, and readable deadlines.
enum CatalogueLabels {
    /// The lists in the order a town's page shows them.
    static let listOrder: [Jiceng_V1_ListKind] = [
        .dutyTask, .powerResponsibility, .territorialMatter, .gridService, .serviceCenterMatter, .delegatedMatter,
    ]

    static func name(_ list: Jiceng_V1_ListKind) -> String {
        switch list {
        case .dutyTask: "职责任务清单"
        case .powerResponsibility: "权责清单"
        case .territorialMatter: "属地管理事项清单"
        case .gridService: "网格服务管理清单"
        case .serviceCenterMatter: "便民服务中心事项"
        case .delegatedMatter: "下放事项目录"
        case .unspecified: "未分类"
        case .unrecognized(let n): "清单类型\(n)"
        }
    }

    /// A list named on the command line: its Chinese name, the proto name, or a short form
    /// (duty, power, territorial, grid, service, delegated).
    static func list(named text: String) -> Jiceng_V1_ListKind? {
        let key = text.lowercased().replacingOccurrences(of: "-", with: "_")
        let aliases: [String: Jiceng_V1_ListKind] = [
            "duty": .dutyTask, "duty_task": .dutyTask, "power": .powerResponsibility,
            "power_responsibility": .powerResponsibility, "territorial": .territorialMatter,
            "territorial_matter": .territorialMatter, "grid": .gridService, "grid_service": .gridService,
            "service": .serviceCenterMatter, "service_center": .serviceCenterMatter,
            "service_center_matter": .serviceCenterMatter, "delegated": .delegatedMatter, "delegated_matter": .delegatedMatter,
        ]
        if let kind = aliases[key] ?? aliases[String(key.trimmingPrefix("list_kind_"))] { return kind }
        return listOrder.first { name($0) == text || name($0).hasPrefix(text) }
    }

    static func name(_ domain: Jiceng_V1_Domain) -> String {
        switch domain {
        case .livelihood: "民生服务"
        case .enforcement: "综合执法"
        case .riskPrevention: "风险防范"
        case .publicService: "公共服务"
        case .economicDevelopment: "经济发展"
        case .urbanManagement: "城市管理"
        case .ecology: "生态环境"
        case .socialGovernance: "社会治理"
        case .partyBuilding: "党建"
        case .unspecified: "—"
        case .unrecognized(let n): "领域\(n)"
        }
    }

    static func name(_ power: Jiceng_V1_PowerType) -> String {
        switch power {
        case .licensing: "行政许可"
        case .penalty: "行政处罚"
        case .coercion: "行政强制"
        case .collection: "行政征收"
        case .payment: "行政给付"
        case .inspection: "行政检查"
        case .confirmation: "行政确认"
        case .reward: "行政奖励"
        case .ruling: "行政裁决"
        case .other: "其他行政权力"
        case .unspecified: ""
        case .unrecognized(let n): "权力类型\(n)"
        }
    }

    static func name(_ mode: Jiceng_V1_DelegationMode) -> String {
        switch mode {
        case .delegated: "下放"
        case .authorized: "授权"
        case .entrusted: "委托"
        case .unspecified: ""
        case .unrecognized(let n): "方式\(n)"
        }
    }

    /// "4小时内受理，2个工作日内办结"; empty when the item has no deadlines.
    static func sla(_ item: Jiceng_V1_CatalogueItem) -> String {
        guard item.hasResponseSla else { return "" }
        return sla(item.responseSla)
    }

    static func sla(_ sla: Jiceng_V1_ResponseSla) -> String {
        var parts: [String] = []
        if sla.hasAcceptWithin, sla.acceptWithin.seconds > 0 { parts.append("\(duration(sla.acceptWithin.seconds))内受理") }
        if sla.hasResolveWithin, sla.resolveWithin.seconds > 0 { parts.append("\(duration(sla.resolveWithin.seconds))内办结") }
        return parts.joined(separator: "，")
    }

    /// Working time: whole working days when it divides evenly, else hours (and minutes).
    static func duration(_ seconds: Int64) -> String {
        let day = Int64(WorkCalendar.chinaDefault.workingSecondsPerDay)
        if day > 0, seconds >= day, seconds % day == 0 { return "\(seconds / day)个工作日" }
        if seconds % 3600 == 0 { return "\(seconds / 3600)小时" }
        if seconds >= 3600 { return "\(seconds / 3600)小时\(seconds % 3600 / 60)分钟" }
        return "\(max(1, seconds / 60))分钟"
    }

    /// A timestamp as Beijing time, 2026-11-30 14:05.
    static func time(_ seconds: Int64) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "Asia/Shanghai")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }

    /// The Chinese label of a CatalogueItem field as DiffCatalogueVersions names it (proto name);
    /// the same labels `CatalogueItemFacts` uses, so the CLI's diff and the site read alike.
    static func field(_ protoName: String) -> String {
        let labels = [
            "code": "编码", "title": "名称", "description": "说明", "domain": "领域", "power_type": "权力类型",
            "legal_basis": "法律依据", "lead_department_id": "牵头部门", "cooperating_department_ids": "配合部门",
            "grid_capable": "网格可办", "delegation": "下放信息", "service": "便民服务信息", "response_sla": "办理时限",
            "keywords": "关键词",
        ]
        return labels[protoName] ?? protoName
    }

    static func state(_ state: Jiceng_V1_ItemState) -> String {
        switch state {
        case .draft: "草稿"
        case .published: "已发布"
        case .retired: "已撤销"
        default: "—"
        }
    }
}
