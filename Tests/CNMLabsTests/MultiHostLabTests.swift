import XCTest
@testable import CNMLabs
import CNMCommands
import CNMSim

/// Labs on several machines: `hosts:`, `host:` fields, the `swarm` and `service` checks,
/// connectivity checks across machines, and the mutants of swarm commands.
final class MultiHostLabTests: XCTestCase {
    // MARK: helpers

    static let join = "docker swarm join --token $(ssh manager1 docker swarm join-token -q worker) 192.168.1.101:2377"

    /// The course LAN with a swarm of three (manager1 leading), an encrypted attachable overlay `appnet`,
    /// and optionally service `web` (3 replicas, 8080:80) and the containers client (worker1) and a1 (manager1).
    static func world(service: Bool = true, containers: Bool = true) -> Simulator {
        var sim = Simulator(seed: 0, hosts: Cluster.courseHosts)
        var lines = ["ssh manager1 docker swarm init", "ssh worker1 " + join, "ssh worker2 " + join,
                     "ssh manager1 docker network create -d overlay --attachable --opt encrypted appnet"]
        if service { lines.append("ssh manager1 docker service create --name web --replicas 3 --network appnet -p 8080:80 nginx") }
        if containers {
            lines += ["ssh worker1 docker run -d --name client --network appnet busybox sleep 3600",
                      "ssh manager1 docker run -d --name a1 --network appnet busybox sleep 3600"]
        }
        for line in lines {
            let out = sim.run(line: line)
            precondition(out.exitCode == 0, "\(line): \(out.stderr)")
        }
        return sim
    }

    /// Decodes checks written as YAML flow mappings (one per element) in a lab on the course machines.
    func checks(_ items: [String], hosts: String = "[manager1, worker1, worker2]", file: StaticString = #filePath,
                line: UInt = #line) -> [Check] {
        let yaml = Fixture.header("hosts: \(hosts)") + """

        steps:
          - id: s
            title: {ko: 단계, en: Step}
            text: {ko: 하세요, en: Do it}
            hints: [{tier: nudge, ko: 힌트, en: hint}]
            checks:
        \(items.map { "      - " + $0 }.joined(separator: "\n"))
        """
        let r = Fixture.decode(yaml)
        XCTAssertEqual(r.errors, [], file: file, line: line)
        return r.lab?.steps.first?.checks ?? []
    }

    func evaluate(_ sim: Simulator, _ checks: [Check], locale: LabLocale = .en) -> [CheckResult] {
        var e = CheckEvaluator(cluster: sim.cluster, machine: sim.machine, history: [], locale: locale)
        return e.evaluate(checks)
    }

    func lines(_ sim: Simulator, _ items: [String], locale: LabLocale = .en) -> [String] {
        evaluate(sim, checks(items), locale: locale).map { $0.line(locale) }
    }

    // MARK: hosts:

    func testHostsTakeCourseAddressesThenTheNextFreeOnes() throws {
        let r = Fixture.decode(Fixture.header("""
        hosts:
          - manager1
          - worker1
          - db1
          - {name: edge, address: 192.168.1.120}
          - {name: worker2}
        """) + "\nsteps: [{id: s, title: {ko: a, en: a}, text: {ko: a, en: a}, checks: [{swarm: {}}]}]")
        XCTAssertEqual(r.errors, [])
        let lab = try XCTUnwrap(r.lab)
        XCTAssertEqual(lab.hosts.map { "\($0.name)=\($0.address)" },
                       ["manager1=192.168.1.101", "worker1=192.168.1.102", "db1=192.168.1.104",
                        "edge=192.168.1.120", "worker2=192.168.1.103"])
        let session = LabSession(lab: lab)
        XCTAssertEqual(session.cluster.machines.map(\.name), ["docker-host", "manager1", "worker1", "db1", "edge", "worker2"])
        XCTAssertEqual(session.cluster.machines[4].address.description, "192.168.1.120")
    }

