/// A functional department every district of the demo city has. Catalogue templates name
/// departments by key; a department's id in a district is `<district code>D<number>`
/// (`339902D03`).
public enum DemoDepartment: Int, Sendable, Hashable, CaseIterable {
    case housing = 1, urbanManagement, ecology, emergency, marketRegulation, transport, water
    case health, civilAffairs, humanResources, naturalResources, police, fireRescue, agriculture
    case commerce, education, culture, justice, taxation, medicalInsurance, veteransAffairs

    /// The department's id in `districtCode`.
    public func id(inDistrict districtCode: String) -> String {
        districtCode + "D" + (rawValue < 10 ? "0" : "") + String(rawValue)
    }

    /// The department's official name in a district, e.g. 江临市公安局江城分局 or 清溪市公安局.
    func name(in district: DemoGeography.District) -> String {
        let d = district.name, city = DemoGeography.cityName, short = district.shortName
        switch self {
        case .housing: return d + "住房和城乡建设局"
        case .urbanManagement: return d + "城市管理局（综合行政执法局）"
        case .ecology: return city + "生态环境局" + short + "分局"
        case .emergency: return d + "应急管理局"
        case .marketRegulation: return d + "市场监督管理局"
        case .transport: return d + "交通运输局"
        case .water: return d + "水利局"
        case .health: return d + "卫生健康局"
        case .civilAffairs: return d + "民政局"
        case .humanResources: return d + "人力资源和社会保障局"
        case .naturalResources: return city + "自然资源和规划局" + short + "分局"
        // A county-level city has its own public security bureau; an urban district a branch.
        case .police: return district.isCountyLevelCity ? d + "公安局" : city + "公安局" + short + "分局"
        case .fireRescue: return d + "消防救援大队"
        case .agriculture: return d + "农业农村局"
        case .commerce: return d + "商务局"
        case .education: return d + "教育局"
        case .culture: return d + "文化和广电旅游体育局"
        case .justice: return d + "司法局"
        case .taxation: return "国家税务总局" + d + "税务局"
        case .medicalInsurance: return d + "医疗保障局"
        case .veteransAffairs: return d + "退役军人事务局"
        }
    }

    /// The agency the department stations in every town and street, if any: its id suffix and
    /// its name for a town short name (城东 → 城东派出所).
    var stationedAgency: (code: String, name: @Sendable (String) -> String)? {
        switch self {
        case .police: return ("PCS", { $0 + "派出所" })
        case .marketRegulation: return ("SCJG", { $0 + "市场监管所" })
        case .naturalResources: return ("ZRZY", { $0 + "自然资源所" })
        case .ecology: return ("STHJ", { $0 + "生态环境中队" })
        case .justice: return ("SFS", { $0 + "司法所" })
        default: return nil
        }
    }
}
