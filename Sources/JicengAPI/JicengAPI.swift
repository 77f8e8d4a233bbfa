// Generated code only (by jiceng-protoc from proto/). Never edit by hand.
import ProtoRuntime
