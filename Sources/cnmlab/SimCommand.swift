import ArgumentParser
import CNMShell
import CNMCommands
import CNMSim
import CNMLabs
#if canImport(Glibc)
import Glibc
#endif

/// `cnmlab sim`: runs command lines on a fresh simulated host and prints what a terminal would show.
struct SimCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sim",
        abstract: "Run commands on a fresh simulated Docker host.",
        discussion: """
        Reads commands from FILE (or standard input when FILE is '-' or absent), one line at a time, \
        and prints what a terminal would show. With --json, prints one JSON object per command line \
        with the keys command, exitCode, stdout and stderr. The same seed always gives the same output.
        Exit status: the exit code of the last command line.
        """
    )

    @Argument(help: "A file of commands, or '-' for standard input.")
    var file: String?

    @Flag(help: "Print one JSON object per command line (JSON Lines).")
    var json = false

    @Option(help: "Seed for IDs, MAC addresses and random ports.")
    var seed: UInt64 = 0

    @Flag(help: "Echo each command after a '$ ' prompt (ignored with --json).")
    var echo = false

    @Flag(help: "Add the course's extra machines manager1, worker1 and worker2 (192.168.1.101-103) to the LAN.")
    var hosts = false

    @Option(name: .customLong("host"), help: ArgumentHelp(
        "Add a machine to the LAN, NAME or NAME=IP (repeatable; with --hosts, after the course's three).",
        valueName: "name[=ip]"))
    var extraHosts: [String] = []

    func run() throws {
        let input: [UInt8]
        if let file, file != "-" {
            guard let bytes = InputReader.readFile(file) else {
                throw ValidationError("cannot read \(file)")
            }
            input = bytes
        } else {
            input = InputReader.readStandardInput()
        }
        var machines: [HostSpec] = []
        if hosts || !extraHosts.isEmpty {
            switch HostList.parse((hosts ? Cluster.courseHosts.map(\.name) : []) + extraHosts) {
            case .success(let list): machines = list
            case .failure(let e): throw ValidationError("--host: \(e)")
            }
        }
        var sim = Simulator(seed: seed, hosts: machines)
        var lastCode: Int32 = 0
        for line in LineSplitter.commandLines(input) {
            let out = sim.run(bytes: line)
            lastCode = out.exitCode
            if json {
                let text = String(decoding: line, as: UTF8.self)
                Output.write(JSONLine.encode(command: text, output: out) + "\n", to: 1)
            } else {
                if echo { Output.write("$ " + String(decoding: line, as: UTF8.self) + "\n", to: 1) }
                for s in out.segments { Output.write(s.text, to: s.stream == .stdout ? 1 : 2) }
            }
        }
        if lastCode != 0 { throw ExitCode(lastCode) }
    }
}
