import ArgumentParser
import CNMShell
import CNMFileSystem
import CNMLabs
import CNMSim
import Foundation

/// `cnmlab grade`: replays a learner's transcript (or a folder of them) through the lab engine
/// and reports the score as text, JSON, JUnit XML or TAP, for CI. The work is `GradeJob` (CNMLabs).
struct GradeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grade",
        abstract: "Grade a learner's transcript (or a folder of them) for CI.",
        discussion: """
        LAB is a lab id (among the built-in labs, or in --labs) or a lab file. SUBMISSION is a transcript: \
        one command per line as typed, 'answer TEXT' for a question, '#' comments and blank lines \
        ignored ('-' reads standard input). It is replayed on a fresh simulated host with the learner's \
        variant and seed, through the same engine as the shell, and every step and check is reported.
        The lab is validated first (as cnmlab validate --mutants; a clean verdict is remembered by \
        content hash): a lab with errors is never graded. Reports for learners show a hidden check \
        only as 'hidden check N'; --instructor shows everything.
        With --submissions DIR, every transcript in DIR is graded (learner = file name without \
        .sh, .txt or .transcript; symbolic links are refused, two files for one learner too); \
        --output-dir OUT (not DIR, nor inside it) receives one report per learner and summary.csv \
        (learner,score,max,passed,note). Each submission is bounded by --max-commands and --timeout.
        Exit status: 0 passed (every required step passed, or the score is at least --min-score); \
        1 failed (in batch mode: any learner failed; a submission past a bound fails); 2 bad input \
        (lab or submission missing, unreadable or too large, lab with errors, invalid option value).
        See docs/ci-grading.md for the JSON schema (cnmlab.grade/1) and a CI job.
        """
    )

    @Argument(help: "A lab id or a lab file.")
    var lab: String

    @Argument(help: "The transcript to grade ('-' for standard input).")
    var submission: String?

    @Option(help: "The learner whose variant (seed) is graded; default: the lab's default variant.")
    var learner: String?

    @Option(parsing: .unconditional, help: "text, json, junit or tap.")
    var format: String = "text"

    @Option(help: "Write the report to this file instead of standard output.")
    var output: String?

    @Option(name: .customLong("min-score"), parsing: .unconditional,
            help: "Pass mark: points (12) or a percentage of the maximum (80%). Default: every required step.")
    var minScore: String?

    @Option(name: .customLong("max-commands"), parsing: .unconditional,
            help: "Most command lines replayed per submission (default 2000); past it the submission fails.")
    var maxCommands: String?

    @Option(parsing: .unconditional, help: "Most seconds per submission (default 10); past it the submission fails.")
    var timeout: String?

    @Flag(help: "Show hidden checks' names, expected and actual values (reports for instructors, not learners).")
    var instructor = false

    @OptionGroup var labSource: LabSourceOption

    @Option(help: "Grade every transcript (.sh, .txt, .transcript) of this folder (one learner per file).")
    var submissions: String?

    @Option(name: .customLong("output-dir"), help: "With --submissions: write a report per learner and summary.csv here.")
    var outputDir: String?

    @Option(parsing: .unconditional, help: "Language of the report (en or ko; default from CNMLAB_LANG, LC_ALL, LC_MESSAGES, LANG).")
    var lang: String?

    func run() throws {
        let envLocale = GradeOptions.locale(environment: ProcessInfo.processInfo.environment)
        var locale = envLocale
        if let lang {
            guard let l = Language.named(lang) else {
                let message = GradeJob.invalidValue("--lang", lang, GradeText.expectedLanguage.format(envLocale), envLocale)
                Output.write("cnmlab grade: " + message + "\n", to: 2)
                throw ExitCode(GradeJob.badInput)
            }
            locale = l
        }
        let options = GradeOptions(lab: lab, submission: submission, submissionsDirectory: submissions, learner: learner,
                                   format: format, output: output, outputDirectory: outputDir, minScore: minScore,
                                   labPaths: labSource.paths, environment: ProcessInfo.processInfo.environment,
                                   locale: locale, maxCommands: maxCommands, timeout: timeout,
                                   instructor: instructor, cacheDirectory: CacheFolder.path(ProcessInfo.processInfo.environment),
                                   cacheSalt: CNMLab.version)
        let result = GradeJob.run(options, files: DiskFiles())
        Output.write(result.stdout, to: 1)
        Output.write(result.stderr, to: 2)
        if result.exitCode != 0 { throw ExitCode(result.exitCode) }
    }
}

/// Where `cnmlab grade` remembers labs that passed validation: `$XDG_CACHE_HOME/cnmlab/validated`,
/// else `$HOME/.cache/cnmlab/validated`; nil without a home.
enum CacheFolder {
    static func path(_ env: [String: String]) -> String? {
        if let xdg = env["XDG_CACHE_HOME"], xdg.hasPrefix("/") { return xdg + "/cnmlab/validated" }
        guard let home = env["HOME"], home.hasPrefix("/") else { return nil }
        return home + "/.cache/cnmlab/validated"
    }
}
