import CNMCommands
import CNMSim
import Foundation
import XCTest
@testable import CNMEngineAPI

/// The differential test: the same docker commands, with the same seed, through
/// `cnmlab sim` (the `Simulator` it runs) and through the real docker 28.2 CLI talking
/// to the engine. Standard output, standard error and exit codes must be byte-identical;
/// a difference is a bug in one of the two renderers. Needs `docker` 28.2.x; elsewhere
/// it says in one line that it was skipped.
final class DifferentialTests: XCTestCase {
    struct Mismatch: CustomStringConvertible {
        var index: Int
        var command: String
        var expected: CommandOutput
        var got: Spawn.Result

        var description: String {
            """
            command #\(index): \(command)
            cnmlab sim  → exit \(expected.exitCode)
            stdout: \(expected.stdout.debugDescription)
            stderr: \(expected.stderr.debugDescription)
            docker CLI → exit \(got.status)\(got.timedOut ? " (timed out)" : "")
            stdout: \(got.stdout.debugDescription)
            stderr: \(got.stderr.debugDescription)
            """
        }
    }

    static func requireDocker() throws {
        guard Spawn.dockerCLI else {
            print("CNMEngineAPITests: differential tests skipped: docker --version does not report 28.2.x")
            throw XCTSkip("docker 28.2 CLI not installed")
        }
    }

    /// Runs `commands` both ways (after `setup` lines typed on both); returns the first difference.
    func firstMismatch(seed: UInt64, hosts: [HostSpec] = [], setup: [String] = [], _ commands: [[String]]) throws -> Mismatch? {
        var sim = Simulator(seed: seed, hosts: hosts)
        for line in setup { _ = sim.run(line: line) }
        let fixture = try EngineFixture(seed: seed, simulator: sim)
        for (i, args) in commands.enumerated() {
            let line = CommandSequence.line(args)
            let expected = sim.run(line: line)
            let got = fixture.docker(args)
            if got.timedOut || got.stdout != expected.stdout || got.stderr != expected.stderr || got.status != expected.exitCode {
                return Mismatch(index: i, command: line, expected: expected, got: got)
            }
        }
        return nil
    }

    func assertSame(seed: UInt64 = 0, hosts: [HostSpec] = [], setup: [String] = [], _ lines: [[String]],
                    file: StaticString = #filePath, line: UInt = #line) throws {
        if let m = try firstMismatch(seed: seed, hosts: hosts, setup: setup, lines) { XCTFail("\(m)", file: file, line: line) }
    }

    /// Four fixed seeds; `CNMLAB_DIFF_SEEDS=N` explores seeds 1…N (60 commands each) instead.
    func testSeededRandomSequencesPrintTheSameThroughTheRealCLI() throws {
        try Self.requireDocker()
        var seeds: [UInt64] = [11, 12, 13, 14]
        var count = 35
        if let n = ProcessInfo.processInfo.environment["CNMLAB_DIFF_SEEDS"].flatMap(UInt64.init), n > 0 {
            seeds = Array(1...n)
            count = 60
        }
        for seed in seeds {
            let commands = CommandSequence.make(seed: seed, count: count)
            if let m = try firstMismatch(seed: seed, commands) {
                XCTFail("seed \(seed):\n\(m)")
            }
        }
    }

    // MARK: Regression cases (each was a difference once)

    func testNetworkLifecycleAndInspect() throws {
        try Self.requireDocker()
        try assertSame([
            ["network", "create", "--subnet", "10.10.0.0/24", "--gateway", "10.10.0.1", "mynet"],
            ["network", "create", "mynet"],
            ["network", "ls"],
            ["network", "inspect", "mynet"],
            ["network", "inspect", "mynet", "--format", "{{json .IPAM}}"],
            ["network", "inspect", "bridge", "nosuch"],
            ["network", "rm", "mynet", "nosuch"],
            ["network", "rm", "bridge"],
        ])
    }

    func testContainersOnAUserNetwork() throws {
        try Self.requireDocker()
        try assertSame([
            ["network", "create", "app"],
            ["run", "-d", "--name", "web", "--network", "app", "--network-alias", "api", "-p", "8080:80", "nginx"],
            ["run", "-d", "--name", "web", "nginx"],
            ["run", "-d", "--name", "c1", "--network", "app", "busybox", "sleep", "1000"],
            ["exec", "c1", "ping", "-c", "1", "api"],
            ["exec", "c1", "nslookup", "web"],
            ["exec", "c1", "nosuchprogram"],
            ["inspect", "web"],
            ["port", "web"],
            ["port", "web", "80"],
            ["port", "c1", "80"],
            ["ps", "--format", CommandSequence.psFormat],
            ["network", "inspect", "app"],
            ["network", "rm", "app"],
            ["stop", "c1"],
            ["exec", "c1", "ping", "-c", "1", "web"],
            ["rm", "web"],
            ["rm", "-f", "web", "nosuch"],
            ["ps", "-a", "--format", CommandSequence.psFormat],
        ])
    }

