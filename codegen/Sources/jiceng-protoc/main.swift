// jiceng-protoc: our protobuf compiler (protoc's flag spelling).
import Foundation
import ProtocCore

FileHandle.standardError.write(Data("jiceng-protoc: not implemented yet\n".utf8))
exit(1)
