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
        abstract: HelpLanguage.text(ko: "CI용으로 학습자의 명령 기록(또는 그 폴더)을 채점합니다.", en: "Grade a learner's transcript (or a folder of them) for CI."),
        discussion: HelpLanguage.text(ko: """
            LAB은 실습 ID(내장 실습이나 --labs 가운데) 또는 실습 파일입니다. SUBMISSION은 명령 기록입니다: \
            입력한 그대로 한 줄에 명령 하나, 퀴즈에는 'answer TEXT', '#' 주석과 빈 줄은 \
            무시합니다 ('-'는 표준 입력을 읽습니다). 학습자의 변형과 시드로 새 시뮬레이션 호스트에서 \
            셸과 같은 엔진으로 재실행하고, 모든 단계와 검사를 보고합니다.
            실습은 먼저 검증합니다 (cnmlab validate --mutants처럼. 깨끗하다는 판정은 내용 해시로 \
            기억합니다): 오류가 있는 실습은 채점하지 않습니다. 학습자용 보고서는 숨은 검사를 \
            'hidden check N'으로만 보여 주고, --instructor는 모두 보여 줍니다.
            --submissions DIR이면 DIR의 명령 기록을 모두 채점합니다 (학습자 = 파일 이름에서 \
            .sh, .txt, .transcript를 뺀 것. 심볼릭 링크와 한 학습자의 파일 두 개는 거부합니다). \
            --output-dir OUT(DIR도, DIR 안도 아닌 곳)에 학습자별 보고서와 summary.csv \
            (learner,score,max,passed,note)를 씁니다. 제출마다 --max-commands와 --timeout으로 제한합니다.
            종료 상태: 0 합격 (필수 단계를 모두 통과했거나 점수가 --min-score 이상), \
            1 불합격 (일괄 모드에서는 한 학습자라도 불합격이면. 제한을 넘은 제출은 불합격), 2 잘못된 입력 \
            (실습이나 제출이 없거나, 읽을 수 없거나, 너무 크거나, 실습에 오류가 있거나, 옵션 값이 잘못됨).
            JSON 스키마(cnmlab.grade/1)와 CI 작업 예는 docs/ci-grading.md를 보세요.
            """, en: """
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
            """)
    )

    @Argument(help: HelpLanguage.help(ko: "실습 ID 또는 실습 파일.", en: "A lab id or a lab file."))
    var lab: String

    @Argument(help: HelpLanguage.help(ko: "채점할 명령 기록 ('-'는 표준 입력).", en: "The transcript to grade ('-' for standard input)."))
    var submission: String?

    @Option(help: HelpLanguage.help(ko: "채점할 변형(시드)의 학습자. 기본값: 실습의 기본 변형.", en: "The learner whose variant (seed) is graded; default: the lab's default variant."))
    var learner: String?

    @Option(parsing: .unconditional, help: HelpLanguage.help(ko: "text, json, junit 또는 tap.", en: "text, json, junit or tap."))
    var format: String = "text"

    @Option(help: HelpLanguage.help(ko: "보고서를 표준 출력 대신 이 파일에 씁니다.", en: "Write the report to this file instead of standard output."))
    var output: String?

    @Option(name: .customLong("min-score"), parsing: .unconditional,
            help: HelpLanguage.help(ko: "합격 기준: 점수(12) 또는 만점에 대한 비율(80%). 기본값: 필수 단계 전부.", en: "Pass mark: points (12) or a percentage of the maximum (80%). Default: every required step."))
    var minScore: String?

    @Option(name: .customLong("max-commands"), parsing: .unconditional,
            help: HelpLanguage.help(ko: "제출 하나에서 재실행할 명령 줄의 최대 수 (기본값 2000). 넘으면 그 제출은 불합격입니다.", en: "Most command lines replayed per submission (default 2000); past it the submission fails."))
    var maxCommands: String?

    @Option(parsing: .unconditional, help: HelpLanguage.help(ko: "제출 하나에 쓸 최대 초 (기본값 10). 넘으면 그 제출은 불합격입니다.", en: "Most seconds per submission (default 10); past it the submission fails."))
    var timeout: String?

    @Flag(help: HelpLanguage.help(ko: "숨은 검사의 이름, 기대값, 실제값을 보여 줍니다 (학습자가 아닌 강사용 보고서).", en: "Show hidden checks' names, expected and actual values (reports for instructors, not learners)."))
    var instructor = false

    @OptionGroup var labSource: LabSourceOption

    @Option(help: HelpLanguage.help(ko: "이 폴더의 명령 기록(.sh, .txt, .transcript)을 모두 채점합니다 (파일 하나가 학습자 한 명).", en: "Grade every transcript (.sh, .txt, .transcript) of this folder (one learner per file)."))
    var submissions: String?

    @Option(name: .customLong("output-dir"), help: HelpLanguage.help(ko: "--submissions와 함께: 학습자별 보고서와 summary.csv를 이곳에 씁니다.", en: "With --submissions: write a report per learner and summary.csv here."))
    var outputDir: String?

    @Option(parsing: .unconditional, help: HelpLanguage.help(ko: "보고서 언어 (en 또는 ko. 기본값은 CNMLAB_LANG, LC_ALL, LC_MESSAGES, LANG에서 정합니다).", en: "Language of the report (en or ko; default from CNMLAB_LANG, LC_ALL, LC_MESSAGES, LANG)."))
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
