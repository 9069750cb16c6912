import CNMSim

/// The Korean texts of cnmlab's "not simulated" lines (`NotSimulated.localize`): programs write
/// these lines in English, below any language choice, and a Korean session reads them through
/// this table. Three kinds of entry:
/// - `phrases`: a description given whole (`a web server outside the Docker host`);
/// - `patterns`: a description with parts taken from the command line, as a pair of
///   `MessageTemplate` templates (`{x}` in English, the same names in Korean, particles as
///   `{x:은}`), matched with `MessageTemplate.match`;
/// - `notes`: the remark in brackets after a description, or a whole-line note.
/// A description that is a command line as typed (`tail -n 5`) has no entry and stays as it is.
enum NotSimulatedKorean {
    /// The Korean for a description, from `phrases` or `patterns`; nil when it has none.
    static func phrase(_ english: String) -> String? {
        if let k = phrases[english] { return k }
        return translate(english, patterns)
    }

    /// The Korean for a note, from `notes` or `notePatterns`; nil when it has none.
    static func note(_ english: String) -> String? {
        if let k = notes[english] { return k }
        return translate(english, notePatterns)
    }

    static func translate(_ english: String, _ table: [(en: String, ko: String)]) -> String? {
        for entry in table {
            if let values = MessageTemplate.match(entry.en, english) { return MessageTemplate.fill(entry.ko, values) }
        }
        return nil
    }

    /// Korean for the descriptions `feature` is given that are phrases rather than a command line
    /// (a command line such as `tail -n 5` stays as typed).
    static let phrases: [String: String] = [
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
        "curl -w with %{remote_ip}, %{remote_port}, %{method} or %{num_connects} after a failed transfer":
            "실패한 전송 뒤 curl -w의 %{remote_ip}, %{remote_port}, %{method}, %{num_connects}",
        "curl -b FILE (cookie files)": "curl -b 파일 (쿠키 파일)",
        "a load balancer on another machine of the LAN (run the client on the proxy's machine)": "LAN의 다른 머신에 있는 로드 밸런서 (프록시가 있는 머신에서 클라이언트를 실행하세요)",
        "dig's full output (use dig +short NAME)": "dig의 전체 출력 (dig +short 이름을 쓰세요)",
        "nginx on the host": "호스트의 nginx",
        "haproxy on the host": "호스트의 haproxy",
        "starting a second nginx inside the container": "컨테이너 안에서 nginx를 하나 더 시작하기",
        "starting a second haproxy inside the container": "컨테이너 안에서 haproxy를 하나 더 시작하기",
        "haproxy's usage text": "haproxy의 사용법 안내",
        "haproxy with several -f files": "-f 파일이 여러 개인 haproxy",
        "dig's full output for an answer without records": "레코드 없는 응답에 대한 dig의 전체 출력",
        "tail -f (following a file never ends)": "tail -f (파일 따라가기는 끝나지 않습니다)",
        "sleep infinity in the foreground (it never ends)": "포그라운드의 sleep infinity (끝나지 않습니다)",
        "grep on files": "파일에 대한 grep",
        "busybox head on a folder": "폴더에 대한 busybox head",
        "busybox tail on a folder": "폴더에 대한 busybox tail",
        "busybox wc on a folder": "폴더에 대한 busybox wc",
        "busybox head with an option after a file": "파일 뒤에 옵션이 오는 busybox head",
        "busybox tail with an option after a file": "파일 뒤에 옵션이 오는 busybox tail",
        "busybox wc with an option after a file": "파일 뒤에 옵션이 오는 busybox wc",
        "wc -m, -L or -w over non-ASCII text": "ASCII가 아닌 글자에 대한 wc -m, -L, -w",
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
        "sysctl without a key": "키 없는 sysctl",
        "getent without a database": "데이터베이스 없는 getent",
        "getent hosts without a key (listing the whole database)": "키 없는 getent hosts (데이터베이스 전체 목록)",
        "ip without an object (usage text)": "객체 없는 ip (사용법 출력)",
        "sudo without a command (its usage text)": "명령 없는 sudo (사용법 출력)",
        "hostname -I here": "여기서의 hostname -I",
    ]

