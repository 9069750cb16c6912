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
        abstract: HelpLanguage.text(ko: "새로 시뮬레이션한 Docker 호스트에서 명령을 실행합니다.", en: "Run commands on a fresh simulated Docker host."),
        discussion: HelpLanguage.text(ko: """
            FILE(FILE이 '-'이거나 없으면 표준 입력)에서 명령을 한 줄씩 읽고 \
            터미널이 보여 줄 것을 출력합니다. --json이면 명령 줄마다 command, exitCode, stdout, stderr \
            키를 가진 JSON 객체 하나를 출력합니다. 같은 시드는 언제나 같은 출력을 줍니다.
            종료 상태: 마지막 명령 줄의 종료 코드.
            """, en: """
            Reads commands from FILE (or standard input when FILE is '-' or absent), one line at a time, \
            and prints what a terminal would show. With --json, prints one JSON object per command line \
            with the keys command, exitCode, stdout and stderr. The same seed always gives the same output.
            Exit status: the exit code of the last command line.
            """)
    )

    @Argument(help: HelpLanguage.help(ko: "명령 파일, 또는 표준 입력을 뜻하는 '-'.", en: "A file of commands, or '-' for standard input."))
    var file: String?

    @Flag(help: HelpLanguage.help(ko: "명령 줄마다 JSON 객체 하나를 출력합니다 (JSON Lines).", en: "Print one JSON object per command line (JSON Lines)."))
    var json = false

    @Option(help: HelpLanguage.help(ko: "ID, MAC 주소, 무작위 포트를 만드는 시드.", en: "Seed for IDs, MAC addresses and random ports."))
    var seed: UInt64 = 0

    @Flag(help: HelpLanguage.help(ko: "각 명령을 '$ ' 프롬프트 뒤에 다시 보여 줍니다 (--json이면 무시).", en: "Echo each command after a '$ ' prompt (ignored with --json)."))
    var echo = false

    @Flag(help: HelpLanguage.help(ko: "과정에서 쓰는 추가 머신 manager1, worker1, worker2(192.168.1.101-103)를 LAN에 더합니다.", en: "Add the course's extra machines manager1, worker1 and worker2 (192.168.1.101-103) to the LAN."))
    var hosts = false

    @Option(name: .customLong("host"), help: ArgumentHelp(
        HelpLanguage.text(ko: "LAN에 머신을 더합니다. NAME 또는 NAME=IP (여러 번 쓸 수 있음. --hosts와 함께 쓰면 과정의 세 머신 다음에 옵니다).", en: "Add a machine to the LAN, NAME or NAME=IP (repeatable; with --hosts, after the course's three)."),
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
