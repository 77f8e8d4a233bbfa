import ProtoRuntime

extension LintPass {
    /// `type-name-case`, `field-name-case`, `enum-value-prefix`, `enum-zero-unspecified`.
    mutating func checkNames() {
        for message in scopedMessages where !message.descriptor.options.mapEntry {
            if !Naming.isUpperCamel(message.descriptor.name) {
                report(.typeNameCase, message.file, message.path, "Message \(message.fullName) should be named in UpperCamelCase.")
            }
            for (i, field) in message.descriptor.field.enumerated() where !Naming.isLowerSnake(field.name) {
                report(.fieldNameCase, message.file, message.path + [SourcePath.messageField, Int32(i)],
                       "Field \(message.fullName).\(field.name) should be named in lower_snake_case.")
            }
        }
        for service in scopedServices {
            if !Naming.isUpperCamel(service.descriptor.name) {
                report(.typeNameCase, service.file, service.path, "Service \(service.fullName) should be named in UpperCamelCase.")
            }
            for (i, method) in service.descriptor.method.enumerated() where !Naming.isUpperCamel(method.name) {
                report(.typeNameCase, service.file, service.path + [SourcePath.serviceMethod, Int32(i)],
                       "Method \(service.fullName).\(method.name) should be named in UpperCamelCase.")
            }
        }
        for enumeration in scopedEnums {
            checkEnum(enumeration)
        }
    }

    private mutating func checkEnum(_ enumeration: SchemaIndex.Enumeration) {
        let name = enumeration.descriptor.name
        if !Naming.isUpperCamel(name) {
            report(.typeNameCase, enumeration.file, enumeration.path, "Enum \(enumeration.fullName) should be named in UpperCamelCase.")
        }
        let prefix = Naming.upperSnake(name) + "_"
        for (i, value) in enumeration.descriptor.value.enumerated() {
            let path = enumeration.path + [SourcePath.enumValue, Int32(i)]
            if !value.name.hasPrefix(prefix) || !Naming.isUpperSnake(value.name) {
                report(.enumValuePrefix, enumeration.file, path, "Enum value \(value.name) should be UPPER_SNAKE_CASE starting with \(prefix).")
            }
            if value.number == 0 && value.name != prefix + "UNSPECIFIED" {
                report(.enumZeroUnspecified, enumeration.file, path, "The zero value of \(enumeration.fullName) should be \(prefix)UNSPECIFIED, not \(value.name).")
            }
        }
        if !enumeration.descriptor.value.contains(where: { $0.number == 0 }) {
            report(.enumZeroUnspecified, enumeration.file, enumeration.path, "Enum \(enumeration.fullName) needs a zero value \(prefix)UNSPECIFIED.")
        }
    }
}

/// The spelling conventions of protobuf names.
enum Naming {
    /// `TaskState`: starts upper-case, letters and digits only.
    static func isUpperCamel(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, isUpper(first) else { return false }
        return name.unicodeScalars.allSatisfy { isUpper($0) || isLower($0) || isDigit($0) }
    }

    /// `task_id`: lower-case words joined by single underscores.
    static func isLowerSnake(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, isLower(first) else { return false }
        return name.unicodeScalars.allSatisfy { isLower($0) || isDigit($0) || $0 == "_" }
            && !name.contains("__") && !name.hasSuffix("_")
    }

    /// `TASK_STATE_DISPATCHED`: upper-case words joined by single underscores.
    static func isUpperSnake(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, isUpper(first) else { return false }
        return name.unicodeScalars.allSatisfy { isUpper($0) || isDigit($0) || $0 == "_" }
            && !name.contains("__") && !name.hasSuffix("_")
    }

    /// `TaskState` → `TASK_STATE`, `HTTPMethod` → `HTTP_METHOD`.
    static func upperSnake(_ name: String) -> String {
        let scalars = Array(name.unicodeScalars)
        var result = ""
        for (i, scalar) in scalars.enumerated() {
            if i > 0, isUpper(scalar) {
                let previous = scalars[i - 1]
                let nextIsLower = i + 1 < scalars.count && isLower(scalars[i + 1])
                if isLower(previous) || isDigit(previous) || (isUpper(previous) && nextIsLower) {
                    result += "_"
                }
            }
            result.unicodeScalars.append(scalar)
        }
        return result.uppercased()
    }

    private static func isUpper(_ s: Unicode.Scalar) -> Bool { ("A"..."Z").contains(s) }
    private static func isLower(_ s: Unicode.Scalar) -> Bool { ("a"..."z").contains(s) }
    private static func isDigit(_ s: Unicode.Scalar) -> Bool { ("0"..."9").contains(s) }
}
