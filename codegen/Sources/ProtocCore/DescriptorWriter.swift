/// Writes a linked file as a serialized `google.protobuf.FileDescriptorProto`, byte for byte as
/// protoc's `FileDescriptor::CopyTo` + `CopyJsonNameTo` (+ `CopySourceCodeInfoTo`) output is
/// serialized: fields in number order, `json_name` on every field, type names fully qualified,
/// options as interpreted.
enum DescriptorWriter {
    static func fileDescriptor(_ file: FileNode, includeSourceInfo: Bool) -> [UInt8] {
        var w = WireWriter()
        w.stringField(1, file.name)
        if let package = file.package, !package.isEmpty { w.stringField(2, package) }
        for dependency in file.dependencies { w.stringField(3, dependency) }
        for message in file.messages { w.bytesField(4, self.message(message)) }
        for node in file.enums { w.bytesField(5, enumType(node)) }
        for service in file.services { w.bytesField(6, self.service(service)) }
        for field in file.extensions { w.bytesField(7, self.field(field)) }
        if let options = file.options { w.bytesField(8, options.encoded) }
        if includeSourceInfo { w.bytesField(9, sourceCodeInfo(file.sourceLocations)) }
        for index in file.publicDependencies { w.int32Field(10, index) }
        for index in file.weakDependencies { w.int32Field(11, index) }
        if file.isProto3 { w.stringField(12, "proto3") }
        return w.bytes
    }

    static func message(_ message: MessageNode) -> [UInt8] {
        var w = WireWriter()
        w.stringField(1, message.name)
        for field in message.fields { w.bytesField(2, self.field(field)) }
        for nested in message.nestedMessages { w.bytesField(3, self.message(nested)) }
        for node in message.enums { w.bytesField(4, enumType(node)) }
        for range in message.extensionRanges {
            var r = WireWriter()
            r.int32Field(1, range.start)
            r.int32Field(2, range.end)
            if let options = range.options { r.bytesField(3, options.encoded) }
            w.bytesField(5, r.bytes)
        }
        for field in message.extensions { w.bytesField(6, self.field(field)) }
        if let options = message.options { w.bytesField(7, options.encoded) }
        for oneof in message.oneofs {
            var o = WireWriter()
            o.stringField(1, oneof.name)
            if let options = oneof.options { o.bytesField(2, options.encoded) }
            w.bytesField(8, o.bytes)
        }
        for range in message.reservedRanges {
            var r = WireWriter()
            r.int32Field(1, range.start)
            r.int32Field(2, range.end)
            w.bytesField(9, r.bytes)
        }
        for name in message.reservedNames { w.stringField(10, name) }
        return w.bytes
    }

    static func field(_ field: FieldNode) -> [UInt8] {
        var w = WireWriter()
        w.stringField(1, field.name)
        if let extendee = field.resolvedExtendee { w.stringField(2, extendee) }
        w.int32Field(3, field.number)
        w.int32Field(4, (field.label ?? .optional).rawValue)
        if let type = field.type { w.int32Field(5, type.rawValue) }
        if let typeName = field.resolvedTypeName { w.stringField(6, typeName) }
        if let value = field.resolvedDefault {
            if field.type == .string, let bytes = field.defaultBytes {
                w.bytesField(7, bytes)
            } else {
                w.stringField(7, value)
            }
        }
        if let options = field.options { w.bytesField(8, options.encoded) }
        if let index = field.oneofIndex, field.extendee == nil { w.int32Field(9, index) }
        w.stringField(10, field.jsonName ?? TextLiterals.jsonName(field.name))
        if field.proto3Optional { w.boolField(17, true) }
        return w.bytes
    }

    static func enumType(_ node: EnumNode) -> [UInt8] {
        var w = WireWriter()
        w.stringField(1, node.name)
        for value in node.values {
            var v = WireWriter()
            v.stringField(1, value.name)
            v.int32Field(2, value.number)
            if let options = value.options { v.bytesField(3, options.encoded) }
            w.bytesField(2, v.bytes)
        }
        if let options = node.options { w.bytesField(3, options.encoded) }
        for range in node.reservedRanges {
            var r = WireWriter()
            r.int32Field(1, range.start)
            r.int32Field(2, range.end)
            w.bytesField(4, r.bytes)
        }
        for name in node.reservedNames { w.stringField(5, name) }
        return w.bytes
    }

    static func service(_ service: ServiceNode) -> [UInt8] {
        var w = WireWriter()
        w.stringField(1, service.name)
        for method in service.methods {
            var m = WireWriter()
            m.stringField(1, method.name)
            m.stringField(2, method.resolvedInput)
            m.stringField(3, method.resolvedOutput)
            if let options = method.options { m.bytesField(4, options.encoded) }
            if method.clientStreaming { m.boolField(5, true) }
            if method.serverStreaming { m.boolField(6, true) }
            w.bytesField(2, m.bytes)
        }
        if let options = service.options { w.bytesField(3, options.encoded) }
        return w.bytes
    }

    static func sourceCodeInfo(_ locations: [SourceLocationRecord]) -> [UInt8] {
        var w = WireWriter()
        for location in locations {
            var l = WireWriter()
            l.packedInt32Field(1, location.path)
            l.packedInt32Field(2, location.span)
            if let leading = location.leadingComments { l.stringField(3, leading) }
            if let trailing = location.trailingComments { l.stringField(4, trailing) }
            for detached in location.detachedComments { l.stringField(6, detached) }
            w.bytesField(1, l.bytes)
        }
        return w.bytes
    }

    /// A serialized `FileDescriptorSet` of the given files, in order.
    static func fileDescriptorSet(_ files: [FileNode], includeSourceInfo: Bool) -> [UInt8] {
        var w = WireWriter()
        for file in files { w.bytesField(1, fileDescriptor(file, includeSourceInfo: includeSourceInfo)) }
        return w.bytes
    }
}
