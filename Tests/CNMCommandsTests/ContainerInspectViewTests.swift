import XCTest
@testable import CNMCommands
import CNMSim

final class ContainerInspectViewTests: XCTestCase {
    /// An engine with `web` (default bridge, running), `api` (on `mynet` with
    /// alias `backend`, running) and `pub` (`-p 8080:80`, running).
    private func makeEngine() throws -> Engine {
        var engine = Engine(seed: 0)
        _ = try engine.createContainer(ContainerCreateRequest(name: "web", image: "nginx", networkMode: "default")).get()
        _ = try engine.startContainer("web").get()
        _ = try engine.createNetwork(NetworkCreateRequest(name: "mynet")).get()
        _ = try engine.createContainer(ContainerCreateRequest(
            name: "api", image: "nginx", networkMode: "mynet",
            attachments: [NetworkAttachment(network: "mynet", aliases: ["backend"])])).get()
        _ = try engine.startContainer("api").get()
        _ = try engine.createContainer(ContainerCreateRequest(
            name: "pub", image: "nginx", networkMode: "default",
            portBindings: [ContainerPort(port: 80): [PortBindingRequest(hostIP: "", hostPort: "8080")]])).get()
        _ = try engine.startContainer("pub").get()
        return engine
    }

    private func json(_ name: String, in engine: Engine) throws -> String {
        let c = try engine.findContainer(name).get()
        return try GoJSON.encodeIndented(ContainerInspectView.value(for: c, engine: engine))
    }

    /// Keys of the object that starts at `line` (its members are one indent deeper).
    private func keys(in json: String, objectAt startLine: Int = 0) -> [String] {
        let lines = json.components(separatedBy: "\n")
        let open = lines[startLine]
        let depth = open.prefix { $0 == " " }.count + 4
        var out: [String] = []
        for line in lines[(startLine + 1)...] {
            let indent = line.prefix { $0 == " " }.count
            if indent < depth { break }
            if indent == depth, line.dropFirst(depth).hasPrefix("\"") {
                let rest = line.dropFirst(depth + 1)
                out.append(String(rest.prefix { $0 != "\"" }))
            }
        }
        return out
    }

    private func lineIndex(of prefix: String, in json: String) -> Int? {
        json.components(separatedBy: "\n").firstIndex { $0.hasPrefix(prefix) }
    }

    func testTopLevelKeyOrder() throws {
        let engine = try makeEngine()
        let out = try json("web", in: engine)
        XCTAssertEqual(keys(in: out), [
            "Id", "Created", "Path", "Args", "State", "Image", "ResolvConfPath", "HostnamePath", "HostsPath",
            "LogPath", "Name", "RestartCount", "Driver", "Platform", "MountLabel", "ProcessLabel",
            "AppArmorProfile", "ExecIDs", "HostConfig", "GraphDriver", "Mounts", "Config", "NetworkSettings",
        ])
        let c = try engine.findContainer("web").get()
        XCTAssertTrue(out.contains("\"Name\": \"/web\","))
        XCTAssertTrue(out.contains("\"ResolvConfPath\": \"/var/lib/docker/containers/\(c.id)/resolv.conf\","))
        XCTAssertTrue(out.contains("\"LogPath\": \"/var/lib/docker/containers/\(c.id)/\(c.id)-json.log\","))
        XCTAssertTrue(out.contains("\"NetworkMode\": \"bridge\","))
        XCTAssertTrue(out.contains("\"Mounts\": [],"))
        XCTAssertTrue(out.contains("\"ExecIDs\": null,"))
        let state = try XCTUnwrap(lineIndex(of: "    \"State\": {", in: out))
        XCTAssertEqual(keys(in: out, objectAt: state), [
            "Status", "Running", "Paused", "Restarting", "OOMKilled", "Dead", "Pid", "ExitCode", "Error",
            "StartedAt", "FinishedAt",
        ])
        XCTAssertTrue(out.contains("\"FinishedAt\": \"0001-01-01T00:00:00Z\""))
        XCTAssertTrue(out.hasPrefix("{\n    \"Id\": \"\(c.id)\",\n    \"Created\": \"2025-06-01T10:00:00."))
    }

