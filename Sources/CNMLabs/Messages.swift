import CNMSim
import Foundation

/// The language type of labs and their messages is `Language` (CNMSim); this name stays for code
/// written before the two were one type.
public typealias LabLocale = Language

/// Every user-facing message of the lab engine, in one table so that a
/// translation is one more column, never a hunt through the code.
///
/// Placeholders are `{0}`, `{1}`… in order.
public enum LabMessage: String, Sendable, CaseIterable {
    // Check results
    case networkMissing, networkPresent, networkFieldDiffers, noNetworkMatches
    case containerMissing, containerPresent, containerFieldDiffers, noContainerMatches
    case roleUnbound, historyMissing, historyMissingAny, lastCommand, anyFailed, notHeld
    case historyMissingFailed, historyMissingOutput, historyFailedTag, historyAnyTag, historyOutputTag, exitStatus, matchingCommand
    case placeBefore, placeAfter, placeAt, ruleContaining, noSuchTable, chainEmpty, ruleMissing, ruleAnchorMissing
    case ruleMisplaced, ruleAtPositions, roleLabUnbound
    case reachFailed, unreachFailed, resolveDiffers
    case deliveredElsewhere, noAddress, verdictDelivered, verdictRefused, verdictProxyFailed, verdictUnreachable
    case verdictDropped, verdictDroppedBy, verdictRejected, verdictNoHost, verdictHandoff
    case swarmMissing, swarmPresent, swarmFieldDiffers, serviceMissing, servicePresent, serviceFieldDiffers
    case machineMissing, placeMissing, closestCandidate
    case networkFieldsDiffer, containerFieldsDiffer, swarmFieldsDiffer, serviceFieldsDiffer
    case valueNone, valueWithin, valueAbsent, valuePresent, valueNoNetworks, valueNoContainers
    case fileMissing, filePresent, fileLacks, fileIsDirectory
    // Session
    case commandForbidden, commandNotAllowed, stepComplete, labComplete, noMoreHints
    case quizCorrect, quizWrong, quizWrongForm, quizChecksPending, notAQuiz, allStepsDone
    // Validation
    case unknownKey, missingKey, wrongType, invalidValue, yamlSyntax, yamlTooComplex, duplicateID
    case unknownParameter, missingLocale, passesBeforeSolution, notSolvable, noHint, mutantAccepted
    case setupFailed, solutionForbidden, quizWithoutAnswer, unknownPrerequisite, unreadableFile
    case unknownRole, stepWithoutChecks, duplicateLabID, wrongTypeQuote, rootNotMapping, invariantStepRole
    case passesEarly, passesEarlyOne, skippingUnloadable
    // `cnmlab labs` column headings
    case headingTitle, headingSection, headingSteps, headingMinutes
    // `cnmlab labs show`
    case showSize, showPrerequisites, showVariantFor, showVariantDefault, showStepPoints, showStepPointsOptional

