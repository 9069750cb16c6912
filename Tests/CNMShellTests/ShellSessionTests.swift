import XCTest
@testable import CNMShell
import CNMSim

final class ShellSessionTests: XCTestCase {
    func testCommandsRunAndExitEnds() {
        var s = ShellSession(language: .en)
        XCTAssertEqual(s.prompt, "docker-host$ ")
        let out = s.handle("docker network create mynet")
        XCTAssertEqual(out.stdout.count, 65)
        XCTAssertTrue(s.handle("exit").exit)
    }

    func testContinuationLinesJoin() {
        var s = ShellSession(language: .en)
        let first = s.handle("echo 'a")
        XCTAssertTrue(first.needsContinuation)
        XCTAssertEqual(s.prompt, "> ")
        XCTAssertEqual(s.handle("b'").stdout, "a\nb\n")
        XCTAssertEqual(s.prompt, "docker-host$ ")
    }

    func testAbandoningALineForgetsItsContinuation() {
        var s = ShellSession(language: .en)
        XCTAssertTrue(s.handle("echo 'a").needsContinuation)
        XCTAssertEqual(s.prompt, "> ")
        s.abandonLine()
        XCTAssertEqual(s.prompt, "docker-host$ ")
        XCTAssertEqual(s.handle("echo b").stdout, "b\n", "the abandoned start is not joined to the next line")
        XCTAssertTrue(s.handle("cat <<EOF").needsContinuation)
        s.abandonLine()
        XCTAssertEqual(s.handle("echo c").stdout, "c\n")
    }

    func testUndoRevertsOnlyStateChangingCommands() {
        var s = ShellSession(language: .en)
        _ = s.handle("docker network create a")
        _ = s.handle("docker network ls")
        XCTAssertNotNil(s.engine.network(named: "a"))
        XCTAssertEqual(s.handle("undo").stdout, "Undone: docker network create a\n")
        XCTAssertNil(s.engine.network(named: "a"))
        XCTAssertEqual(s.handle("undo").stderr, "Nothing to undo: no state-changing command yet.\n")
    }

    func testNestedShellInsideAContainer() {
        var s = ShellSession(language: .ko)
        _ = s.handle("docker run -d --name web busybox sleep 600")
        let id = s.engine.containers.values.first?.id ?? ""
        XCTAssertEqual(s.handle("docker exec -it web sh").stdout, "컨테이너 web 안의 셸입니다. 나가려면 exit.\n")
        XCTAssertEqual(s.prompt, "/ # ")
        XCTAssertEqual(s.handle("hostname").stdout, String(id.prefix(12)) + "\n")
        XCTAssertEqual(s.handle("exit").stdout, "컨테이너 web에서 나왔습니다.\n")
        XCTAssertEqual(s.prompt, "docker-host$ ")
        _ = s.handle("docker run -d --name n nginx")
        XCTAssertEqual(s.handle("docker exec -it n sh").stdout, "컨테이너 n 안의 셸입니다. 나가려면 exit.\n", "nginx (Debian) has sh")
        _ = s.handle("exit")
        XCTAssertTrue(s.handle("docker exec -it nosuch sh").stderr.contains("No such container: nosuch"))
    }

    func testLanguageSwitchAndHelpInBothLanguages() {
        var s = ShellSession(language: .en)
        XCTAssertTrue(s.handle("help").stdout.contains("take back the last state-changing command"))
        XCTAssertEqual(s.handle("lang ko").stdout, "언어: 한국어\n")
        XCTAssertTrue(s.handle("help").stdout.contains("마지막 상태 변경 명령 되돌리기"))
        XCTAssertEqual(s.handle("lang fr").stderr, "지원하지 않는 언어: fr (ko 또는 en)\n")
    }

    func testHistoryListsTypedLines() {
        var s = ShellSession(language: .en)
        _ = s.handle("echo a")
        _ = s.handle("docker ps -q")
        XCTAssertEqual(s.handle("history").stdout, "  1  echo a\n  2  docker ps -q\n")
    }

