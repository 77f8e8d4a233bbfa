import Foundation
import JicengAPI

/// `jiceng catalogue site`: fetches the published catalogues of the owners named and writes the
/// public site (index.html and one page per owner) to a folder. It only needs public calls; with
/// a token it also shows department names instead of ids.
enum CatalogueSiteCommand {
    static func run(_ arguments: ArraySlice<String>) async throws {
        var (owners, rest) = takeRepeated("--owner", from: arguments)
        var options = try CommandArguments(rest)
        let out = try options.required("--out", "输出目录")
        let connection = try ServerConnection(&options)
        try options.finish()
        owners = owners.flatMap { $0.split(separator: ",").map(String.init) }.filter { !$0.isEmpty }
        guard !owners.isEmpty else { throw CommandFailure.usage("缺少 --owner 乡镇（街道）ID，可重复 (missing --owner)") }

        let client = Jiceng_V1_CatalogueServiceClient(transport: connection.transport, interceptors: connection.interceptors)
        let (fetched, names) = try await connection.run {
            var fetched: [CatalogueSiteOwner] = []
            for owner in owners { fetched.append(CatalogueSiteOwner(versions: try await versions(of: owner, client))) }
            return (fetched, connection.hasToken ? try await OrgNames.all(connection) : [:])
        }
        var siteOwners = fetched
        // A district's delegated matters also appear on the pages of the towns that take them on.
        for index in siteOwners.indices {
            let id = siteOwners[index].latest.ownerId
            siteOwners[index].delegatedToIt = siteOwners.filter { $0.latest.ownerId != id }.flatMap { other in
                other.latest.items.filter { $0.list == .delegatedMatter && $0.delegation.townIds.contains(id) }
            }
        }
        var facts = CatalogueItemFacts(names: names)
        for owner in siteOwners where facts.names[owner.latest.ownerId] == nil {
            facts.names[owner.latest.ownerId] = owner.latest.ownerName.isEmpty ? nil : owner.latest.ownerName
        }
        let pages = CatalogueSitePages(facts: facts, generatedAt: CatalogueLabels.time(Int64(Date().timeIntervalSince1970)))
        do {
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            try write(pages.index(siteOwners), to: out, "index.html")
            for owner in siteOwners { try write(pages.ownerPage(owner), to: out, owner.fileName) }
        } catch {
            throw CommandFailure("无法写入 \(out): \(error.localizedDescription)")
        }
        let count = siteOwners.reduce(0) { $0 + $1.items.count }
        FileHandle.standardError.write(Data("已生成 \(siteOwners.count + 1) 个页面（\(count) 项）: \(out)/index.html\n".utf8))
    }

    /// Every published version of `owner`, oldest first: the latest says how many there are.
    static func versions(of owner: String, _ client: Jiceng_V1_CatalogueServiceClient) async throws -> [Jiceng_V1_PublishedCatalogue] {
        var request = Jiceng_V1_GetPublishedCatalogueRequest()
        request.ownerId = owner
        let latest = try await client.getPublishedCatalogue(request)
        var versions: [Jiceng_V1_PublishedCatalogue] = []
        var number: Int64 = 1
        while number < latest.version {
            request.version = number
            versions.append(try await client.getPublishedCatalogue(request))
            number += 1
        }
        return versions + [latest]
    }

    private static func write(_ html: String, to directory: String, _ name: String) throws {
        try Data(html.utf8).write(to: URL(fileURLWithPath: directory).appendingPathComponent(name), options: .atomic)
    }

    /// Takes every `--name value` (and `--name=value`) out of `arguments`: CommandArguments keeps
    /// one value per option, and a site usually has several owners.
    static func takeRepeated(_ name: String, from arguments: ArraySlice<String>) -> ([String], [String]) {
        var values: [String] = []
        var rest: [String] = []
        var iterator = arguments.makeIterator()
        while let argument = iterator.next() {
            if argument == name, let value = iterator.next() {
                values.append(value)
            } else if argument.hasPrefix(name + "=") {
                values.append(String(argument.dropFirst(name.count + 1)))
            } else {
                rest.append(argument)
            }
        }
        return (values, rest)
    }
}