    func testBadHostsEntriesAreReportedWhereTheyAre() {
        let r = Fixture.decode(Fixture.header("""
        hosts:
          - worker1
          - worker1
          - Bad_Name
          - {name: far, address: 10.0.0.1}
          - remote
          - {name: clash, address: 192.168.1.100}
          - {name: twin, address: 192.168.1.102}
          - {nome: x}
        """) + "\nsteps: [{id: s, title: {ko: a, en: a}, text: {ko: a, en: a}, checks: [{swarm: {}}]}]")
        XCTAssertNil(r.lab)
        XCTAssertEqual(r.errors.map { $0.formatted() }, [
            "t.yaml:8:5: error LAB007: duplicate id 'hosts: worker1'",
            "t.yaml:9:5: error LAB004: invalid hosts: 'Bad_Name' (a hostname: a-z first, then a-z, 0-9, '-')",
            "t.yaml:10:26: error LAB004: invalid hosts.address: '10.0.0.1' (an address of the LAN 192.168.1.0/24)",
            "t.yaml:11:5: error LAB004: invalid hosts: 'remote' is already a place on the LAN (docker-host, host, localhost, remote)",
            "t.yaml:12:28: error LAB004: invalid hosts.address: 192.168.1.100 of clash is already taken on the LAN",
            "t.yaml:13:27: error LAB004: invalid hosts.address: 192.168.1.102 of twin is already taken on the LAN",
            "t.yaml:14:6: error LAB001: unknown key 'nome' — did you mean 'name'? (allowed here: name, address)",
            "t.yaml:14:5: error LAB002: missing key 'hosts.name'",
        ])
        XCTAssertEqual(Fixture.decode(Fixture.header("hosts: worker1") + "\nsteps: [{id: s, title: {ko: a, en: a}, text: {ko: a, en: a}, checks: [{swarm: {}}]}]")
            .errors.map { $0.formatted() },
            ["t.yaml:6:8: error LAB003: 'hosts' must be a list of machine names or {name, address} mappings"])
    }

    func testHostFieldMustNameAMachineOfTheLab() {
        let yaml = Fixture.header("hosts: [worker1]") + """

        steps:
          - id: s
            title: {ko: a, en: a}
            text: {ko: a, en: a}
            checks:
              - network: {name: appnet, host: worker9}
              - container: {name: c, host: docker-host}
        """
        XCTAssertEqual(Fixture.decode(yaml).errors.map { $0.formatted() }, [
            "t.yaml:12:39: error LAB004: invalid network.host: 'worker9' is not a machine of this lab (docker-host, worker1; declare it under hosts:) — did you mean 'worker1'?",
        ])
    }

    func testSwarmAndServiceKeysAreCheckedWhenRead() {
        let yaml = Fixture.header() + """

        steps:
          - id: s
            title: {ko: a, en: a}
            text: {ko: a, en: a}
            checks:
              - swarm: {nodes: 3, absent: true}
              - service: {name: web, endpoint_mode: round-robin, published: ["1.2.3.4:80:80"], spread: 0}
              - service: {replicas: 3}
        """
        XCTAssertEqual(Fixture.decode(yaml).errors.map { $0.formatted() }, [
            "t.yaml:12:16: error LAB004: invalid swarm: absent: true cannot be combined with nodes, managers or workers",
            "t.yaml:13:70: error LAB004: invalid service.published: '1.2.3.4:80:80' (TARGET or PUBLISHED:TARGET, optional /proto)",
            "t.yaml:13:45: error LAB004: invalid service.endpoint_mode: 'round-robin' (vip or dnsrr)",
            "t.yaml:13:96: error LAB004: invalid service.spread: 0 (at least 1)",
            "t.yaml:14:18: error LAB002: missing key 'service.name'",
        ])
    }

    // MARK: swarm

