import JicengAPI
import RPC
import Store

extension CatalogueService {
    /// The most rows one import may carry.
    static let maxImportRows = 10_000

    /// Creates every streamed item in one transaction, or none: when any row breaks a rule, the
    /// response lists each refused row (1-based, with the field inside that row's message, e.g.
    /// `item.code`) and nothing is created. Scope is checked for every row's owner first; a row
    /// outside it refuses the whole call (PERMISSION_DENIED).
    public func importItems(requests: RequestStream<Jiceng_V1_ImportItemsRequest>, context: ServerContext) async throws
        -> Jiceng_V1_ImportItemsResponse
    {
        let scope = try environment.scope()
        var received: [Jiceng_V1_CatalogueItem] = []
        var requestID = ""
        var validation: [Jiceng_V1_ImportRowError] = []
        for try await request in requests {
            if received.isEmpty { requestID = request.requestId }
            guard received.count < Self.maxImportRows else {
                throw PlatformError.resourceExhausted("一次最多导入 \(Self.maxImportRows) 条 (at most \(Self.maxImportRows) rows per import)")
            }
            received.append(request.item)
            do {
                try environment.validator.validate(request)
            } catch {
                validation += Self.rowErrors(error, row: received.count)
            }
        }
        guard !received.isEmpty else {
            throw PlatformError.invalidArgument(field: "item", "导入内容为空 (the stream carried no item)")
        }
        if requestID.count > 128 {
            throw PlatformError.invalidArgument(field: "request_id", "request_id 过长 (at most 128 characters)")
        }
        for owner in Set(received.map(\.ownerId)) where environment.directory[owner] != nil {
            try scope.checkAdministersCatalogue(owner: owner)
        }
        // The rows as one message: what the idempotency record hashes.
        var all = Jiceng_V1_ListItemsResponse()
        all.items = received
        let writes = writes, earlyErrors = validation, rows = received
        return try await environment.mutate(
            Jiceng_V1_CatalogueService.Method.importItems, request: all, requestID: requestID, resource: "catalogue/import"
        ) { tx, m in
            var errors = earlyErrors
            var seenCodes: Set<String> = []
            let refusedRows = Set(earlyErrors.map(\.row))
            for (index, row) in rows.enumerated() where !refusedRows.contains(Int32(index + 1)) {
                do {
                    try writes.rules.check(row)
                    let key = "\(row.ownerId)\u{0}\(row.list.rawValue)\u{0}\(row.code)"
                    let taken = try CatalogueItemStore.itemID(owner: row.ownerId, list: row.list, code: row.code, in: tx) != nil
                    if !seenCodes.insert(key).inserted || taken {
                        throw PlatformError.invalidArgument(field: "item.code", "编码 \(row.code) 在该清单中重复 (code is taken)")
                    }
                } catch let error as PlatformError {
                    errors += Self.rowErrors(error, row: index + 1)
                }
            }
            var response = Jiceng_V1_ImportItemsResponse()
            guard errors.isEmpty else {
                response.errors = errors.sorted { $0.row < $1.row }
                m.auditNote = "\(errors.count) 行被拒绝，未导入 (refused rows; nothing imported)"
                return response
            }
            for row in rows {
                response.itemIds.append(try writes.create(row, now: m.nowMicros, in: tx).id)
            }
            response.created = Int32(response.itemIds.count)
            m.auditNote = "导入 \(response.created) 条"
            return response
        }
    }

    /// A rule's refusal as the row errors of an import.
    static func rowErrors(_ error: PlatformError, row: Int) -> [Jiceng_V1_ImportRowError] {
        func rowError(_ field: String, _ message: String) -> Jiceng_V1_ImportRowError {
            var e = Jiceng_V1_ImportRowError()
            e.row = Int32(row)
            e.field = field
            e.message = message
            return e
        }
        switch error {
        case .invalidArgument(let field, let message): return [rowError(field, message)]
        case .invalidArguments(let violations): return violations.map { rowError($0.field, $0.description) }
        case .failedPrecondition(let reason, let message, _): return [rowError("item", "\(reason): \(message)")]
        case .alreadyExists(let message): return [rowError("item.code", message)]
        case .notFound(let message): return [rowError("item", message)]
        default: return [rowError("item", "\(error)")]
        }
    }
}
