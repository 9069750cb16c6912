import ArgumentParser
import CNMShell
import CNMLabs
import Foundation

/// `cnmlab grade`: replays a learner's transcript (or a folder of them) through the lab engine
/// and reports the score as text, JSON, JUnit XML or TAP, for CI. The work is `GradeJob` (CNMLabs).
struct GradeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grade",
        abstract: "Grade a learner's transcript (or a folder of them) for CI.",
        discussion: """
        LAB is a lab id (looked up in --labs, default Labs) or a lab file. SUBMISSION is a transcript: \
        one command per line as typed, 'answer TEXT' for a question, '#' comments and blank lines \
        ignored ('-' reads standard input). It is replayed on a fresh simulated host with the learner's \
        variant and seed, through the same engine as the shell, and every step and check is reported.
        With --submissions DIR, every file in DIR is graded (learner = file name without extension); \
        --output-dir OUT receives one report per learner and summary.csv (learner,score,max,passed).
        Exit status: 0 passed (every required step passed, or the score is at least --min-score); \
        1 failed (in batch mode: any learner failed); 2 bad input (lab or submission missing, \
        unreadable or too large, lab with errors, bad option value).
        See docs/ci-grading.md for the JSON schema (cnmlab.grade/1) and a CI job.
        """
    )

    @Argument(help: "A lab id or a lab file.")
    var lab: String

    @Argument(help: "The transcript to grade ('-' for standard input).")
    var submission: String?

    @Option(help: "The learner whose variant (seed) is graded; default: the lab's default variant.")
    var learner: String?

    @Option(help: "text, json, junit or tap.")
    var format: String = "text"

    @Option(help: "Write the report to this file instead of standard output.")
    var output: String?

    @Option(name: .customLong("min-score"), help: "Pass mark: points (12) or a percentage of the maximum (80%). Default: every required step.")
    var minScore: String?

    @Option(help: "Folder of lab files for a lab id.")
    var labs: String = "Labs"

    @Option(help: "Grade every file of this folder (one learner per file).")
    var submissions: String?

    @Option(name: .customLong("output-dir"), help: "With --submissions: write a report per learner and summary.csv here.")
    var outputDir: String?

    @Option(help: "Language of the report (en or ko; default from LC_ALL, LC_MESSAGES, LANG).")
    var lang: String?

    func run() throws {
        let locale = lang.flatMap { LabLocale(rawValue: $0.lowercased()) }
            ?? GradeOptions.locale(environment: ProcessInfo.processInfo.environment)
        let options = GradeOptions(lab: lab, submission: submission, submissionsDirectory: submissions, learner: learner,
                                   format: format, output: output, outputDirectory: outputDir, minScore: minScore,
                                   labsDirectory: labs, locale: locale)
        let result = GradeJob.run(options)
        Output.write(result.stdout, to: 1)
        Output.write(result.stderr, to: 2)
        if result.exitCode != 0 { throw ExitCode(result.exitCode) }
    }
}
