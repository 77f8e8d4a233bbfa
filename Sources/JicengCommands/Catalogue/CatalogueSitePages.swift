import JicengAPI

/// One owner's part of the public site: every published version (oldest first, the latest last)
/// and the delegated matters other owners (the district) hand to it.
struct CatalogueSiteOwner {
    let versions: [Jiceng_V1_PublishedCatalogue]
    var delegatedToIt: [Jiceng_V1_CatalogueItem] = []

    var latest: Jiceng_V1_PublishedCatalogue { versions[versions.count - 1] }
    var displayName: String { latest.ownerName.isEmpty ? latest.ownerId : latest.ownerName }

    /// The items the page shows: the owner's own and those delegated to it.
    var items: [Jiceng_V1_CatalogueItem] { latest.items + delegatedToIt }

    /// A file name that is safe whatever the id holds.
    var fileName: String {
        let safe = latest.ownerId.unicodeScalars.map { scalar -> String in
            scalar.properties.isAlphabetic && scalar.isASCII || ("0"..."9").contains(scalar) || scalar == "-" ? String(scalar) : "_"
        }
        return "owner-" + safe.joined() + ".html"
    }
}

/// Renders the public site's pages as self-contained HTML: every value from the catalogue goes
/// through `HTMLEscaping`, and none is ever placed inside the script.
struct CatalogueSitePages {
    let facts: CatalogueItemFacts
    /// "2026-11-30 14:05", shown in each page's footer.
    let generatedAt: String

    private static func e(_ text: String) -> String { HTMLEscaping.escape(text) }

    private static func anchor(_ list: Jiceng_V1_ListKind) -> String { "list-\(list.rawValue)" }

