import Foundation
import JicengAPI
import ProtoRuntime

/// How a catalogue command prints its answer: a table for people (coloured only on a terminal),
/// CSV for spreadsheets, or the response message as proto3 JSON for programs.
enum CatalogueOutput {
    case table(colour: Bool)
    case csv
    case json

    /// Takes `--output` from `options`; the default is a table.
    init(_ options: inout CommandArguments) throws(CommandFailure) {
        switch options.option("--output") ?? "table" {
        case "table":
            let environment = ProcessInfo.processInfo.environment
            self = .table(colour: isatty(STDOUT_FILENO) == 1 && environment["NO_COLOR"] == nil && environment["TERM"] != "dumb")
        case "csv": self = .csv
        case "json": self = .json
        case let other: throw .usage("--output 只能是 json、table 或 csv（不是 \(other)）")
        }
    }

    var colour: Bool {
        if case .table(let colour) = self { return colour }
        return false
    }

    /// `text` in bold (or another SGR style) when colouring, else as it is.
    func styled(_ text: String, _ code: String = "1") -> String {
        colour && !text.isEmpty ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    /// Prints `table` as a table or CSV, or `message` as JSON.
    func print(_ table: TextTable, message: some ProtoMessage) throws {
        switch self {
        case .table(let colour):
            // Escape codes inside cells would upset the width arithmetic: only the header is styled.
            let text = table.render()
            guard colour, let newline = text.firstIndex(of: "\n") else { return Swift.print(text, terminator: "") }
            Swift.print(styled(String(text[..<newline])) + text[newline...], terminator: "")
        case .csv: Swift.print(table.csv(), terminator: "")
        case .json: Swift.print(try Self.json(message))
        }
    }

    static func json(_ message: some ProtoMessage) throws -> String {
        do {
            return try message.jsonString(pool: pool)
        } catch {
            throw CommandFailure("无法输出 JSON: \(error)")
        }
    }

    private static let pool: DescriptorPool = {
        do {
            return try DescriptorPool.wellKnownTypes.adding(embedded: [Jiceng_V1_Catalogue_Proto.self, Jiceng_V1_Appraisal_Proto.self])
        } catch {
            // Generated from the same sources as this program: a failure is a build defect.
            preconditionFailure("the catalogue descriptors do not form a pool: \(error)")
        }
    }()
}
