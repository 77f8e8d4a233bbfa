// jiceng-protoc's library: lexer → parser → linker → descriptor writer → Swift renderer.
//
// Front end (one type per stage):
// - `Lexer`: tokens and comments, positioned exactly as protoc's tokenizer positions them.
// - `Parser`: the file as a descriptor-shaped AST (`FileNode` …), map entry types and proto3
//   synthetic oneofs, and `SourceCodeInfo` locations in protoc's order.
// - `Linker` (+ `SymbolTable`/`NameResolver`, `OptionInterpreter`, `AggregateValueParser`):
//   protoc's scoping rules and checks, options interpreted into their wire encoding.
// - `DescriptorWriter`: `FileDescriptorProto` bytes identical to protoc's `--descriptor_set_out`.
//
// Entry points: `Compiler(importPaths:compatibility:).compile(files:)` → `CompiledFiles`
// (`descriptorSet(includeImports:includeSourceInfo:)`, `fileDescriptorProtos()` in dependency
// order, `warnings`), or `CompileErrors` with protoc-formatted `Diagnostic`s.
