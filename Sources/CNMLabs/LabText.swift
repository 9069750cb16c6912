import CNMSim

/// A piece of a diagnostic in both languages: a name or value (the same in both) or a phrase
/// from `LabPhrase`, so that `cnmlab validate --lang ko` is Korean all through, not only the
/// sentence around English details.
public struct LabText: Sendable, Hashable, ExpressibleByStringLiteral, CustomStringConvertible {
    public var en: String
    public var ko: String

    /// A name, a value or a quotation: the same in every language.
    public init(_ verbatim: String) { en = verbatim; ko = verbatim }
    public init(stringLiteral value: String) { self.init(value) }
    public init(en: String, ko: String) { self.en = en; self.ko = ko }

    public func resolve(_ locale: LabLocale) -> String { locale == .ko ? ko : en }
    public var description: String { en }

    public static func + (a: LabText, b: LabText) -> LabText { LabText(en: a.en + b.en, ko: a.ko + b.ko) }
    public static func + (a: LabText, b: String) -> LabText { LabText(en: a.en + b, ko: a.ko + b) }
    public static func + (a: String, b: LabText) -> LabText { LabText(en: a + b.en, ko: a + b.ko) }

    /// A phrase with its placeholders filled.
    public static func phrase(_ p: LabPhrase, _ args: String...) -> LabText {
        LabText(en: PlaceholderText.fill(p.en, args), ko: PlaceholderText.fill(p.ko, args))
    }

    /// ` (did you mean 'X'?)` for the closest candidate within a small edit distance, else nothing.
    public static func didYouMean(_ word: String, _ candidates: [String]) -> LabText {
        guard let best = closest(word, candidates) else { return LabText("") }
        return LabText(" — ") + phrase(.didYouMean, best)
    }

    /// The candidate nearest to `word` (Levenshtein distance at most 2, or 3 for long words), if any.
    static func closest(_ word: String, _ candidates: [String]) -> String? {
        let limit = word.count >= 8 ? 3 : 2
        var best: (String, Int)?
        for c in candidates where c != word {
            let d = distance(Array(word.lowercased()), Array(c.lowercased()), limit: limit)
            if d <= limit, best == nil || d < best!.1 { best = (c, d) }
        }
        return best?.0
    }

    /// Levenshtein distance, giving up (returning limit + 1) as soon as it exceeds `limit`.
    static func distance(_ a: [Character], _ b: [Character], limit: Int) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        var previous = Array(0...b.count)
        for i in 1...max(1, a.count) where !a.isEmpty {
            var current = [i] + Array(repeating: 0, count: b.count)
            var rowMin = current[0]
            for j in 1...max(1, b.count) where !b.isEmpty {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                rowMin = min(rowMin, current[j])
            }
            if rowMin > limit { return limit + 1 }
            previous = current
        }
        return a.isEmpty ? b.count : previous[b.count]
    }
}

/// What a diagnostic argument may be: plain text (a name or value) or a `LabText`.
public protocol DiagnosticArgument: Sendable {
    var labText: LabText { get }
}

extension String: DiagnosticArgument {
    public var labText: LabText { LabText(self) }
}

extension LabText: DiagnosticArgument {
    public var labText: LabText { self }
}