    func testForegroundRuns() throws {
        try Self.requireDocker()
        try assertSame([
            ["run", "-d", "--name", "web", "nginx"],
            ["run", "--rm", "busybox", "ping", "-c", "1", "web"],
            ["run", "--name", "once", "busybox", "echo", "hi"],
            ["run", "--rm", "busybox", "nosuchcommand"],
            ["run", "nosuchimage"],
            ["run", "--name", "fg", "nginx"],
            ["logs", "once"],
            ["logs", "-n", "2", "-t", "web"],
            ["logs", "nosuch"],
            ["ps", "-a", "--format", CommandSequence.psFormat],
        ])
    }

    /// `rm -f` of a missing container prints the daemon's 404 and still exits 0 (docker/cli rm.go);
    /// `docker create` returns daemon errors as they came, exit 1 (create.go); a term that is an ID
    /// prefix is quoted as typed in the daemon's message.
    func testErrorsAsTheCLIReportsThem() throws {
        try Self.requireDocker()
        try assertSame(seed: 18, [
            ["rm", "-f", "nosuch"],
            ["create", "--name", "db", "nginx"],
            ["create", "--name", "db", "nginx"],
            ["create", "nosuchimage"],
            ["create", "--ip", "1.2.3", "nginx"],
            ["run", "-d", "--name", "c1", "-p", "8080:80", "-p", "127.0.0.1::53/udp", "nginx"],
            ["rm", "db"],
            ["start", "db"],
            ["rm", "c1"],
            ["inspect", "c1", "--format", "{{.HostConfig.Nope.Nope}}"],
            ["inspect", "--type", "network", "c1"],
            ["inspect", "--type", "container", "bridge"],
            ["network", "inspect", "bridge", "--format", "{{.Nope.Nope.Nope.Nope.Nope}}"],
        ])
    }

    /// `-t`: one stream, newlines as CR LF (the tty); `start -a` prints a command's output again;
    /// `restart` runs a command that ends again, and it exits.
    func testTerminalsAndRestarts() throws {
        try Self.requireDocker()
        try assertSame([
            ["run", "-d", "--name", "web", "nginx"],
            ["exec", "-t", "web", "cat", "/etc/hostname"],
            ["run", "-d", "--name", "box", "busybox", "sleep", "1000"],
            ["exec", "-t", "box", "ping", "-c", "1", "nosuch"],
            ["run", "-t", "--name", "once", "busybox", "echo", "hi"],
            ["start", "-a", "once"],
            ["restart", "once"],
            ["ps", "-a", "--format", CommandSequence.psFormat],
            ["inspect", "once", "--format", "{{.State.Status}} {{.State.ExitCode}} {{.Config.Tty}}"],
            ["create", "--name", "bad", "busybox", "nosuchcommand"],
            ["start", "-a", "bad"],
            ["start", "bad"],
            ["start", "-a", "web"],
            ["start", "-a", "nosuch"],
        ])
    }

    /// Swarm reads: nodes and services from the manager's store, as `docker node`/`docker service` print them.
    func testSwarmReads() throws {
        try Self.requireDocker()
        try assertSame(hosts: Array(Cluster.courseHosts.prefix(2)), setup: [
            "docker swarm init --advertise-addr 192.168.1.100",
            "ssh manager1 docker swarm join --token $(docker swarm join-token -q manager) 192.168.1.100:2377",
            "docker service create --name web --replicas 2 -p 8080:80 nginx",
            "docker network create -d overlay --attachable ov",
        ], [
            ["node", "ls"],
            ["node", "inspect", "self", "--format", "{{.Description.Hostname}} {{.Spec.Role}} {{.Status.State}}"],
            ["service", "ls"],
            ["service", "inspect", "web"],
            ["service", "inspect", "--pretty", "web"],
            ["service", "inspect", "nosuch"],
            ["service", "ps", "web", "--format", "{{.Name}} {{.Image}} {{.Node}} {{.DesiredState}} {{.Error}} {{.Ports}}"],
            ["service", "ps", "-q", "web"],
            ["service", "ps", "nosuch"],
            ["service", "ps", "--filter", "node=manager1", "--format", "{{.Name}} {{.Node}}", "web"],
            ["network", "ls"],
            ["network", "inspect", "ov"],
        ])
    }

    /// Swarm changes through the API: init, services created (without registry digest lookups),
    /// scaled and removed, leave.
    func testSwarmChanges() throws {
        try Self.requireDocker()
        let ps = "{{.Name}} {{.Image}} {{.Node}} {{.DesiredState}}"
        try assertSame([
            ["node", "ls"],
            ["swarm", "init", "--advertise-addr", "192.168.1.100"],
            ["swarm", "init"],
            ["swarm", "join-token", "manager"],
            ["service", "create", "-d", "--no-resolve-image", "--name", "web", "--replicas", "2", "-p", "8080:80", "nginx"],
            ["service", "create", "-d", "--no-resolve-image", "--name", "web", "nginx"],
            ["service", "create", "-d", "--no-resolve-image", "--name", "api", "--network", "ingress", "busybox", "sleep", "1000"],
            ["service", "ls"],
            ["service", "scale", "-d", "web=3"],
            ["service", "ps", "web", "--format", ps],
            ["service", "inspect", "web", "--format", "{{.Spec.Mode.Replicated.Replicas}} {{json .Endpoint.Ports}}"],
            ["service", "rm", "web", "nosuch"],
            ["swarm", "leave"],
            ["swarm", "leave", "--force"],
            ["service", "ls"],
        ])
    }
}
