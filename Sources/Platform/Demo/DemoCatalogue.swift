/// The demo city's lists, built from the templates for each town and street (and each district's
/// delegation catalogue). Deterministic: the same town always gets the same items and codes.
public enum DemoCatalogue {
    /// The code prefix of each list, e.g. ZR-0001 for the first duty task.
    public static func codePrefix(of list: ListKind) -> String {
        switch list {
        case .dutyTask: "ZR"
        case .powerResponsibility: "QZ"
        case .territorialMatter: "SD"
        case .gridService: "WG"
        case .delegatedMatter: "XF"
        case .serviceCenterMatter: "BM"
        case .unspecified, .unrecognized: "XX"
        }
    }

    static func code(_ list: ListKind, _ number: Int) -> String {
        let digits = String(number)
        return codePrefix(of: list) + "-" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// Every item of a town's own lists (duty tasks, powers, territorial matters, service-centre
    /// matters) followed by the grid service list derived from the grid-capable territorial
    /// matters (WG-n derives from SD-n). Create the others; the server derives the grid list.
    public static func items(forTown town: DemoTown, in tree: DemoOrgTree = .jianglin) -> [DemoCatalogueItem] {
        let own = dutyTasks(town) + powers(town, tree) + territorialMatters(town, tree) + serviceCenterMatters(town, tree)
        return own + gridService(derivedFrom: own)
    }

    /// The district's catalogue of matters delegated, authorized or entrusted to its towns.
    public static func delegatedItems(forDistrict districtID: String, in tree: DemoOrgTree = .jianglin) -> [DemoCatalogueItem] {
        let towns = tree.towns(inDistrict: districtID)
        let documents = delegationDocuments(forDistrict: districtID, in: tree)
        return DemoDelegatedMatters.all.enumerated().map { index, t in
            let receivers = towns.filter { t.scope.includes(street: $0.isStreet) }.map(\.id)
            let document = documents[t.document]
            let from = t.from.id(inDistrict: districtID)
            let fromName = tree.unit(from)?.name ?? from
            let mode = t.mode == .delegated ? "下放" : t.mode == .authorized ? "授权" : "委托"
            return DemoCatalogueItem(
                ownerID: districtID, list: .delegatedMatter, code: code(.delegatedMatter, index + 1),
                title: t.title,
                description: "由\(fromName)\(mode)镇（街道）实施，自\(document.day)起施行（\(document.number)）。",
                domain: t.domain, powerType: t.powerType, legalBasis: t.legalBasis,
                leadDepartmentID: "", cooperatingDepartmentIDs: [], gridCapable: false,
                delegation: DemoDelegation(fromDepartmentID: from, townIDs: receivers, mode: t.mode,
                                           effectiveDay: document.day, document: document.number),
                service: nil, responseSLA: nil, keywords: [], sourceCode: "")
        }
    }

    /// The three district documents that decided the delegations: e.g. 江政发〔2025〕31号 of
    /// 2025-07-01 (enforcement and land), 江政办发〔2025〕58号 of 2025-10-01 (licensing and services),
    /// 江政发〔2026〕12号 of 2026-01-01 (inspection).
    public static func delegationDocuments(forDistrict districtID: String, in tree: DemoOrgTree = .jianglin)
        -> [(number: String, day: CalendarDay)]
    {
        let abbreviation = tree.unit(districtID).map { String($0.name.prefix(1)) } ?? "区"
        return [
            (abbreviation + "政发〔2025〕31号", CalendarDay(2025, 7, 1)),
            (abbreviation + "政办发〔2025〕58号", CalendarDay(2025, 10, 1)),
            (abbreviation + "政发〔2026〕12号", CalendarDay(2026, 1, 1)),
        ]
    }

    // MARK: Lists of one town

    private static func item(_ town: DemoTown, _ list: ListKind, _ number: Int, title: String, description: String,
                             domain: Domain, legalBasis: String) -> DemoCatalogueItem {
        DemoCatalogueItem(ownerID: town.id, list: list, code: code(list, number), title: title,
                          description: description, domain: domain, powerType: .unspecified,
                          legalBasis: legalBasis, leadDepartmentID: "", cooperatingDepartmentIDs: [],
                          gridCapable: false, delegation: nil, service: nil, responseSLA: nil,
                          keywords: [], sourceCode: "")
    }

    private static func dutyTasks(_ town: DemoTown) -> [DemoCatalogueItem] {
        DemoDutyTasks.all.filter { $0.scope.includes(street: town.isStreet) }.enumerated().map { index, t in
            item(town, .dutyTask, index + 1, title: t.title, description: "\(town.name)承担：\(t.title)。",
                 domain: t.domain, legalBasis: t.legalBasis)
        }
    }

    private static func powers(_ town: DemoTown, _ tree: DemoOrgTree) -> [DemoCatalogueItem] {
        DemoPowers.all.filter { $0.scope.includes(street: town.isStreet) }.enumerated().map { index, t in
            let origin = tree.unit(t.origin.id(inDistrict: town.districtID))?.name ?? ""
            var result = item(town, .powerResponsibility, index + 1, title: t.title,
                              description: "实施主体：\(town.name)；业务指导：\(origin)。",
                              domain: t.domain, legalBasis: t.legalBasis)
            result.powerType = t.powerType
            return result
        }
    }

    private static func territorialMatters(_ town: DemoTown, _ tree: DemoOrgTree) -> [DemoCatalogueItem] {
        DemoTerritorialMatters.all.filter { $0.scope.includes(street: town.isStreet) }.enumerated().map { index, t in
            territorialItem(t, number: index + 1, town: town, tree: tree)
        }
    }

    static func territorialItem(_ t: TerritorialTemplate, number: Int, town: DemoTown, tree: DemoOrgTree)
        -> DemoCatalogueItem
    {
        let d = town.districtID
        let leadName = tree.unit(t.lead.id(inDistrict: d))?.name ?? ""
        let coopNames = t.cooperating.compactMap { tree.unit($0.id(inDistrict: d))?.name }
        let coopText = coopNames.isEmpty ? "" : "，" + coopNames.joined(separator: "、") + "配合"
        let gridText = t.gridCapable ? "；网格员负责巡查发现、劝导和上报" : ""
        var result = item(town, .territorialMatter, number, title: t.title,
                          description: "\(town.name)辖区内\(t.title)，由\(leadName)承担主体责任\(coopText)\(gridText)。",
                          domain: t.domain, legalBasis: t.legalBasis)
        result.leadDepartmentID = t.lead.id(inDistrict: d)
        result.cooperatingDepartmentIDs = t.cooperating.map { $0.id(inDistrict: d) }
        result.gridCapable = t.gridCapable
        result.responseSLA = DemoResponseSLA(acceptWithinHours: t.acceptHours, resolveWithinWorkingDays: t.resolveDays)
        result.keywords = t.keywords
        return result
    }

    private static func serviceCenterMatters(_ town: DemoTown, _ tree: DemoOrgTree) -> [DemoCatalogueItem] {
        DemoServiceCenterMatters.all.filter { $0.scope.includes(street: town.isStreet) }.enumerated().map { index, t in
            serviceItem(t, number: index + 1, town: town, tree: tree)
        }
    }

    static func serviceItem(_ t: ServiceTemplate, number: Int, town: DemoTown, tree: DemoOrgTree) -> DemoCatalogueItem {
        let department = tree.unit(t.department.id(inDistrict: town.districtID))?.name ?? ""
        var result = item(town, .serviceCenterMatter, number, title: t.title,
                          description: "在\(town.name)便民服务中心\(t.counter)一窗受理，业务主管：\(department)。",
                          domain: t.domain, legalBasis: "")
        result.service = DemoServiceInfo(counter: t.counter, online: t.online, promisedDays: t.promisedDays,
                                         materials: t.materials)
        return result
    }

    /// The grid service list (两单联动): one item per grid-capable territorial matter, WG-n from SD-n.
    static func gridService(derivedFrom items: [DemoCatalogueItem]) -> [DemoCatalogueItem] {
        items.filter { $0.list == .territorialMatter && $0.gridCapable }.map { source in
            var derived = source
            derived.list = .gridService
            derived.code = codePrefix(of: .gridService) + source.code.dropFirst(codePrefix(of: .territorialMatter).count)
            derived.sourceCode = source.code
            return derived
        }
    }
}
