import Foundation
import Testing
@testable import Platform

/// The China default calendar, read in Asia/Shanghai.
private let china = WorkCalendar.chinaDefault

/// The instant `hour:minute` local time on the given day.
private func at(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int = 0,
                on calendar: WorkCalendar = china) -> Date {
    calendar.instant(on: CalendarDay(year, month, day), minute: hour * 60 + minute)
}

private func deadline(_ start: Date, hours: Double, on calendar: WorkCalendar = china) throws -> Date {
    try calendar.deadline(after: start, workingHours: hours)
}

@Suite("Working-time calendar")
struct WorkCalendarTests {
    @Test func fridayAfternoonCrossesTheWeekend() throws {
        // 2026-03-13 is a Friday: 1.5 h left on Friday, 2.5 h on Monday morning.
        #expect(CalendarDay(2026, 3, 13).isoWeekday == 5)
        #expect(try deadline(at(2026, 3, 13, 16), hours: 4) == at(2026, 3, 16, 11))
        #expect(china.workingTime(from: at(2026, 3, 13, 16), to: at(2026, 3, 16, 11)) == 4 * 3600)
    }

    @Test func holidayWeekIsSkipped() throws {
        // National Day 2026: 10-01 … 10-07 off. 1.5 h on 09-30, then 6.5 h from 10-08.
        #expect(try deadline(at(2026, 9, 30, 16), hours: 8) == at(2026, 10, 8, 16, 30))
        for day in 1...7 { #expect(!china.isWorkingDay(CalendarDay(2026, 10, day))) }
        #expect(china.workingTime(from: at(2026, 10, 1, 0), to: at(2026, 10, 8, 0)) == 0)
    }

    @Test func makeUpSaturdayIsWorked() throws {
        // 2026-10-10 is a Saturday worked in exchange for the National Day bridge.
        #expect(CalendarDay(2026, 10, 10).isoWeekday == 6)
        #expect(china.isWorkingDay(CalendarDay(2026, 10, 10)))
        #expect(try deadline(at(2026, 10, 9, 17), hours: 2) == at(2026, 10, 10, 10))
        // An ordinary Saturday is not.
        #expect(!china.isWorkingDay(CalendarDay(2026, 10, 17)))
        #expect(try deadline(at(2026, 10, 16, 17), hours: 2) == at(2026, 10, 19, 10))
    }

    @Test func springFestival2026() {
        #expect(china.isWorkingDay(CalendarDay(2026, 2, 14)))   // Saturday, worked
        #expect(!china.isWorkingDay(CalendarDay(2026, 2, 15)))
        #expect(!china.isWorkingDay(CalendarDay(2026, 2, 23)))  // Monday, still off
        #expect(china.isWorkingDay(CalendarDay(2026, 2, 24)))
        #expect(china.isWorkingDay(CalendarDay(2026, 2, 28)))   // Saturday, worked
    }

    @Test func schedules2025() {
        #expect(!china.isWorkingDay(CalendarDay(2025, 1, 1)))
        #expect(china.isWorkingDay(CalendarDay(2025, 1, 26)))   // Sunday, worked
        #expect(!china.isWorkingDay(CalendarDay(2025, 2, 4)))
        #expect(china.isWorkingDay(CalendarDay(2025, 2, 8)))    // Saturday, worked
        #expect(!china.isWorkingDay(CalendarDay(2025, 10, 8)))
        #expect(china.isWorkingDay(CalendarDay(2025, 10, 11)))  // Saturday, worked
    }

    @Test func provisional2027MakesUpWeekendStatutoryDays() {
        let s = PublicHolidaySchedule.china2027Provisional
        #expect(s.isProvisional)
        #expect(s.makeUpWorkdays.isEmpty)
        // 春节: 除夕 Friday 02-05 through 02-08, with the weekend 02-06/07 made up on 02-09/10.
        #expect(!china.isWorkingDay(CalendarDay(2027, 2, 10)))
        #expect(china.isWorkingDay(CalendarDay(2027, 2, 11)))
        #expect(!china.isWorkingDay(CalendarDay(2027, 10, 5)))
        #expect(china.isWorkingDay(CalendarDay(2027, 10, 6)))
    }

    @Test func publishedTablesAreConsistent() {
        #expect(PublicHolidaySchedule.china2025.daysOff.count == 28)
        #expect(PublicHolidaySchedule.china2026.daysOff.count == 33)
        #expect(PublicHolidaySchedule.china2025.makeUpWorkdays.count == 5)
        #expect(PublicHolidaySchedule.china2026.makeUpWorkdays.count == 6)
        for schedule in PublicHolidaySchedule.builtIn {
            for day in schedule.daysOff.union(schedule.makeUpWorkdays) { #expect(day.year == schedule.year) }
            // A make-up day is always a weekend day that would otherwise be off.
            for day in schedule.makeUpWorkdays { #expect([6, 7].contains(day.isoWeekday), "\(day)") }
            #expect(schedule.daysOff.isDisjoint(with: schedule.makeUpWorkdays))
        }
    }

    @Test func crossingLunch() throws {
        #expect(try deadline(at(2026, 3, 10, 11), hours: 2) == at(2026, 3, 10, 14, 30))
        // Starting during lunch counts from 13:30.
        #expect(try deadline(at(2026, 3, 10, 12, 30), hours: 0.5) == at(2026, 3, 10, 14))
        #expect(china.workingTime(from: at(2026, 3, 10, 11), to: at(2026, 3, 10, 14)) == 1.5 * 3600)
        #expect(!china.isWorkingTime(at(2026, 3, 10, 12, 45)))
        #expect(china.isWorkingTime(at(2026, 3, 10, 13, 30)))
    }

    @Test func beforeAndAfterHours() throws {
        #expect(try deadline(at(2026, 3, 10, 7), hours: 1) == at(2026, 3, 10, 9, 30))
        #expect(try deadline(at(2026, 3, 10, 19), hours: 1) == at(2026, 3, 11, 9, 30))
        // Ending exactly at closing time stays on that day.
        #expect(try deadline(at(2026, 3, 10, 16, 30), hours: 1) == at(2026, 3, 10, 17, 30))
        #expect(try deadline(at(2026, 3, 10, 19), hours: 0) == at(2026, 3, 10, 19))
        #expect(china.workingTime(from: at(2026, 3, 10, 18), to: at(2026, 3, 11, 8)) == 0)
        #expect(china.workingTime(from: at(2026, 3, 11, 8), to: at(2026, 3, 10, 18)) == 0)
    }

    @Test func workingDaysAndWorkingTimeAgree() throws {
        #expect(china.workingSecondsPerDay == 27_000)
        // Three working days from a Thursday 10:00 is the next Tuesday 10:00.
        #expect(try china.deadline(after: at(2026, 3, 12, 10), workingDays: 3) == at(2026, 3, 17, 10))
        // Laying out a duration and measuring it back gives the duration, wherever it starts.
        var start = at(2026, 9, 28, 9, 15)
        for step in 0..<40 {
            let hours = Double(step % 13) + 0.25
            let end = try deadline(start, hours: hours)
            if china.isWorkingTime(start) {
                #expect(china.workingTime(from: start, to: end) == hours * 3600, "start \(start)")
            }
            start = start.addingTimeInterval(3600 * 7 + 60 * 17)
        }
    }

    @Test func clockTimeIsPlainAddition() {
        let start = at(2026, 10, 1, 22)
        #expect(china.clockDeadline(after: start, seconds: 4 * 3600) == at(2026, 10, 2, 2))
    }

    @Test func badDurationsAreRefused() {
        #expect(throws: WorkCalendarError.durationOutOfRange(-3600)) {
            try china.deadline(after: at(2026, 3, 10, 9), workingHours: -1)
        }
        #expect(throws: WorkCalendarError.self) {
            try china.deadline(after: at(2026, 3, 10, 9), workingSeconds: .nan)
        }
        #expect(throws: WorkCalendarError.self) {
            try china.deadline(after: at(2026, 3, 10, 9), workingSeconds: .infinity)
        }
    }

