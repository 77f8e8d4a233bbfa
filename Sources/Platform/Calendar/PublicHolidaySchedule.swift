/// One year's public holidays and make-up working days (调休上班日) as the State Council publishes
/// them each November for the year after.
public struct PublicHolidaySchedule: Hashable, Sendable, Codable {
    /// A named holiday and the days off it brings (statutory days plus the bridged ones).
    public struct Holiday: Hashable, Sendable, Codable {
        /// e.g. 春节.
        public var name: String
        /// Every day off, weekends included, in order.
        public var daysOff: [CalendarDay]
        /// Weekend days that are worked instead (调休上班).
        public var makeUpWorkdays: [CalendarDay]

        public init(name: String, daysOff: [CalendarDay], makeUpWorkdays: [CalendarDay] = []) {
            self.name = name
            self.daysOff = daysOff
            self.makeUpWorkdays = makeUpWorkdays
        }
    }

    public var year: Int
    public var holidays: [Holiday]
    /// Where the schedule comes from, e.g. 国办发明电〔2025〕7号.
    public var source: String
    /// True when the schedule was derived from the law rather than published (no make-up days).
    public var isProvisional: Bool

    public init(year: Int, holidays: [Holiday], source: String, isProvisional: Bool = false) {
        self.year = year
        self.holidays = holidays
        self.source = source
        self.isProvisional = isProvisional
    }

    /// Every day off in the year.
    public var daysOff: Set<CalendarDay> { Set(holidays.flatMap(\.daysOff)) }
    /// Every make-up working day in the year.
    public var makeUpWorkdays: Set<CalendarDay> { Set(holidays.flatMap(\.makeUpWorkdays)) }
}

extension PublicHolidaySchedule.Holiday {
    /// A holiday running from `first` through `last` inclusive.
    init(_ name: String, _ first: CalendarDay, through last: CalendarDay, working makeUp: [CalendarDay] = []) {
        let days = (first.dayNumber...last.dayNumber).map(CalendarDay.init(dayNumber:))
        self.init(name: name, daysOff: days, makeUpWorkdays: makeUp)
    }
}

extension PublicHolidaySchedule {
    /// 2025, per 国办发明电〔2024〕12号 (the first year under the 2024 revision of
    /// 《全国年节及纪念日放假办法》, which added a day each to 春节 and 劳动节).
    public static let china2025 = PublicHolidaySchedule(
        year: 2025,
        holidays: [
            Holiday("元旦", CalendarDay(2025, 1, 1), through: CalendarDay(2025, 1, 1)),
            Holiday("春节", CalendarDay(2025, 1, 28), through: CalendarDay(2025, 2, 4),
                    working: [CalendarDay(2025, 1, 26), CalendarDay(2025, 2, 8)]),
            Holiday("清明节", CalendarDay(2025, 4, 4), through: CalendarDay(2025, 4, 6)),
            Holiday("劳动节", CalendarDay(2025, 5, 1), through: CalendarDay(2025, 5, 5),
                    working: [CalendarDay(2025, 4, 27)]),
            Holiday("端午节", CalendarDay(2025, 5, 31), through: CalendarDay(2025, 6, 2)),
            Holiday("国庆节、中秋节", CalendarDay(2025, 10, 1), through: CalendarDay(2025, 10, 8),
                    working: [CalendarDay(2025, 9, 28), CalendarDay(2025, 10, 11)]),
        ],
        source: "国办发明电〔2024〕12号"
    )

    /// 2026, per 国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04).
    public static let china2026 = PublicHolidaySchedule(
        year: 2026,
        holidays: [
            Holiday("元旦", CalendarDay(2026, 1, 1), through: CalendarDay(2026, 1, 3),
                    working: [CalendarDay(2026, 1, 4)]),
            Holiday("春节", CalendarDay(2026, 2, 15), through: CalendarDay(2026, 2, 23),
                    working: [CalendarDay(2026, 2, 14), CalendarDay(2026, 2, 28)]),
            Holiday("清明节", CalendarDay(2026, 4, 4), through: CalendarDay(2026, 4, 6)),
            Holiday("劳动节", CalendarDay(2026, 5, 1), through: CalendarDay(2026, 5, 5),
                    working: [CalendarDay(2026, 5, 9)]),
            Holiday("端午节", CalendarDay(2026, 6, 19), through: CalendarDay(2026, 6, 21)),
            Holiday("中秋节", CalendarDay(2026, 9, 25), through: CalendarDay(2026, 9, 27)),
            Holiday("国庆节", CalendarDay(2026, 10, 1), through: CalendarDay(2026, 10, 7),
                    working: [CalendarDay(2026, 9, 20), CalendarDay(2026, 10, 10)]),
        ],
        source: "国务院办公厅2025年11月4日通知"
    )

    /// 2027, not yet published when this table was written: the statutory days of the law
    /// (元旦 1, 春节 4 from 除夕, 清明 1, 劳动节 2, 端午 1, 中秋 1, 国庆 3), with a statutory day that
    /// falls on a weekend made up on the next working day (放假办法第六条). The real schedule will
    /// bridge weekends and add make-up Saturdays; replace this table (or override it per district)
    /// once the State Council publishes it. Lunar dates: 除夕 2027-02-05, 端午 06-09, 中秋 09-15;
    /// 清明 falls on 04-05.
    public static let china2027Provisional = PublicHolidaySchedule(
        year: 2027,
        holidays: [
            Holiday("元旦", CalendarDay(2027, 1, 1), through: CalendarDay(2027, 1, 1)),
            // 02-06 and 02-07 are a weekend: made up on 02-09 and 02-10.
            Holiday("春节", CalendarDay(2027, 2, 5), through: CalendarDay(2027, 2, 10)),
            Holiday("清明节", CalendarDay(2027, 4, 5), through: CalendarDay(2027, 4, 5)),
            // 05-01 and 05-02 are a weekend: made up on 05-03 and 05-04.
            Holiday("劳动节", CalendarDay(2027, 5, 1), through: CalendarDay(2027, 5, 4)),
            Holiday("端午节", CalendarDay(2027, 6, 9), through: CalendarDay(2027, 6, 9)),
            Holiday("中秋节", CalendarDay(2027, 9, 15), through: CalendarDay(2027, 9, 15)),
            // 10-02 and 10-03 are a weekend: made up on 10-04 and 10-05.
            Holiday("国庆节", CalendarDay(2027, 10, 1), through: CalendarDay(2027, 10, 5)),
        ],
        source: "依《全国年节及纪念日放假办法》推定（国务院尚未公布）",
        isProvisional: true
    )

    /// Every schedule the platform ships with, oldest first.
    public static let builtIn: [PublicHolidaySchedule] = [china2025, china2026, china2027Provisional]
}
