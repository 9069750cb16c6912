import CNMSim
/// Every sentence `cnmlab grade` shows a person, in English and Korean, in one table so a
/// translation is one more column. Placeholders are `{0}`, `{1}`… in order.
public enum GradeText: String, Sendable, CaseIterable {
    // Step verdicts
    case notReached, quizNotAnswered, hiddenFailed, optionalNotDone, optionalSkipped, stepFailed
    // Report
    case header, learnerLine, defaultVariant, hiddenTag, notRun, scoreLine, verdictPassed, verdictFailed
    case allRequiredDone, requiredMissing, belowMinimum, atLeastMinimum, commandsLine
    // Input problems
    case labNotFound, labInvalid, submissionUnreadable, noSuchFile, notRegularFile, tooLarge, tooManyLines
    case lineTooLong, binaryFile, writeFailed, notAFolder, duplicateLearner
    case submissionsAndFile, noSubmission, cannotOpen, batchOptions, learnerMismatch, batchSummary, reportWritten
    // Hidden checks, findings, bounds
    case hiddenFailedCount, hiddenCheckName, hiddenCheckFailed, findingsHeader, findingAtLine
    case findingUnterminated, findingSpansLines, findingMaxCommands, findingTimeout, transcriptTest
    case expectedLabel, actualLabel
    // Batch safety and input checks
    case symlinkRefused, brokenLink, linkLeavesFolder, notTranscript, outputInsideSubmissions, submissionsInsideOutput, sameFolder
    case duplicateNote, unreadableNote, invalidValue, labHasErrors
    case expectedFormat, expectedMinScore, expectedPositiveInteger, expectedSeconds, expectedLanguage

    var en: String {
        switch self {
        case .notReached: return "not reached: step {0} is not complete"
        case .quizNotAnswered: return "the question was not answered correctly"
        case .hiddenFailed: return "hidden check(s) failed: {0}"
        case .optionalNotDone: return "optional step not done"
        case .optionalSkipped: return "optional step skipped"
        case .stepFailed: return "not complete: {0}"
        case .header: return "Lab {0} v{1}: {2}"
        case .learnerLine: return "Learner: {0} · seed {1}"
        case .defaultVariant: return "(default variant)"
        case .hiddenTag: return "(hidden)"
        case .notRun: return "not run"
        case .scoreLine: return "Score: {0}/{1}"
        case .verdictPassed: return "PASSED"
        case .verdictFailed: return "FAILED"
        case .allRequiredDone: return "every required step is complete"
        case .requiredMissing: return "{0} required step(s) not passed"
        case .belowMinimum: return "below the minimum score {0}"
        case .atLeastMinimum: return "at least the minimum score {0}"
        case .commandsLine: return "Commands: {0} ({1} refused)"
        case .labNotFound: return "no lab with id {0} in {1}"
        case .labInvalid: return "the lab {0} has errors"
        case .submissionUnreadable: return "cannot read the submission {0}: {1}"
        case .noSuchFile: return "no such file"
        case .cannotOpen: return "cannot open it"
        case .batchOptions: return "with --submissions, each learner is named by the file name and --output-dir replaces --output"
        case .notRegularFile: return "not a regular file"
        case .tooLarge: return "larger than {0} bytes"
        case .tooManyLines: return "more than {0} lines"
        case .lineTooLong: return "line {0} is longer than {1} bytes"
        case .binaryFile: return "it holds NUL bytes (not a text file)"
        case .writeFailed: return "cannot write {0}"
        case .notAFolder: return "{0} is not a folder"
        case .duplicateLearner: return "two submissions for learner {0}: {1}"
        case .submissionsAndFile: return "give a SUBMISSION file or --submissions DIR, not both"
        case .noSubmission: return "missing SUBMISSION (a transcript file, or - for standard input) or --submissions DIR"
        case .learnerMismatch: return "note: {0} was exported for learner {1}; grading the variant of {2}"
        case .batchSummary: return "{0} submission(s): {1} passed, {2} failed, {3} refused or unreadable"
        case .reportWritten: return "{0}: {1}/{2}, {3} (report: {4})"
        case .hiddenFailedCount: return "{0} hidden check(s) failed"
        case .hiddenCheckName: return "hidden check {0}"
        case .hiddenCheckFailed: return "{0}: failed"
        case .findingsHeader: return "Transcript:"
        case .findingAtLine: return "line {0}: {1}"
        case .findingUnterminated: return "{0} is never closed; this line ran alone (a syntax error) and the lines after it were read on their own"
        case .findingSpansLines: return "{0} opened here closes on line {1}; the lines between are part of this command, as in a shell"
        case .findingMaxCommands: return "more than {0} commands (--max-commands); the rest was not replayed and the submission fails"
        case .findingTimeout: return "replaying took more than {0} s (--timeout); the rest was not replayed and the submission fails"
        case .transcriptTest: return "transcript"
        case .expectedLabel: return "expected: "
        case .actualLabel: return "actual:   "
        case .symlinkRefused: return "{0} is a symbolic link: refused (only regular files inside the folder are graded)"
        case .brokenLink: return "a symbolic link that leads nowhere (its target is missing, or links point at each other)"
        case .linkLeavesFolder: return "a symbolic link to a file outside its folder: refused"
        case .notTranscript: return "skipped {0}: not a transcript (.sh, .txt or .transcript)"
        case .outputInsideSubmissions: return "--output-dir {0} is inside --submissions {1}: reports would be graded as submissions"
        case .submissionsInsideOutput: return "--submissions {1} is inside --output-dir {0}: reports could overwrite submissions"
        case .sameFolder: return "--output-dir and --submissions are the same folder ({0}): reports would overwrite submissions"
        case .duplicateNote: return "two submissions: {0}"
        case .unreadableNote: return "unreadable: {0}"
        case .invalidValue: return "invalid value {1} for {0} ({2})"
        case .labHasErrors: return "the lab {0} does not pass cnmlab validate; fix it before grading:"
        case .expectedFormat: return "text, json, junit or tap"
        case .expectedMinScore: return "points, e.g. 12, or a percentage, e.g. 80%"
        case .expectedPositiveInteger: return "a whole number of at least 1"
        case .expectedSeconds: return "seconds, more than 0 and at most 86400"
        case .expectedLanguage: return "en or ko"
        }
    }

