/// The powers and responsibilities (权责清单) a town or street exercises, most of them handed
/// down by district departments.
enum DemoPowers {
    static let penalties: [PowerTemplate] = [
        PowerTemplate("对擅自占用城市道路、公共场地摆摊设点的行政处罚", .penalty, .enforcement, .urbanManagement, "《城市市容和环境卫生管理条例》第三十六条"),
        PowerTemplate("对擅自设置大型户外广告影响市容的行政处罚", .penalty, .enforcement, .urbanManagement, "《城市市容和环境卫生管理条例》第三十六条"),
        PowerTemplate("对随意倾倒、抛撒、堆放生活垃圾的行政处罚", .penalty, .enforcement, .urbanManagement, "《中华人民共和国固体废物污染环境防治法》第一百一十一条"),
        PowerTemplate("对餐饮服务业未安装油烟净化设施或不正常使用的行政处罚", .penalty, .enforcement, .urbanManagement, "《中华人民共和国大气污染防治法》第一百一十八条"),
        PowerTemplate("对未取得建设工程规划许可证进行建设的行政处罚", .penalty, .enforcement, .urbanManagement, "《中华人民共和国城乡规划法》第六十四条"),
        PowerTemplate("对未依法取得乡村建设规划许可证进行建设的行政处罚", .penalty, .enforcement, .naturalResources, "《中华人民共和国城乡规划法》第六十五条", .townOnly),
        PowerTemplate("对运输建筑垃圾沿途丢弃、遗撒的行政处罚", .penalty, .enforcement, .urbanManagement, "《城市建筑垃圾管理规定》第二十三条"),
        PowerTemplate("对擅自占用、挖掘城市道路的行政处罚", .penalty, .enforcement, .urbanManagement, "《城市道路管理条例》第四十二条"),
        PowerTemplate("对夜间违规进行产生噪声的建筑施工作业的行政处罚", .penalty, .enforcement, .ecology, "《中华人民共和国噪声污染防治法》第七十七条"),
        PowerTemplate("对损坏城市绿地和绿化设施的行政处罚", .penalty, .enforcement, .urbanManagement, "《城市绿化条例》第二十六条"),
        PowerTemplate("对生产经营单位未按规定对从业人员进行安全生产教育培训的行政处罚", .penalty, .riskPrevention, .emergency, "《中华人民共和国安全生产法》第九十七条"),
        PowerTemplate("对生产经营单位未建立事故隐患排查治理制度的行政处罚", .penalty, .riskPrevention, .emergency, "《中华人民共和国安全生产法》第一百零一条"),
        PowerTemplate("对占用耕地建窑、建坟或擅自建房的行政处罚", .penalty, .enforcement, .naturalResources, "《中华人民共和国土地管理法》第七十五条", .townOnly),
        PowerTemplate("对在禁止区域燃放烟花爆竹的行政处罚", .penalty, .enforcement, .police, "《烟花爆竹安全管理条例》第四十二条"),
        PowerTemplate("对露天焚烧秸秆、落叶等产生烟尘污染物质的行政处罚", .penalty, .ecology, .ecology, "《中华人民共和国大气污染防治法》第一百一十九条"),
        PowerTemplate("对未按规定分类投放生活垃圾的行政处罚", .penalty, .enforcement, .urbanManagement, "《中华人民共和国固体废物污染环境防治法》第一百一十一条"),
        PowerTemplate("对在城市建筑物、设施上乱涂写、乱刻画、乱张贴的行政处罚", .penalty, .enforcement, .urbanManagement, "《城市市容和环境卫生管理条例》第三十四条"),
        PowerTemplate("对违规饲养犬只影响市容和环境卫生的行政处罚", .penalty, .enforcement, .police, "《江临市养犬管理条例》第二十八条"),
    ]

