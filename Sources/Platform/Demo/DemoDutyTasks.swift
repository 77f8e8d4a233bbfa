/// The duty tasks (职责任务清单) of a town or street. Streets carry no investment-attraction or
/// tax-assistance duties (`.townOnly`); they turn to providing a good public environment.
enum DemoDutyTasks {
    static let partyAndGovernance: [DutyTemplate] = [
        DutyTemplate("落实基层党建工作责任制，加强村（社区）党组织建设", .partyBuilding, "《中国共产党农村基层组织工作条例》第六条"),
        DutyTemplate("组织开展党员教育管理和发展党员工作", .partyBuilding, "《中国共产党党员教育管理工作条例》第三条"),
        DutyTemplate("推进区域化党建，落实镇（街道）村（社区）党建联席会议制度", .partyBuilding, "《中国共产党支部工作条例（试行）》第九条"),
        DutyTemplate("指导村（居）民委员会换届选举和民主协商", .partyBuilding, "《中华人民共和国村民委员会组织法》第十二条"),
        DutyTemplate("加强基层党风廉政建设，指导村务监督委员会工作", .partyBuilding, "《中华人民共和国村民委员会组织法》第三十二条"),
        DutyTemplate("开展矛盾纠纷排查调处，组织人民调解", .socialGovernance, "《中华人民共和国人民调解法》第五条"),
        DutyTemplate("做好信访工作，落实领导干部接访下访", .socialGovernance, "《信访工作条例》第十条"),
        DutyTemplate("推进网格化服务管理，组织网格员日常巡查和信息上报", .socialGovernance, "《关于加强基层治理体系和治理能力现代化建设的意见》"),
        DutyTemplate("落实社会治安综合治理和平安建设工作", .socialGovernance, "《中华人民共和国治安管理处罚法》第九条"),
        DutyTemplate("开展禁毒宣传，落实社区戒毒社区康复工作", .socialGovernance, "《中华人民共和国禁毒法》第三十四条"),
        DutyTemplate("做好严重精神障碍患者排查和服务管理", .socialGovernance, "《中华人民共和国精神卫生法》第八条"),
        DutyTemplate("做好流动人口和出租房屋服务管理", .socialGovernance, "《居住证暂行条例》第四条"),
        DutyTemplate("开展反邪教和防范非法集资宣传", .socialGovernance, "《防范和处置非法集资条例》第五条"),
    ]

    static let economy: [DutyTemplate] = [
        DutyTemplate("编制镇域经济社会发展规划并组织实施", .economicDevelopment, "《中华人民共和国乡村振兴促进法》第十一条", .townOnly),
        DutyTemplate("开展招商引资，做好重点项目引进和落地服务", .economicDevelopment, "《中华人民共和国外商投资法》第十七条", .townOnly),
        DutyTemplate("做好协税护税，配合税务部门开展零散税源管理", .economicDevelopment, "《中华人民共和国税收征收管理法》第五条", .townOnly),
        DutyTemplate("推动农业产业化经营和特色产业发展", .economicDevelopment, "《中华人民共和国乡村振兴促进法》第十二条", .townOnly),
        DutyTemplate("做好农村集体经济组织和集体资产监督管理", .economicDevelopment, "《中华人民共和国农村集体经济组织法》第八条"),
        DutyTemplate("优化营商环境，走访服务辖区企业和个体工商户", .economicDevelopment, "《优化营商环境条例》第八条"),
        DutyTemplate("优化辖区公共环境，服务楼宇经济和商圈发展", .urbanManagement, "《优化营商环境条例》第六条", .streetOnly),
    ]