    @Test func badCalendarsAreRefused() throws {
        let morning = try #require(WorkingPeriod(from: (8, 30), to: (12, 0)))
        let overlapping = try #require(WorkingPeriod(from: (11, 0), to: (14, 0)))
        #expect(throws: WorkCalendarError.unknownTimeZone("Asia/Shangai")) {
            try WorkCalendar(timeZoneIdentifier: "Asia/Shangai", workingPeriods: [morning])
        }
        #expect(throws: WorkCalendarError.noWorkingPeriods) {
            try WorkCalendar(timeZoneIdentifier: "Asia/Shanghai", workingPeriods: [])
        }
        #expect(throws: WorkCalendarError.overlappingPeriods(morning, overlapping)) {
            try WorkCalendar(timeZoneIdentifier: "Asia/Shanghai", workingPeriods: [morning, overlapping])
        }
        #expect(throws: WorkCalendarError.noWorkingWeekday) {
            try WorkCalendar(timeZoneIdentifier: "Asia/Shanghai", workingPeriods: [morning], weekendDays: Set(1...7))
        }
        #expect(throws: WorkCalendarError.invalidWeekday(0)) {
            try WorkCalendar(timeZoneIdentifier: "Asia/Shanghai", workingPeriods: [morning], weekendDays: [0])
        }
        let day = CalendarDay(2026, 5, 9)
        #expect(throws: WorkCalendarError.conflictingDay(day)) {
            try WorkCalendar(timeZoneIdentifier: "Asia/Shanghai", workingPeriods: [morning],
                             daysOff: [day], makeUpWorkdays: [day])
        }
        #expect(WorkingPeriod(from: (12, 0), to: (8, 30)) == nil)
        #expect(WorkingPeriod(startMinute: 0, endMinute: 24 * 60 + 1) == nil)
    }

    @Test func districtOverrides() throws {
        // A district on summer hours (08:00–12:00, 14:30–18:00) and with a local day off.
        let summer = try china.with(workingPeriods: [
            try #require(WorkingPeriod(from: (8, 0), to: (12, 0))),
            try #require(WorkingPeriod(from: (14, 30), to: (18, 0))),
        ]).addingDaysOff([CalendarDay(2026, 7, 15)])
        let calendars = DistrictCalendars(overrides: ["339981": summer])
        #expect(calendars.calendar(forDistrict: "339902") == china)
        let local = calendars.calendar(forDistrict: "339981")
        // 2026-07-14 (Tuesday) 17:00 + 2 h: 1 h until 18:00, the 15th is off → 16th 09:00.
        #expect(try deadline(at(2026, 7, 14, 17), hours: 2, on: local) == at(2026, 7, 16, 9))
        #expect(try deadline(at(2026, 7, 14, 17), hours: 2) == at(2026, 7, 15, 10))
        // A make-up day can be cancelled by a local day off and restored.
        let noMakeUp = china.addingDaysOff([CalendarDay(2026, 10, 10)])
        #expect(!noMakeUp.isWorkingDay(CalendarDay(2026, 10, 10)))
        #expect(noMakeUp.addingWorkdays([CalendarDay(2026, 10, 10)]).isWorkingDay(CalendarDay(2026, 10, 10)))
    }

    @Test func codableRoundTripAndValidation() throws {
        let data = try JSONEncoder().encode(DistrictCalendars(overrides: ["339903": china]))
        let back = try JSONDecoder().decode(DistrictCalendars.self, from: data)
        #expect(back.calendar(forDistrict: "339903") == china)
        let bad = Data(#"{"timeZone":"Asia/Shanghai","workingPeriods":[{"startMinute":600,"endMinute":500}]}"#.utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(WorkCalendar.self, from: bad) }
        let badDay = Data(#"{"timeZone":"Asia/Shanghai","workingPeriods":[{"startMinute":500,"endMinute":600}],"daysOff":["2026-02-30"]}"#.utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(WorkCalendar.self, from: badDay) }
        let minimal = Data(#"{"timeZone":"Asia/Shanghai","workingPeriods":[{"startMinute":540,"endMinute":1020}]}"#.utf8)
        let decoded = try JSONDecoder().decode(WorkCalendar.self, from: minimal)
        #expect(decoded.weekendDays == [6, 7])
        #expect(decoded.workingSecondsPerDay == 8 * 3600)
    }

    @Test func civilDateArithmetic() {
        #expect(CalendarDay(1970, 1, 1).dayNumber == 0)
        #expect(CalendarDay(2000, 3, 1).dayNumber == 11_017)
        #expect(CalendarDay(dayNumber: 20_454) == CalendarDay(2026, 1, 1))
        #expect(CalendarDay(2026, 1, 1).isoWeekday == 4)
        for n in stride(from: -800_000, through: 800_000, by: 997) {
            #expect(CalendarDay(dayNumber: n).dayNumber == n)
        }
        #expect(CalendarDay(year: 2026, month: 2, day: 29) == nil)
        #expect(CalendarDay(year: 2024, month: 2, day: 29) != nil)
        #expect(CalendarDay(iso: "2026-10-10") == CalendarDay(2026, 10, 10))
        #expect(CalendarDay(iso: "2026-1-10") == nil)
        #expect(CalendarDay(iso: "２０２６-10-10") == nil)
        #expect(CalendarDay(2026, 2, 14).description == "2026-02-14")
    }
}
