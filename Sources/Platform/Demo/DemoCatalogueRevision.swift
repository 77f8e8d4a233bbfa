/// An edited second version of a town's lists, so that version diffs show something: a few items
/// change title, SLA or cooperating departments, a few are added, two are retired.
public struct DemoCatalogueRevision: Hashable, Sendable {
    /// Items present in the first version, with their new content (same owner, list and code).
    public var changed: [DemoCatalogueItem]
    /// New items, numbered after the last item of their list.
    public var added: [DemoCatalogueItem]
    /// Codes of items to retire.
    public var retiredCodes: [String]

    /// The revision of `town`'s first-version lists.
    public static func second(forTown town: DemoTown, in tree: DemoOrgTree = .jianglin) -> DemoCatalogueRevision {
        let first = DemoCatalogue.items(forTown: town, in: tree).filter { $0.list != .gridService }
        let byTitle = Dictionary(first.map { ($0.title, $0) }, uniquingKeysWith: { a, _ in a })
        let d = town.districtID
        var changed: [DemoCatalogueItem] = []
        func change(_ title: String, _ edit: (inout DemoCatalogueItem) -> Void) {
            guard var item = byTitle[title] else { return }
            edit(&item)
            changed.append(item)
        }
        change("道路照明设施故障（路灯不亮）处置") {
            $0.title = "道路照明设施（路灯、景观灯）故障处置"
            $0.responseSLA?.acceptWithinHours = 2
        }
        change("餐饮油烟扰民处置") { $0.cooperatingDepartmentIDs.append(DemoDepartment.housing.id(inDistrict: d)) }
        change("共享单车乱停放整治") { $0.responseSLA?.resolveWithinWorkingDays = 2 }
        change("拖欠农民工工资") {
            $0.responseSLA = DemoResponseSLA(acceptWithinHours: 1, resolveWithinWorkingDays: 3)
            $0.keywords.append("根治欠薪")
        }
        change("推进网格化服务管理，组织网格员日常巡查和信息上报") {
            $0.title = "推进网格化服务管理，落实“多网合一、一网统管”"
        }
        change("最低生活保障申请受理") { $0.service?.promisedDays = 20 }

        let nextTerritorial = first.filter { $0.list == .territorialMatter }.count + 1
        let nextService = first.filter { $0.list == .serviceCenterMatter }.count + 1
        let added = [
            TerritorialTemplate("电动自行车集中充电设施建设诉求", ["充电桩", "充电难", "充电棚"], .riskPrevention,
                                lead: .housing, coop: [.fireRescue], grid: true, sla: (8, 10),
                                "《电动自行车安全技术规范》配套管理要求"),
            TerritorialTemplate("外卖、快递电动车交通违法", ["外卖车", "快递车", "逆行", "闯红灯"], .riskPrevention,
                                lead: .police, coop: [.transport, .commerce], grid: true, sla: (4, 3),
                                "《中华人民共和国道路交通安全法》第五十七条"),
            TerritorialTemplate("城镇燃气管道老化更新诉求", ["燃气管道老化", "管道锈蚀"], .riskPrevention,
                                lead: .housing, coop: [.emergency], grid: false, sla: (8, 20),
                                "《城镇燃气管理条例》第三十三条"),
        ].enumerated().map { offset, t in
            DemoCatalogue.territorialItem(t, number: nextTerritorial + offset, town: town, tree: tree)
        } + [
            DemoCatalogue.serviceItem(
                ServiceTemplate("新生儿出生“一件事”联办", "综合受理窗口", online: true, days: 3,
                                ["出生医学证明", "父母居民身份证", "户口簿"], .publicService, .health),
                number: nextService, town: town, tree: tree),
        ]
        let retired = ["长期停放废弃车辆（僵尸车）清理", "户籍证明开具（受理转办）"].compactMap { byTitle[$0]?.code }
        return DemoCatalogueRevision(changed: changed, added: added, retiredCodes: retired)
    }

    /// The town's lists after this revision, grid service list re-derived.
    public func apply(to firstVersion: [DemoCatalogueItem]) -> [DemoCatalogueItem] {
        func key(_ item: DemoCatalogueItem) -> String { "\(item.list.rawValue)/\(item.code)" }
        let replacements = Dictionary(changed.map { (key($0), $0) }, uniquingKeysWith: { a, _ in a })
        let retired = Set(retiredCodes)
        let own = firstVersion
            .filter { $0.list != .gridService && !retired.contains($0.code) }
            .map { replacements[key($0)] ?? $0 } + added
        return own + DemoCatalogue.gridService(derivedFrom: own)
    }
}
