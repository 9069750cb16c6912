import CNMCommands
import Foundation
import XCTest
@testable import CNMEngineAPI

/// A second, independent client: the PyPI `docker` package (docker-py 7.x) creates networks
/// and containers through the engine and reads them back. Skipped, with one line saying so,
/// where python3 has no `docker` package.
final class DockerPyTests: XCTestCase {
    static let available: Bool = {
        let r = Spawn.run(["python3", "-c", "import docker, sys; sys.exit(0 if docker.__version__.startswith('7.') else 1)"], timeout: 20)
        return r.status == 0
    }()

    static let script = #"""
import json, sys
import docker

client = docker.DockerClient(base_url=sys.argv[1], version="auto", timeout=10)
out = {"ping": client.ping(), "api": client.version()["ApiVersion"]}
ipam = docker.types.IPAMConfig(pool_configs=[docker.types.IPAMPool(subnet="10.77.0.0/24", gateway="10.77.0.1")])
net = client.networks.create("pynet", driver="bridge", ipam=ipam, labels={"by": "docker-py"})
net.reload()
out["net_subnet"] = net.attrs["IPAM"]["Config"][0]["Subnet"]
out["net_labels"] = net.attrs["Labels"]
web = client.containers.run("nginx", name="pyweb", detach=True, network="pynet", ports={"80/tcp": 8088})
web.reload()
out["web_status"] = web.status
out["web_ip"] = web.attrs["NetworkSettings"]["Networks"]["pynet"]["IPAddress"]
out["web_ports"] = web.ports
box = client.containers.run("busybox", "sleep 1000", name="pybox", detach=True, network="pynet")
code, output = box.exec_run(["ping", "-c", "1", "pyweb"])
out["exec_code"] = code
out["exec_output"] = output.decode()
code, output = box.exec_run(["nslookup", "nosuchname"])
out["exec_fail_code"] = code
out["names"] = sorted(c.name for c in client.containers.list())
net.reload()
out["net_members"] = sorted(v["Name"] for v in net.attrs["Containers"].values())
client.networks.get("bridge").connect(box)
box.reload()
out["box_networks"] = sorted(box.attrs["NetworkSettings"]["Networks"].keys())
try:
    client.networks.create("pynet")
except docker.errors.APIError as e:
    out["duplicate"] = [e.status_code, e.explanation]
try:
    client.containers.get("nosuch")
except docker.errors.NotFound as e:
    out["missing"] = [e.status_code, e.explanation]
try:
    client.containers.run("nosuchimage", detach=True)
except docker.errors.ImageNotFound as e:
    out["no_image"] = e.status_code
out["run_output"] = client.containers.run("busybox", "echo from-py", remove=True).decode()
box.stop(timeout=1)
box.reload()
out["box_after_stop"] = [box.status, box.attrs["State"]["ExitCode"]]
box.remove()
web.remove(force=True)
net.remove()
out["networks_left"] = sorted(n.name for n in client.networks.list())
out["containers_left"] = [c.name for c in client.containers.list(all=True)]
print(json.dumps(out))
"""#

    func testDockerPyCreatesAndReadsBack() throws {
        guard Self.available else {
            print("CNMEngineAPITests: docker-py test skipped: python3 has no docker 7.x package")
            throw XCTSkip("docker-py 7.x not installed")
        }
        let fixture = try EngineFixture(seed: 7)
        let path = fixture.dir + "/client.py"
        try Self.script.write(toFile: path, atomically: true, encoding: .utf8)
        let r = Spawn.run(["python3", path, "unix://" + fixture.socket], timeout: 60)
        XCTAssertFalse(r.timedOut)
        XCTAssertEqual(r.status, 0, r.stderr)
        let data = Data(r.stdout.utf8)
        let out = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any], r.stdout)
        XCTAssertEqual(out["ping"] as? Bool, true)
        XCTAssertEqual(out["api"] as? String, "1.50")
        XCTAssertEqual(out["net_subnet"] as? String, "10.77.0.0/24")
        XCTAssertEqual(out["net_labels"] as? [String: String], ["by": "docker-py"])
        XCTAssertEqual(out["web_status"] as? String, "running")
        XCTAssertEqual(out["web_ip"] as? String, "10.77.0.2")
        let ports = try XCTUnwrap(out["web_ports"] as? [String: [[String: String]]])
        XCTAssertEqual(ports["80/tcp"]?.first?["HostPort"], "8088")
        XCTAssertEqual(out["exec_code"] as? Int, 0)
        XCTAssertTrue((out["exec_output"] as? String ?? "").contains("64 bytes from 10.77.0.2"), "\(out["exec_output"] ?? "")")
        XCTAssertEqual(out["exec_fail_code"] as? Int, 1)
        XCTAssertEqual(out["names"] as? [String], ["pybox", "pyweb"])
        XCTAssertEqual(out["net_members"] as? [String], ["pybox", "pyweb"])
        XCTAssertEqual(out["box_networks"] as? [String], ["bridge", "pynet"])
        XCTAssertEqual(out["duplicate"] as? [AnyHashable], [409, "network with name pynet already exists"])
        XCTAssertEqual(out["missing"] as? [AnyHashable], [404, "No such container: nosuch"])
        XCTAssertEqual(out["no_image"] as? Int, 404)
        XCTAssertEqual(out["run_output"] as? String, "from-py\n", "containers.run without detach reads the logs (follow)")
        XCTAssertEqual(out["box_after_stop"] as? [AnyHashable], ["exited", 137])
        XCTAssertEqual(out["networks_left"] as? [String], ["bridge", "host", "none"])
        XCTAssertEqual(out["containers_left"] as? [String], [])
        // The engine's own world agrees with what the client read.
        let world = fixture.host.snapshot.engine
        XCTAssertTrue(world.containers.isEmpty)
        XCTAssertNil(world.network(named: "pynet"))
    }
}