    var en: String {
        switch self {
        case .networkMissing: return "no network named {0}"
        case .networkPresent: return "network {0} exists but should not"
        case .networkFieldDiffers: return "network {0}: {1} differs"
        case .networkFieldsDiffer: return "network {0}: {1} differ"
        case .noNetworkMatches: return "no network matches for role {0}"
        case .closestCandidate: return "closest: {0}: {1}"
        case .valueNone: return "(none)"
        case .valueWithin: return "within {0}"
        case .valueAbsent: return "absent"
        case .valuePresent: return "present ({0})"
        case .valueNoNetworks: return "(no networks)"
        case .valueNoContainers: return "(no containers)"
        case .containerMissing: return "no container named {0}"
        case .containerPresent: return "container {0} exists but should not"
        case .containerFieldDiffers: return "container {0}: {1} differs"
        case .containerFieldsDiffer: return "container {0}: {1} differ"
        case .noContainerMatches: return "no container matches for role {0}"
        case .roleUnbound: return "role {0} is not bound by an earlier check"
        case .historyMissing: return "no successful command matches {0}"
        case .historyMissingAny: return "no command matches {0}"
        case .lastCommand: return "last command: {0}"
        case .historyMissingFailed: return "no failed command matches {0}"
        case .historyMissingOutput: return "no command matching {0} printed what the check looks for"
        case .historyFailedTag: return "(failing)"
        case .historyAnyTag: return "(any exit status)"
        case .historyOutputTag: return "printing /{0}/"
        case .exitStatus: return "exit {0}"
        case .matchingCommand: return "matching command: {0}"
        case .placeBefore: return "before the rule containing '{0}'"
        case .placeAfter: return "after the rule containing '{0}'"
        case .placeAt: return "at position {0}"
        case .ruleContaining: return "a rule in {0} containing '{1}'"
        case .noSuchTable: return "(no table {0})"
        case .chainEmpty: return "(chain empty or missing)"
        case .ruleMissing: return "no rule in {0} contains '{1}'"
        case .ruleAnchorMissing: return "no rule in {0} contains '{1}' to place the rule against"
        case .ruleMisplaced: return "the rule containing '{0}' is not {1}"
        case .ruleAtPositions: return "at position {0}"
        case .roleLabUnbound: return "role {0} (bound for the whole lab) matches nothing yet"
        case .anyFailed: return "none of the alternatives holds"
        case .notHeld: return "the negated check holds"
        case .reachFailed: return "{0} cannot reach {1}: {2}"
        case .unreachFailed: return "{0} can reach {1}"
        case .resolveDiffers: return "{0} resolves {1} differently"
        case .deliveredElsewhere: return "delivered elsewhere"
        case .noAddress: return "{0} has no address (not running?)"
        case .verdictDelivered: return "delivered to {0}"
        case .verdictRefused: return "connection refused by {0} (nothing listens)"
        case .verdictProxyFailed: return "docker-proxy could not reach the container"
        case .verdictUnreachable: return "network is unreachable (no route)"
        case .verdictDropped: return "dropped"
        case .verdictDroppedBy: return "dropped by {0}"
        case .verdictRejected: return "rejected by {0}"
        case .verdictNoHost: return "no host has {0}"
        case .verdictHandoff: return "left for another machine: {0}"
        case .swarmMissing: return "no swarm: no machine is a swarm manager"
        case .swarmPresent: return "a swarm exists but should not"
        case .swarmFieldDiffers: return "the swarm: {0} differs"
        case .swarmFieldsDiffer: return "the swarm: {0} differ"
        case .serviceMissing: return "no service named {0}"
        case .servicePresent: return "service {0} exists but should not"
        case .serviceFieldDiffers: return "service {0}: {1} differs"
        case .serviceFieldsDiffer: return "service {0}: {1} differ"
        case .machineMissing: return "no machine named {0} on this lab's LAN"
        case .placeMissing: return "no machine, container or service named {0}"
        case .fileMissing: return "no file {0}"
        case .filePresent: return "file {0} exists but should not"
        case .fileLacks: return "file {0} does not contain '{1}'"
        case .fileIsDirectory: return "{0} is a folder, not a file"
        case .commandForbidden: return "refused: {0}"
        case .commandNotAllowed: return "refused: this step allows only {0}"
        case .stepComplete: return "Step {0} complete: {1}"
        case .labComplete: return "Lab complete."
        case .noMoreHints: return "No more hints for this step."
        case .quizCorrect: return "Correct."
        case .quizWrong: return "Not quite. Try again."
        case .quizWrongForm: return "Not quite. The answer is {0}. Try again."
        case .quizChecksPending: return "That answer is right, but the step is not done yet: type check to see what is missing."
        case .notAQuiz: return "The current step is not a question."
        case .allStepsDone: return "Every step is done."
        case .unknownKey: return "unknown key '{0}'{2} (allowed here: {1})"
        case .missingKey: return "missing key '{0}'"
        case .wrongType: return "'{0}' must be {1}"
        case .invalidValue: return "invalid {0}: {1}"
        case .yamlSyntax: return "YAML syntax error: {0}"
        case .yamlTooComplex: return "refused: {0}"
        case .duplicateID: return "duplicate id '{0}'"
        case .unknownParameter: return "unknown parameter '{{{0}}}'"
        case .missingLocale: return "no '{0}' text for {1} (falls back to '{2}')"
        case .passesBeforeSolution: return "step '{0}' already passes before its solution (nothing to do)"
        case .notSolvable: return "step '{0}' does not pass after its reference solution: {1}"
        case .noHint: return "step '{0}' has no hint"
        case .mutantAccepted: return "step '{0}': mutant accepted ({1}): {2}"
        case .setupFailed: return "setup command failed (exit {0}): {1}"
        case .solutionForbidden: return "step '{0}': the reference solution is refused by the lab's own rules: {1}"
        case .quizWithoutAnswer: return "quiz step '{0}' accepts no answer"
        case .unknownPrerequisite: return "unknown prerequisite lab '{0}'"
        case .unreadableFile: return "cannot read the lab file: {0}"
        case .unknownRole: return "role '{0}' is used before a check binds it"
        case .invariantStepRole: return "an invariant cannot use role '{0}': this step's checks bind it, and the later steps that check the invariant do not have it; declare {0} under roles: for the whole lab"
        case .stepWithoutChecks: return "step '{0}' has neither checks nor a quiz"
        case .duplicateLabID: return "duplicate lab id '{0}' ({1})"
        case .wrongTypeQuote: return "'{0}' must be {1}; YAML reads an unquoted {{…}} as a mapping: write \"{2}\" in quotes"
        case .rootNotMapping: return "a lab file is a mapping of keys (id:, version:, title:, place:, minutes:, steps:), but this one is {0}"
        case .passesEarly: return "step {0} ({1}) passes after command {2} of {3} of its solution: commands {4}–{3} are not checked"
        case .skippingUnloadable: return "skipping a lab file that does not load: {0}"
        case .headingTitle: return "TITLE"
        case .headingSection: return "SECTION"
        case .headingSteps: return "STEPS"
        case .headingMinutes: return "MINUTES"
        case .showSize: return "{0} min · {1} points"
        case .showPrerequisites: return "Prerequisites: {0}"
        case .showVariantFor: return "Variant for {0}: {1}"
        case .showVariantDefault: return "Variant (default): {0}"
        case .showStepPoints: return "[{0} points]"
        case .showStepPointsOptional: return "[{0} points, optional]"
        case .passesEarlyOne: return "step {0} ({1}) passes after command {2} of {3} of its solution: command {3} is not checked"
        }
    }

