import Testing
import JicengCommands

@Test func chineseCountsAsTwoColumns() {
    #expect(DisplayWidth.of("路灯") == 4)
    #expect(DisplayWidth.of("A路灯1") == 6)
    #expect(DisplayWidth.of("（第3版）") == 9)
    #expect(DisplayWidth.of("e\u{301}") == 1)
}

@Test func tableColumnsLineUpByDisplayWidth() {
    var table = TextTable(columns: [.init("编号"), .init("事项"), .init("时限", alignRight: true)])
    table.append(["ZR-0001", "占道经营巡查劝导", "24"])
    table.append(["ZR-12", "路灯", "3"])
    let lines = table.render().split(separator: "\n").map(String.init)
    #expect(lines.count == 4)
    // The last column is right-aligned, so every line (rule included) ends at the same column,
    // which only holds when Chinese cells are padded by display width.
    #expect(Set(lines.map { DisplayWidth.of($0) }).count == 1)
    #expect(lines[2].hasPrefix("ZR-0001  占道经营巡查劝导"))
}

@Test func longCellsAreCutWithAnEllipsis() {
    #expect(DisplayWidth.truncate("城市市容和环境卫生管理条例", to: 9) == "城市市容…")
    #expect(DisplayWidth.of(DisplayWidth.truncate("城市市容和环境卫生管理条例", to: 9)) <= 9)
    #expect(DisplayWidth.truncate("短", to: 9) == "短")
}

@Test func csvQuotesWhatNeedsQuoting() {
    var table = TextTable(columns: [.init("标题"), .init("说明")])
    table.append(["路灯,不亮", "他说\"修好了\""])
    #expect(table.csv(byteOrderMark: false) == "标题,说明\r\n\"路灯,不亮\",\"他说\"\"修好了\"\"\"\r\n")
}

@Test func rowsNeverEndInPadding() {
    var table = TextTable(columns: [.init("字段"), .init("原值"), .init("新值")])
    table.append(["标题", "", ""])
    table.append(["时限", "3天", "5天"])
    for line in table.render().split(separator: "\n") {
        #expect(line.last != " ")
    }
}