/// The phrases diagnostics are made of, in English and Korean. Placeholders are `{0}`, `{1}`….
public enum LabPhrase: String, Sendable, CaseIterable {
    // What a value must be
    case aMapping, aString, aWholeNumber, trueOrFalse, aListOfStrings, aMappingOfStrings, aPlainName, aList, aSingleValue, anEmptyFile
    case nonEmptyStepList, aListOfChecks, nonEmptyListOfChecks, aListOfHints, aListOfNames, aliasesMapping, minMax
    case trueFalseAny, hostsList
    // Why a value is wrong
    case atLeast, idChars, roleChars, parameterChars, exactlyOneOf, notAChoice, notInRange, notASubnetInside
    case prefixBetween, notACIDR, empty, greaterThan, tierValues, hiddenNested, oneVisible, portRange
    case absentCannotBind, noneCombined, publishedFormat, servicePublishedFormat, endpointMode, serviceAbsentAlone
    case swarmAbsentAlone, notARegex, oneOf, absentWithPlace, absentWithContains, aPath, roleKeyBinds, roleIsLabWide, didYouMean
    case tooManyHosts, lanAddress, hostnameChars, reservedHost, addressTaken, noFreeAddress
    case unknownMachine, invalidDefault
    // Files
    case noSuchFileOrFolder, brokenLink, pointsOutside, notRegularFile, largerThan, cannotOpen, notUTF8
    // YAML
    case yamlUnquotedColon, yamlTab, yamlUnclosed, yamlUnclosedQuote, yamlBadIndent, yamlDuplicateKey, yamlOther
    case yamlAliasKey, yamlCollectionKey, yamlComplexKey, yamlDeepIndent, yamlDeepFlow, yamlTooManyAliases
    case yamlTooManyNodes
    // Validation
    case variantOf, variantsOf, alsoIn, expectedActual, mutantDrop, mutantDefaultBridge, mutantOtherNetwork
    case mutantForgetAlias, mutantMisspellAlias, mutantMisspellName, mutantMisspellNetwork, mutantPublish
    case mutantReplicas, mutantEndpointMode, mutantNoAttachable, mutantNoEncryption, mutantBridgeNotOverlay
    case mutantOtherMachine, mutantScale, mutantAppend, mutantInsert, mutantRawTable, mutantURLPort, mutantUndo
    case mutantsSummary, validateSummary, clean, notClean, noCommand

