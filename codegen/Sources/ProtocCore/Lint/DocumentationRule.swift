import ProtoRuntime

extension LintPass {
    /// `documented`: every service, method, message and enum says what it is, and so does every
    /// field of a resource (the shapes clients read and write). Request fields and enum values are
    /// left to judgement: most are self-explanatory next to their method's comment.
    mutating func checkDocumentation() {
        let resources = ResourceMethods(services: scopedServices, index: index).resources
        for service in scopedServices {
            let where_ = locations(of: service.file)
            if !where_.hasLeadingComment(service.path) {
                report(.documented, service.file, service.path, "Service \(service.fullName) needs a comment saying what it does.")
            }
            for (i, method) in service.descriptor.method.enumerated() {
                let path = service.path + [SourcePath.serviceMethod, Int32(i)]
                if !where_.hasLeadingComment(path) {
                    report(.documented, service.file, path, "Method \(service.fullName).\(method.name) needs a comment saying what it does.")
                }
            }
        }
        for message in scopedMessages where !message.descriptor.options.mapEntry {
            let where_ = locations(of: message.file)
            if !where_.hasLeadingComment(message.path) {
                report(.documented, message.file, message.path, "Message \(message.fullName) needs a comment saying what it is.")
            }
            guard resources.contains(message.fullName) else { continue }
            for (i, field) in message.descriptor.field.enumerated() {
                let path = message.path + [SourcePath.messageField, Int32(i)]
                if !where_.hasLeadingComment(path) {
                    report(.documented, message.file, path, "Field \(message.fullName).\(field.name) of a resource needs a comment saying what it holds.")
                }
            }
        }
        for enumeration in scopedEnums where !locations(of: enumeration.file).hasLeadingComment(enumeration.path) {
            report(.documented, enumeration.file, enumeration.path, "Enum \(enumeration.fullName) needs a comment saying what it is.")
        }
    }
}