    func testSwarmCheckCountsLiveNodesAsTheManagersSee() {
        let want = ["{name: three, swarm: {nodes: 3, managers: 1, workers: 2}}", "{name: none, swarm: {absent: true}}"]
        var sim = Simulator(seed: 0, hosts: Cluster.courseHosts)
        XCTAssertEqual(lines(sim, want), [
            "FAIL three: no swarm: no machine is a swarm manager\n       expected: nodes=3, managers=1, workers=2\n       actual:   (no swarm manager)",
            "PASS none",
        ])
        XCTAssertEqual(lines(sim, want, locale: .ko).first,
                       "FAIL three: 스웜이 없습니다: 스웜 매니저인 머신이 없습니다\n       기대값: nodes=3, managers=1, workers=2\n       실제값: (no swarm manager)")
        _ = sim.run(line: "ssh manager1 docker swarm init")
        _ = sim.run(line: "ssh worker1 " + Self.join)
        XCTAssertEqual(lines(sim, want), [
            "FAIL three: the swarm: nodes, workers differ\n       expected: nodes=3, workers=2\n       actual:   nodes=2, workers=1; manager1 (manager), worker1 (worker)",
            "FAIL none: a swarm exists but should not\n       expected: absent\n       actual:   present (2 nodes: manager1, worker1)",
        ])
        _ = sim.run(line: "ssh worker2 " + Self.join)
        XCTAssertEqual(lines(sim, want).first, "PASS three")
        XCTAssertEqual(sim.run(line: "ssh worker2 docker swarm leave").exitCode, 0)
        XCTAssertEqual(lines(sim, ["{name: two, swarm: {nodes: 2, workers: 1}}"]), ["PASS two"], "a node that left is Down and not counted")
    }

    // MARK: service

    func testServiceCheckReadsReplicasSpreadPortsNetworksAndMode() {
        var sim = Self.world(service: false, containers: false)
        let good = "{name: web-ok, service: {name: web, replicas: 3, spread: 3, networks: [appnet], published: [\"8080:80\"], endpoint_mode: vip}}"
        XCTAssertEqual(lines(sim, [good]), [
            "FAIL web-ok: no service named web\n       expected: web\n       actual:   (no services)",
        ])
        _ = sim.run(line: "ssh manager1 docker service create --name web --replicas 2 --network appnet -p 8080:80 nginx")
        XCTAssertEqual(lines(sim, [good]), [
            "FAIL web-ok: service web: replicas, spread differ\n       expected: replicas=3, spread=tasks on at least 3 nodes\n"
                + "       actual:   replicas=2 running (wants 2), spread=2 (manager1, worker1)",
        ])
        _ = sim.run(line: "ssh manager1 docker service scale web=3")
        XCTAssertEqual(lines(sim, [good]), ["PASS web-ok"])
        XCTAssertEqual(lines(sim, [
            "{name: port, service: {name: web, published: [\"8081:80\"]}}",
            "{name: any-port, service: {name: web, published: [\"80\"]}}",
            "{name: mode, service: {name: web, endpoint_mode: dnsrr, networks: [backnet]}}",
            "{name: gone, service: {name: web, absent: true}}",
            "{name: other, service: {name: api, absent: true}}",
        ]), [
            "FAIL port: service web: published differs\n       expected: published=8081:80\n       actual:   published=8080:80/tcp",
            "PASS any-port",
            "FAIL mode: service web: networks, endpoint_mode differ\n       expected: networks=includes backnet, endpoint_mode=dnsrr\n"
                + "       actual:   networks=ingress, appnet, endpoint_mode=vip",
            "FAIL gone: service web exists but should not\n       expected: absent\n       actual:   present (3 running tasks)",
            "PASS other",
        ])
        XCTAssertEqual(lines(sim, ["{name: port, service: {name: web, published: [\"8081:80\"]}}"], locale: .ko),
                       ["FAIL port: web 서비스의 published 값이 다릅니다\n       기대값: published=8081:80\n       실제값: published=8080:80/tcp"])
    }

    // MARK: host:

    func testNetworkContainerAndIptablesChecksLookAtTheNamedMachine() {
        let sim = Self.world()
        XCTAssertEqual(lines(sim, [
            "{name: on-manager, network: {name: appnet, host: manager1, driver: overlay, attachable: true, options: {encrypted: \"\"}}}",
            "{name: on-docker-host, network: {name: appnet}}",
            "{name: client-on-worker1, container: {name: client, host: worker1, running: true, networks: [appnet]}}",
            "{name: client-here, container: {name: client}}",
            "{name: mesh-on-worker2, iptables: {host: worker2, table: nat, chain: DOCKER-INGRESS, contains: \"--dport 8080\"}}",
        ]).map { $0.components(separatedBy: "\n").first ?? "" }, [
            "PASS on-manager",
            "FAIL on-docker-host: no network named appnet",
            "PASS client-on-worker1",
            "FAIL client-here: no container named client",
            "PASS mesh-on-worker2",
        ])
        // A machine the cluster does not have (a check built in code, past the decoder) fails with a reason.
        var p = NetworkPredicate()
        p.name = "appnet"
        p.host = "worker9"
        let r = evaluate(sim, [Check(name: "ghost", kind: .network(p))])
        XCTAssertEqual(r.map { $0.line() }, ["FAIL ghost: no machine named worker9 on this lab's LAN\n       expected: worker9\n"
            + "       actual:   docker-host, manager1, worker1, worker2"])
        XCTAssertEqual(evaluate(sim, [Check(name: "ghost", kind: .network(p))], locale: .ko).first?.message,
                       "이 실습의 LAN에는 worker9 머신이 없습니다")
    }