    var ko: String {
        switch self {
        case .notReached: return "도달하지 못함: {0}단계가 완료되지 않았습니다"
        case .quizNotAnswered: return "질문에 맞게 답하지 않았습니다"
        case .hiddenFailed: return "숨은 검사 실패: {0}"
        case .optionalNotDone: return "선택 단계를 하지 않았습니다"
        case .optionalSkipped: return "선택 단계를 건너뛰었습니다"
        case .stepFailed: return "완료되지 않음: {0}"
        case .header: return "실습 {0} v{1}: {2}"
        case .learnerLine: return "학습자: {0} · 시드 {1}"
        case .defaultVariant: return "(기본 변형)"
        case .hiddenTag: return "(숨은 검사)"
        case .notRun: return "실행되지 않음"
        case .scoreLine: return "점수: {0}/{1}"
        case .verdictPassed: return "통과"
        case .verdictFailed: return "불합격"
        case .allRequiredDone: return "필수 단계를 모두 마쳤습니다"
        case .requiredMissing: return "통과하지 못한 필수 단계 {0}개"
        case .belowMinimum: return "최소 점수 {0}에 못 미칩니다"
        case .atLeastMinimum: return "최소 점수 {0} 이상입니다"
        case .commandsLine: return "명령: {0}개 (거부 {1}개)"
        case .labNotFound: return "{1}에 id가 {0}인 실습이 없습니다"
        case .labInvalid: return "실습 {0}에 오류가 있습니다"
        case .submissionUnreadable: return "제출물 {0:을} 읽을 수 없습니다: {1}"
        case .noSuchFile: return "파일이 없습니다"
        case .cannotOpen: return "열 수 없습니다"
        case .batchOptions: return "--submissions에서는 파일 이름이 학습자 이름이고, --output 대신 --output-dir을 씁니다"
        case .notRegularFile: return "일반 파일이 아닙니다"
        case .tooLarge: return "{0}바이트보다 큽니다"
        case .tooManyLines: return "{0}줄보다 깁니다"
        case .lineTooLong: return "{0}번째 줄이 {1}바이트보다 깁니다"
        case .binaryFile: return "NUL 바이트가 있습니다 (텍스트 파일이 아님)"
        case .writeFailed: return "{0}에 쓸 수 없습니다"
        case .notAFolder: return "{0:은} 폴더가 아닙니다"
        case .duplicateLearner: return "학습자 {0}의 제출물이 둘입니다: {1}"
        case .submissionsAndFile: return "SUBMISSION 파일과 --submissions DIR 중 하나만 주세요"
        case .noSubmission: return "SUBMISSION(기록 파일, 표준 입력은 -) 또는 --submissions DIR이 필요합니다"
        case .learnerMismatch: return "참고: {0:은} 학습자 {1}의 기록입니다. {2}의 변형으로 채점합니다"
        case .batchSummary: return "제출물 {0}개: 통과 {1}, 불합격 {2}, 거부 또는 읽을 수 없음 {3}"
        case .reportWritten: return "{0}: {1}/{2}, {3} (보고서: {4})"
        case .hiddenFailedCount: return "숨은 검사 {0}개 실패"
        case .hiddenCheckName: return "숨은 검사 {0}"
        case .hiddenCheckFailed: return "{0}: 실패"
        case .findingsHeader: return "기록:"
        case .findingAtLine: return "{0}번째 줄: {1}"
        case .findingUnterminated: return "{0:이} 닫히지 않았습니다. 이 줄만 따로 실행했고(문법 오류), 다음 줄부터는 각각 따로 읽었습니다"
        case .findingSpansLines: return "여기서 연 {0:이} {1}번째 줄에서 닫힙니다. 셸과 같이 그 사이의 줄은 이 명령의 일부입니다"
        case .findingMaxCommands: return "명령이 {0}개(--max-commands)를 넘습니다. 나머지는 재생하지 않았고 제출물은 불합격입니다"
        case .findingTimeout: return "재생이 {0}초(--timeout)를 넘었습니다. 나머지는 재생하지 않았고 제출물은 불합격입니다"
        case .transcriptTest: return "기록"
        case .expectedLabel: return "기대값: "
        case .actualLabel: return "실제값: "
        case .symlinkRefused: return "{0:은} 심볼릭 링크라서 거부합니다 (폴더 안의 일반 파일만 채점합니다)"
        case .brokenLink: return "가리키는 곳이 없는 심볼릭 링크입니다 (대상이 없거나 링크끼리 서로 가리킵니다)"
        case .linkLeavesFolder: return "폴더 밖의 파일을 가리키는 심볼릭 링크라서 거부합니다"
        case .notTranscript: return "{0:을} 건너뜁니다: 기록 파일(.sh, .txt, .transcript)이 아닙니다"
        case .outputInsideSubmissions: return "--output-dir {0:이} --submissions {1} 안에 있습니다: 보고서가 제출물로 채점됩니다"
        case .submissionsInsideOutput: return "--submissions {1:이} --output-dir {0} 안에 있습니다: 보고서가 제출물을 덮어쓸 수 있습니다"
        case .sameFolder: return "--output-dir과 --submissions가 같은 폴더({0})입니다: 보고서가 제출물을 덮어씁니다"
        case .duplicateNote: return "제출물이 둘: {0}"
        case .unreadableNote: return "읽을 수 없음: {0}"
        case .invalidValue: return "{0}의 값 {1:이} 잘못되었습니다 ({2})"
        case .labHasErrors: return "실습 {0:이} cnmlab validate를 통과하지 못합니다. 채점 전에 고치세요:"
        case .expectedFormat: return "text, json, junit, tap 중 하나"
        case .expectedMinScore: return "점수, 예: 12, 또는 백분율, 예: 80%"
        case .expectedPositiveInteger: return "1 이상의 정수"
        case .expectedSeconds: return "0보다 크고 86400 이하인 초"
        case .expectedLanguage: return "en 또는 ko"
        }
    }

    /// The text in `locale` with its placeholders filled.
    /// One pass over the template, so an argument that itself contains `{1}` stays as it is.
    public func format(_ locale: LabLocale, _ args: [String] = []) -> String {
        PlaceholderText.fill(locale == .ko ? ko : en, args)
    }
}
