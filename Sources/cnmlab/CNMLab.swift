import ArgumentParser

/// The `cnmlab` program: courseware for Docker networking on a simulated Docker 28.2 host.
@main
struct CNMLab: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "cnmlab",
        abstract: "Learn Docker networking by doing, on a simulated Docker 28.2 host.",
        version: "cnmlab \(version) (simulating Docker Engine 28.2, API 1.50)",
        subcommands: [ShellCommand.self, SimCommand.self, EngineCommand.self, ProgressCommand.self, ReportCommand.self, ValidateCommand.self, LabsCommand.self, GradeCommand.self],
        defaultSubcommand: ShellCommand.self
    )
}
