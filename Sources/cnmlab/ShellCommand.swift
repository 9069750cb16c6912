import CNMSim
import ArgumentParser
import CNMFileSystem
import CNMShell
import CNMLabs
import CNMProgress
#if canImport(Glibc)
import Glibc
#endif

/// `cnmlab shell` (and `cnmlab` with no arguments): the interactive, line-edited shell.
struct ShellCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shell",
        abstract: HelpLanguage.text(ko: "시뮬레이션한 Docker 호스트에서 대화형 셸을 엽니다.", en: "Open the interactive shell on a simulated Docker host."),
        discussion: HelpLanguage.text(ko: """
            터미널에서는 셸이 libedit로 줄을 편집합니다 (기록, Ctrl-R, TAB 완성). \
            표준 입력이 터미널이 아니면 보통 줄을 읽고 이스케이프 코드를 출력하지 않아 \
            스크립트로 다룰 수 있습니다. NO_COLOR나 --no-color는 색을 끕니다.
            """, en: """
            On a terminal the shell edits lines with libedit (history, Ctrl-R, TAB completion). \
            When standard input is not a terminal it reads plain lines and prints no escape codes, \
            so scripts can drive it. NO_COLOR or --no-color turns colour off.
            """)
    )

    @Option(help: HelpLanguage.help(ko: "셸 메시지의 언어: ko 또는 en (기본값: CNMLAB_LANG, LC_ALL, LC_MESSAGES, LANG에서 정합니다).", en: "Language of the shell's messages: ko or en (default: from CNMLAB_LANG, LC_ALL, LC_MESSAGES, LANG)."))
    var lang: String?

    @Option(help: HelpLanguage.help(ko: "이 실습을 시작(또는 이어서)합니다.", en: "Start (or resume) this lab."))
    var lab: String?

    @Option(help: HelpLanguage.help(ko: "진도를 기록할 학습자 이름 (기본값: $USER).", en: "Learner name under which progress is recorded (default: $USER)."))
    var learner: String?

    @OptionGroup var labSource: LabSourceOption

    @Option(help: ArgumentHelp(HelpLanguage.text(ko: "theory가 내장 교재 대신 읽을 교재 폴더 (ko/*.md, en/*.md).", en: "A folder of course text (ko/*.md, en/*.md) for theory, instead of the built-in one."), valueName: "DIR"))
    var curriculum: String?

    @Option(help: HelpLanguage.help(ko: "진도 데이터베이스 (기본값: $XDG_DATA_HOME/cnmlab/progress.sqlite).", en: "Progress database (default: $XDG_DATA_HOME/cnmlab/progress.sqlite)."))
    var db: String?

    @Flag(help: HelpLanguage.help(ko: "실습 없이 자유롭게 연습합니다. 아무것도 기록하지 않습니다.", en: "Free practice without a lab; nothing is recorded."))
    var sandbox = false

    @Flag(help: HelpLanguage.help(ko: "출력에 색을 쓰지 않습니다.", en: "Do not colour output."))
    var noColor = false

    @Option(help: HelpLanguage.help(ko: "ID, MAC 주소, 무작위 포트를 만드는 시드.", en: "Seed for IDs, MAC addresses and random ports."))
    var seed: UInt64 = 0

    @Flag(help: HelpLanguage.help(ko: "다른 터미널의 실제 docker 클라이언트가 쓰도록 이 셸 호스트의 Docker Engine API를 제공합니다 (docs/engine-api.md).", en: "Serve the Docker Engine API for this shell's host, for the real docker client in another terminal (docs/engine-api.md)."))
    var engine = false

    @Option(name: .customLong("engine-socket"), help: HelpLanguage.help(ko: "--engine의 소켓 (기본값: $XDG_RUNTIME_DIR/cnmlab-shell.sock 또는 /tmp/cnmlab-shell-UID.sock).", en: "Socket for --engine (default: $XDG_RUNTIME_DIR/cnmlab-shell.sock or /tmp/cnmlab-shell-UID.sock)."))
    var engineSocket: String?

    @Option(name: .customLong("host"), help: ArgumentHelp(
        HelpLanguage.text(ko: "샌드박스 LAN의 추가 머신, NAME 또는 NAME=IP (여러 번 쓸 수 있음. 기본값: manager1, worker1, worker2).", en: "An extra machine on the sandbox's LAN, NAME or NAME=IP (repeatable; default: manager1, worker1, worker2)."),
        valueName: "name[=ip]"))
    var hosts: [String] = []

    func run() throws {
        var env: [String: String] = [:]
        for key in Language.environmentKeys + ["NO_COLOR", "HOME", "XDG_STATE_HOME", "XDG_DATA_HOME", "USER",
                    "COLUMNS", "LINES", "PAGER"] {
            if let v = getenv(key) { env[key] = String(cString: v) }
        }
        var options = ShellRunner.Options(interactive: isatty(0) == 1)
        if let lang {
            options.language = try OptionChoice.pick(Language.self, lang, option: "--lang", command: "shell",
                                                     locale: Language.fromEnvironment(env))
        } else {
            options.language = Language.fromEnvironment(env)
        }
        options.seed = seed
        options.sandbox = sandbox
        options.color = ShellRunner.wantsColor(noColorFlag: noColor, environment: env)
        options.historyPath = options.interactive ? ShellRunner.defaultHistoryPath(environment: env) : nil
        if sandbox {
            options.labs = labSource.library().labs
        } else {
            options.labs = try labSource.labs(options.language)
        }
        options.curriculum = curriculum.map { CurriculumFolder(root: $0, files: DiskFiles()) }
        options.environment = env
        options.learner = learner ?? env["USER"].flatMap { $0.isEmpty ? nil : $0 } ?? "learner"
        options.startLab = lab
        // --lab takes a lab file as well as an id, as every lab argument does.
        if let ref = lab, LabReference.looksLikeFile(ref, files: DiskFiles()) {
            let file = try LabCLI.lab(ref, library: labSource.library(), locale: options.language,
                                      command: "shell")
            options.labs.removeAll { $0.id == file.id }
            options.labs.append(file)
            options.startLab = file.id
        }
        options.engine = engine || engineSocket != nil
        options.engineSocket = engineSocket
        if !hosts.isEmpty {
            switch HostList.parse(hosts) {
            case .success(let list): options.hosts = list
            case .failure(let e): throw ValidationError("--host: \(e)")
            }
        }
        if !sandbox {
            do {
                options.store = try ProgressStore(path: db ?? ProgressStore.defaultPath(environment: env))
            } catch {
                throw ValidationError("\(error) (use --sandbox to practise without recording)")
            }
        }
        let code = ShellRunner.run(options)
        if code != 0 { throw ExitCode(code) }
    }
}
