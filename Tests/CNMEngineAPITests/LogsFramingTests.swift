import CNMCommands
import CNMSim
import Testing
@testable import CNMEngineAPI

/// `GET /containers/{id}/logs` frames each log line on its own stream, both streams in the order they
/// were logged (moby v28.2.2 api/server/httputils/write_log_stream.go writes message by message).
struct LogsFramingTests {
    @Test func framesFollowTheLogOrderAcrossStreams() {
        let router = Router(host: SimulatorHost(simulator: Simulator(seed: 5)), state: EngineState(seed: 5), pool: .singleton)
        let json = [("Content-Type", "application/json")]
        #expect(router.handle(APIRequest(method: "POST", uri: "/v1.50/containers/create?name=mix", headers: json,
                                         body: Array(#"{"Image":"alpine","Cmd":["sh","-c","echo a; ls /nosuch; echo c"]}"#.utf8))).status == 201)
        #expect(router.handle(APIRequest(method: "POST", uri: "/v1.50/containers/mix/start")).status == 204)
        let error = "ls: /nosuch: No such file or directory\n"
        guard case .full(let status, _, let body) = router.handle(APIRequest(method: "GET", uri: "/v1.50/containers/mix/logs?stdout=1&stderr=1")) else {
            Issue.record("logs did not answer in full"); return
        }
        #expect(status == 200)
        let expected = StdCopy.frame(StdCopy.stdout, Array("a\n".utf8)) + StdCopy.frame(StdCopy.stderr, Array(error.utf8))
            + StdCopy.frame(StdCopy.stdout, Array("c\n".utf8))
        #expect(body == expected)
        // Only stderr asked for: its frame alone.
        guard case .full(_, _, let errOnly) = router.handle(APIRequest(method: "GET", uri: "/v1.50/containers/mix/logs?stderr=1")) else {
            Issue.record("logs did not answer in full"); return
        }
        #expect(errOnly == StdCopy.frame(StdCopy.stderr, Array(error.utf8)))
    }
}