    func testTopologyTextMermaidAndDot() {
        var s = ShellSession(language: .en)
        _ = s.handle("docker network create mynet")
        _ = s.handle("docker run -d --name web --network mynet --network-alias api busybox sleep 600")
        let text = s.handle("topology").stdout
        XCTAssertTrue(text.contains("network mynet (bridge, 172.18.0.0/16, gateway 172.18.0.1, bridge br-"))
        XCTAssertTrue(text.contains("  endpoint eth0 172.18.0.2/16 "))
        XCTAssertTrue(text.contains(" aliases api → container web"))
        let mermaid = s.handle("topology --mermaid").stdout
        XCTAssertTrue(mermaid.hasPrefix("graph LR\n"))
        XCTAssertTrue(mermaid.contains("---|\"eth0 172.18.0.2/16"))
        let dot = s.handle("topology --dot").stdout
        XCTAssertTrue(dot.hasPrefix("graph topology {"))
        XCTAssertTrue(dot.hasSuffix("}\n"))
        XCTAssertEqual(s.handle("topology --svg").stderr, "usage: topology [--mermaid|--dot] [MACHINE]\n")
    }

    func testCompletionKnowsContainersNetworksAndFlags() {
        var s = ShellSession(language: .en)
        _ = s.handle("docker network create backend")
        _ = s.handle("docker run -d --name webserver busybox sleep 600")
        let c = s.completer
        XCTAssertEqual(c.candidates(words: ["docker", "exec", "web"], engine: s.engine), ["webserver"])
        XCTAssertEqual(c.candidates(words: ["docker", "network", "inspect", "ba"], engine: s.engine), ["backend"])
        XCTAssertEqual(c.candidates(words: ["docker", "network", "cr"], engine: s.engine), ["create"])
        XCTAssertTrue(c.candidates(words: ["docker", "run", "--net"], engine: s.engine).contains("--network"))
        XCTAssertEqual(c.candidates(words: ["to"], engine: s.engine), ["topology", "touch"])
        XCTAssertEqual(Completer.commonPrefix(["한글망", "한글넷"]), "한글")
        XCTAssertEqual(c.candidates(words: ["docker", "logs", "w"], engine: s.engine), ["webserver"])
        XCTAssertEqual(c.candidates(words: ["get"], engine: s.engine), ["getent"])
    }

    /// In a container's shell TAB offers that image's programs (and `exit`), not the host's.
    func testCompletionInsideAContainer() {
        var s = ShellSession(language: .en)
        _ = s.handle("docker run -d --name a alpine sleep 600")
        _ = s.handle("docker exec -it a sh")
        let first = s.completer.candidates(words: [""], engine: s.engine)
        XCTAssertTrue(first.contains("ping") && first.contains("nslookup") && first.contains("exit"))
        XCTAssertFalse(first.contains("docker") || first.contains("lab"))
        XCTAssertEqual(s.completer.candidates(words: ["tra"], engine: s.engine), ["traceroute"])
    }

    func testLanguageFromEnvironment() {
        XCTAssertEqual(Language.fromEnvironment(["LANG": "ko_KR.UTF-8"]), .ko)
        XCTAssertEqual(Language.fromEnvironment(["LC_ALL": "en_US.UTF-8", "LANG": "ko_KR.UTF-8"]), .en)
        XCTAssertEqual(Language.fromEnvironment([:]), .en)
    }
}

final class ShellColorTests: XCTestCase {
    func testStatusWordsKeepTheirTextWhenColoured() {
        let coloured = ShellRunner.colorize("PASS a\nFAIL b: x\nplain\n")
        XCTAssertEqual(coloured, "\u{1B}[32mPASS\u{1B}[0m a\n\u{1B}[31mFAIL\u{1B}[0m b: x\nplain\n")
        XCTAssertEqual(ShellRunner.colorize("no status"), "no status")
    }
}

final class ShellRemoteTests: XCTestCase {
    func testSshRemoteOpensANestedPromptOnTheLanMachine() {
        var s = ShellSession(language: .en)
        _ = s.handle("docker run -d --name web -p 8080:80 nginx")
        XCTAssertTrue(s.handle("ssh remote").stdout.hasPrefix("Connected to remote (192.168.1.50)"))
        XCTAssertEqual(s.prompt, "remote$ ")
        let curl = s.handle("curl -s http://192.168.1.100:8080/")
        XCTAssertTrue(curl.stdout.contains("<title>Welcome to nginx!</title>"), curl.stdout + curl.stderr)
        XCTAssertEqual(s.handle("exit").stdout, "Connection to remote closed.\n")
        XCTAssertEqual(s.prompt, "docker-host$ ")
    }
}

