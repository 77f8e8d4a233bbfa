import ProtoRuntime

extension LintPass {
    /// The request/response shapes of DESIGN.md §3: names, method_access, request_id, update_mask,
    /// etags, pagination.
    mutating func checkMethods() {
        let model = ResourceMethods(services: scopedServices, index: index)
        for method in model.methods {
            checkNames(method)
            checkAccess(method)
            if let input = method.input, inScope(input.file) {
                checkRequest(method, input, model: model)
            }
            if case .list = method.kind, let output = method.output, inScope(output.file) {
                requireField(output, "next_page_token", .string, rule: .pagination, why: "a List response")
                requireField(output, "total_size", .int32, rule: .pagination, why: "a List response")
            }
        }
        for name in model.resources.sorted() {
            guard let resource = index.messages[name], inScope(resource.file) else { continue }
            let hasEtag = resource.descriptor.field.contains { $0.name == "etag" }
            if hasEtag && !model.mutable.contains(name) {
                report(.etagMutable, resource.file, resource.path,
                       "Resource \(name) has an etag but no Update or state-changing method returns it; drop the etag or add the method.")
            } else if !hasEtag && model.mutable.contains(name) {
                report(.etagMutable, resource.file, resource.path,
                       "Resource \(name) can change (an Update or state-changing method returns it) and needs `string etag`.")
            }
        }
    }

    private mutating func checkNames(_ method: ResourceMethods.Method) {
        let name = method.descriptor.name
        if let input = method.input, input.descriptor.name != name + "Request" {
            report(.requestName, method.service.file, method.path, "Method \(method.fullName) should take \(name)Request, not \(input.descriptor.name).")
        }
        guard let output = method.output?.descriptor.name else { return }
        switch method.kind {
        case .list(let resource) where output != "List\(resource)Response":
            report(.responseName, method.service.file, method.path, "Method \(method.fullName) should return List\(resource)Response, not \(output).")
        case .get(let resource) where !output.hasSuffix(resource) && output != name + "Response":
            report(.responseName, method.service.file, method.path, "Method \(method.fullName) should return the \(resource) resource (or \(name)Response), not \(output).")
        case .create(let resource) where !output.hasSuffix(resource), .update(let resource) where !output.hasSuffix(resource):
            report(.responseName, method.service.file, method.path, "Method \(method.fullName) should return the \(resource) resource, not \(output).")
        default:
            break
        }
    }

    private mutating func checkAccess(_ method: ResourceMethods.Method) {
        guard let access = JicengOptions.methodAccess(method.descriptor) else {
            report(.methodAccess, method.service.file, method.path, "Method \(method.fullName) has no (jiceng.v1.method_access) option.")
            return
        }
        switch method.kind {
        case .create, .update, .stateChange:
            if !access.mutating {
                report(.mutatingMethod, method.service.file, method.path,
                       "Method \(method.fullName) changes state and should be marked `mutating: true` in its method_access.")
            }
        default:
            break
        }
    }

    private mutating func checkRequest(_ method: ResourceMethods.Method, _ input: SchemaIndex.Message, model: ResourceMethods) {
        if JicengOptions.methodAccess(method.descriptor)?.mutating == true {
            if let (i, field) = field(input, "request_id", .string) {
                // A client stream carries the id in its first message only, so it cannot be required.
                if !method.descriptor.clientStreaming && !JicengOptions.isRequired(field) {
                    report(.requestID, input.file, input.path + [SourcePath.messageField, Int32(i)],
                           "\(input.fullName).request_id should be marked [(jiceng.v1.field_behavior) = FIELD_BEHAVIOR_REQUIRED].")
                }
            } else {
                report(.requestID, input.file, input.path, "\(input.fullName) is the request of mutating method \(method.fullName) and needs `string request_id`.")
            }
        }
        switch method.kind {
        case .create, .update:
            if let output = method.output, !input.descriptor.field.contains(where: { $0.typeName == "." + output.fullName && $0.label != .repeated }) {
                report(.resourceField, input.file, input.path, "\(input.fullName) needs a field holding the \(output.fullName) it creates or changes.")
            }
        default:
            break
        }
        switch method.kind {
        case .update:
            if let field = input.descriptor.field.first(where: { $0.name == "update_mask" }), field.typeName == ".google.protobuf.FieldMask" {
                break
            }
            report(.updateMask, input.file, input.path, "\(input.fullName) needs `google.protobuf.FieldMask update_mask`.")
        case .list:
            requireField(input, "page_size", .int32, rule: .pagination, why: "a List request")
            requireField(input, "page_token", .string, rule: .pagination, why: "a List request")
        case .stateChange:
            requireField(input, "id", .string, rule: .stateChangeFields, why: "a state change")
            if let output = method.output, output.descriptor.field.contains(where: { $0.name == "etag" }) {
                requireField(input, "etag", .string, rule: .stateChangeFields, why: "a state change of \(output.fullName) (which has an etag)")
            }
        default:
            break
        }
    }

    /// The singular field `name` of `type`, with its index.
    private func field(_ message: SchemaIndex.Message, _ name: String, _ type: Google_Protobuf_FieldDescriptorProto.TypeEnum)
        -> (Int, Google_Protobuf_FieldDescriptorProto)?
    {
        guard let i = message.descriptor.field.firstIndex(where: { $0.name == name }) else { return nil }
        let field = message.descriptor.field[i]
        return field.type == type && field.label != .repeated ? (i, field) : nil
    }

    private mutating func requireField(
        _ message: SchemaIndex.Message, _ name: String, _ type: Google_Protobuf_FieldDescriptorProto.TypeEnum,
        rule: LintRule, why: String
    ) {
        if field(message, name, type) == nil {
            report(rule, message.file, message.path, "\(message.fullName) is \(why) and needs `\(type) \(name)`.")
        }
    }
}