    var en: String {
        switch self {
        case .aMapping: return "a mapping"
        case .aString: return "a string"
        case .aWholeNumber: return "a whole number"
        case .trueOrFalse: return "true or false"
        case .aListOfStrings: return "a list of strings"
        case .aMappingOfStrings: return "a mapping of strings"
        case .aPlainName: return "a plain name"
        case .aList: return "a list"
        case .aSingleValue: return "a single value"
        case .anEmptyFile: return "an empty file"
        case .nonEmptyStepList: return "a non-empty list of steps"
        case .aListOfChecks: return "a list of checks"
        case .nonEmptyListOfChecks: return "a non-empty list of checks"
        case .aListOfHints: return "a list of hints"
        case .aListOfNames: return "a list of names"
        case .aliasesMapping: return "a mapping of network → list of aliases"
        case .minMax: return "[min, max]"
        case .trueFalseAny: return "true, false or any"
        case .hostsList: return "a list of machine names or {name, address} mappings"
        case .atLeast: return "{0} (at least {1})"
        case .idChars: return "'{0}' (use a-z, 0-9, '-', '_', '.')"
        case .roleChars: return "'{0}' (letters, digits, '-', '_')"
        case .parameterChars: return "'{0}' (use a-z, 0-9, '_')"
        case .exactlyOneOf: return "give exactly one of {0}"
        case .notAChoice: return "'{0}' is not a choice"
        case .notInRange: return "'{0}' is not in [{1}, {2}]"
        case .notASubnetInside: return "'{0}' is not a /{1} inside {2}"
        case .prefixBetween: return "{0} (between {1} and 30)"
        case .notACIDR: return "'{0}' is not an IPv4 CIDR"
        case .empty: return "empty"
        case .greaterThan: return "{0} > {1}"
        case .tierValues: return "'{0}' (nudge, concept or command)"
        case .hiddenNested: return "only a step's own checks can be hidden, not one inside all, any or not"
        case .oneVisible: return "at least one check must be visible (not hidden)"
        case .portRange: return "'{0}' (a port from 1 to 65535)"
        case .absentCannotBind: return "absent cannot bind a role"
        case .noneCombined: return "none: true cannot be combined with to, tasks or vip"
        case .publishedFormat: return "'{0}' (PORT, HOSTPORT:PORT or IP:HOSTPORT:PORT, optional /proto)"
        case .servicePublishedFormat: return "'{0}' (TARGET or PUBLISHED:TARGET, optional /proto)"
        case .endpointMode: return "'{0}' (vip or dnsrr)"
        case .serviceAbsentAlone: return "absent: true takes only a name"
        case .swarmAbsentAlone: return "absent: true cannot be combined with nodes, managers or workers"
        case .notARegex: return "'{0}' is not a regular expression"
        case .oneOf: return "{0} (one of {1})"
        case .absentWithPlace: return "absent: true cannot be combined with before, after or position"
        case .absentWithContains: return "exists: false cannot be combined with contains"
        case .aPath: return "a path of 1 to 4096 bytes"
        case .roleKeyBinds: return "a role's key binds it: leave out name and bind"
        case .roleIsLabWide: return "{0} is bound for the whole lab (roles:); pick another name"
        case .didYouMean: return "did you mean '{0}'?"
        case .tooManyHosts: return "{0} machines (at most {1})"
        case .lanAddress: return "'{0}' (an address of the LAN 192.168.1.0/24)"
        case .hostnameChars: return "'{0}' (a hostname: a-z first, then a-z, 0-9, '-')"
        case .reservedHost: return "'{0}' is already a place on the LAN ({1})"
        case .addressTaken: return "{0} of {1} is already taken on the LAN"
        case .noFreeAddress: return "no free LAN address for {0}"
        case .unknownMachine: return "'{0}' is not a machine of this lab ({1}; declare it under hosts:)"
        case .invalidDefault: return "the default '{0}' is not used: templates of {1} are not checked further"
        case .noSuchFileOrFolder: return "no such file or folder"
        case .brokenLink: return "a symbolic link that leads nowhere (its target is missing, or links point at each other)"
        case .pointsOutside: return "it points outside {0}"
        case .notRegularFile: return "not a regular file"
        case .largerThan: return "the file is larger than {0} bytes"
        case .cannotOpen: return "cannot open"
        case .notUTF8: return "not UTF-8"
        case .yamlUnquotedColon: return "a ': ' inside an unquoted value; quote the whole value, e.g. {0}"
        case .yamlTab: return "a tab in the indentation; YAML indents with spaces only (replace the tab with spaces)"
        case .yamlUnclosed: return "this '{0}' is never closed; add '{1}' where it should end (line {2} at the latest)"
        case .yamlUnclosedQuote: return "this quote ({0}) is never closed; add {0} at the end of the value"
        case .yamlBadIndent: return "the indentation does not line up with the lines above; indent this line like its siblings"
        case .yamlDuplicateKey: return "duplicate key {0}; each key may appear once per mapping"
        case .yamlOther: return "{0}"
        case .yamlAliasKey: return "an alias may not be a mapping key"
        case .yamlCollectionKey: return "a collection may not be a mapping key"
        case .yamlComplexKey: return "complex mapping keys ('? ') are not allowed"
        case .yamlDeepIndent: return "a line is indented deeper than {0} columns"
        case .yamlDeepFlow: return "flow collections nest deeper than {0}"
        case .yamlTooManyAliases: return "more than {0} aliases"
        case .yamlTooManyNodes: return "the document expands to more than {0} nodes or nests deeper than 64 (aliases?)"
        case .variantOf: return "variant of {0}"
        case .variantsOf: return "variants of {0}"
        case .alsoIn: return "also in {0}"
        case .expectedActual: return "{0} (expected {1}, actual {2})"
        case .mutantDrop: return "drop command {0}: {1}"
        case .mutantDefaultBridge: return "default bridge instead of {0} in command {1}"
        case .mutantOtherNetwork: return "network {0} instead of {1} in command {2}"
        case .mutantForgetAlias: return "forget alias {0} in command {1}"
        case .mutantMisspellAlias: return "misspell alias '{0}' as '{1}' in command {2}"
        case .mutantMisspellName: return "misspell name '{0}' as '{1}' in command {2}"
        case .mutantMisspellNetwork: return "misspell network '{0}' as '{1}' in command {2}"
        case .mutantPublish: return "publish {0} instead of {1} in command {2}"
        case .mutantReplicas: return "--replicas {0} instead of {1} in command {2}"
        case .mutantEndpointMode: return "--endpoint-mode {0} instead of {1} in command {2}"
        case .mutantNoAttachable: return "forget --attachable in command {0}"
        case .mutantNoEncryption: return "forget --opt encrypted in command {0}"
        case .mutantBridgeNotOverlay: return "bridge instead of overlay in command {0}"
        case .mutantOtherMachine: return "run command {2} on {0} instead of {1}"
        case .mutantScale: return "scale {0} to {1} instead of {2} in command {3}"
        case .mutantAppend: return "append the rule (-A) instead of inserting it in command {0}"
        case .mutantInsert: return "insert the rule at the top (-I) instead of appending it in command {0}"
        case .mutantRawTable: return "the rule in table raw, chain PREROUTING, instead of {0}/{1} in command {2}"
        case .mutantURLPort: return "port {0} instead of {1} in command {2}"
        case .mutantUndo: return "step '{0}' undone ({1}) after this step's solution: its invariants must catch it"
        case .mutantsSummary: return "{0} near-miss mutant(s) tried, {1} caught, {2} accepted"
        case .validateSummary: return "{0} file(s), {1} error(s), {2} warning(s): {3}"
        case .clean: return "clean"
        case .notClean: return "NOT clean"
        case .noCommand: return "(no command)"
        }
    }