    func testNetworkSettingsKeyOrderAndBridgeFields() throws {
        let engine = try makeEngine()
        let out = try json("web", in: engine)
        let ns = try XCTUnwrap(lineIndex(of: "    \"NetworkSettings\": {", in: out))
        XCTAssertEqual(keys(in: out, objectAt: ns), [
            "Bridge", "SandboxID", "SandboxKey", "Ports", "HairpinMode", "LinkLocalIPv6Address",
            "LinkLocalIPv6PrefixLen", "SecondaryIPAddresses", "SecondaryIPv6Addresses", "EndpointID", "Gateway",
            "GlobalIPv6Address", "GlobalIPv6PrefixLen", "IPAddress", "IPPrefixLen", "IPv6Gateway", "MacAddress",
            "Networks",
        ])
        XCTAssertTrue(out.contains("        \"IPAddress\": \"172.17.0.2\","))
        XCTAssertTrue(out.contains("        \"Gateway\": \"172.17.0.1\","))
        // nginx exposes 80/tcp without publishing it: null bindings.
        XCTAssertTrue(out.contains("        \"Ports\": {\n            \"80/tcp\": null\n        },"))
        let c = try engine.findContainer("web").get()
        let sid = try XCTUnwrap(c.sandboxID)
        XCTAssertTrue(out.contains("\"SandboxKey\": \"/var/run/docker/netns/\(sid.prefix(12))\","))
        // Default bridge: no DNSNames, no Aliases.
        XCTAssertTrue(out.contains("\"DNSNames\": null"))
        XCTAssertTrue(out.contains("\"Aliases\": null,"))
    }

    func testUserNetworkContainer() throws {
        let engine = try makeEngine()
        let out = try json("api", in: engine)
        let c = try engine.findContainer("api").get()
        // Top-level IPAddress comes only from the "bridge" network.
        XCTAssertTrue(out.contains("        \"IPAddress\": \"\",\n        \"IPPrefixLen\": 0,"))
        XCTAssertTrue(out.contains("        \"EndpointID\": \"\",\n        \"Gateway\": \"\","))
        let mynet = try XCTUnwrap(lineIndex(of: "            \"mynet\": {", in: out))
        XCTAssertEqual(keys(in: out, objectAt: mynet), [
            "IPAMConfig", "Links", "Aliases", "MacAddress", "DriverOpts", "GwPriority", "NetworkID", "EndpointID",
            "Gateway", "IPAddress", "IPPrefixLen", "IPv6Gateway", "GlobalIPv6Address", "GlobalIPv6PrefixLen",
            "DNSNames",
        ])
        XCTAssertTrue(out.contains("""
                            "Aliases": [
                                "backend"
                            ],
            """))
        XCTAssertTrue(out.contains("""
                            "DNSNames": [
                                "api",
                                "backend",
                                "\(c.shortID)"
                            ]
            """))
        XCTAssertTrue(out.contains("\"NetworkMode\": \"mynet\","))
        XCTAssertTrue(out.contains("\"IPAddress\": \"172.18.0.2\","))
    }

    func testPublishedPortListsBothFamilies() throws {
        let engine = try makeEngine()
        let out = try json("pub", in: engine)
        XCTAssertTrue(out.contains("""
                    "Ports": {
                        "80/tcp": [
                            {
                                "HostIp": "0.0.0.0",
                                "HostPort": "8080"
                            },
                            {
                                "HostIp": "::",
                                "HostPort": "8080"
                            }
                        ]
                    },
            """))
        // HostConfig.PortBindings keeps the request as given.
        XCTAssertTrue(out.contains("""
                    "PortBindings": {
                        "80/tcp": [
                            {
                                "HostIp": "",
                                "HostPort": "8080"
                            }
                        ]
                    },
            """))
    }

    func testStoppedAndCreatedContainers() throws {
        var engine = try makeEngine()
        _ = try engine.stopContainer("api").get()
        let stopped = try json("api", in: engine)
        XCTAssertTrue(stopped.contains("        \"SandboxID\": \"\",\n        \"SandboxKey\": \"\",\n        \"Ports\": {},"))
        XCTAssertTrue(stopped.contains("\"Pid\": 0,"))
        XCTAssertTrue(stopped.contains("\"Status\": \"exited\","))
        let c = try engine.findContainer("api").get()
        // NetworkID and DNSNames survive a stop; the endpoint's operational data does not.
        let net = try XCTUnwrap(engine.network(named: "mynet"))
        XCTAssertTrue(stopped.contains("\"NetworkID\": \"\(net.id)\",\n                \"EndpointID\": \"\","))
        XCTAssertTrue(stopped.contains("\"\(c.shortID)\""))

        _ = try engine.createContainer(ContainerCreateRequest(name: "fresh", image: "busybox")).get()
        let created = try json("fresh", in: engine)
        XCTAssertTrue(created.contains("\"Status\": \"created\","))
        XCTAssertTrue(created.contains("\"ResolvConfPath\": \"\","))
        XCTAssertTrue(created.contains("\"StartedAt\": \"0001-01-01T00:00:00Z\","))
        XCTAssertTrue(created.contains("\"Cmd\": [\n            \"sh\"\n        ],"))
        XCTAssertTrue(created.contains("\"Entrypoint\": null,"))
        XCTAssertFalse(created.contains("\"ExposedPorts\""))
    }
}
