import ArgumentParser

/// The `cnmlab` program: courseware for Docker networking on a simulated Docker 28.2 host.
@main
struct CNMLab: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "cnmlab",
        abstract: "Learn Docker networking by doing, on a simulated Docker 28.2 host.",
        discussion: """
        The labs and the course text are built into cnmlab: it finds them from any folder. --labs DIR \
        (on the commands that read labs) uses the labs of DIR instead of the built-in ones; \
        CNMLAB_LABS=DIR[:DIR...] adds the labs of those folders to the built-in ones (a lab whose id is \
        built in replaces it). --curriculum DIR reads the course text from DIR/ko and DIR/en.
        Progress is kept in $XDG_DATA_HOME/cnmlab/progress.sqlite (~/.local/share/cnmlab/progress.sqlite), \
        the shell's history in $XDG_STATE_HOME/cnmlab/history. CNMLAB_LANG=ko|en, else the first of LC_ALL, \
        LC_MESSAGES, LANG that is set (starting with ko: Korean) chooses the language; --lang overrides it. NO_COLOR turns colour off. Text is wrapped to the terminal's width (COLUMNS \
        when output is not a terminal; not wrapped without it). The course text is shown through $PAGER \
        (default: less -R) when it is taller than the terminal.
        """,
        version: "cnmlab \(version) (simulating Docker Engine 28.2, API 1.50)",
        subcommands: [ShellCommand.self, SimCommand.self, EngineCommand.self, ProgressCommand.self, ReportCommand.self, ValidateCommand.self, LabsCommand.self, GradeCommand.self],
        defaultSubcommand: ShellCommand.self
    )
}
