import JicengAPI

/// An item as people read it: labelled Chinese values, empty ones left out. The site, `show`
/// and the site's version history all use this one rendering, so a change in what people see
/// is exactly what the history reports.
struct CatalogueItemFacts {
    struct Fact: Equatable {
        let label: String
        let value: String
    }

    /// Department and town names by id; an id without a name is shown as the id.
    var names: [String: String] = [:]

    func name(_ id: String) -> String {
        names[id].map { "\($0)（\(id)）" } ?? id
    }

    func facts(_ item: Jiceng_V1_CatalogueItem) -> [Fact] {
        var facts: [Fact] = []
        func add(_ label: String, _ value: String) {
            if !value.isEmpty { facts.append(Fact(label: label, value: value)) }
        }
        add("编码", item.code)
        add("名称", item.title)
        add("清单", CatalogueLabels.name(item.list))
        add("领域", item.domain == .unspecified ? "" : CatalogueLabels.name(item.domain))
        add("权力类型", CatalogueLabels.name(item.powerType))
        add("说明", item.description_p)
        add("牵头部门", item.leadDepartmentId.isEmpty ? "" : name(item.leadDepartmentId))
        add("配合部门", item.cooperatingDepartmentIds.map(name).joined(separator: "、"))
        add("网格可办", item.gridCapable ? "是" : "")
        add("法律依据", item.legalBasis)
        add("办理时限", CatalogueLabels.sla(item))
        if item.hasDelegation {
            let delegation = item.delegation
            add("下放部门", delegation.fromDepartmentId.isEmpty ? "" : name(delegation.fromDepartmentId))
            add("下放方式", CatalogueLabels.name(delegation.mode))
            add("承接乡镇", delegation.townIds.map(name).joined(separator: "、"))
            add("生效日期", delegation.hasEffectiveTime ? String(CatalogueLabels.time(delegation.effectiveTime.seconds).prefix(10)) : "")
            add("依据文件", delegation.document)
        }
        if item.hasService {
            let service = item.service
            add("受理窗口", service.counter)
            add("网上办理", service.online ? "可网上办理" : "")
            add("承诺时限", service.promisedDays > 0 ? "\(service.promisedDays)个工作日" : "")
            add("申请材料", service.materials.joined(separator: "；"))
        }
        add("关键词", item.keywords.joined(separator: "、"))
        return facts
    }
}
