// grpc.health.v1.Health and grpc.reflection ServerReflection, served from embedded descriptors.
import RPC
