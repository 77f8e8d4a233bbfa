// gRPC over HTTP/2 on libnghttp2: the only module that touches nghttp2 and sockets.
import CNGHTTP2
import RPC