    func testRolesBoundOnAnotherMachineAreSeenAfterwards() {
        let sim = Self.world(service: false)
        XCTAssertEqual(lines(sim, [
            "{name: find, network: {bind: N, host: worker1, driver: overlay, holds: [client]}}",
            "{name: use, container: {name: a1, host: manager1, networks: [$N]}}",
        ]), ["PASS find", "PASS use"])
    }

    // MARK: reachable / unreachable

    func testReachabilityFollowsPacketsAcrossMachines() {
        var sim = Self.world()
        _ = sim.run(line: "docker run -d --name lonely busybox sleep 3600")
        let a1 = sim.cluster.machines[1].engine.allContainers.first { $0.name == "a1" }
        let a1IP = a1.flatMap { sim.cluster.machines[1].engine.endpoints(ofContainer: $0).first?.ipv4 }?.description ?? "?"
        XCTAssertEqual(lines(sim, [
            "{name: vip, reachable: {from: client, to: web, port: 80}}",
            "{name: peer, reachable: {from: client, to: a1}}",
            "{name: mesh, reachable: {from: remote, to: worker2, port: 8080}}",
            "{name: machine, reachable: {from: worker1, to: manager1}}",
            "{name: apart, unreachable: {from: lonely, to: client}}",
        ]), ["PASS vip", "PASS peer", "PASS mesh", "PASS machine", "PASS apart"])
        XCTAssertEqual(lines(sim, [
            "{name: closed, reachable: {from: remote, to: worker2, port: 8081}}",
            "{name: open, unreachable: {from: client, to: a1}}",
            "{name: nobody, reachable: {from: client, to: nosuch, port: 80}}",
        ]), [
            "FAIL closed: remote cannot reach worker2:8081/tcp: 192.168.1.103: connection refused by 192.168.1.103 (nothing listens)\n"
                + "       expected: remote -> worker2:8081/tcp\n       actual:   192.168.1.103: connection refused by 192.168.1.103 (nothing listens)",
            "FAIL open: client can reach a1 (ping)\n       expected: no path: client -> a1 (ping)\n       actual:   delivered to \(a1IP) on manager1",
            "FAIL nobody: no machine, container or service named nosuch\n       expected: client -> nosuch:80/tcp\n       actual:   (no container nosuch)",
        ])
        XCTAssertEqual(evaluate(sim, checks(["{name: nobody, reachable: {from: client, to: nosuch, port: 80}}"]), locale: .ko).first?.message,
                       "nosuch라는 머신, 컨테이너, 서비스가 없습니다")
    }

    func testOneMachineKeepsTheHistoricalLookups() {
        var sim = Simulator(seed: 0)
        _ = sim.run(line: "docker run -d --name web nginx")
        let r = evaluate(sim, checks(["{name: a, reachable: {from: docker-host, to: web, port: 80}}",
                                      "{name: b, reachable: {from: host, to: web, port: 80}}"], hosts: "[]"))
        XCTAssertEqual(r.map { $0.line() }, [
            "FAIL a: no container named docker-host\n       expected: docker-host -> web:80/tcp\n       actual:   (no container docker-host)",
            "PASS b",
        ])
    }

    // MARK: resolves

