import CNMSim
/// Every sentence `why` prints, in one table per language so a translation is
/// one more table. `{0}`, `{1}`… are replaced by the arguments in order.
enum WhyMessages {
    enum Key: Hashable, CaseIterable {
        case usage, badFrom, notRunning, unknownTarget, header
        case routeConnected, routeVia, noRoute, local, bridged, entersHost, lanRouter
        case chainRule, chainPolicy, chainEnd, dnat, masquerade, hostLocal, hostForward, proxy, reply
        case deliveredService, deliveredHost, deliveredPing, refused, proxyFailed, unreachable
        case droppedRule, droppedPolicy, rejected, noHost, outside, unanswered
        case childLink, parentSwitches, childModeBlocks, lanToChild, childIsolation, segmentEnd, l3NoReturn, l3Unanswered
        case lanWire, overlaySwitch, vxlan, vxlanEncrypted, ipvs, ingressSandbox, onMachine, privateUnrouted, unroutedVerdict
    }

    static let english: [Key: String] = [
        .usage: "usage: why FROM TO[:PORT][/tcp|/udp]   (FROM/TO: a container, an IP, host, remote or a name)",
        .badFrom: "why: {0}: not a running container, an address of one, host, remote or a machine that hosts lists",
        .notRunning: "why: container {0} is not running (it has no network namespace)",
        .unknownTarget: "why: cannot resolve {0} from {1}",
        .header: "why: {0} -> {1} ({2})",
        .routeConnected: "{0} sends from {1} out {2} (the destination is on that link)",
        .routeVia: "{0} sends from {1} out {2} via gateway {3}",
        .noRoute: "{0} has no route to {1}",
        .local: "{1} is an address of {0} itself; the packet stays inside",
        .bridged: "bridge {0} switches the frame between two of its ports; br_netfilter runs the host's chains on it",
        .entersHost: "the packet enters the host's IP stack on {0}",
        .lanRouter: "the LAN router forwards it to the Docker host (192.168.1.100)",
        .chainRule: "{0} {1}: {2}  => {3}",
        .chainPolicy: "{0} {1}: no rule matched, policy {2}",
        .chainEnd: "{0} {1}: no rule matched, back to the calling chain",
        .dnat: "DNAT: destination {0} becomes {1}",
        .masquerade: "MASQUERADE: source {0} becomes {1}",
        .hostLocal: "the host's routing decision: {0} is a local address, so INPUT",
        .hostForward: "the host's routing decision: {0} goes out {1}, so FORWARD",
        .proxy: "docker-proxy listening on {0} accepts and connects to {1}:{2} itself",
        .reply: "the reply (conntrack state ESTABLISHED) goes back through:",
        .deliveredService: "Verdict: delivered to {0} ({1}), where {2} listens on {3}",
        .deliveredHost: "Verdict: delivered to {0} ({1})",
        .deliveredPing: "Verdict: delivered to {0} ({1}), which answers the echo request",
        .refused: "Verdict: not delivered — {0} ({1}) is reached but nothing listens on port {2}",
        .proxyFailed: "Verdict: not delivered — docker-proxy accepted, but could not reach the container",
        .unreachable: "Verdict: not delivered — Network is unreachable",
        .droppedRule: "Verdict: not delivered — dropped by {0}",
        .droppedPolicy: "Verdict: not delivered — dropped by a chain's DROP policy",
        .rejected: "Verdict: not delivered — rejected by {0}",
        .noHost: "Verdict: not delivered — no machine has the address {0}",
        .outside: "Verdict: delivered to {0}, outside the Docker host",
        .unanswered: "Verdict: not delivered — it left with the private source {0} (no MASQUERADE), so no reply can come back",
        .childLink: "the frame leaves through parent {0} ({1} {2} mode); the host's IP stack and iptables never see it",
        .parentSwitches: "{0} passes the frame straight to its other child (bridge mode)",
        .childModeBlocks: "{0} {1} mode does not let children of the same parent talk to each other",
        .lanToChild: "the LAN delivers the frame straight to the container's own interface on {0}; the host's iptables are not involved",
        .childIsolation: "the host and its own macvlan/ipvlan children on {0} cannot reach each other: the kernel never passes frames between a parent interface and its children (a macvlan shim interface on the host would be needed)",
        .segmentEnd: "only this host's children are on {0}; the LAN router and remote are not on that segment in this simulation",
        .l3NoReturn: "ipvlan l3 children answer no ARP, so nothing on the LAN can send to {0} (the LAN router would need a route to it via the Docker host)",
        .lanWire: "the frame crosses the LAN from {0} to {1} (machine {2}); the walk continues there",
        .overlaySwitch: "overlay {0}: the network's own bridge (br0 in its namespace) takes the frame; the host's iptables do not see it",
        .vxlan: "VXLAN: the frame is wrapped in UDP 4789 (VNI {1}) from node {2} to node {3} over the LAN ({0})",
        .vxlanEncrypted: "VXLAN inside IPsec ESP (encrypted overlay): UDP 4789 (VNI {1}) from node {2} to node {3}, encrypted ({0})",
        .ipvs: "IPVS (round robin) for {0}: this connection goes to backend {1} ({2} backends)",
        .ingressSandbox: "docker_gwbridge delivers to the node's ingress sandbox ({0}), the routing mesh's load balancer",
        .onMachine: "{0} on {1}",
        .unroutedVerdict: "Verdict: not delivered — nothing on the LAN or beyond routes {0}; the sender times out",
        .privateUnrouted: "the LAN router has no route to {0}: a private address that is not on the LAN (a bridge or overlay subnet exists only on the hosts that have it, an overlay only inside the overlay), and the internet does not carry it",
        .l3Unanswered: "Verdict: not delivered — the request left, but no reply can come back to {0}",
    ]

