/// A stand-in for the parts of an inspected swarm object cnmlab does not know
/// (a node's platform, resources, plugins and TLS certificate, the raft
/// version of a node, the replica count before an update). The value is built
/// with this marker in those places; if the printed output contains it, the
/// command answers "not simulated" instead of showing an invented value.
enum SwarmUnknownValue {
    static let marker = "\u{E000}cnmlab-unsimulated\u{E000}"

    static var value: TemplateValue { .string(marker) }

    static func appears(in output: CommandOutput) -> Bool {
        output.stdout.contains(marker) || output.stderr.contains(marker)
    }
}