    /// Korean for cnmlab's whole-line notes inside program output (after `cnmlab: `), and for the
    /// notes in brackets after a command line given to `feature`.
    static let notes: [String: String] = [
        "only host NAME is simulated": "host 이름 형태만 시뮬레이션합니다",
        "only route -n is simulated": "route -n만 시뮬레이션합니다",
        "only dev DEV is simulated": "dev 장치 형태만 시뮬레이션합니다",
        "changing or querying single neighbour entries": "이웃 항목 하나를 바꾸거나 조회하기",
        "changing the ARP table": "ARP 테이블 바꾸기",
        "changing the host's links, e.g. a macvlan shim": "호스트의 링크 바꾸기, 예: macvlan shim",
        "busybox's ip has no brief mode": "busybox의 ip에는 brief 모드가 없습니다",
        "usage text": "사용법 출력",
        "use dig +short NAME": "dig +short 이름을 쓰세요",
        "busybox's hostname has no -I; its usage text": "busybox의 hostname에는 -I가 없습니다. 사용법 출력",
        "Docker writes it; cnmlab derives it": "Docker가 쓰는 파일로, cnmlab은 상태에서 계산해 보여 줍니다",
        "cnmlab models only some of the files there": "cnmlab은 그곳의 파일 중 일부만 모델링합니다",
        "the real tool prints read errors, then times out": "실제 도구는 읽기 오류를 출력한 뒤 시간 초과로 끝납니다",
        "one ping or curl command": "ping이나 curl 명령 하나만 됩니다",
        "its curl 8 version is not pinned": "이미지의 curl 8 버전을 특정하지 않았습니다",
        "following a container's output": "컨테이너 출력 따라가기",
        "a tar stream": "tar 스트림",
        "it depends on the locale": "로캘에 따라 달라집니다",
        "cluster volumes": "클러스터 볼륨",
        "the local driver's mount options": "local 드라이버의 마운트 옵션",
        "platform, resources, plugins, TLS certificate": "플랫폼, 자원, 플러그인, TLS 인증서",
        "this form of time": "이 형태의 시간",
        "its Services section": "Services 항목",
        "setting a policy's counters": "정책의 카운터 설정",
        "counting only": "세기만 하는 규칙",
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

    /// Descriptions with parts from the command line, tried in order (the first that fits wins).
    static let patterns: [(en: String, ko: String)] = [
        ("'{x}' inside a container", "컨테이너 안의 '{x}'"),
        ("docker cp of {x} (the image's other files there are not modelled)",
         "{x}의 docker cp (그곳에 있는 이미지의 다른 파일은 모델링하지 않았습니다)"),
        ("'{x}' in a shell script, in an image other than busybox, alpine and ubuntu, or linked (--link) to one",
         "셸 스크립트 안, busybox, alpine, ubuntu가 아닌 이미지, 또는 그런 이미지에 --link로 연결된 컨테이너의 '{x}'"),
        ("'{x}' on remote", "remote의 '{x}'"),
        ("that command line on remote", "remote에서의 그 명령 줄"),
        ("the help text of '{x}'", "'{x}'의 도움말"),
        ("the shell builtin '{x}'", "셸 내장 명령 '{x}'"),
        ("busybox {x}'s usage text", "busybox {x}의 사용법 출력"),
        ("nslookup's usage message", "nslookup의 사용법 메시지"),
        ("printf's %{x} conversion", "printf의 %{x} 변환"),
        ("curl -w variable %{{x}}", "curl -w 변수 %{{x}}"),
        ("curl -v in this image", "이 이미지의 curl -v"),
        ("nslookup against {x}, where no DNS server listens", "DNS 서버가 없는 {x}에 대한 nslookup"),
        ("changing {x}", "{x} 바꾸기"),
        ("removing {x}", "{x} 지우기"),
        ("listing {x}", "{x} 목록"),
        ("{x} with arguments", "인자가 있는 {x}"),
        ("{x} options {y}", "{x} 옵션 {y}"),
        ("{x} option {y}", "{x} 옵션 {y}"),
        ("the iptables {x} table", "iptables의 {x} 테이블"),
        ("the iptables conntrack option {x}", "iptables conntrack 옵션 {x}"),
        ("the iptables option {x}", "iptables 옵션 {x}"),
        ("the iptables target {x}", "iptables 타깃 {x}"),
        ("iptables match module '{x}'", "iptables 매치 모듈 '{x}'"),
        ("an iptables rule without -j", "-j 없는 iptables 규칙"),
        ("the volume driver {x}", "볼륨 드라이버 {x}"),
        ("docker global option {x}", "docker 전역 옵션 {x}"),
        ("a second swarm on the same LAN", "같은 LAN의 두 번째 swarm"),
        ("a service of an image outside cnmlab's catalogue", "cnmlab 목록에 없는 이미지의 서비스"),
        ("a service of more than {x} replicas", "복제본이 {x}개보다 많은 서비스"),
        ("the PreviousSpec replica count of an updated service", "갱신된 서비스의 PreviousSpec 복제본 수"),
        ("a node's raft version, platform, resources, plugins and TLS certificate in docker node inspect",
         "docker node inspect의 raft 버전, 플랫폼, 자원, 플러그인, TLS 인증서"),
        ("an interactive shell from `docker exec -it` outside the cnmlab shell", "cnmlab 셸 밖에서 `docker exec -it`로 여는 대화형 셸"),
        ("redirection `{x}'", "리디렉션 `{x}'"),
        ("background jobs (`&')", "백그라운드 작업(`&')"),
        ("background jobs", "백그라운드 작업"),
        ("subshells `( … )'", "서브셸 `( … )'"),
        ("arithmetic expansion `$(( … ))'", "산술 확장 `$(( … ))'"),
        ("parameter expansion `{x}'", "매개변수 확장 `{x}'"),
    ]

    /// Notes with parts from the command line.
    static let notePatterns: [(en: String, ko: String)] = [
        ("a full-screen editor; write the file with a here-document: {x}",
         "전체 화면 편집기입니다. 파일은 here-document로 쓰세요: {x}"),
        ("syntax error: unexpected end of file (the here-document has no `{x}` line)",
         "문법 오류: 입력이 예상보다 일찍 끝났습니다 (here-document에 `{x}` 줄이 없습니다)"),
    ]
}
