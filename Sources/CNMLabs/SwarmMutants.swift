/// Near-miss versions of the commands a swarm lab's solution types: the mistakes
/// a learner makes with services, overlay networks and several machines.
extension MutantGenerator {
    /// Calls `add(description, words)` for each swarm mutant of one solution line's words.
    static func swarmMutants(_ w: [String], line i: Int, machines: [String], _ add: (LabText, [String]) -> Void) {
        let n = i + 1
        // `ssh HOST …` on another of the lab's machines.
        if dockerStart(w) == 2, let k = machines.firstIndex(of: w[1]), machines.count > 1 {
            let other = machines[(k + 1) % machines.count]
            var nw = w
            nw[1] = other
            add(LabText.phrase(.mutantOtherMachine, other, w[1], String(n)), nw)
        }
        let o = dockerStart(w)
        guard w.count > o + 2, w[o] == "docker" else { return }
        let isNetworkCreate = w[o + 1] == "network" && w[o + 2] == "create"
        let isService = w[o + 1] == "service"
        for k in w.indices where k > o + 2 {
            let word = w[k]
            let (flag, value, inline) = split(w, k)
            if isService, flag == "--replicas", let value, let count = Int(value), (0...1_000_000).contains(count) {
                for wrong in [count - 1, count + 1] where wrong >= 0 {
                    add(LabText.phrase(.mutantReplicas, String(wrong), String(count), String(n)), replacing(w, k, flag, String(wrong), inline))
                }
            }
            if isService, flag == "--endpoint-mode", let value, ["vip", "dnsrr"].contains(value) {
                let other = value == "vip" ? "dnsrr" : "vip"
                add(LabText.phrase(.mutantEndpointMode, other, value, String(n)), replacing(w, k, flag, other, inline))
            }
            if isNetworkCreate, word == "--attachable" {
                var nw = w
                nw.remove(at: k)
                add(LabText.phrase(.mutantNoAttachable, String(n)), nw)
            }
            if isNetworkCreate, flag == "-o" || flag == "--opt", let value, value == "encrypted" || value.hasPrefix("encrypted=") {
                var nw = w
                nw.removeSubrange(k...(inline ? k : min(k + 1, w.count - 1)))
                add(LabText.phrase(.mutantNoEncryption, String(n)), nw)
            }
            if isNetworkCreate, flag == "-d" || flag == "--driver", value == "overlay" {
                add(LabText.phrase(.mutantBridgeNotOverlay, String(n)), replacing(w, k, flag, "bridge", inline))
            }
        }
        // `docker service scale NAME=N`: one replica too few or too many.
        if isService, w.count > o + 3, w[o + 2] == "scale" {
            for k in (o + 3)..<w.count {
                let parts = w[k].split(separator: "=", maxSplits: 1).map(String.init)
                guard parts.count == 2, let count = Int(parts[1]), (0...1_000_000).contains(count) else { continue }
                for wrong in [count - 1, count + 1] where wrong >= 0 {
                    var nw = w
                    nw[k] = parts[0] + "=\(wrong)"
                    add(LabText.phrase(.mutantScale, parts[0], String(wrong), String(count), String(n)), nw)
                }
            }
        }
    }

    /// `(flag, value, inline)` for word k: `--flag=value` (inline), `--flag value` or `-o value`.
    private static func split(_ w: [String], _ k: Int) -> (String, String?, Bool) {
        let word = w[k]
        if word.hasPrefix("--"), let eq = word.firstIndex(of: "=") {
            return (String(word[..<eq]), String(word[word.index(after: eq)...]), true)
        }
        guard word.hasPrefix("-") else { return ("", nil, false) }
        return (word, k + 1 < w.count ? w[k + 1] : nil, false)
    }

    private static func replacing(_ w: [String], _ k: Int, _ flag: String, _ value: String, _ inline: Bool) -> [String] {
        var nw = w
        if inline { nw[k] = flag + "=" + value } else if k + 1 < nw.count { nw[k + 1] = value }
        return nw
    }
}
