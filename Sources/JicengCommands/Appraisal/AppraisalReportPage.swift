import Foundation
import JicengAPI

/// One printable HTML page of a period's results: the ranking, then every ranked department's
/// indicators with numerator, denominator, rate, weight and score. Self-contained (inline style,
/// no scripts), so it can be mailed or printed as it is; every text from the server is escaped.
enum AppraisalReportPage {
    static func render(period: Jiceng_V1_AppraisalPeriod, ranking: Jiceng_V1_GetRankingResponse,
                       reports: [Jiceng_V1_DepartmentReport]) -> String {
        func e(_ text: String) -> String { HTMLEscaping.escape(text) }
        let status = ranking.frozen ? "已冻结" : "实时数据，关闭周期前仍会变化"
        var html = """
            <!doctype html>
            <html lang="zh-CN"><head><meta charset="utf-8">
            <title>\(e(period.name)) 考核结果</title>
            <style>
            body{font-family:system-ui,"Noto Sans CJK SC",sans-serif;margin:2rem;color:#222}
            table{border-collapse:collapse;margin:1rem 0}th,td{border:1px solid #bbb;padding:.25rem .6rem}
            td.n{text-align:right;font-variant-numeric:tabular-nums}th{background:#eef}
            h2{margin-top:2rem}.note{color:#666}
            </style></head><body>
            <h1>\(e(period.name)) 考核结果</h1>
            <p class="note">周期 \(e(period.id))，区县 \(e(period.districtId))，\(AppraisalCommand.day(period.startTime)) 至 \(AppraisalCommand.day(period.endTime))（不含）；\(status)。</p>
            <h2>排名</h2>
            <table><tr><th>名次</th><th>部门</th><th>总分</th>
            """
        let kinds = ranking.entries.first?.indicators.map(\.name) ?? []
        html += kinds.map { "<th>\(e($0))</th>" }.joined() + "</tr>\n"
        for entry in ranking.entries {
            html += "<tr><td class=\"n\">\(entry.rank > 0 ? String(entry.rank) : "—")</td><td>\(e(entry.departmentName))</td>"
            html += "<td class=\"n\">\(entry.hasDueCases ? AppraisalCommand.figure(entry.total) : "无应结案")</td>"
            html += entry.indicators.map { "<td class=\"n\">\(e(AppraisalCommand.rate($0)))</td>" }.joined() + "</tr>\n"
        }
        html += "</table>\n"
        for report in reports {
            html += "<h2>\(e(report.departmentName))：\(AppraisalCommand.figure(report.total)) 分，第 \(report.rank) 名</h2>\n"
            html += "<table><tr><th>指标</th><th>分子</th><th>分母</th><th>比率</th><th>权重</th><th>得分</th></tr>\n"
            for indicator in report.indicators {
                html += "<tr><td>\(e(indicator.name))\(indicator.inverted ? "（逆向）" : "")</td>"
                html += "<td class=\"n\">\(indicator.numerator)</td><td class=\"n\">\(indicator.denominator)</td>"
                html += "<td class=\"n\">\(e(AppraisalCommand.rate(indicator)))</td>"
                html += "<td class=\"n\">\(AppraisalCommand.figure(indicator.weight))</td><td class=\"n\">\(AppraisalCommand.figure(indicator.contribution))</td></tr>\n"
            }
            html += "</table>\n"
        }
        return html + "</body></html>\n"
    }
}
