import CNMFileSystem
import XCTest
import Foundation
@testable import CNMShell
import CNMLabs
import CNMSim
import CNMProgress

/// A Korean session prints no English sentence of cnmlab's own: labs, hints, checks, errors, help
/// and progress are Korean. What simulated programs print (docker, ip, iptables…) is excluded by
/// construction — the shell tags it `ShellReply.Origin.program` — and commands are allowed.
final class KoreanSessionTests: XCTestCase {
    /// Words a Korean sentence may hold in a row: command names, subcommands and options people type.
    static let commandWords: Set<String> = [
        "docker", "network", "container", "create", "connect", "disconnect", "inspect", "ls", "rm", "run", "exec",
        "ps", "port", "logs", "start", "stop", "restart", "ip", "addr", "route", "link", "neigh", "show", "iptables",
        "nat", "filter", "ping", "curl", "nslookup", "ssh", "lab", "labs", "resume", "quit", "hint", "check",
        "solution", "answer", "skip", "reset", "undo", "topology", "hosts", "theory", "progress", "why", "help",
        "exit", "lang", "engine", "status", "history", "clear", "ko", "en", "step", "bridge", "host", "none",
        "d", "it", "sh", "bash", "nginx", "redis", "alpine", "web", "db", "api", "app", "name", "subnet",
        "mermaid", "dot", "y", "n", "sandbox", "Docker", "Engine", "API", "DNS", "NAT", "LAN", "SQLite",
    ]

    /// Words that start a command a sentence names (`… docker network connect frontnet web …`).
    static let commandNames: Set<String> = ["docker", "ip", "iptables", "lab", "curl", "ping", "nslookup", "ssh", "why",
                                            "topology", "answer", "lang", "engine", "wget", "nc", "dig", "getent"]

    /// The first run of three or more English words in `line` that is not made of command words,
    /// after quoted parts (`…`, '…', "…") and tokens holding anything but letters are set aside.
    static func englishSentence(in line: String) -> String? {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        if let first = trimmed.split(separator: " ").first, ["docker", "ip", "iptables", "curl", "ping", "nslookup", "ssh"].contains(String(first)) {
            return nil  // a command line (a solution, an example)
        }
        var text = line
        for pattern in ["`[^`]*`", "'[^']*'", "\"[^\"]*\""] {
            text = text.replacingOccurrences(of: pattern, with: " ", options: .regularExpression)
        }
        var run: [String] = []
        func flagged() -> String? {
            guard run.count >= 3, let first = run.first, !commandNames.contains(first) else { return nil }
            return run.allSatisfy(commandWords.contains) ? nil : run.joined(separator: " ")
        }
        for token in text.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
            var word = String(token)
            while let c = word.last, ",.:;!?)".contains(c) { word.removeLast() }
            while let c = word.first, "(".contains(c) { word.removeFirst() }
            if !word.isEmpty, word.allSatisfy({ $0.isASCII && $0.isLetter }) {
                run.append(word)
                if word != String(token).trimmingCharacters(in: CharacterSet(charactersIn: "(")) {
                    if let f = flagged() { return f }  // punctuation ends the run
                    run = []
                }
            } else {
                if let f = flagged() { return f }
                run = []
            }
        }
        return flagged()
    }

    func testTheClassifierFlagsEnglishAndLeavesCommandsAndKorean() {
        XCTAssertEqual(Self.englishSentence(in: "cnmlab: a web server outside the Docker host — 시뮬레이션하지 않습니다"),
                       "a web server outside the Docker host")
        XCTAssertEqual(Self.englishSentence(in: "힌트 [방향]: docker network ls로 네트워크를 보세요"), nil)
        XCTAssertEqual(Self.englishSentence(in: "  docker network create --subnet 10.0.0.0/24 frontnet"), nil)
        XCTAssertEqual(Self.englishSentence(in: "No such container: web"), "No such container")
        XCTAssertEqual(Self.englishSentence(in: "새 시도는 lab restart, 다른 실습은 labs."), nil)
        XCTAssertEqual(Self.englishSentence(in: "되돌림: docker network connect nosuchnet web"), nil)
        XCTAssertEqual(Self.englishSentence(in: "Step 1 complete: the network exists"), "the network exists")
    }

    func testAKoreanSessionThroughALabPrintsNoEnglishSentence() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let labs = LabCatalog.labs(paths: [root.appendingPathComponent("Labs").path], files: DiskFiles())
        XCTAssertFalse(labs.isEmpty)
        let db = NSTemporaryDirectory() + "cnmlab-ko-\(getpid())-\(UUID().uuidString)/p.sqlite"
        var s = ShellSession(language: .ko, labs: labs, store: try ProgressStore(path: db), learner: "kim")
        var lines = ["help", "labs", "lab start w2d1s3-user-bridge-web-db", "check", "hint", "hint", "hint", "hint",
                     "solution", "n", "docker network connect nosuchnet web", "dokcer ps", "curl http://example.com",
                     "ss -a", "answer 3", "skip", "history", "topology", "hosts", "frobnicate", "lab", "lang fr",
                     "undo", "exec web sh", "exit", "why web db"]
        lines += labs.first(where: { $0.id == "w2d1s3-user-bridge-web-db" }).map { $0.steps.flatMap(\.transcriptLines) } ?? []
        lines += ["progress", "reset", "lab quit", "lab start 1", "solution", "y", "lab quit", "nosuchlab", "lab start nosuchlab"]
        // cnmlab's "not simulated" lines in program output: editors, unsupported options and forms,
        // socket listings, attaching, shell features, docker options.
        lines += ["vi /etc/hosts", "nano notes.txt", "ping -Z 10.0.0.1", "curl -Q http://example.com", "ss -u", "ss -tlnp",
                  "ss", "docker run --name fg nginx", "docker start -a fg", "tail -f /etc/hosts", "sleep 1 &",
                  "echo $((1 + 1))", "ls 2>&1", "(ls)", "docker logs -f fg", "wget -Z http://example.com",
                  "nslookup -debug web", "dig nosuch.invalid", "printf '%q' x", "help me", "exit", "ip -br neigh",
                  "ip link add link eth0 name m0 type macvlan", "route add default gw 1.2.3.4", "sysctl -w net.ipv4.ip_forward=0",
                  "iptables -t mangle -L", "iptables -m nosuch -A INPUT -j ACCEPT", "docker network prune --filter until=1h",
                  "docker volume ls --filter name=x", "docker exec fg ss -tln", "docker exec fg vi /etc/hosts",
                  "nc -u 1.2.3.4 53", "arp -d 1.2.3.4", "ssh -p 2222 remote"]
        var english: [String] = []
        var seen = 0
        for line in lines {
            let reply = s.handle(line)
            for chunk in reply.chunks where chunk.origin == .cnmlab {
                for l in chunk.text.split(separator: "\n") {
                    seen += 1
                    if let e = Self.englishSentence(in: String(l)) { english.append("\(line) → \(l)  [\(e)]") }
                    // A hint's tier is one English word the three-word rule would miss: it must be Korean.
                    if l.hasPrefix("힌트 ["), let tier = l.dropFirst(4).split(separator: "]").first,
                       !tier.unicodeScalars.contains(where: { (0xAC00...0xD7A3).contains($0.value) }) {
                        english.append("\(line) → \(l)  [\(tier)]")
                    }
                }
            }
        }
        XCTAssertGreaterThan(seen, 60)
        XCTAssertEqual(english, [], english.joined(separator: "\n"))
    }
}