    var ko: String {
        switch self {
        case .networkMissing: return "{0} 네트워크가 없습니다"
        case .networkPresent: return "{0} 네트워크가 있으면 안 됩니다"
        case .networkFieldDiffers: return "{0} 네트워크의 {1} 값이 다릅니다"
        case .networkFieldsDiffer: return "{0} 네트워크의 {1} 값이 다릅니다"
        case .noNetworkMatches: return "역할 {0}에 맞는 네트워크가 없습니다"
        case .closestCandidate: return "가장 가까운 후보 {0}: {1}"
        case .valueNone: return "(없음)"
        case .valueWithin: return "{0} 안"
        case .valueAbsent: return "없음"
        case .valuePresent: return "있음 ({0})"
        case .valueNoNetworks: return "(네트워크 없음)"
        case .valueNoContainers: return "(컨테이너 없음)"
        case .containerMissing: return "{0} 컨테이너가 없습니다"
        case .containerPresent: return "{0} 컨테이너가 있으면 안 됩니다"
        case .containerFieldDiffers: return "{0} 컨테이너의 {1} 값이 다릅니다"
        case .containerFieldsDiffer: return "{0} 컨테이너의 {1} 값이 다릅니다"
        case .noContainerMatches: return "역할 {0}에 맞는 컨테이너가 없습니다"
        case .roleUnbound: return "역할 {0:이} 앞의 검사에서 정해지지 않았습니다"
        case .historyMissing: return "{0}에 맞는 성공한 명령이 없습니다"
        case .historyMissingAny: return "{0}에 맞는 명령이 없습니다"
        case .lastCommand: return "마지막 명령: {0}"
        case .historyMissingFailed: return "{0}에 맞는 실패한 명령이 없습니다"
        case .historyMissingOutput: return "{0}에 맞는 명령 중 검사가 찾는 내용을 출력한 것이 없습니다"
        case .historyFailedTag: return "(실패해야 함)"
        case .historyAnyTag: return "(종료 코드 무관)"
        case .historyOutputTag: return "출력에 /{0}/"
        case .exitStatus: return "종료 코드 {0}"
        case .matchingCommand: return "맞는 명령: {0}"
        case .placeBefore: return "'{0}'{:을} 담은 규칙보다 앞"
        case .placeAfter: return "'{0}'{:을} 담은 규칙보다 뒤"
        case .placeAt: return "{0}번째 자리"
        case .ruleContaining: return "{0}에서 '{1}'{:을} 담은 규칙"
        case .noSuchTable: return "({0} 테이블 없음)"
        case .chainEmpty: return "(체인이 비었거나 없음)"
        case .ruleMissing: return "{0}에 '{1}'{:을} 담은 규칙이 없습니다"
        case .ruleAnchorMissing: return "{0}에 기준이 될 '{1}'{:을} 담은 규칙이 없습니다"
        case .ruleMisplaced: return "'{0}'{:을} 담은 규칙이 {1}에 있지 않습니다"
        case .ruleAtPositions: return "{0}번째 자리"
        case .roleLabUnbound: return "실습 전체의 역할 {0}에 아직 맞는 것이 없습니다"
        case .anyFailed: return "어느 조건도 성립하지 않습니다"
        case .notHeld: return "부정한 조건이 성립합니다"
        case .reachFailed: return "{0}에서 {1:으로} 갈 수 없습니다: {2}"
        case .unreachFailed: return "{0}에서 {1:으로} 갈 수 있습니다"
        case .resolveDiffers: return "{0}에서 {1} 이름 해석 결과가 다릅니다"
        case .deliveredElsewhere: return "다른 곳으로 전달됨"
        case .noAddress: return "{0:은} 주소가 없습니다 (실행 중이 아닌가요?)"
        case .verdictDelivered: return "{0:으로} 전달됨"
        case .verdictRefused: return "{0:이} 연결을 거부함 (듣고 있는 것이 없음)"
        case .verdictProxyFailed: return "docker-proxy가 컨테이너에 닿지 못함"
        case .verdictUnreachable: return "네트워크에 닿을 수 없음 (경로 없음)"
        case .verdictDropped: return "버려짐"
        case .verdictDroppedBy: return "{0} 규칙에 버려짐"
        case .verdictRejected: return "{0} 규칙에 거부됨"
        case .verdictNoHost: return "{0:을} 가진 호스트가 없음"
        case .verdictHandoff: return "다른 기기로 넘어감: {0}"
        case .swarmMissing: return "스웜이 없습니다: 스웜 매니저인 머신이 없습니다"
        case .swarmPresent: return "스웜이 있으면 안 됩니다"
        case .swarmFieldDiffers: return "스웜의 {0} 값이 다릅니다"
        case .swarmFieldsDiffer: return "스웜의 {0} 값이 다릅니다"
        case .serviceMissing: return "{0} 서비스가 없습니다"
        case .servicePresent: return "{0} 서비스가 있으면 안 됩니다"
        case .serviceFieldDiffers: return "{0} 서비스의 {1} 값이 다릅니다"
        case .serviceFieldsDiffer: return "{0} 서비스의 {1} 값이 다릅니다"
        case .machineMissing: return "이 실습의 LAN에는 {0} 머신이 없습니다"
        case .placeMissing: return "{0:이라는} 머신, 컨테이너, 서비스가 없습니다"
        case .fileMissing: return "{0} 파일이 없습니다"
        case .filePresent: return "{0} 파일이 있지만 없어야 합니다"
        case .fileLacks: return "{0} 파일에 '{1}'{:이} 없습니다"
        case .fileIsDirectory: return "{0:은} 파일이 아니라 폴더입니다"
        case .commandForbidden: return "거부됨: {0}"
        case .commandNotAllowed: return "거부됨: 이 단계에서는 {0}만 쓸 수 있습니다"
        case .stepComplete: return "{0}단계 완료: {1}"
        case .labComplete: return "실습 완료."
        case .noMoreHints: return "이 단계의 힌트를 모두 보았습니다."
        case .quizCorrect: return "정답입니다."
        case .quizWrong: return "아직 아닙니다. 다시 해 보세요."
        case .quizWrongForm: return "아직 아닙니다. 답은 {0} 형태입니다. 다시 해 보세요."
        case .quizChecksPending: return "답은 맞지만 단계가 아직 끝나지 않았습니다. 무엇이 남았는지 check로 보세요."
        case .notAQuiz: return "지금 단계는 질문이 아닙니다."
        case .allStepsDone: return "모든 단계를 마쳤습니다."
        case .unknownKey: return "알 수 없는 키 '{0}'{2} (여기서 쓸 수 있는 키: {1})"
        case .missingKey: return "'{0}' 키가 없습니다"
        case .wrongType: return "'{0}'{:은} {1}이어야 합니다"
        case .invalidValue: return "잘못된 {0}: {1}"
        case .yamlSyntax: return "YAML 문법 오류: {0}"
        case .yamlTooComplex: return "거부됨: {0}"
        case .duplicateID: return "id '{0}'{:이} 중복됩니다"
        case .unknownParameter: return "알 수 없는 매개변수 '{{{0}}}'"
        case .missingLocale: return "{1}에 '{0}' 텍스트가 없습니다 ('{2}'{:으로} 대신 표시)"
        case .passesBeforeSolution: return "'{0}' 단계가 풀이 전에 이미 통과합니다 (할 일이 없음)"
        case .notSolvable: return "'{0}' 단계가 참조 풀이 후에도 통과하지 않습니다: {1}"
        case .noHint: return "'{0}' 단계에 힌트가 없습니다"
        case .mutantAccepted: return "'{0}' 단계: 변형 풀이가 통과함 ({1}): {2}"
        case .setupFailed: return "준비 명령 실패 (종료 코드 {0}): {1}"
        case .solutionForbidden: return "'{0}' 단계: 참조 풀이가 실습 규칙에 막힙니다: {1}"
        case .quizWithoutAnswer: return "퀴즈 단계 '{0}'에 정답이 없습니다"
        case .unknownPrerequisite: return "알 수 없는 선수 실습 '{0}'"
        case .unreadableFile: return "실습 파일을 읽을 수 없습니다: {0}"
        case .unknownRole: return "역할 '{0}'{:이} 정해지기 전에 쓰였습니다"
        case .invariantStepRole: return "불변 조건에는 역할 '{0}'{:을} 쓸 수 없습니다: 이 단계의 검사가 정하는 역할이라 불변 조건을 다시 확인하는 뒤 단계에는 없습니다. 실습 전체의 roles:에 {0}{:을} 선언하세요"
        case .stepWithoutChecks: return "'{0}' 단계에 검사도 퀴즈도 없습니다"
        case .duplicateLabID: return "실습 id '{0}'{:이} 중복됩니다 ({1})"
        case .wrongTypeQuote: return "'{0}'{:은} {1}이어야 합니다. YAML은 따옴표 없는 {{…}}를 매핑으로 읽습니다: \"{2}\"처럼 따옴표로 감싸세요"
        case .rootNotMapping: return "실습 파일은 키의 매핑(id:, version:, title:, place:, minutes:, steps:)이어야 하는데, 이 파일은 {0}입니다"
        case .passesEarly: return "{0}단계({1}): 풀이 명령 {3}개 중 {2}번째까지만 실행해도 통과합니다. {4}–{3}번째 명령은 검사되지 않습니다"
        case .skippingUnloadable: return "읽지 못한 실습 파일을 건너뜁니다: {0}"
        case .headingTitle: return "제목"
        case .headingSection: return "섹션"
        case .headingSteps: return "단계"
        case .headingMinutes: return "분"
        case .showSize: return "약 {0}분 · {1}점"
        case .showPrerequisites: return "먼저 할 실습: {0}"
        case .showVariantFor: return "학습자 {0}의 변형: {1}"
        case .showVariantDefault: return "기본 변형: {0}"
        case .showStepPoints: return "[{0}점]"
        case .showStepPointsOptional: return "[{0}점, 선택]"
        case .passesEarlyOne: return "{0}단계({1}): 풀이 명령 {3}개 중 {2}번째까지만 실행해도 통과합니다. {3}번째 명령은 검사되지 않습니다"
        }
    }

    /// The message in `locale` with its placeholders filled.
    public func text(_ locale: LabLocale = .en, _ args: String...) -> String {
        format(locale, args)
    }

    func format(_ locale: LabLocale, _ args: [String]) -> String {
        PlaceholderText.fill(locale == .ko ? ko : en, args)
    }
}

