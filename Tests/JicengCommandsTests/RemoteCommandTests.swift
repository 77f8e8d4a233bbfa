import JicengAPI
import ProtoRuntime
import RPC
import Testing
@testable import JicengCommands

@Test func repeatedOptionsKeepEveryValueAndAliasesMapToLongNames() throws {
    var arguments = try CommandArguments(
        ["grpc.health.v1.Health/Check", "-H", "x-a: 1", "--header=x-b: 2", "--tls", "--timeout", "2s", "--timeout", "3s"],
        flagNames: ["--tls"], aliases: ["-H": "--header"])
    #expect(arguments.positional() == "grpc.health.v1.Health/Check")
    #expect(arguments.values("--header") == ["x-a: 1", "x-b: 2"])
    #expect(arguments.option("--timeout") == "3s")
    let tls = arguments.flag("--tls")
    #expect(tls)
    try arguments.finish()
}

@Test func remoteOptionsReadTokenFromEnvironmentAndHeaders() throws {
    var arguments = try CommandArguments(["-H", "X-Trace: abc ", "--timeout", "500ms"], aliases: RemoteServerOptions.aliases)
    let remote = try RemoteServerOptions(&arguments, environment: ["JICENG_TOKEN": "jt_secret"])
    try arguments.finish()
    #expect(remote.server.description == "127.0.0.1:50051")
    #expect(remote.timeout == .milliseconds(500))
    #expect(remote.tls == nil)
    #expect(remote.metadata.first("x-trace") == "abc")
    #expect(remote.metadata.first("authorization") == "Bearer jt_secret")
}

@Test func remoteOptionsRefuseBadValues() throws {
    for bad in [["--server", "nowhere"], ["--timeout", "soon"], ["--timeout", "-1s"], ["-H", "no-colon"], ["-H", "te: trailers"]] {
        var arguments = try CommandArguments(bad, aliases: RemoteServerOptions.aliases)
        #expect(throws: CommandFailure.self) { try RemoteServerOptions(&arguments, environment: [:]) }
    }
    var cacert = try CommandArguments(["--cacert", "/tmp/ca.pem"])
    #expect(try RemoteServerOptions(&cacert, environment: [:]).tls?.trustRootsFile == "/tmp/ca.pem")
}

@Test func durationsTakeUnits() throws {
    #expect(try RemoteServerOptions.duration("5s") == .seconds(5))
    #expect(try RemoteServerOptions.duration("250ms") == .milliseconds(250))
    #expect(try RemoteServerOptions.duration("2m") == .seconds(120))
    #expect(try RemoteServerOptions.duration("1h") == .seconds(3600))
    #expect(try RemoteServerOptions.duration("1.5") == .milliseconds(1500))
}

@Test func callTargetsSplitIntoServiceAndMethod() throws {
    #expect(try CallCommand.splitTarget("jiceng.v1.OrgService/ListOrgUnits") == ("jiceng.v1.OrgService", "ListOrgUnits"))
    #expect(try CallCommand.splitTarget("/grpc.health.v1.Health/Check") == ("grpc.health.v1.Health", "Check"))
    #expect(try CallCommand.splitTarget("grpc.health.v1.Health.Watch") == ("grpc.health.v1.Health", "Watch"))
    #expect(throws: CommandFailure.self) { try CallCommand.splitTarget("Check") }
    #expect(throws: CommandFailure.self) { try CallCommand.splitTarget("a/b/c") }
}

@Test func requestSourcesDefaultToAnEmptyObject() throws {
    #expect(try RequestSource(json: nil, data: nil, streaming: false).single == "{}")
    #expect(try RequestSource(json: #"{"a":1}"#, data: nil, streaming: false).single == #"{"a":1}"#)
    #expect(try RequestSource(json: nil, data: nil, streaming: true).single == nil)
    #expect(throws: CommandFailure.self) { try RequestSource(json: nil, data: "@/nonexistent/request.json", streaming: false) }
}

