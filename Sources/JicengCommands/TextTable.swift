import Foundation

/// A table for people at a terminal: columns padded by display width (Chinese counts double),
/// long cells cut with `…`, numbers right-aligned.
public struct TextTable: Sendable {
    public struct Column: Sendable {
        public var title: String
        public var alignRight: Bool
        /// The widest the column may grow, in display columns.
        public var maxWidth: Int

        public init(_ title: String, alignRight: Bool = false, maxWidth: Int = 40) {
            self.title = title
            self.alignRight = alignRight
            self.maxWidth = maxWidth
        }
    }

    public var columns: [Column]
    public var rows: [[String]] = []

    public init(columns: [Column]) {
        self.columns = columns
    }

    public mutating func append(_ row: [String]) {
        rows.append(row)
    }

    /// The table as lines: a header, a rule, then the rows.
    public func render() -> String {
        let cells = rows.map { row in
            columns.indices.map { i in
                DisplayWidth.truncate(i < row.count ? row[i] : "", to: columns[i].maxWidth)
            }
        }
        let widths = columns.indices.map { i in
            max(DisplayWidth.of(columns[i].title), cells.map { DisplayWidth.of($0[i]) }.max() ?? 0)
        }
        func line(_ values: [String]) -> String {
            var parts: [String] = []
            for i in columns.indices {
                let last = i == columns.count - 1
                let cell = DisplayWidth.pad(values[i], to: widths[i], alignRight: columns[i].alignRight)
                parts.append(last && !columns[i].alignRight ? values[i] : cell)
            }
            // Rows whose last cells are empty would otherwise end in padding.
            var line = parts.joined(separator: "  ")
            while line.last == " " { line.removeLast() }
            return line
        }
        var out = [line(columns.map(\.title))]
        out.append(widths.map { String(repeating: "─", count: $0) }.joined(separator: "  "))
        out.append(contentsOf: cells.map(line))
        return out.joined(separator: "\n") + "\n"
    }

    /// RFC 4180 CSV (with a UTF-8 byte-order mark so that spreadsheet programs read Chinese).
    public func csv(byteOrderMark: Bool = true) -> String {
        func field(_ s: String) -> String {
            guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
            return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        var out = byteOrderMark ? "\u{FEFF}" : ""
        out += columns.map { field($0.title) }.joined(separator: ",") + "\r\n"
        for row in rows {
            out += columns.indices.map { field($0 < row.count ? row[$0] : "") }.joined(separator: ",") + "\r\n"
        }
        return out
    }
}
