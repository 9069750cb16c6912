import CNMSim

/// The one-line answers for what cnmlab does not simulate: honest, never invented output.
///
/// The programs write these lines in English (they run below any language choice); `localize`
/// turns them into Korean for a Korean session, from the tables below — the one place that knows
/// how cnmlab's own notes inside program output read. Lines of the simulated programs themselves
/// never start with `cnmlab: ` and are never translated.
public enum NotSimulated {
    static let programSuffix = ": not simulated (a real host has this command; cnmlab does not simulate it)"
    static let featureSuffix = " is not simulated"

    /// A command a real host has that the simulated host does not simulate. Exit 127, as a shell gives
    /// for a command it cannot run.
    public static func program(_ name: String) -> CommandOutput {
        CommandOutput(stderr: "cnmlab: \(name)\(programSuffix)\n", exitCode: 127, errors: [EngineError(.notSimulated, name)])
    }

    /// A name no real host has: bash's own answer (`bash: dokcer: command not found`, exit 127).
    public static func commandNotFound(_ name: String) -> CommandOutput {
        CommandOutput(stderr: "bash: \(name): command not found\n", exitCode: 127)
    }

    /// A known command or feature that is not simulated.
    public static func feature(_ what: String) -> CommandOutput {
        CommandOutput(stderr: "cnmlab: \(what)\(featureSuffix)\n", exitCode: 127, errors: [EngineError(.notSimulated, what)])
    }

    /// Korean for the descriptions `feature` is given that are phrases rather than a command line
    /// (a command line such as `tail -n 5` stays as typed).
    static let featureKorean: [String: String] = [
        "a web server outside the Docker host": "Docker 호스트 밖의 웹 서버",
        "services outside the Docker host": "Docker 호스트 밖의 서비스",
        "this form of the socket listing (only -ltn / -tln are simulated)": "이 형태의 소켓 목록 (-ltn / -tln만 시뮬레이션합니다)",
        "curl -v or its progress meter to localhost (curl tries ::1 first)": "localhost에 대한 curl -v나 진행 표시 (curl은 ::1을 먼저 시도합니다)",
        "listing sockets inside a container": "컨테이너 안의 소켓 목록",
        "listing the sockets of servers in host-network containers other than nginx": "nginx 말고 host 네트워크 컨테이너 서버의 소켓 목록",
        "an interactive shell outside the cnmlab shell": "cnmlab 셸 밖의 대화형 셸",
        "an interactive ssh session outside the cnmlab shell": "cnmlab 셸 밖의 대화형 ssh 세션",
        "HTTPS (TLS) in curl": "curl의 HTTPS(TLS)",
        "HTTPS (TLS) in wget": "wget의 HTTPS(TLS)",
        "HTTPS (TLS) in curl to a port without TLS": "TLS가 없는 포트로 보내는 curl의 HTTPS(TLS)",
        "curl's -v trace and progress meter over TLS (use -s)": "TLS 위에서 curl의 -v 추적과 진행 표시 (-s를 쓰세요)",
        "curl's cookie jar (-c FILE)": "curl의 쿠키 저장 파일 (-c 파일)",
        "curl -b FILE (cookie files)": "curl -b 파일 (쿠키 파일)",
        "a load balancer on another machine of the LAN (run the client on the proxy's machine)": "LAN의 다른 머신에 있는 로드 밸런서 (프록시가 있는 머신에서 클라이언트를 실행하세요)",
        "dig's full output (use dig +short NAME)": "dig의 전체 출력 (dig +short 이름을 쓰세요)",
        "tail -f (following a file never ends)": "tail -f (파일 따라가기는 끝나지 않습니다)",
        "sleep infinity in the foreground (it never ends)": "포그라운드의 sleep infinity (끝나지 않습니다)",
        "grep on files": "파일에 대한 grep",
        "nginx on the host": "호스트의 nginx",
        "haproxy on the host": "호스트의 haproxy",
        "starting a second nginx inside the container": "컨테이너 안에서 nginx를 하나 더 시작하기",
        "starting a second haproxy inside the container": "컨테이너 안에서 haproxy를 하나 더 시작하기",
        "haproxy's usage text": "haproxy의 사용법 안내",
        "haproxy with several -f files": "-f 파일이 여러 개인 haproxy",
        "wc without -l": "-l 없는 wc",
        "traceroute options": "traceroute 옵션",
        "ssh options": "ssh 옵션",
        "ssh from inside a container": "컨테이너 안에서의 ssh",
        "iptables-save inside a container": "컨테이너 안의 iptables-save",
        "bridge inside a container": "컨테이너 안의 bridge",
        "brctl inside a container": "컨테이너 안의 brctl",
        "mysql over the local socket": "로컬 소켓을 통한 mysql",
        "redis-cli other than PING": "PING 말고 다른 redis-cli 명령",
        "nc without -z HOST PORT": "-z 호스트 포트 없는 nc",
        "ping with several hosts": "여러 호스트에 대한 ping",
        "wget with several URLs": "여러 URL에 대한 wget",
        "tail with several files": "여러 파일에 대한 tail",
        "sysctl without a key": "키 없는 sysctl",
        "getent without a database": "데이터베이스 없는 getent",
        "getent hosts without a key (listing the whole database)": "키 없는 getent hosts (데이터베이스 전체 목록)",
        "ip without an object (usage text)": "객체 없는 ip (사용법 출력)",
        "sudo without a command (its usage text)": "명령 없는 sudo (사용법 출력)",
        "hostname -I here": "여기서의 hostname -I",
    ]

