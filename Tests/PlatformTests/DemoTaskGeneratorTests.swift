import Foundation
import Testing
@testable import Platform

@Suite("Demo task scenarios")
struct DemoTaskGeneratorTests {
    static let end = WorkCalendar.chinaDefault.instant(on: CalendarDay(2026, 11, 30), minute: 10 * 60)
    static let scenarios = DemoTaskGenerator().scenarios(count: 3000, endingAt: end)

    @Test func deterministic() {
        let again = DemoTaskGenerator().scenarios(count: 3000, endingAt: Self.end)
        #expect(again == Self.scenarios)
        let other = DemoTaskGenerator(seed: 7).scenarios(count: 3000, endingAt: Self.end)
        #expect(other != Self.scenarios)
    }

    @Test func coversEveryStateAndSource() {
        let states = Set(Self.scenarios.map(\.finalState))
        for state in TaskState.allCases where state != .unspecified { #expect(states.contains(state), "\(state)") }
        let sources = Set(Self.scenarios.map(\.source))
        for source in TaskSource.allCases where source != .unspecified { #expect(sources.contains(source), "\(source)") }
        #expect(Self.scenarios.contains { $0.reworkCount > 0 })
        #expect(Self.scenarios.contains { $0.steps.contains { if case .escalate = $0.action { true } else { false } } })
        #expect(Self.scenarios.contains { $0.steps.contains { if case .requestExtension = $0.action { true } else { false } } })
        #expect(Self.scenarios.contains { $0.steps.contains { if case .settleDispute(true, _, _) = $0.action { true } else { false } } })
        #expect(Set(Self.scenarios.map(\.satisfaction)) == Set(0...5))
        #expect(Set(Self.scenarios.map(\.townID)).count == DemoOrgTree.jianglin.towns.count)
    }

    @Test func stepsAreOrderedAndWithinTheWindow() {
        let start = Self.end.addingTimeInterval(-Double(121 + 7 * 30) * 86_400)
        for s in Self.scenarios {
            #expect(s.createTime <= Self.end && s.createTime > start, "\(s.reference)")
            var previous = s.createTime
            for step in s.steps {
                #expect(step.time >= previous, "\(s.reference)")
                previous = step.time
            }
            #expect(previous <= Self.end, "\(s.reference)")
        }
    }

    @Test func scenariosAreConsistentWithTheTreeAndCatalogue() throws {
        let tree = DemoOrgTree.jianglin
        var codesByTown: [String: Set<String>] = [:]
        for town in tree.towns {
            codesByTown[town.id] = Set(DemoCatalogue.items(forTown: town).filter { $0.list == .territorialMatter }.map(\.code))
        }
        for s in Self.scenarios {
            let town = try #require(tree.towns.first { $0.id == s.townID })
            #expect(tree.unit(s.gridID)?.kind == .grid && s.gridID.hasPrefix(s.townID))
            #expect(s.address.hasPrefix(town.name))
            #expect(!s.title.contains("{") && !s.description.contains("{"))
            if s.itemCode.isEmpty {
                // Unrouted: either still REPORTED, or dispatched by the town first.
                if s.finalState == .reported { #expect(s.steps.isEmpty) } else {
                    guard case .dispatch = s.steps.first?.action else { Issue.record("\(s.reference)"); continue }
                }
            } else {
                #expect(codesByTown[s.townID]?.contains(s.itemCode) == true, "\(s.reference)")
            }
            if s.finalState == .closed {
                guard s.steps.contains(where: { if case .verify(true, _) = $0.action { true } else { false } })
                else { Issue.record("\(s.reference) closed without verification"); continue }
            }
            #expect(s.steps.filter { if case .verify(false, _) = $0.action { true } else { false } }.count == s.reworkCount)
            #expect(s.externalRef.isEmpty == ![.hotline12345, .peerSystem].contains(s.source))
        }
        let refs = Self.scenarios.filter { !$0.externalRef.isEmpty }.map { "\($0.source)/\($0.externalRef)" }
        #expect(Set(refs).count == refs.count)
    }

    @Test func everyTaskTextBelongsToAMatterOfTheList() {
        let titles = Set(DemoTerritorialMatters.all.map(\.title))
        for key in DemoTaskTexts.byMatter.keys { #expect(titles.contains(key), "\(key)") }
    }
}
