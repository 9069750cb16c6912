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
        abstract: "Open the interactive shell on a simulated Docker host.",
        discussion: """
        On a terminal the shell edits lines with libedit (history, Ctrl-R, TAB completion). \
        When standard input is not a terminal it reads plain lines and prints no escape codes, \
        so scripts can drive it. NO_COLOR or --no-color turns colour off.
        """
    )

    @Option(help: "Language of the shell's messages: ko or en (default: from CNMLAB_LANG, LC_ALL, LC_MESSAGES, LANG).")
    var lang: String?

    @Option(help: "Start (or resume) this lab.")
    var lab: String?

    @Option(help: "Learner name under which progress is recorded (default: $USER).")
    var learner: String?

    @OptionGroup var labSource: LabSourceOption

    @Option(help: ArgumentHelp("A folder of course text (ko/*.md, en/*.md) for theory, instead of the built-in one.", valueName: "DIR"))
    var curriculum: String?

    @Option(help: "Progress database (default: $XDG_DATA_HOME/cnmlab/progress.sqlite).")
    var db: String?

    @Flag(help: "Free practice without a lab; nothing is recorded.")
    var sandbox = false

    @Flag(help: "Do not colour output.")
    var noColor = false

    @Option(help: "Seed for IDs, MAC addresses and random ports.")
    var seed: UInt64 = 0

    @Flag(help: "Serve the Docker Engine API for this shell's host, for the real docker client in another terminal (docs/engine-api.md).")
    var engine = false

    @Option(name: .customLong("engine-socket"), help: "Socket for --engine (default: $XDG_RUNTIME_DIR/cnmlab-shell.sock or /tmp/cnmlab-shell-UID.sock).")
    var engineSocket: String?

    @Option(name: .customLong("host"), help: ArgumentHelp(
        "An extra machine on the sandbox's LAN, NAME or NAME=IP (repeatable; default: manager1, worker1, worker2).",
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
        options.color = !noColor && env["NO_COLOR"] == nil
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
