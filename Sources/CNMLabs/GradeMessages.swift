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
    case lineTooLong, binaryFile, badFormat, badMinScore, writeFailed, notAFolder, duplicateLearner
    case submissionsAndFile, noSubmission, cannotOpen, batchOptions, learnerMismatch, batchSummary, reportWritten

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
        case .badFormat: return "unknown format {0} (text, json, junit or tap)"
        case .badMinScore: return "invalid --min-score {0} (points, e.g. 12, or a percentage, e.g. 80%)"
        case .writeFailed: return "cannot write {0}"
        case .notAFolder: return "{0} is not a folder"
        case .duplicateLearner: return "two submissions for learner {0}: {1}"
        case .submissionsAndFile: return "give a SUBMISSION file or --submissions DIR, not both"
        case .noSubmission: return "missing SUBMISSION (a transcript file, or - for standard input) or --submissions DIR"
        case .learnerMismatch: return "note: {0} was exported for learner {1}; grading the variant of {2}"
        case .batchSummary: return "{0} submission(s): {1} passed, {2} failed, {3} unreadable"
        case .reportWritten: return "{0}: {1}/{2}, {3} (report: {4})"
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
        case .submissionUnreadable: return "제출물 {0}을(를) 읽을 수 없습니다: {1}"
        case .noSuchFile: return "파일이 없습니다"
        case .cannotOpen: return "열 수 없습니다"
        case .batchOptions: return "--submissions에서는 파일 이름이 학습자 이름이고, --output 대신 --output-dir을 씁니다"
        case .notRegularFile: return "일반 파일이 아닙니다"
        case .tooLarge: return "{0}바이트보다 큽니다"
        case .tooManyLines: return "{0}줄보다 깁니다"
        case .lineTooLong: return "{0}번째 줄이 {1}바이트보다 깁니다"
        case .binaryFile: return "NUL 바이트가 있습니다 (텍스트 파일이 아님)"
        case .badFormat: return "알 수 없는 형식 {0} (text, json, junit, tap 중 하나)"
        case .badMinScore: return "잘못된 --min-score {0} (점수, 예: 12, 또는 백분율, 예: 80%)"
        case .writeFailed: return "{0}에 쓸 수 없습니다"
        case .notAFolder: return "{0}은(는) 폴더가 아닙니다"
        case .duplicateLearner: return "학습자 {0}의 제출물이 둘입니다: {1}"
        case .submissionsAndFile: return "SUBMISSION 파일과 --submissions DIR 중 하나만 주세요"
        case .noSubmission: return "SUBMISSION(기록 파일, 표준 입력은 -) 또는 --submissions DIR이 필요합니다"
        case .learnerMismatch: return "참고: {0}은(는) 학습자 {1}의 기록입니다. {2}의 변형으로 채점합니다"
        case .batchSummary: return "제출물 {0}개: 통과 {1}, 불합격 {2}, 읽을 수 없음 {3}"
        case .reportWritten: return "{0}: {1}/{2}, {3} (보고서: {4})"
        }
    }

    /// The text in `locale` with its placeholders filled.
    /// One pass over the template, so an argument that itself contains `{1}` stays as it is.
    public func format(_ locale: LabLocale, _ args: [String] = []) -> String {
        PlaceholderText.fill(locale == .ko ? ko : en, args)
    }
}
