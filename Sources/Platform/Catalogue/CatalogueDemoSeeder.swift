import Store

/// The `--demo` step that fills the catalogue (see `DemoCatalogueSeeding`), inside the demo
/// builder's transaction.
public struct CatalogueDemoSeeder: DemoSeeder {
    public init() {}

    public var name: String { "catalogue" }

    public func seed(_ context: DemoSeedContext, in tx: any SQLWriteTransaction) throws {
        try DemoCatalogueSeeding.seed(tree: context.tree, directory: context.directory, now: context.now, in: tx)
    }
}
