import XCTest
@testable import CNMSim

/// A proxy container reads its configuration at start and on reload only; a refused reload keeps
/// the running configuration; stopping clears it.
final class ProxyLoadTests: XCTestCase {
    func write(_ engine: inout Engine, _ id: String, _ text: String) throws {
        try engine.changeFiles(at: .container(id)) { (f: inout LayeredFiles) throws(FileError) in
            try f.write("/etc/nginx/nginx.conf", text)
        }
    }

    func testStartReloadAndStop() throws {
        var engine = Engine(seed: 0)
        _ = engine.createNetwork(NetworkCreateRequest(name: "app"))
        for name in ["web1", "lb"] {
            _ = engine.createContainer(ContainerCreateRequest(name: name, image: "nginx", networkMode: "app",
                                                              attachments: [NetworkAttachment(network: "app")]))
        }
        _ = engine.startContainer("web1")
        let lb = try engine.findContainer("lb").get()
        try write(&engine, lb.id, "events {}\nhttp { upstream u { server web1; } server { location / { proxy_pass http://u; } } }\n")
        XCTAssertNoThrow(try engine.startContainer("lb").get())
        let loaded = try XCTUnwrap(engine.containers[lb.id]?.proxy)
        XCTAssertEqual(loaded.backend(named: "u")?.servers.first?.address, engine.findContainer("web1").successValue?.endpoints.values.first.flatMap { engine.endpoints[$0]?.ipv4 })

        // Editing the file changes nothing until a reload; a refused reload keeps the old configuration.
        try write(&engine, lb.id, "events {}\nhttp { upstream u { server web9; } }\n")
        XCTAssertEqual(engine.containers[lb.id]?.proxy, loaded)
        guard case .failure(let e)? = engine.reloadProxy(lb.id) else { return XCTFail("web9 does not resolve") }
        XCTAssertEqual(e.message, "host not found in upstream \"web9\"")
        XCTAssertEqual(engine.containers[lb.id]?.proxy, loaded)
        XCTAssertTrue(engine.containers[lb.id]?.logs.last?.text.hasSuffix("[emerg] 1#1: host not found in upstream \"web9\" in /etc/nginx/nginx.conf:2") ?? false)

        // SIGHUP from outside reloads a good file.
        try write(&engine, lb.id, "events {}\nhttp { server { listen 8080; location / { proxy_pass http://web1:81; } } }\n")
        XCTAssertEqual(try engine.killContainer("lb", signal: "HUP").get(), .reloaded)
        XCTAssertEqual(engine.containers[lb.id]?.proxy?.frontends.first?.port, 8080)

        _ = engine.stopContainer("lb")
        XCTAssertNil(engine.containers[lb.id]?.proxy)

        // A broken file at start: the container exits 1.
        try write(&engine, lb.id, "events {}\nhttp { bogus; }\n")
        _ = engine.startContainer("lb")
        XCTAssertEqual(engine.containers[lb.id]?.state, .exited(code: 1))
        XCTAssertNil(engine.containers[lb.id]?.proxy)
        XCTAssertEqual(engine.containers[lb.id]?.logs.last?.text, "nginx: [emerg] unknown directive \"bogus\" in /etc/nginx/nginx.conf:2")
    }
}
