import CNMSim

/// A question with accepted answers (e.g. the default bridge's gateway), and what to tell a
/// learner whose answer is wrong.
public struct Quiz: Sendable, Hashable {
    public var question: LocalizedText
    public var accept: [String]
    public var caseSensitive: Bool
    /// Feedback for expected wrong answers (`wrong:` in the lab file), tried in order.
    public var wrong: [WrongAnswer]
    /// Why the accepted answer is right, in a sentence or two (`explain:`): told after a right
    /// answer and with the revealed solution, so that a concept question teaches, not only grades.
    public var explain: LocalizedText?

    public init(question: LocalizedText, accept: [String], caseSensitive: Bool = false, wrong: [WrongAnswer] = [],
                explain: LocalizedText? = nil) {
        self.question = question; self.accept = accept; self.caseSensitive = caseSensitive; self.wrong = wrong
        self.explain = explain
    }

    /// The explanation in `locale`, or nil when the quiz has none.
    public func explanation(_ locale: LabLocale) -> String? {
        guard let text = explain?.resolve(locale).trimmingSpaces, !text.isEmpty else { return nil }
        return text
    }

    /// Whether `answer` is accepted (surrounding spaces ignored; case too unless `caseSensitive`).
    public func accepts(_ answer: String) -> Bool {
        let a = normalize(answer)
        return accept.contains { normalize($0) == a }
    }

    /// What to tell a learner whose `answer` is not accepted: the author's feedback for that
    /// answer, else a sentence that says what form the answer takes (never the answer itself).
    public func feedback(for answer: String, locale: LabLocale) -> String {
        let a = normalize(answer)
        if let w = wrong.first(where: { $0.accept.contains { normalize($0) == a } }) {
            let say = w.say.resolve(locale).trimmingSpaces
            if !say.isEmpty { return say }
        }
        return LabMessage.quizWrongForm.format(locale, [form.description(locale)])
    }

    /// The form of the accepted answer.
    public var form: AnswerForm { AnswerForm.of(accept) }

    func normalize(_ s: String) -> String {
        let t = s.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).joined(separator: " ")
        return caseSensitive ? t : t.lowercased()
    }

    /// The quiz with every text passed through `f` (a variant's templates).
    func mapStrings(_ f: (String) -> String) -> Quiz {
        Quiz(question: question.mapStrings(f), accept: accept.map(f), caseSensitive: caseSensitive,
             wrong: wrong.map { WrongAnswer(accept: $0.accept.map(f), say: $0.say.mapStrings(f)) },
             explain: explain?.mapStrings(f))
    }
}

/// Answers an author expects to be given by mistake, and what to say to them
/// (`{accept: ["8046"], say: {ko: …, en: …}}`).
public struct WrongAnswer: Sendable, Hashable {
    public var accept: [String]
    public var say: LocalizedText

    public init(accept: [String], say: LocalizedText) { self.accept = accept; self.say = say }
}

/// The shape of a quiz's answer, told to a learner whose answer is wrong.
public enum AnswerForm: Sendable, Hashable, CaseIterable {
    case ipv4Address, subnet, macAddress, number, yesNo, word, text

    /// The form of the first accepted answer (the one a transcript gives; others are variants of it,
    /// such as `1` and `one`); `text` when there is none.
    public static func of(_ answers: [String]) -> AnswerForm {
        answers.first.map(form(of:)) ?? .text
    }

    static func form(of answer: String) -> AnswerForm {
        let a = LabLine.trim(answer)
        if IPv4Address(a) != nil { return .ipv4Address }
        if a.contains("/"), IPv4Subnet(a) != nil { return .subnet }
        if MACAddress(a) != nil { return .macAddress }
        if !a.isEmpty, a.allSatisfy(\.isASCIIDigit) { return .number }
        if ["yes", "no", "y", "n", "예", "네", "아니요", "아니오"].contains(a.lowercased()) { return .yesNo }
        if !a.isEmpty, !a.contains(where: { $0 == " " || $0 == "\t" }) { return .word }
        return .text
    }

    /// "an IPv4 address such as 192.0.2.10", in `locale`.
    public func description(_ locale: LabLocale) -> String {
        switch (self, locale) {
        case (.ipv4Address, .ko): return "192.0.2.10 같은 IPv4 주소"
        case (.ipv4Address, _): return "an IPv4 address such as 192.0.2.10"
        case (.subnet, .ko): return "192.0.2.0/24 같은 CIDR 서브넷"
        case (.subnet, _): return "a subnet in CIDR form such as 192.0.2.0/24"
        case (.macAddress, .ko): return "02:42:c0:00:02:0a 같은 MAC 주소"
        case (.macAddress, _): return "a MAC address such as 02:42:c0:00:02:0a"
        case (.number, .ko): return "숫자 하나"
        case (.number, _): return "a number"
        case (.yesNo, .ko): return "yes 또는 no"
        case (.yesNo, _): return "yes or no"
        case (.word, .ko): return "낱말 하나 (이름이나 값)"
        case (.word, _): return "a single word (a name or a value)"
        case (.text, .ko): return "짧은 글"
        case (.text, _): return "a short text"
        }
    }
}

private extension Character {
    var isASCIIDigit: Bool { self >= "0" && self <= "9" }
}