    var ko: String {
        switch self {
        case .aMapping: return "매핑"
        case .aString: return "문자열"
        case .aWholeNumber: return "정수"
        case .trueOrFalse: return "true 또는 false"
        case .aListOfStrings: return "문자열 목록"
        case .aMappingOfStrings: return "문자열 매핑"
        case .aPlainName: return "평범한 이름"
        case .aList: return "목록"
        case .aSingleValue: return "값 하나"
        case .anEmptyFile: return "빈 파일"
        case .nonEmptyStepList: return "비어 있지 않은 단계 목록"
        case .aListOfChecks: return "검사 목록"
        case .nonEmptyListOfChecks: return "비어 있지 않은 검사 목록"
        case .aListOfHints: return "힌트 목록"
        case .aListOfNames: return "이름 목록"
        case .aliasesMapping: return "네트워크 → 별칭 목록의 매핑"
        case .minMax: return "[최솟값, 최댓값]"
        case .trueFalseAny: return "true, false, any 중 하나"
        case .hostsList: return "머신 이름 또는 {name, address} 매핑의 목록"
        case .atLeast: return "{0} ({1} 이상이어야 함)"
        case .idChars: return "'{0}' (a-z, 0-9, '-', '_', '.'만 쓰세요)"
        case .roleChars: return "'{0}' (글자, 숫자, '-', '_'만 쓰세요)"
        case .parameterChars: return "'{0}' (a-z, 0-9, '_'만 쓰세요)"
        case .exactlyOneOf: return "{0} 중 정확히 하나만 쓰세요"
        case .notAChoice: return "'{0}'{:은} 선택지에 없습니다"
        case .notInRange: return "'{0}'{:은} [{1}, {2}] 범위 밖입니다"
        case .notASubnetInside: return "'{0}'{:은} {2} 안의 /{1} 서브넷이 아닙니다"
        case .prefixBetween: return "{0} ({1}에서 30 사이여야 함)"
        case .notACIDR: return "'{0}'{:은} IPv4 CIDR이 아닙니다"
        case .empty: return "비어 있음"
        case .greaterThan: return "{0} > {1}"
        case .tierValues: return "'{0}' (nudge, concept, command 중 하나)"
        case .hiddenNested: return "단계의 검사만 숨길 수 있고, all, any, not 안의 검사는 숨길 수 없습니다"
        case .oneVisible: return "보이는(숨기지 않은) 검사가 하나 이상 있어야 합니다"
        case .portRange: return "'{0}' (1에서 65535 사이의 포트)"
        case .absentCannotBind: return "absent는 역할을 정할 수 없습니다"
        case .noneCombined: return "none: true는 to, tasks, vip와 함께 쓸 수 없습니다"
        case .publishedFormat: return "'{0}' (PORT, HOSTPORT:PORT, IP:HOSTPORT:PORT, 선택적으로 /proto)"
        case .servicePublishedFormat: return "'{0}' (TARGET 또는 PUBLISHED:TARGET, 선택적으로 /proto)"
        case .endpointMode: return "'{0}' (vip 또는 dnsrr)"
        case .serviceAbsentAlone: return "absent: true에는 이름만 쓸 수 있습니다"
        case .swarmAbsentAlone: return "absent: true는 nodes, managers, workers와 함께 쓸 수 없습니다"
        case .notARegex: return "'{0}'{:은} 정규 표현식이 아닙니다"
        case .oneOf: return "{0} ({1} 중 하나)"
        case .absentWithPlace: return "absent: true는 before, after, position과 함께 쓸 수 없습니다"
        case .absentWithContains: return "exists: false는 contains와 함께 쓸 수 없습니다"
        case .aPath: return "1~4096바이트 경로"
        case .roleKeyBinds: return "역할은 키가 정합니다: name과 bind를 빼세요"
        case .roleIsLabWide: return "{0:은} 실습 전체의 역할(roles:)입니다. 다른 이름을 고르세요"
        case .didYouMean: return "'{0}'{:을} 뜻했나요?"
        case .tooManyHosts: return "머신 {0}대 (최대 {1}대)"
        case .lanAddress: return "'{0}' (LAN 192.168.1.0/24의 주소)"
        case .hostnameChars: return "'{0}' (호스트 이름: a-z로 시작하고 a-z, 0-9, '-')"
        case .reservedHost: return "'{0}'{:은} 이미 LAN에 있는 이름입니다 ({1})"
        case .addressTaken: return "{1}의 주소 {0:은} 이미 LAN에서 쓰고 있습니다"
        case .noFreeAddress: return "{0}에 줄 빈 LAN 주소가 없습니다"
        case .unknownMachine: return "'{0}'{:은} 이 실습의 머신이 아닙니다 ({1}; hosts:에 선언하세요)"
        case .invalidDefault: return "기본값 '{0}'{:을} 쓸 수 없어 {1}의 템플릿은 더 검사하지 않습니다"
        case .noSuchFileOrFolder: return "파일이나 폴더가 없습니다"
        case .brokenLink: return "가리키는 곳이 없는 심볼릭 링크입니다(대상이 없거나 링크끼리 서로 가리킵니다)"
        case .pointsOutside: return "{0} 밖을 가리킵니다"
        case .notRegularFile: return "일반 파일이 아닙니다"
        case .largerThan: return "파일이 {0}바이트보다 큽니다"
        case .cannotOpen: return "열 수 없습니다"
        case .notUTF8: return "UTF-8이 아닙니다"
        case .yamlUnquotedColon: return "따옴표 없는 값 안에 ': '가 있습니다. 값 전체를 따옴표로 감싸세요. 예: {0}"
        case .yamlTab: return "들여쓰기에 탭이 있습니다. YAML은 공백으로만 들여씁니다 (탭을 공백으로 바꾸세요)"
        case .yamlUnclosed: return "이 '{0}'{:이} 닫히지 않았습니다. 끝나야 할 곳(늦어도 {2}번째 줄)에 '{1}'{:을} 넣으세요"
        case .yamlUnclosedQuote: return "이 따옴표({0})가 닫히지 않았습니다. 값 끝에 {0:을} 넣으세요"
        case .yamlBadIndent: return "들여쓰기가 위의 줄과 맞지 않습니다. 같은 수준의 줄처럼 들여쓰세요"
        case .yamlDuplicateKey: return "키 {0:이} 중복됩니다. 한 매핑에서 키는 한 번만 쓸 수 있습니다"
        case .yamlOther: return "{0}"
        case .yamlAliasKey: return "별칭은 매핑 키가 될 수 없습니다"
        case .yamlCollectionKey: return "컬렉션은 매핑 키가 될 수 없습니다"
        case .yamlComplexKey: return "복합 매핑 키('? ')는 쓸 수 없습니다"
        case .yamlDeepIndent: return "들여쓰기가 {0}칸보다 깊은 줄이 있습니다"
        case .yamlDeepFlow: return "흐름 컬렉션이 {0}단계보다 깊게 중첩됩니다"
        case .yamlTooManyAliases: return "별칭이 {0}개를 넘습니다"
        case .yamlTooManyNodes: return "문서가 {0}개보다 많은 노드로 펼쳐지거나 64단계보다 깊습니다 (별칭?)"
        case .variantOf: return "{0}의 변형"
        case .variantsOf: return "{0}의 변형"
        case .alsoIn: return "{0}에도 있음"
        case .expectedActual: return "{0} (기대값 {1}, 실제값 {2})"
        case .mutantDrop: return "{0}번째 명령 빼기: {1}"
        case .mutantDefaultBridge: return "{1}번째 명령에서 {0} 대신 기본 bridge"
        case .mutantOtherNetwork: return "{2}번째 명령에서 {1} 대신 네트워크 {0}"
        case .mutantForgetAlias: return "{1}번째 명령에서 별칭 {0} 빠뜨리기"
        case .mutantMisspellAlias: return "{2}번째 명령에서 별칭 '{0}'{:을} '{1}'{:으로} 잘못 쓰기"
        case .mutantMisspellName: return "{2}번째 명령에서 이름 '{0}'{:을} '{1}'{:으로} 잘못 쓰기"
        case .mutantMisspellNetwork: return "{2}번째 명령에서 네트워크 '{0}'{:을} '{1}'{:으로} 잘못 쓰기"
        case .mutantPublish: return "{2}번째 명령에서 {1} 대신 {0} 게시"
        case .mutantReplicas: return "{2}번째 명령에서 --replicas {1} 대신 {0}"
        case .mutantEndpointMode: return "{2}번째 명령에서 --endpoint-mode {1} 대신 {0}"
        case .mutantNoAttachable: return "{0}번째 명령에서 --attachable 빠뜨리기"
        case .mutantNoEncryption: return "{0}번째 명령에서 --opt encrypted 빠뜨리기"
        case .mutantBridgeNotOverlay: return "{0}번째 명령에서 overlay 대신 bridge"
        case .mutantOtherMachine: return "{2}번째 명령을 {1} 대신 {0}에서 실행"
        case .mutantScale: return "{3}번째 명령에서 {0:을} {2}개 대신 {1}개로 조정"
        case .mutantAppend: return "{0}번째 명령에서 규칙을 맨 앞에 넣는(-I) 대신 끝에 붙이기(-A)"
        case .mutantInsert: return "{0}번째 명령에서 규칙을 끝에 붙이는(-A) 대신 맨 앞에 넣기(-I)"
        case .mutantRawTable: return "{2}번째 명령에서 {0}/{1} 대신 raw 테이블의 PREROUTING 체인에 규칙 넣기"
        case .mutantURLPort: return "{2}번째 명령에서 포트 {1} 대신 {0}"
        case .mutantUndo: return "이 단계의 풀이 뒤에 '{0}' 단계를 되돌림({1}): 그 단계의 불변 조건이 잡아내야 합니다"
        case .mutantsSummary: return "변형 풀이 {0}개 시도, {1}개 걸러 냄, {2}개 통과"
        case .validateSummary: return "파일 {0}개, 오류 {1}개, 경고 {2}개: {3}"
        case .clean: return "깨끗함"
        case .notClean: return "깨끗하지 않음"
        case .noCommand: return "(명령 없음)"
        }
    }
}
