import XCTest
import CNMSim
@testable import CNMCommands

/// TAB completion and "may change the world" come from the command tables the dispatchers use.
final class CommandCatalogTests: XCTestCase {
    func testProgramsComeFromTheRegistry() {
        let host = CommandCatalog.hostCommands
        for name in ["docker", "sudo", "hosts", "getent", "wc", "tail", "sysctl", "dig", "iptables", "why"] {
            XCTAssertTrue(host.contains(name), name)
        }
        // Container tools are not on the host's PATH; `:` is not worth offering.
        XCTAssertFalse(host.contains("nslookup"))
        XCTAssertFalse(host.contains(":"))
        // Every program the registry puts on the host is offered (nothing listed twice by hand).
        for p in ProgramRegistry.programs where p.onHost {
            for n in p.names where n != ":" { XCTAssertTrue(host.contains(n), n) }
        }
    }

    func testContainerProgramsComeFromTheImage() throws {
        var sim = Simulator()
        _ = sim.run(line: "docker run -d --name a alpine sleep 600")
        _ = sim.run(line: "docker run -d --name r redis:alpine")
        let alpine = try XCTUnwrap(sim.engine.findContainer("a").successValue)
        let tools = CommandCatalog.containerCommands(alpine)
        for name in ["ping", "wget", "nslookup", "traceroute", "ifconfig", "nc", "wc", "sh"] { XCTAssertTrue(tools.contains(name), name) }
        XCTAssertFalse(tools.contains("curl"))
        let redis = try XCTUnwrap(sim.engine.findContainer("r").successValue)
        XCTAssertTrue(CommandCatalog.containerCommands(redis).contains("redis-cli"))
    }

    func testImagesComeFromTheCatalogue() {
        let images = CommandCatalog.images
        for name in ["alpine", "nginx", "nginx:alpine", "httpd:alpine", "redis:alpine", "mysql"] { XCTAssertTrue(images.contains(name), name) }
        XCTAssertEqual(images.count, ImageCatalogue.all.count)
    }

    func testDockerCompletion() {
        var sim = Simulator()
        _ = sim.run(line: "docker network create backend")
        _ = sim.run(line: "docker run -d --name web nginx")
        func complete(_ line: String) -> [String] {
            var words = line.split(separator: " ").map(String.init)
            if line.hasSuffix(" ") { words.append("") }
            let current = words.last ?? ""
            return CommandCatalog.completions(words, engine: sim.engine).filter { $0.hasPrefix(current) }.sorted()
        }
        let top = complete("docker ")
        XCTAssertTrue(top.contains("logs") && top.contains("swarm") && top.contains("network"))
        XCTAssertTrue(top.contains("kill"), "docker kill is simulated (signals to the main process)")
        XCTAssertFalse(top.contains("pause"), "a command cnmlab does not simulate is not offered")
        XCTAssertFalse(top.contains("list"), "aliases are not offered")
        XCTAssertEqual(complete("docker swarm "), ["init", "join", "join-token", "leave"])
        XCTAssertEqual(complete("docker swarm join-token "), ["manager", "worker"])
        // Flags from the command's spec, without those cnmlab does not simulate.
        XCTAssertTrue(complete("docker run --").contains("--network-alias"))
        XCTAssertTrue(complete("docker run --").contains("--volume"))
        XCTAssertFalse(complete("docker run --").contains("--tmpfs"))
        XCTAssertTrue(complete("docker service create --").contains("--replicas"))
        XCTAssertFalse(complete("docker service create --").contains("--mount"))
        XCTAssertTrue(complete("docker logs -").contains("--tail"))
        // Operands by position; a flag's value is skipped when counting.
        XCTAssertEqual(complete("docker network connect --alias api "), ["backend", "bridge", "host", "none"])
        XCTAssertEqual(complete("docker network connect --alias api backend "), ["web"])
        XCTAssertEqual(complete("docker run --network "), ["backend", "bridge", "host", "none"])
        XCTAssertTrue(complete("docker run -d ").contains("httpd:alpine"))
        XCTAssertEqual(complete("docker run --name "), [], "a name is not an image")
        XCTAssertEqual(complete("docker inspect b"), ["backend", "bridge"])
        XCTAssertEqual(complete("ping w"), ["web"])
        XCTAssertEqual(complete("ping r"), ["remote"])
    }

    func testWhatMayChangeTheWorld() {
        func changes(_ line: String) -> Bool { CommandCatalog.mayChangeState(line.split(separator: " ").map(String.init)) }
        for line in ["docker run -d nginx", "docker container rm -f web", "docker network create n", "docker --debug start web",
                     "docker swarm init", "docker service scale web=3", "docker kill web", "docker node promote w1",
                     "iptables -I DOCKER-USER -j DROP", "sleep 5", "sysctl -w net.ipv4.ip_forward=0", "ip link add x type dummy"] {
            XCTAssertTrue(changes(line), line)
        }
        for line in ["docker ps", "docker network ls", "docker swarm join-token worker", "docker service ls", "docker logs web",
                     "iptables -L -n", "ping web", "ip addr", "docker nosuch", "echo run"] {
            XCTAssertFalse(changes(line), line)
        }
        // Bug fixes: a bare `docker swarm` prints its help, and `iptables-restore` is not simulated
        // (it answers so): neither changes anything for `undo` to take back.
        XCTAssertFalse(changes("docker swarm"))
        XCTAssertFalse(changes("iptables-restore"))
    }

    /// Each docker command the table runs changes the world only if its entry says so: a command
    /// marked read-only leaves the engine as it was.
    func testReadOnlyEntriesChangeNothing() {
        var sim = Simulator()
        _ = sim.run(line: "docker run -d --name web nginx")
        let before = sim.engine
        for line in ["docker ps -a", "docker inspect web", "docker port web", "docker network ls", "docker network inspect bridge",
                     "docker logs web", "docker container ls"] {
            XCTAssertFalse(CommandCatalog.mayChangeState(line.split(separator: " ").map(String.init)), line)
            _ = sim.run(line: line)
        }
        XCTAssertEqual(sim.engine.allContainers.map(\.state), before.allContainers.map(\.state))
        XCTAssertEqual(sim.engine.allNetworks.map(\.id), before.allNetworks.map(\.id))
    }
}