final class ShellMachineTests: XCTestCase {
    func testSshToADockerHostOpensAPromptThereAndExitComesBack() {
        var s = ShellSession(language: .en)
        XCTAssertEqual(s.handle("ssh worker1").stdout,
                       "Connected to worker1 (192.168.1.102), a Docker host on the LAN; commands now run there. Type exit to leave.\n")
        XCTAssertEqual(s.prompt, "worker1$ ")
        XCTAssertEqual(s.handle("docker run -d --name onworker busybox sleep 600").exitCode(), 0)
        XCTAssertTrue(s.handle("docker ps --format '{{.Names}}'").stdout.contains("onworker"), "the quoted template survives the hop")
        XCTAssertEqual(s.handle("hostname").stdout, "worker1\n")
        XCTAssertEqual(s.handle("exit").stdout, "Connection to worker1 closed.\n")
        XCTAssertEqual(s.prompt, "docker-host$ ")
        XCTAssertFalse(s.handle("docker ps -a").stdout.contains("onworker"), "the container lives on worker1 only")
        XCTAssertTrue(s.handle("ssh worker1 docker ps -a").stdout.contains("onworker"))
    }

    func testHostsListsTheSandboxMachinesAndUndoRevertsAnotherMachine() {
        var s = ShellSession(language: .en)
        let hosts = s.handle("hosts").stdout
        for m in ["docker-host", "manager1", "worker1", "worker2", "remote"] { XCTAssertTrue(hosts.contains(m), hosts) }
        _ = s.handle("ssh worker2 docker network create onw2")
        XCTAssertTrue(s.handle("ssh worker2 docker network ls").stdout.contains("onw2"))
        XCTAssertTrue(s.handle("undo").stdout.contains("ssh worker2 docker network create onw2"))
        XCTAssertFalse(s.handle("ssh worker2 docker network ls").stdout.contains("onw2"))
    }

    func testCompletionOffersTheMachinesAfterSsh() {
        let s = ShellSession(language: .en)
        XCTAssertEqual(s.completer.candidates(words: ["ssh", "w"], engine: s.engine), ["worker1", "worker2"])
    }
}

private extension ShellReply {
    /// 0 when nothing went to standard error (the shell reply carries no exit code).
    func exitCode() -> Int { stderr.isEmpty ? 0 : 1 }
}

final class ShellMachineTopologyTests: XCTestCase {
    func testTopologyOfAnotherMachineShowsItsOverlayAndTheNodesItSpans() {
        var s = ShellSession(language: .en)
        _ = s.handle("docker swarm init")
        _ = s.handle("ssh worker1 docker swarm join --token $(docker swarm join-token -q worker) 192.168.1.100:2377")
        _ = s.handle("docker network create -d overlay --attachable --opt encrypted appnet")
        _ = s.handle("docker run -d --name a1 --network appnet busybox sleep 600")
        _ = s.handle("ssh worker1 docker run -d --name b1 --network appnet busybox sleep 600")
        let there = s.handle("topology worker1").stdout
        XCTAssertTrue(there.contains("network appnet (overlay, 10.0.1.0/24, gateway 10.0.1.1, VXLAN 4097, encrypted, also on docker-host)"), there)
        XCTAssertTrue(there.contains("→ container b1"), there)
        XCTAssertFalse(there.contains("→ container a1"), there)
        _ = s.handle("ssh worker1")
        XCTAssertEqual(s.handle("topology").stdout, there, "in a nested prompt, topology shows that machine")
        _ = s.handle("exit")
        XCTAssertEqual(s.handle("topology nosuch").stderr, "no such machine on this LAN: nosuch (hosts lists them)\n")
    }
}

final class ShellContainerOnMachineTests: XCTestCase {
    func testANestedContainerShellOnAnotherMachine() {
        var s = ShellSession(language: .en)
        _ = s.handle("ssh worker1")
        _ = s.handle("docker run -d --name box busybox sleep 600")
        XCTAssertEqual(s.handle("docker exec -it box sh").stdout, "Shell inside container box. Type exit to leave.\n")
        XCTAssertEqual(s.prompt, "/ # ")
        XCTAssertEqual(s.handle("hostname").stdout.count, 13, "the container's short ID and a newline")
        XCTAssertTrue(s.handle("ip -4 addr show eth0").stdout.contains("inet 172.17.0.2/16"))
        XCTAssertEqual(s.handle("exit").stdout, "Left container box.\n")
        XCTAssertEqual(s.prompt, "worker1$ ", "back on worker1")
        XCTAssertTrue(s.handle("docker exec -it nosuch sh").stderr.contains("No such container: nosuch"))
    }
}
