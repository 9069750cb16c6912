import Foundation
import CNMCommands
import CNMSim

/// A near-miss version of a step's reference solution, for checking that the
/// step's checks can tell right from almost right.
public struct Mutant: Sendable, Hashable {
    /// What was changed (`drop command 2: docker run …`, `misspell 'web' as 'wbe'`…), in both languages.
    public var text: LabText
    public var lines: [String]
    /// The solution line it changes or drops (0-based); nil when it adds lines after the solution.
    public var line: Int?

    public init(text: LabText, lines: [String], line: Int? = nil) {
        self.text = text; self.lines = lines; self.line = line
    }

    /// What was changed, in English.
    public var description: String { text.en }
}

/// Generates near-miss solutions: drop a command, use the default bridge,
/// misspell a name, publish a wrong port, use a wrong network, forget an alias;
/// for swarm labs also: one replica too few or too many, the other endpoint mode,
/// an overlay without `--attachable` or `encrypted`, a bridge instead of an overlay,
/// and a command run over `ssh` on another of the lab's machines.
public enum MutantGenerator {
    static let networkFlags = ["--network", "--net"]
    static let aliasFlags = ["--network-alias", "--net-alias", "--alias"]
    static let publishFlags = ["-p", "--publish"]

    /// The mutants of `solution`; `engine` is the state before it (for other networks to pick);
    /// `machines` are the lab's machines an `ssh HOST …` line may be moved to (docker-host's peers).
    /// `mentioned`: the texts of the step's checks; when given, a name is misspelt or an alias left
    /// out only when the checks mention it (with roles, a learner may pick any name).
    public static func mutants(of solution: [String], engine: Engine, machines: [String] = [],
                               mentioned: [String]? = nil) -> [Mutant] {
        func matters(_ name: String) -> Bool { mentioned.map { $0.contains { $0.contains(name) } } ?? true }
        var out: [Mutant] = []
        var seen: Set<[String]> = [solution]
        var current = 0
        func add(_ text: LabText, _ lines: [String]) {
            if seen.insert(lines).inserted { out.append(Mutant(text: text, lines: lines, line: current)) }
        }
        for (i, line) in solution.enumerated() {
            var dropped = solution
            dropped.remove(at: i)
            current = i
            add(LabText.phrase(.mutantDrop, String(i + 1), line), dropped)
        }
        let words = solution.map(simpleWords)
        let otherNetworks = engine.allNetworks.filter { $0.isUserDefined }.map(\.name)
        let created = words.compactMap { $0 }.compactMap(createdNetwork)
        for (i, w) in words.enumerated() {
            guard let w else { continue }
            current = i
            let n = String(i + 1)
            func replace(_ k: Int, with value: String?, _ description: LabText) {
                var nw = w
                if let value { nw[k] = value } else { nw.remove(at: k) }
                var lines = solution
                lines[i] = render(nw)
                add(description, lines)
            }
            func replaceFlagValue(_ k: Int, _ value: String, _ description: LabText) {
                // `--flag value` (value at k+1) or `--flag=value` (at k).
                var nw = w
                if let eq = w[k].firstIndex(of: "=") { nw[k] = String(w[k][..<eq]) + "=" + value } else { nw[k + 1] = value }
                var lines = solution
                lines[i] = render(nw)
                add(description, lines)
            }
            for k in w.indices {
                let (flag, value) = flagValue(w, k)
                guard let flag, let value else { continue }
                if networkFlags.contains(flag), !["bridge", "host", "none"].contains(value), !value.hasPrefix("container:") {
                    replaceFlagValue(k, "bridge", LabText.phrase(.mutantDefaultBridge, value, n))
                    let others = (otherNetworks + created).filter { $0 != value }
                    if let other = others.first { replaceFlagValue(k, other, LabText.phrase(.mutantOtherNetwork, other, value, n)) }
                }
                if aliasFlags.contains(flag), matters(value) {
                    var nw = w
                    if w[k].contains("=") { nw.remove(at: k) } else { nw.removeSubrange(k...k + 1) }
                    var lines = solution
                    lines[i] = render(nw)
                    add(LabText.phrase(.mutantForgetAlias, value, n), lines)
                    replaceFlagValue(k, misspell(value), LabText.phrase(.mutantMisspellAlias, value, misspell(value), n))
                }
                if flag == "--name", matters(value) {
                    replaceFlagValue(k, misspell(value), LabText.phrase(.mutantMisspellName, value, misspell(value), n))
                }
                if publishFlags.contains(flag) {
                    for wrong in wrongPorts(value) {
                        replaceFlagValue(k, wrong, LabText.phrase(.mutantPublish, wrong, value, n))
                    }
                }
            }
            func replaceLine(_ description: LabText, _ nw: [String]) {
                var lines = solution
                lines[i] = render(nw)
                add(description, lines)
            }
            swarmMutants(w, line: i, machines: machines, replaceLine)
            iptablesMutants(w, line: i, engine: engine, replaceLine)
            urlPortMutants(w, line: i, replaceLine)
            if let name = createdNetwork(w), let k = w.lastIndex(of: name), matters(name) {
                replace(k, with: misspell(name), LabText.phrase(.mutantMisspellNetwork, name, misspell(name), n))
            }
            // `docker network connect NET C`: the default bridge or another network instead.
            let o = dockerStart(w)
            if w.count >= o + 5, w[o] == "docker", w[o + 1] == "network", w[o + 2] == "connect" {
                let positional = positionals(Array(w[(o + 3)...]))
                if let net = positional.first, let k = w.lastIndex(of: net), !["bridge", "host", "none"].contains(net) {
                    replace(k, with: "bridge", LabText.phrase(.mutantDefaultBridge, net, n))
                    if let other = (otherNetworks + created).first(where: { $0 != net }) {
                        replace(k, with: other, LabText.phrase(.mutantOtherNetwork, other, net, n))
                    }
                }
            }
        }
        return out
    }

