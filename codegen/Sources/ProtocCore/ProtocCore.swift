// jiceng-protoc's library: lexer → parser → linker (descriptors) → Swift renderer.
import ProtoRuntime