    /// Korean for cnmlab's whole-line notes inside program output (after `cnmlab: `), and for the
    /// notes in brackets after a command line given to `feature`.
    static let noteKorean: [String: String] = [
        "only host NAME is simulated": "host 이름 형태만 시뮬레이션합니다",
        "only route -n is simulated": "route -n만 시뮬레이션합니다",
        "only dev DEV is simulated": "dev 장치 형태만 시뮬레이션합니다",
        "changing or querying single neighbour entries": "이웃 항목 하나를 바꾸거나 조회하기",
        "changing the ARP table": "ARP 테이블 바꾸기",
        "changing the host's links, e.g. a macvlan shim": "호스트의 링크 바꾸기, 예: macvlan shim",
        "busybox's ip has no brief mode": "busybox의 ip에는 brief 모드가 없습니다",
        "usage text": "사용법 출력",
        "its usage text": "사용법 출력",
        "attaching to a running container's output is not simulated":
            "실행 중인 컨테이너의 출력에 붙는 것(attach)은 시뮬레이션하지 않습니다",
        "attaching to a running container's output is not simulated; the container keeps running in the background (use -d)":
            "실행 중인 컨테이너의 출력에 붙는 것(attach)은 시뮬레이션하지 않습니다. 컨테이너는 백그라운드에서 계속 실행됩니다 (-d를 쓰세요)",
        "traceroute hops beyond the LAN router are not simulated":
            "LAN 라우터 너머의 traceroute 홉은 시뮬레이션하지 않습니다",
        "ping without -c runs until interrupted; showing 4 packets":
            "-c 없는 ping은 중단할 때까지 실행됩니다. 패킷 4개만 보여 줍니다",
        "syntax error: unexpected end of file (an open quote, `\\`, `|`, `&&` or `$(` is not closed)":
            "문법 오류: 입력이 예상보다 일찍 끝났습니다 (따옴표, `\\`, `|`, `&&`, `$(` 중 닫히지 않은 것이 있습니다)",
    ]

    /// The same lines in `language`: the one place that knows how they read, so that the programs
    /// producing them need no language of their own. Other lines pass unchanged.
    public static func localize(_ stderr: String, language: String) -> String {
        guard Language.named(language) == .ko, stderr.contains("cnmlab: ") else { return stderr }
        let lines = stderr.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            guard line.hasPrefix("cnmlab: ") else { return String(line) }
            let body = String(line.dropFirst("cnmlab: ".count))
            if let note = noteKorean[body] { return "cnmlab: " + note }
            if let code = exitedAtOnce(body) {
                return "cnmlab: " + MessageTemplate.fill("컨테이너가 곧바로 종료 코드 {code:으로} 끝났습니다 (엔트리포인트에 설정이 필요합니다. 그 로그 줄은 시뮬레이션하지 않습니다)", ["code": code])
            }
            if body.hasSuffix(programSuffix) {
                let name = String(body.dropLast(programSuffix.count))
                return "cnmlab: \(name): 시뮬레이션하지 않습니다 (실제 호스트에는 있는 명령이지만 cnmlab이 흉내 내지 않습니다)"
            }
            if body.hasSuffix(featureSuffix) {
                let what = String(body.dropLast(featureSuffix.count))
                let (head, note) = splitNote(featureKorean[what] ?? what)
                let sentence = MessageTemplate.fill("{what:은} 시뮬레이션하지 않습니다", ["what": head])
                return "cnmlab: " + sentence + (note.map { " (" + (noteKorean[$0] ?? $0) + ")" } ?? "")
            }
            return String(line)
        }
        return lines.joined(separator: "\n")
    }

    /// `what (note)` as `what` and `note`, so the note can follow the verb in Korean.
    static func splitNote(_ what: String) -> (String, String?) {
        guard what.hasSuffix(")"), let open = what.range(of: " (", options: .backwards) else { return (what, nil) }
        return (String(what[..<open.lowerBound]), String(what[open.upperBound...].dropLast()))
    }

    /// The exit code in `the container exited with code N at once (…)`, if `body` is that note.
    static func exitedAtOnce(_ body: String) -> String? {
        let prefix = "the container exited with code "
        let suffix = " at once (its entrypoint needs configuration; the log lines it prints are not simulated)"
        guard body.hasPrefix(prefix), body.hasSuffix(suffix), body.count > prefix.count + suffix.count else { return nil }
        return String(body.dropFirst(prefix.count).dropLast(suffix.count))
    }
}
