import CNMSim

/// `hosts`: cnmlab's own listing of the simulated machines on the LAN — name,
/// address, swarm role and running containers — plus `remote`, the LAN
/// machine without Docker. Not a real program, so its text is cnmlab's.
enum HostsListing {
    static func run(_ args: [String], cluster: Cluster, current: Int, language: String) -> CommandOutput {
        guard args.isEmpty else { return .fail(language == "ko" ? "사용법: hosts\n" : "usage: hosts\n", code: 2) }
        let ko = language == "ko"
        var rows: [[String]] = [ko ? ["기기", "주소", "스웜", "실행 중 컨테이너"] : ["MACHINE", "ADDRESS", "SWARM", "RUNNING CONTAINERS"]]
        for (i, m) in cluster.machines.enumerated() {
            let role: String
            if let node = m.engine.swarmNode {
                role = node.role == .manager ? (node.leader ? "manager (leader)" : "manager") : "worker"
            } else {
                role = "-"
            }
            let running = m.engine.containers.values.filter(\.isRunning).count
            rows.append([(i == current ? "* " : "  ") + m.name, m.address.description, role, String(running)])
        }
        rows.append(["  remote", KernelView.remoteAddress.description, "-", ko ? "(Docker 없음)" : "(no Docker)"])
        rows[0][0] = "  " + rows[0][0]
        let text = rows.map { $0.joined(separator: "\t") + "\n" }.joined()
        return .ok(GoTabWriter.format(text, minWidth: 0))
    }
}