    static let korean: [Key: String] = [
        .usage: "사용법: why FROM TO[:PORT][/tcp|/udp]   (FROM/TO: 컨테이너, IP, host, remote 또는 이름)",
        .badFrom: "why: {0}: 실행 중인 컨테이너, 그 주소, host, remote, hosts에 나오는 머신 중 어느 것도 아닙니다",
        .notRunning: "why: 컨테이너 {0:이} 실행 중이 아닙니다 (네트워크 네임스페이스가 없습니다)",
        .unknownTarget: "why: {1}에서 {0}의 주소를 찾을 수 없습니다",
        .header: "why: {0} -> {1} ({2})",
        .routeConnected: "{0:이} {1}에서 {2:으로} 보냅니다 (목적지가 그 링크에 있습니다)",
        .routeVia: "{0:이} {1}에서 {2:으로}, 게이트웨이 {3:을} 거쳐 보냅니다",
        .noRoute: "{0}에는 {1:으로} 가는 경로가 없습니다",
        .local: "{1:은} {0} 자신의 주소이므로 패킷이 밖으로 나가지 않습니다",
        .bridged: "브리지 {0:이} 두 포트 사이에서 프레임을 전달합니다. br_netfilter 때문에 호스트의 체인이 적용됩니다",
        .entersHost: "패킷이 {0}에서 호스트의 IP 스택으로 들어옵니다",
        .lanRouter: "LAN 라우터가 패킷을 Docker 호스트(192.168.1.100)로 전달합니다",
        .chainRule: "{0} {1}: {2}  => {3}",
        .chainPolicy: "{0} {1}: 맞는 규칙이 없어 정책 {2}",
        .chainEnd: "{0} {1}: 맞는 규칙이 없어 호출한 체인으로 돌아갑니다",
        .dnat: "DNAT: 목적지 {0:이} {1:으로} 바뀝니다",
        .masquerade: "MASQUERADE: 출발지 {0:이} {1:으로} 바뀝니다",
        .hostLocal: "호스트의 라우팅 결정: {0:은} 로컬 주소이므로 INPUT",
        .hostForward: "호스트의 라우팅 결정: {0:은} {1:으로} 나가므로 FORWARD",
        .proxy: "{0}에서 듣고 있는 docker-proxy가 연결을 받아 직접 {1}:{2}에 연결합니다",
        .reply: "응답(conntrack 상태 ESTABLISHED)은 다음 경로로 돌아갑니다:",
        .deliveredService: "판정: 전달됨 — {0}({1})에서 {2:이} {3} 포트를 듣고 있습니다",
        .deliveredHost: "판정: 전달됨 — {0}({1})",
        .deliveredPing: "판정: 전달됨 — {0}({1}){:이} echo 요청에 응답합니다",
        .refused: "판정: 전달되지 않음 — {0}({1})에는 닿지만 {2}번 포트를 듣는 프로그램이 없습니다",
        .proxyFailed: "판정: 전달되지 않음 — docker-proxy가 연결을 받았지만 컨테이너에 닿지 못했습니다",
        .unreachable: "판정: 전달되지 않음 — Network is unreachable",
        .droppedRule: "판정: 전달되지 않음 — {0} 규칙이 버렸습니다",
        .droppedPolicy: "판정: 전달되지 않음 — 체인의 DROP 정책이 버렸습니다",
        .rejected: "판정: 전달되지 않음 — {0} 규칙이 거부했습니다",
        .noHost: "판정: 전달되지 않음 — {0} 주소를 가진 기기가 없습니다",
        .outside: "판정: Docker 호스트 밖의 {0}에 전달됨",
        .unanswered: "판정: 전달되지 않음 — 사설 출발지 {0} 그대로(MASQUERADE 없이) 나갔으므로 응답이 돌아올 수 없습니다",
        .childLink: "프레임이 부모 {0}({1} {2} 모드)로 나갑니다. 호스트의 IP 스택과 iptables는 이 프레임을 보지 않습니다",
        .parentSwitches: "{0:이} 프레임을 다른 자식에게 바로 넘깁니다 (bridge 모드)",
        .childModeBlocks: "{0}의 {1} 모드는 같은 부모의 자식끼리 통신하지 못하게 합니다",
        .lanToChild: "LAN이 프레임을 {0}에 있는 컨테이너 자신의 인터페이스로 바로 전달합니다. 호스트의 iptables는 관여하지 않습니다",
        .childIsolation: "호스트와 {0} 위의 자기 macvlan/ipvlan 자식은 서로 닿지 못합니다. 커널이 부모 인터페이스와 자식 사이에 프레임을 넘기지 않기 때문입니다 (호스트에 macvlan shim 인터페이스가 필요합니다)",
        .segmentEnd: "{0}에는 이 호스트의 자식만 있습니다. 이 시뮬레이션에서 LAN 라우터와 remote는 그 세그먼트에 없습니다",
        .l3NoReturn: "ipvlan l3 자식은 ARP에 응답하지 않으므로 LAN의 어떤 기기도 {0:으로} 보낼 수 없습니다 (LAN 라우터에 Docker 호스트를 거치는 경로가 있어야 합니다)",
        .lanWire: "프레임이 LAN을 건너 {0}에서 {1}(기기 {2}){:으로} 갑니다. 경로는 그 기기에서 이어집니다",
        .overlaySwitch: "오버레이 {0}: 네트워크 전용 브리지(자기 네임스페이스의 br0)가 프레임을 받습니다. 호스트의 iptables는 이 트래픽을 보지 않습니다",
        .vxlan: "VXLAN: 프레임을 UDP 4789(VNI {1})로 감싸 노드 {2}에서 노드 {3:으로} LAN을 건너 보냅니다 ({0})",
        .vxlanEncrypted: "IPsec ESP 안의 VXLAN(암호화 오버레이): UDP 4789(VNI {1}), 노드 {2}에서 노드 {3:으로}, 암호화되어 전달됩니다 ({0})",
        .ipvs: "{0}의 IPVS(라운드 로빈): 이번 연결은 백엔드 {1:으로} 갑니다 (백엔드 {2}개)",
        .ingressSandbox: "docker_gwbridge가 노드의 ingress 샌드박스({0}), 곧 라우팅 메시의 로드 밸런서로 전달합니다",
        .onMachine: "{1}의 {0}",
        .unroutedVerdict: "판정: 전달되지 않음 — LAN에도 그 너머에도 {0:으로} 가는 경로가 없어 보낸 쪽은 시간 초과를 겪습니다",
        .privateUnrouted: "LAN 라우터에는 {0:으로} 가는 경로가 없습니다. LAN에 없는 사설 주소이고(브리지나 overlay 서브넷은 그것을 가진 호스트에만, overlay는 overlay 안에만 있습니다), 인터넷은 사설 주소를 전달하지 않습니다",
        .l3Unanswered: "판정: 전달되지 않음 — 요청은 나갔지만 {0:으로} 응답이 돌아올 수 없습니다",
    ]

    /// The sentence for `key` in `language` (`en` or `ko`) with its arguments filled in.
    static func text(_ language: String, _ key: Key, _ args: String...) -> String {
        PlaceholderText.fill((language == "ko" ? korean[key] : nil) ?? english[key] ?? "", args)
    }
}