    static let livelihood: [DutyTemplate] = [
        DutyTemplate("落实城乡最低生活保障、特困人员救助供养等社会救助", .livelihood, "《社会救助暂行办法》第三条"),
        DutyTemplate("做好困难残疾人生活补贴和重度残疾人护理补贴初审", .livelihood, "《中华人民共和国残疾人保障法》第四十八条"),
        DutyTemplate("推进养老服务，监管居家养老服务照料中心运营", .livelihood, "《中华人民共和国老年人权益保障法》第三十七条"),
        DutyTemplate("做好退役军人服务保障和优抚对象走访慰问", .livelihood, "《中华人民共和国退役军人保障法》第六条"),
        DutyTemplate("开展就业创业服务和就业援助", .livelihood, "《中华人民共和国就业促进法》第五十二条"),
        DutyTemplate("推进城乡居民基本养老保险和基本医疗保险参保扩面", .livelihood, "《中华人民共和国社会保险法》第二十条"),
        DutyTemplate("做好未成年人保护和农村留守儿童关爱服务", .livelihood, "《中华人民共和国未成年人保护法》第八十一条"),
        DutyTemplate("开展人口监测和优生优育服务", .publicService, "《中华人民共和国人口与计划生育法》第十二条"),
        DutyTemplate("组织爱国卫生运动和健康教育", .publicService, "《中华人民共和国基本医疗卫生与健康促进法》第七十二条"),
        DutyTemplate("推动公共文化服务和全民健身活动", .publicService, "《中华人民共和国公共文化服务保障法》第七条"),
        DutyTemplate("做好兵役登记和征兵工作", .publicService, "《中华人民共和国兵役法》第六条"),
        DutyTemplate("组织实施辖区统计调查", .publicService, "《中华人民共和国统计法》第七条"),
        DutyTemplate("推进老旧小区改造，指导业主委员会和物业管理", .livelihood, "《物业管理条例》第二十条", .streetOnly),
    ]

    static let safetyAndEnvironment: [DutyTemplate] = [
        DutyTemplate("落实安全生产属地管理责任，检查生产经营单位安全生产状况", .riskPrevention, "《中华人民共和国安全生产法》第九条"),
        DutyTemplate("组织防汛防台抗旱，落实巡查值守和人员转移", .riskPrevention, "《中华人民共和国防洪法》第三十八条"),
        DutyTemplate("做好森林防火，管控野外火源", .riskPrevention, "《森林防火条例》第六条", .townOnly),
        DutyTemplate("开展消防安全宣传和火灾隐患排查", .riskPrevention, "《中华人民共和国消防法》第三十二条"),
        DutyTemplate("编制突发事件应急预案并组织演练", .riskPrevention, "《中华人民共和国突发事件应对法》第二十六条"),
        DutyTemplate("做好自然灾害防范和灾情信息报送", .riskPrevention, "《自然灾害救助条例》第五条"),
        DutyTemplate("协助做好食品安全监督管理工作", .riskPrevention, "《中华人民共和国食品安全法》第六条"),
        DutyTemplate("落实河（湖）长制，组织河道日常巡查保洁", .ecology, "《中华人民共和国水污染防治法》第五条"),
        DutyTemplate("推进生活垃圾分类和减量", .ecology, "《中华人民共和国固体废物污染环境防治法》第四十三条"),
        DutyTemplate("开展村庄环境整治和美丽乡村建设", .ecology, "《中华人民共和国乡村振兴促进法》第三十六条", .townOnly),
        DutyTemplate("做好耕地保护和违法用地动态巡查", .ecology, "《中华人民共和国土地管理法》第三十三条", .townOnly),
        DutyTemplate("做好秸秆禁烧和综合利用", .ecology, "《中华人民共和国大气污染防治法》第七十六条", .townOnly),
        DutyTemplate("做好市容环境卫生和城市精细化管理", .urbanManagement, "《城市市容和环境卫生管理条例》第四条", .streetOnly),
        DutyTemplate("开展违法建设巡查和控违拆违", .enforcement, "《中华人民共和国城乡规划法》第六十八条"),
        DutyTemplate("统筹镇（街道）综合行政执法，落实“一支队伍管执法”", .enforcement, "《中华人民共和国行政处罚法》第二十四条"),
    ]

    static let all: [DutyTemplate] = partyAndGovernance + economy + livelihood + safetyAndEnvironment
}
