/// The district's catalogue of matters delegated (下放), authorized (授权) or entrusted (委托) to
/// its towns and streets, published to the public. Each names the department that gives it up
/// and one of three district documents (see `DemoCatalogue.delegationDocuments`).
enum DemoDelegatedMatters {
    typealias X = DelegatedTemplate

    static let all: [X] = [
        X("对擅自占用城市道路、公共场地摆摊设点的行政处罚", .urbanManagement, .delegated, .penalty, .enforcement, "《城市市容和环境卫生管理条例》第三十六条", document: 0),
        X("对未取得建设工程规划许可证进行建设的行政处罚", .urbanManagement, .delegated, .penalty, .enforcement, "《中华人民共和国城乡规划法》第六十四条", document: 0),
        X("对餐饮服务业油烟排放不达标的行政处罚", .urbanManagement, .delegated, .penalty, .enforcement, "《中华人民共和国大气污染防治法》第一百一十八条", document: 0),
        X("对违法建设的查封施工现场、强制拆除", .urbanManagement, .delegated, .coercion, .enforcement, "《中华人民共和国城乡规划法》第六十八条", document: 0),
        X("对随意倾倒、抛撒、堆放生活垃圾的行政处罚", .urbanManagement, .delegated, .penalty, .enforcement, "《中华人民共和国固体废物污染环境防治法》第一百一十一条", document: 0),
        X("设置大型户外广告审批", .urbanManagement, .authorized, .licensing, .urbanManagement, "《城市市容和环境卫生管理条例》第十一条", document: 1),
        X("临时占用城市道路审批", .urbanManagement, .authorized, .licensing, .urbanManagement, "《城市道路管理条例》第三十一条", document: 1),
        X("城市建筑垃圾处置核准", .urbanManagement, .entrusted, .licensing, .urbanManagement, "《城市建筑垃圾管理规定》第七条", document: 1),
        X("乡村建设规划许可证核发", .naturalResources, .delegated, .licensing, .publicService, "《中华人民共和国城乡规划法》第四十一条", document: 0, .townOnly),
        X("农村村民宅基地审批", .naturalResources, .authorized, .licensing, .publicService, "《中华人民共和国土地管理法》第六十二条", document: 0, .townOnly),
        X("对非法占用耕地建房的行政处罚", .naturalResources, .delegated, .penalty, .enforcement, "《中华人民共和国土地管理法》第七十八条", document: 0, .townOnly),
        X("临时用地审批初审", .naturalResources, .entrusted, .licensing, .publicService, "《中华人民共和国土地管理法》第五十七条", document: 2),
        X("对生产经营单位安全生产状况的监督检查", .emergency, .entrusted, .inspection, .riskPrevention, "《中华人民共和国安全生产法》第九条", document: 2),
        X("对未按规定开展安全生产教育培训的行政处罚", .emergency, .entrusted, .penalty, .riskPrevention, "《中华人民共和国安全生产法》第九十七条", document: 2),
        X("个体工商户登记", .marketRegulation, .entrusted, .licensing, .economicDevelopment, "《促进个体工商户发展条例》第八条", document: 1),
        X("食品小作坊登记", .marketRegulation, .entrusted, .licensing, .economicDevelopment, "《中华人民共和国食品安全法》第三十六条", document: 1),
        X("耕地地力保护补贴审核", .agriculture, .delegated, .payment, .economicDevelopment, "《中华人民共和国农业法》第三十八条", document: 1, .townOnly),
        X("农机购置补贴申请受理", .agriculture, .entrusted, .payment, .economicDevelopment, "《中华人民共和国农业机械化促进法》第二十七条", document: 1, .townOnly),
        X("最低生活保障审核确认", .civilAffairs, .delegated, .confirmation, .livelihood, "《社会救助暂行办法》第十一条", document: 1),
        X("特困人员认定", .civilAffairs, .delegated, .confirmation, .livelihood, "《社会救助暂行办法》第十五条", document: 1),
        X("临时救助审批", .civilAffairs, .delegated, .payment, .livelihood, "《社会救助暂行办法》第四十九条", document: 1),
        X("就业困难人员认定", .humanResources, .delegated, .confirmation, .livelihood, "《中华人民共和国就业促进法》第五十二条", document: 1),
        X("计划生育家庭特别扶助资格确认", .health, .delegated, .confirmation, .publicService, "《中华人民共和国人口与计划生育法》第三十一条", document: 1),
        X("对露天焚烧秸秆的行政处罚", .ecology, .entrusted, .penalty, .ecology, "《中华人民共和国大气污染防治法》第一百一十九条", document: 2),
        X("对河道管理范围内违规堆放物料的行政处罚", .water, .entrusted, .penalty, .enforcement, "《中华人民共和国河道管理条例》第四十四条", document: 2),
        X("对九小场所消防安全的检查", .fireRescue, .authorized, .inspection, .riskPrevention, "《中华人民共和国消防法》第三十一条", document: 2),
        X("退役军人优待证审核", .veteransAffairs, .delegated, .confirmation, .livelihood, "《中华人民共和国退役军人保障法》第六十二条", document: 1),
        X("农村公路路政巡查", .transport, .entrusted, .inspection, .publicService, "《中华人民共和国公路法》第七十条", document: 2, .townOnly),
    ]
}