    func testResolutionRunsOnTheQueryingContainersMachine() {
        let sim = Self.world()
        XCTAssertEqual(lines(sim, [
            "{name: tasks, resolves: {from: client, name: tasks.web, tasks: web}}",
            "{name: vip, resolves: {from: client, name: web, vip: web}}",
            "{name: peer, resolves: {from: a1, name: client, to: [client]}}",
            "{name: lan-host, resolves: {from: worker1, name: web, none: true}}",
        ]), ["PASS tasks", "PASS vip", "PASS peer", "PASS lan-host"])
        let vip = sim.cluster.machines[1].engine.swarm?.services.first?.vips.values.first { $0.description.hasPrefix("10.0.1.") }
        XCTAssertEqual(lines(sim, ["{name: wrong, resolves: {from: client, name: web, tasks: web}}"]), [
            "FAIL wrong: client resolves web differently\n       expected: client: web -> tasks of web\n       actual:   \(vip?.description ?? "?")",
        ])
        XCTAssertEqual(lines(sim, ["{name: wrong, resolves: {from: client, name: web, tasks: web}}"], locale: .ko).first?
            .components(separatedBy: "\n").first, "FAIL wrong: client에서 web 이름 해석 결과가 다릅니다")
    }

    func testTasksMustAllBeInTheAnswer() {
        var sim = Self.world()
        let check = ["{name: tasks, resolves: {from: client, name: tasks.web, tasks: web}}"]
        XCTAssertEqual(lines(sim, check), ["PASS tasks"])
        // Another service's tasks are not web's: the answer holds addresses outside the expected set.
        _ = sim.run(line: "ssh manager1 docker service create --name api --replicas 2 --network appnet nginx")
        XCTAssertEqual(lines(sim, ["{name: mixed, resolves: {from: client, name: tasks.api, tasks: web}}"]).first?
            .components(separatedBy: "\n").first, "FAIL mixed: client resolves tasks.api differently")
    }

    // MARK: session and mutants

    func testLabSessionRunsSetupAndChecksOnTheLabsMachines() throws {
        let yaml = Fixture.header("hosts: [manager1, worker1]\nsetup:\n  - ssh manager1 docker swarm init") + """

        steps:
          - id: join
            title: {ko: 합류, en: Join}
            text: {ko: worker1을 합류시키세요, en: Join worker1}
            hints: [{tier: command, ko: 명령, en: command}]
            checks:
              - swarm: {nodes: 2, workers: 1}
            solution:
              - ssh worker1 \(Self.join)
        """
        let r = Fixture.decode(yaml)
        let lab = try XCTUnwrap(r.lab, "\(r.diagnostics)")
        var s = LabSession(lab: lab)
        XCTAssertEqual(s.setupOutputs.map(\.output.exitCode), [0])
        XCTAssertEqual(s.check().map { $0.passed }, [false])
        XCTAssertEqual(s.input("ssh worker1 " + Self.join).completedSteps, [0])
        XCTAssertEqual(LabValidator.validate(lab, mutants: true), [])
    }

    func testMutantsOfSwarmCommands() {
        let machines = ["manager1", "worker1", "worker2"]
        let solution = [
            "ssh manager1 docker network create -d overlay --attachable --opt encrypted appnet",
            "ssh manager1 docker service create --name web --replicas 3 --endpoint-mode dnsrr --network appnet nginx",
            "ssh manager1 docker service scale web=2",
        ]
        let found = MutantGenerator.mutants(of: solution, engine: Engine(seed: 0), machines: machines).map(\.description)
        for expected in [
            "drop command 1: ssh manager1 docker network create -d overlay --attachable --opt encrypted appnet",
            "run command 1 on worker1 instead of manager1",
            "forget --attachable in command 1",
            "forget --opt encrypted in command 1",
            "bridge instead of overlay in command 1",
            "misspell network 'appnet' as 'appnte' in command 1",
            "--replicas 2 instead of 3 in command 2",
            "--replicas 4 instead of 3 in command 2",
            "--endpoint-mode vip instead of dnsrr in command 2",
            "scale web to 1 instead of 2 in command 3",
            "scale web to 3 instead of 2 in command 3",
        ] {
            XCTAssertTrue(found.contains(expected), "missing mutant: \(expected) in \(found)")
        }
        let forget = MutantGenerator.mutants(of: [solution[0]], engine: Engine(seed: 0), machines: machines)
            .first { $0.description == "forget --opt encrypted in command 1" }
        XCTAssertEqual(forget?.lines, ["ssh manager1 docker network create -d overlay --attachable appnet"])
        XCTAssertFalse(MutantGenerator.mutants(of: ["ssh remote curl 192.168.1.50"], engine: Engine(seed: 0), machines: machines)
            .contains { $0.description.hasPrefix("run command") }, "remote is not one of the lab's machines")
    }
}
