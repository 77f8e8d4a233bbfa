// gRPC semantics without I/O: status, metadata, deadlines, framing, call APIs, interceptors.
import ProtoRuntime