    private func page(title: String, header: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(Self.e(title))</title>
        <style>
        \(CatalogueSiteAssets.style)
        </style>
        </head>
        <body>
        <header class="top"><div class="page">\(header)</div></header>
        <div class="page">
        \(body)
        <footer>本页由 jiceng 根据公开发布的清单生成（\(Self.e(generatedAt))）。内容以各乡镇（街道）正式公布版本为准。</footer>
        </div>
        <script>
        \(CatalogueSiteAssets.script)
        </script>
        </body>
        </html>

        """
    }

    /// The index: every owner, with its version and how many items each list holds.
    func index(_ owners: [CatalogueSiteOwner]) -> String {
        var body = "<ul class=\"towns\">\n"
        for owner in owners {
            let latest = owner.latest
            body += "<li><h2><a href=\"\(Self.e(owner.fileName))\">\(Self.e(owner.displayName))</a></h2>"
            body += "<p class=\"meta\">第\(latest.version)版 · \(Self.e(CatalogueLabels.time(latest.publishTime.seconds))) 发布</p><ul>"
            for list in CatalogueLabels.listOrder {
                let count = owner.items.filter { $0.list == list }.count
                guard count > 0 else { continue }
                body += "<li><a href=\"\(Self.e(owner.fileName))#\(Self.anchor(list))\">\(CatalogueLabels.name(list))</a>（\(count)项）</li>"
            }
            body += "</ul></li>\n"
        }
        body += "</ul>\n"
        let header = "<h1>基层公开清单</h1><p class=\"meta\">乡镇（街道）职责清单、属地管理事项清单与便民服务事项，共 \(owners.count) 个单位</p>"
        return page(title: "基层公开清单", header: header, body: body)
    }

    /// One owner's page: the lists, the in-page search and the version history.
    func ownerPage(_ owner: CatalogueSiteOwner) -> String {
        let latest = owner.latest
        let items = owner.items
        var header = "<p class=\"noprint\"><a href=\"index.html\">← 全部乡镇（街道）</a></p>"
        header += "<h1>\(Self.e(owner.displayName))公开清单</h1>"
        header += "<p class=\"meta\">第\(latest.version)版 · \(Self.e(CatalogueLabels.time(latest.publishTime.seconds))) 发布"
        header += latest.note.isEmpty ? "" : " · \(Self.e(latest.note))"
        header += "</p>"

        var body = "<nav class=\"kinds\">"
        for list in CatalogueLabels.listOrder {
            let count = items.filter { $0.list == list }.count
            body += count > 0
                ? "<a href=\"#\(Self.anchor(list))\">\(CatalogueLabels.name(list)) \(count)</a>"
                : "<span>\(CatalogueLabels.name(list)) 0</span>"
        }
        body += "<a href=\"#history\">版本记录</a></nav>\n"
        body += "<div class=\"search\"><input id=\"q\" type=\"search\" placeholder=\"搜索事项、部门或依据，如：路灯\" "
        body += "aria-label=\"搜索事项\" autocomplete=\"off\"><span id=\"count\" aria-live=\"polite\"></span></div>\n<main>\n"
        for list in CatalogueLabels.listOrder {
            let inList = items.filter { $0.list == list }
            guard !inList.isEmpty else { continue }
            body += "<section class=\"list\" id=\"\(Self.anchor(list))\"><h2>\(CatalogueLabels.name(list)) <small>\(inList.count)项</small></h2>\n"
            for item in inList { body += self.item(item) }
            body += "</section>\n"
        }
        body += "<p id=\"empty\" hidden>没有匹配的事项。请换一个词，例如“噪音”“占道”。</p>\n"
        body += history(owner)
        body += "</main>\n"
        return page(title: "\(owner.displayName)公开清单", header: header, body: body)
    }

    private func item(_ item: Jiceng_V1_CatalogueItem) -> String {
        let all = facts.facts(item)
        let searchable = all.map(\.value).joined(separator: " ").lowercased()
        var html = "<article class=\"item\" data-search=\"\(Self.e(searchable))\">"
        html += "<h3><span class=\"code\">\(Self.e(item.code))</span>\(Self.e(item.title))</h3><dl>"
        for fact in all where !["编码", "名称", "清单"].contains(fact.label) {
            html += "<dt>\(Self.e(fact.label))</dt><dd>\(Self.e(fact.value))</dd>"
        }
        return html + "</dl></article>\n"
    }

    /// Newest first; each version with what changed since the one before.
    private func history(_ owner: CatalogueSiteOwner) -> String {
        var html = "<section id=\"history\"><h2>版本记录 <small>\(owner.versions.count)个版本</small></h2>\n"
        for (index, version) in owner.versions.enumerated().reversed() {
            let isLatest = index == owner.versions.count - 1
            html += "<div class=\"version\"><details\(isLatest ? " open" : "")><summary><h3 style=\"display:inline\">第\(version.version)版</h3> "
            html += "<span class=\"meta\">\(Self.e(CatalogueLabels.time(version.publishTime.seconds))) 发布 · \(version.items.count)项"
            html += version.note.isEmpty ? "" : " · \(Self.e(version.note))"
            html += "</span></summary>\n"
            if index == 0 {
                html += "<p>首次公布，共\(version.items.count)项。</p>"
            } else {
                html += changes(PublishedVersionChanges(from: owner.versions[index - 1], to: version, facts: facts),
                                since: owner.versions[index - 1].version)
            }
            html += "</details></div>\n"
        }
        return html + "</section>\n"
    }

    private func changes(_ changes: PublishedVersionChanges, since previous: Int64) -> String {
        guard !changes.isEmpty else { return "<p>与第\(previous)版相比内容无变化。</p>" }
        var html = "<p>与第\(previous)版相比：新增\(changes.added.count)项，撤销\(changes.removed.count)项，调整\(changes.changed.count)项。</p>"
        func line(_ item: Jiceng_V1_CatalogueItem) -> String {
            "<li><span class=\"code\">\(Self.e(item.code))</span>\(Self.e(item.title))（\(CatalogueLabels.name(item.list))）</li>"
        }
        if !changes.added.isEmpty {
            html += "<p class=\"change-added\">新增：</p><ul>" + changes.added.map(line).joined() + "</ul>"
        }
        if !changes.removed.isEmpty {
            html += "<p class=\"change-removed\">撤销：</p><ul>" + changes.removed.map(line).joined() + "</ul>"
        }
        for changed in changes.changed {
            html += "<p>调整：<span class=\"code\">\(Self.e(changed.item.code))</span>\(Self.e(changed.item.title))</p>"
            html += "<table class=\"changes\"><tbody>"
            for change in changed.changes {
                html += "<tr><th>\(Self.e(change.label))</th><td>"
                if !change.from.isEmpty { html += "<del>\(Self.e(change.from))</del>" }
                if !change.from.isEmpty, !change.to.isEmpty { html += " → " }
                if !change.to.isEmpty { html += "<ins>\(Self.e(change.to))</ins>" }
                html += "</td></tr>"
            }
            html += "</tbody></table>"
        }
        return html
    }
}