@Test func exitStatusesSeparateTheFailureClasses() {
    #expect(CallExitStatus.forCode(.unauthenticated) == 77)
    #expect(CallExitStatus.forCode(.permissionDenied) == 77)
    #expect(CallExitStatus.forCode(.invalidArgument) == 65)
    #expect(CallExitStatus.forCode(.notFound) == 66)
    #expect(CallExitStatus.forCode(.unimplemented) == 67)
    #expect(CallExitStatus.forCode(.unavailable) == 69)
    #expect(CallExitStatus.forCode(.deadlineExceeded) == 75)
    #expect(CallExitStatus.forCode(.failedPrecondition) == 1)
    #expect(CallExitStatus.forCode(.ok) == 0)
}

@Test func statusReportDecodesGoogleRPCDetails() {
    var badRequest = Google_Rpc_BadRequest()
    var violation = Google_Rpc_BadRequest.FieldViolation()
    violation.field = "title"
    violation.description_p = "不能为空"
    badRequest.fieldViolations = [violation]
    var info = Google_Rpc_ErrorInfo()
    info.reason = "TASK_NOT_ACCEPTABLE"
    info.domain = "jiceng.gov"
    info.metadata = ["state": "RESOLVED", "task_id": "T1"]
    var precondition = Google_Rpc_PreconditionFailure()
    var failed = Google_Rpc_PreconditionFailure.Violation()
    failed.type = "STATE"
    failed.subject = "tasks/T1"
    failed.description_p = "已办结"
    precondition.violations = [failed]
    let status = Status(.invalidArgument, "请求无效", details: [
        RichStatus.Detail(packing: badRequest), RichStatus.Detail(packing: info), RichStatus.Detail(packing: precondition),
        RichStatus.Detail(typeURL: "type.googleapis.com/example.Unknown", value: [1, 2]),
    ])
    let report = StatusReport(status: status, sentToken: true)
    let lines = report.text.split(separator: "\n").map(String.init)
    #expect(lines[0] == "错误 (error): INVALID_ARGUMENT 参数无效 — 请求无效")
    #expect(lines[1] == "  字段错误 (field violation) title: 不能为空")
    #expect(lines[2] == "  原因 (reason): TASK_NOT_ACCEPTABLE (jiceng.gov) state=RESOLVED task_id=T1")
    #expect(lines[3] == "  前置条件不满足 (precondition failure) STATE tasks/T1: 已办结")
    #expect(lines[4].contains("example.Unknown"))
    #expect(report.exitCode == 65)
}

@Test func unauthenticatedHintDependsOnWhetherATokenWasSent() {
    let status = Status(.unauthenticated, "bad token")
    #expect(StatusReport(status: status, sentToken: true).text.contains("令牌无效或已过期 — 用 `jiceng admin token issue …` 签发新令牌"))
    #expect(StatusReport(status: status, sentToken: false).text.contains("JICENG_TOKEN"))
    #expect(StatusReport(status: status, sentToken: false).exitCode == 77)
}

@Test func protoSourceShowsMessagesEnumsServicesAndMethods() throws {
    let pool = try DescriptorPool(embedded: [Jiceng_V1_Task_Proto.self, Grpc_Health_V1_Health_Proto.self])
    let renderer = ProtoSourceRenderer(files: pool.files)
    let request = try #require(renderer.render("grpc.health.v1.HealthCheckRequest"))
    #expect(request == "// grpc/health/v1/health.proto\nmessage HealthCheckRequest {\n  string service = 1;\n}\n")
    let service = try #require(renderer.render("grpc.health.v1.Health"))
    #expect(service.contains("rpc Watch(.grpc.health.v1.HealthCheckRequest) returns (stream .grpc.health.v1.HealthCheckResponse);"))
    #expect(renderer.render("grpc.health.v1.Health.Check") == "// grpc/health/v1/health.proto\nrpc Check(.grpc.health.v1.HealthCheckRequest) returns (.grpc.health.v1.HealthCheckResponse);\n")
    let servingStatus = try #require(renderer.render("grpc.health.v1.HealthCheckResponse.ServingStatus"))
    #expect(servingStatus.contains("enum ServingStatus {\n  UNKNOWN = 0;\n  SERVING = 1;"))
    let task = try #require(renderer.render(".jiceng.v1.Task"))
    #expect(task.contains("  string title = 2;\n"))
    #expect(renderer.render("jiceng.v1.NoSuchThing") == nil)
}