    static let coercionAndLicensing: [PowerTemplate] = [
        PowerTemplate("对违法建设拒不停止建设的查封施工现场", .coercion, .enforcement, .urbanManagement, "《中华人民共和国城乡规划法》第六十八条"),
        PowerTemplate("对逾期不拆除的违法建设实施强制拆除", .coercion, .enforcement, .urbanManagement, "《中华人民共和国城乡规划法》第六十八条"),
        PowerTemplate("对占道经营的物品、工具予以暂扣", .coercion, .enforcement, .urbanManagement, "《中华人民共和国行政强制法》第九条"),
        PowerTemplate("乡村建设规划许可证核发", .licensing, .publicService, .naturalResources, "《中华人民共和国城乡规划法》第四十一条", .townOnly),
        PowerTemplate("临时占用城市道路审批", .licensing, .urbanManagement, .urbanManagement, "《城市道路管理条例》第三十一条"),
        PowerTemplate("城市建筑垃圾处置核准", .licensing, .urbanManagement, .urbanManagement, "《城市建筑垃圾管理规定》第七条"),
        PowerTemplate("设置大型户外广告及在建筑物、设施上悬挂宣传品审批", .licensing, .urbanManagement, .urbanManagement, "《城市市容和环境卫生管理条例》第十一条"),
        PowerTemplate("农村村民宅基地审批", .licensing, .publicService, .naturalResources, "《中华人民共和国土地管理法》第六十二条", .townOnly),
    ]

    static let inspectionAndServices: [PowerTemplate] = [
        PowerTemplate("对生产经营单位安全生产状况的监督检查", .inspection, .riskPrevention, .emergency, "《中华人民共和国安全生产法》第九条"),
        PowerTemplate("对辖区单位和居民住宅区消防安全的检查", .inspection, .riskPrevention, .fireRescue, "《中华人民共和国消防法》第三十一条"),
        PowerTemplate("对餐饮服务单位油烟排放的检查", .inspection, .ecology, .urbanManagement, "《中华人民共和国大气污染防治法》第八十一条"),
        PowerTemplate("对瓶装燃气使用单位安全的检查", .inspection, .riskPrevention, .housing, "《城镇燃气管理条例》第二十八条"),
        PowerTemplate("对出租房屋安全状况的检查", .inspection, .riskPrevention, .police, "《租赁房屋治安管理规定》第九条"),
        PowerTemplate("对农村自建房安全的排查", .inspection, .riskPrevention, .housing, "《中华人民共和国建筑法》第八十三条", .townOnly),
        PowerTemplate("最低生活保障金给付", .payment, .livelihood, .civilAffairs, "《社会救助暂行办法》第十一条"),
        PowerTemplate("特困人员救助供养金给付", .payment, .livelihood, .civilAffairs, "《社会救助暂行办法》第十五条"),
        PowerTemplate("临时救助金给付", .payment, .livelihood, .civilAffairs, "《社会救助暂行办法》第四十八条"),
        PowerTemplate("高龄津贴发放", .payment, .livelihood, .civilAffairs, "《中华人民共和国老年人权益保障法》第三十三条"),
        PowerTemplate("农村土地承包经营权流转合同备案", .confirmation, .economicDevelopment, .agriculture, "《中华人民共和国农村土地承包法》第四十条", .townOnly),
        PowerTemplate("困难家庭经济状况核对确认", .confirmation, .livelihood, .civilAffairs, "《社会救助暂行办法》第十一条"),
        PowerTemplate("独生子女父母光荣证核发", .confirmation, .publicService, .health, "《中华人民共和国人口与计划生育法》第二十七条"),
        PowerTemplate("见义勇为人员推荐表彰", .reward, .socialGovernance, .justice, "《江临市见义勇为人员奖励和保障条例》第十条"),
        PowerTemplate("对安全生产工作成绩显著的单位和个人给予奖励", .reward, .riskPrevention, .emergency, "《中华人民共和国安全生产法》第十九条"),
        PowerTemplate("个人之间、个人与单位之间土地权属争议调处", .ruling, .socialGovernance, .naturalResources, "《中华人民共和国土地管理法》第十四条", .townOnly),
        PowerTemplate("个人之间林木、林地权属争议调处", .ruling, .socialGovernance, .naturalResources, "《中华人民共和国森林法》第二十二条", .townOnly),
        PowerTemplate("组织民间纠纷人民调解", .other, .socialGovernance, .justice, "《中华人民共和国人民调解法》第二十二条"),
        PowerTemplate("城市生活垃圾处理费征收", .collection, .urbanManagement, .urbanManagement, "《中华人民共和国固体废物污染环境防治法》第五十八条"),
        PowerTemplate("对辖区建设工程施工扬尘防治的检查", .inspection, .ecology, .housing, "《中华人民共和国大气污染防治法》第六十九条"),
    ]

    static let all: [PowerTemplate] = penalties + coercionAndLicensing + inspectionAndServices
}
