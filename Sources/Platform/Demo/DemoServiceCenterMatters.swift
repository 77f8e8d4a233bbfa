/// Matters handled at a town's service centre (便民服务中心, 一站式服务、一门式办理).
enum DemoServiceCenterMatters {
    typealias S = ServiceTemplate
    static let id = "居民身份证"
    static let book = "户口簿"

    static let socialInsurance: [S] = [
        S("城乡居民基本养老保险参保登记", "社保医保窗口", online: true, days: 1, [id, book], .livelihood, .humanResources),
        S("城乡居民基本养老保险待遇领取申请", "社保医保窗口", online: true, days: 5, [id, "银行卡"], .livelihood, .humanResources),
        S("城乡居民基本医疗保险参保登记", "社保医保窗口", online: true, days: 1, [id, book], .livelihood, .medicalInsurance),
        S("医疗费用零星报销受理", "社保医保窗口", online: false, days: 10, [id, "医疗费用发票", "费用明细清单", "出院小结"], .livelihood, .medicalInsurance),
        S("门诊慢特病待遇认定受理", "社保医保窗口", online: true, days: 15, [id, "病历资料", "检查报告"], .livelihood, .medicalInsurance),
        S("灵活就业人员社会保险登记", "社保医保窗口", online: true, days: 1, [id], .livelihood, .humanResources),
        S("就业失业登记", "社保医保窗口", online: true, days: 1, [id], .livelihood, .humanResources),
        S("就业困难人员认定申请", "社保医保窗口", online: false, days: 5, [id, "就业创业证", "相关证明材料"], .livelihood, .humanResources),
        S("失业保险金申领", "社保医保窗口", online: true, days: 3, [id, "解除劳动合同证明", "银行卡"], .livelihood, .humanResources),
    ]

    static let socialAffairs: [S] = [
        S("最低生活保障申请受理", "社会事务窗口", online: false, days: 30, [id, book, "家庭经济状况核对授权书", "收入证明"], .livelihood, .civilAffairs),
        S("特困人员救助供养申请受理", "社会事务窗口", online: false, days: 20, [id, book, "残疾证或病历"], .livelihood, .civilAffairs),
        S("临时救助申请受理", "社会事务窗口", online: true, days: 5, [id, "困难情况说明", "相关票据"], .livelihood, .civilAffairs),
        S("困难残疾人生活补贴和重度残疾人护理补贴申请", "社会事务窗口", online: true, days: 10, [id, "残疾人证"], .livelihood, .civilAffairs),
        S("高龄津贴申领", "社会事务窗口", online: true, days: 5, [id, "银行卡"], .livelihood, .civilAffairs),
        S("老年人优待证办理", "社会事务窗口", online: true, days: 3, [id, "免冠照片"], .livelihood, .civilAffairs),
        S("残疾人证申领受理", "社会事务窗口", online: false, days: 15, [id, book, "免冠照片"], .livelihood, .civilAffairs),
        S("殡葬惠民补贴申请", "社会事务窗口", online: false, days: 10, [id, "死亡证明", "火化证明"], .livelihood, .civilAffairs),
        S("计划生育家庭特别扶助申请", "社会事务窗口", online: false, days: 20, [id, book, "独生子女父母光荣证"], .publicService, .health),
        S("生育登记服务", "社会事务窗口", online: true, days: 1, [id, "结婚证"], .publicService, .health),
        S("独生子女父母光荣证办理", "社会事务窗口", online: false, days: 3, [id, book, "结婚证"], .publicService, .health),
        S("流动人口居住登记和居住证申领受理", "综合受理窗口", online: true, days: 7, [id, "租赁合同或住所证明"], .publicService, .police),
        S("居民身份证异地受理", "综合受理窗口", online: false, days: 15, [book], .publicService, .police),
        S("退役军人优待证申领", "退役军人服务站", online: true, days: 10, [id, "退役证件", "免冠照片"], .livelihood, .veteransAffairs),
        S("退役军人信息采集", "退役军人服务站", online: false, days: 1, [id, "退役证件"], .livelihood, .veteransAffairs),
        S("优抚对象抚恤补助申请", "退役军人服务站", online: false, days: 10, [id, "优抚证件", "银行卡"], .livelihood, .veteransAffairs),
        S("法律援助申请受理", "综合受理窗口", online: true, days: 5, [id, "经济困难声明", "案件材料"], .socialGovernance, .justice),
        S("人民调解申请", "综合受理窗口", online: false, days: 3, [id, "纠纷情况说明"], .socialGovernance, .justice),
    ]

    static let buildingAndBusiness: [S] = [
        S("农村村民宅基地和建房（规划许可）申请受理", "不动产与建设窗口", online: false, days: 20, [id, book, "宅基地申请表", "村民会议决议"], .publicService, .naturalResources, .townOnly),
        S("不动产登记资料查询", "不动产与建设窗口", online: true, days: 1, [id], .publicService, .naturalResources),
        S("临时占用城市道路审批受理", "不动产与建设窗口", online: true, days: 5, ["申请书", "占道位置图", "营业执照或身份证"], .urbanManagement, .urbanManagement),
        S("户外广告设置审批受理", "不动产与建设窗口", online: true, days: 5, ["申请书", "设计效果图", "产权证明"], .urbanManagement, .urbanManagement),
        S("建筑垃圾处置核准受理", "不动产与建设窗口", online: true, days: 5, ["申请书", "运输合同", "消纳场地证明"], .urbanManagement, .urbanManagement),
        S("公共租赁住房申请受理", "不动产与建设窗口", online: true, days: 20, [id, book, "收入证明", "住房情况证明"], .livelihood, .housing, .streetOnly),
        S("瓶装燃气用户开户、过户受理", "不动产与建设窗口", online: false, days: 5, [id, "房屋产权或租赁证明"], .publicService, .housing),
        S("个体工商户设立登记", "企业服务窗口", online: true, days: 1, [id, "经营场所证明"], .economicDevelopment, .marketRegulation),
        S("个体工商户变更、注销登记", "企业服务窗口", online: true, days: 1, [id, "营业执照"], .economicDevelopment, .marketRegulation),
        S("小餐饮经营许可受理", "企业服务窗口", online: true, days: 7, [id, "营业执照", "健康证明", "平面布局图"], .economicDevelopment, .marketRegulation),
        S("食品小作坊登记", "企业服务窗口", online: false, days: 10, [id, "营业执照", "生产工艺流程"], .economicDevelopment, .marketRegulation),
        S("自然人代开增值税发票", "企业服务窗口", online: true, days: 1, [id, "合同或协议"], .economicDevelopment, .taxation),
        S("耕地地力保护补贴申报", "农业服务窗口", online: false, days: 15, [id, "土地承包经营权证", "银行卡"], .economicDevelopment, .agriculture, .townOnly),
        S("农村土地承包经营权流转备案", "农业服务窗口", online: false, days: 7, [id, "流转合同"], .economicDevelopment, .agriculture, .townOnly),
        S("农机购置补贴申请受理", "农业服务窗口", online: true, days: 15, [id, "购机发票", "机具照片"], .economicDevelopment, .agriculture, .townOnly),
        S("生活垃圾和大件垃圾清运预约", "综合受理窗口", online: true, days: 3, ["联系方式", "清运地址"], .urbanManagement, .urbanManagement),
        S("户籍证明开具（受理转办）", "综合受理窗口", online: false, days: 3, [id, book], .publicService, .police),
    ]

    static let all: [S] = socialInsurance + socialAffairs + buildingAndBusiness
}
