/// The places of the fictional city of 江临市: its districts, their towns and streets, and the
/// villages and communities under those, with the administrative codes they carry. Codes follow
/// the national scheme: 6-digit districts (county-level cities take 81), 9-digit towns (streets
/// 0xx, towns 1xx) and 12-digit villages and communities (communities 0xx, villages 2xx).
enum DemoGeography {
    struct District {
        let code: String
        let name: String
        /// 江城 for 江城区: how department names are formed (江临市公安局江城分局).
        let shortName: String
        /// A county-level city (市) rather than an urban district (区).
        let isCountyLevelCity: Bool
        /// The district government's seat, around which its towns lie.
        let latitude: Double
        let longitude: Double
        let towns: [Town]
    }

    struct Town {
        /// The last three digits of the town code.
        let suffix: String
        let name: String
        /// Villages and communities, in order; the kind follows from the name (…村 or …社区).
        let places: [String]
        /// Roads and landmarks used in task addresses.
        let roads: [String]

        var isStreet: Bool { name.hasSuffix("街道") }
        /// 解放 for 解放街道, 城东 for 城东镇: how stationed agencies are named.
        var shortName: String {
            if name.hasSuffix("街道") { return String(name.dropLast(2)) }
            return String(name.dropLast())
        }
    }

    static let cityCode = "339900"
    static let cityName = "江临市"

    static let districts: [District] = [jiangcheng, binhu, qingxi]

    static let jiangcheng = District(
        code: "339902", name: "江城区", shortName: "江城", isCountyLevelCity: false,
        latitude: 30.612, longitude: 120.184,
        towns: [
            Town(suffix: "001", name: "解放街道", places: ["解放路社区", "人民路社区", "中山路社区", "文昌社区"],
                 roads: ["解放路", "人民路", "中山路", "文昌巷", "工人新村"]),
            Town(suffix: "002", name: "江滨街道", places: ["江滨社区", "望江社区", "码头社区", "新桥社区"],
                 roads: ["滨江大道", "望江路", "码头街", "新桥路", "江滨花园"]),
            Town(suffix: "003", name: "鼓楼街道", places: ["鼓楼社区", "钟楼社区", "府前社区"],
                 roads: ["鼓楼大街", "钟楼巷", "府前路", "学院路", "城隍庙街"]),
            Town(suffix: "101", name: "城东镇", places: ["城东社区", "东园村", "李家村", "桥头村"],
                 roads: ["东环路", "城东大道", "东园路", "工业园区纬一路"]),
            Town(suffix: "102", name: "石桥镇", places: ["石桥社区", "上塘村", "下塘村", "沈家村"],
                 roads: ["石桥老街", "塘河路", "沈家弄", "镇中路"]),
            Town(suffix: "103", name: "白沙镇", places: ["白沙村", "沙湾村", "柳岸村"],
                 roads: ["白沙大道", "沙湾路", "柳岸街", "江堤路"]),
        ]
    )

    static let binhu = District(
        code: "339903", name: "滨湖区", shortName: "滨湖", isCountyLevelCity: false,
        latitude: 30.548, longitude: 120.321,
        towns: [
            Town(suffix: "001", name: "湖滨街道", places: ["湖滨社区", "荷花社区", "南湖社区", "翠苑社区"],
                 roads: ["湖滨路", "荷花路", "南湖大道", "翠苑一区", "环湖西路"]),
            Town(suffix: "002", name: "新城街道", places: ["新城社区", "科创社区", "锦绣社区"],
                 roads: ["新城大道", "科创路", "锦绣路", "市民中心广场", "创业大街"]),
            Town(suffix: "101", name: "临湖镇", places: ["临湖社区", "湖口村", "渔港村", "周家村"],
                 roads: ["临湖路", "湖口街", "渔港码头", "周家桥"]),
            Town(suffix: "102", name: "横塘镇", places: ["横塘村", "前塘村", "后塘村"],
                 roads: ["横塘大街", "前塘路", "后塘河沿", "塘西路"]),
            Town(suffix: "103", name: "梅林镇", places: ["梅林社区", "梅园村", "杨梅岭村", "竹坞村"],
                 roads: ["梅林路", "梅园街", "杨梅岭路", "竹坞口"]),
            Town(suffix: "104", name: "金港镇", places: ["金港社区", "港口村", "新港村"],
                 roads: ["金港大道", "港口路", "新港工业区", "物流园路"]),
        ]
    )

    static let qingxi = District(
        code: "339981", name: "清溪市", shortName: "清溪", isCountyLevelCity: true,
        latitude: 30.781, longitude: 119.947,
        towns: [
            Town(suffix: "001", name: "清溪街道", places: ["溪东社区", "溪西社区", "广场社区"],
                 roads: ["溪东路", "溪西路", "人民广场", "清溪大道", "县前街"]),
            Town(suffix: "002", name: "城南街道", places: ["城南社区", "南门社区", "桂花社区", "阳光社区"],
                 roads: ["城南路", "南门大街", "桂花路", "阳光花园", "体育场路"]),
            Town(suffix: "003", name: "凤凰街道", places: ["凤凰社区", "凤鸣社区", "凤山村"],
                 roads: ["凤凰路", "凤鸣街", "凤山路", "高铁站前广场"]),
            Town(suffix: "101", name: "溪口镇", places: ["溪口村", "上溪村", "下溪村", "茶园村"],
                 roads: ["溪口老街", "上溪路", "茶园路", "省道S203"]),
            Town(suffix: "102", name: "竹林镇", places: ["竹林村", "竹海村", "青山村"],
                 roads: ["竹林街", "竹海大道", "青山路", "林场路"]),
            Town(suffix: "103", name: "龙潭镇", places: ["龙潭社区", "龙井村", "潭头村", "黄泥岗村"],
                 roads: ["龙潭路", "龙井街", "潭头桥", "黄泥岗路"]),
            Town(suffix: "104", name: "双河镇", places: ["双河村", "河西村", "河东村"],
                 roads: ["双河大道", "河西街", "河东路", "双河水库路"]),
        ]
    )
}