    /// The words of a line that is one simple command without substitutions; nil otherwise.
    static func simpleWords(_ line: String) -> [String]? {
        guard case .complete(let parsed) = ShellLine.parse(line), parsed.items.count == 1,
              parsed.items[0].pipeline.count == 1 else { return nil }
        let cmd = parsed.items[0].pipeline[0]
        guard !cmd.words.contains(where: \.hasCommandSubstitution),
              case .success(let words) = cmd.expand() else { return nil }
        return words
    }

    /// `(flag, value)` when word k is `--flag value` or `--flag=value`.
    static func flagValue(_ w: [String], _ k: Int) -> (String?, String?) {
        let word = w[k]
        guard word.hasPrefix("-") else { return (nil, nil) }
        if let eq = word.firstIndex(of: "="), word.hasPrefix("--") {
            return (String(word[..<eq]), String(word[word.index(after: eq)...]))
        }
        let takesValue = networkFlags + aliasFlags + publishFlags + ["--name"]
        if takesValue.contains(word), k + 1 < w.count { return (word, w[k + 1]) }
        return (nil, nil)
    }

    /// The network a `docker network create` line (possibly behind `ssh HOST`) creates.
    static func createdNetwork(_ w: [String]) -> String? {
        let o = dockerStart(w)
        guard w.count >= o + 4, w[o] == "docker", w[o + 1] == "network", w[o + 2] == "create" else { return nil }
        return positionals(Array(w[(o + 3)...])).last
    }

    /// Where the command starts in `ssh HOST COMMAND…` (2), or 0 for a command typed on docker-host.
    static func dockerStart(_ w: [String]) -> Int {
        w.count > 2 && w[0] == "ssh" && !w[1].hasPrefix("-") ? 2 : 0
    }

    /// Words that are not flags or flag values (flags that take a value are the long ones without `=`,
    /// plus the short ones docker network create/connect know).
    static func positionals(_ args: [String]) -> [String] {
        let valued: Set<String> = ["-d", "--driver", "--subnet", "--gateway", "--ip-range", "-o", "--opt", "--label",
                                   "--ipam-driver", "--ipam-opt", "--aux-address", "--scope", "--config-from",
                                   "--ip", "--ip6", "--alias", "--link", "--link-local-ip", "--driver-opt",
                                   "--gw-priority"]
        var out: [String] = []
        var skip = false
        for a in args {
            if skip { skip = false; continue }
            if a.hasPrefix("-") { if valued.contains(a) { skip = true }; continue }
            out.append(a)
        }
        return out
    }

    /// A near-miss spelling: the last two characters swapped, or an extra letter.
    static func misspell(_ s: String) -> String {
        var c = Array(s)
        if c.count >= 2, c[c.count - 1] != c[c.count - 2] {
            c.swapAt(c.count - 1, c.count - 2)
            return String(c)
        }
        return s + "x"
    }

    /// `8080:80` → `8081:80` and `8080:81`; `80` → `81`.
    static func wrongPorts(_ spec: String) -> [String] {
        var parts = spec.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        var out: [String] = []
        for idx in parts.indices.suffix(2) {
            var p = parts
            let (num, rest) = splitProto(p[idx])
            guard let n = Int(num), (0...65535).contains(n) else { continue }
            p[idx] = String(n == 65535 ? n - 1 : n + 1) + rest
            out.append(p.joined(separator: ":"))
        }
        parts.removeAll()
        return out
    }

    static func splitProto(_ s: String) -> (String, String) {
        guard let slash = s.firstIndex(of: "/") else { return (s, "") }
        return (String(s[..<slash]), String(s[slash...]))
    }

    /// Words back into a line, single-quoting any word a shell would split or expand.
    static func render(_ words: [String]) -> String {
        words.map { w in
            let safe = !w.isEmpty && w.unicodeScalars.allSatisfy {
                ($0 >= "a" && $0 <= "z") || ($0 >= "A" && $0 <= "Z") || ($0 >= "0" && $0 <= "9") || "_./:=@%+,-".unicodeScalars.contains($0)
            }
            return safe ? w : "'" + w.replacingOccurrences(of: "'", with: "'\\''") + "'"
        }.joined(separator: " ")
    }
}
