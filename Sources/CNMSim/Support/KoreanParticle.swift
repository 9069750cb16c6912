/// Korean particles (조사) chosen by the word before them, so that a message reads `remote가`,
/// `web이`, `8080은`, `10.0.0.1로` rather than the `이(가)` fallback of a form.
///
/// Korean picks one of two forms by how the preceding word *sounds*: after a final consonant
/// (받침) `이 은 을 과 으로`, after a vowel `가 는 를 와 로`; `으로/로` also takes `로` after ㄹ.
/// Names in cnmlab's messages are mostly Latin letters and digits, so they are read aloud as a
/// Korean speaker would (the rule `ending(of:)` documents); Hangul is exact.
public enum KoreanParticle {
    /// How a word ends when read aloud in Korean.
    public enum Ending: Sendable, Equatable {
        /// No final consonant (`가 는 를 와 로`).
        case vowel
        /// The final consonant ㄹ (`이 은 을 과`, but `로`).
        case rieul
        /// Any other final consonant (`이 은 을 과 으로`).
        case consonant
    }

    /// The pairs this helper knows: (after a final consonant, after a vowel). A template may name
    /// either form; an unknown particle is written unchanged.
    static let pairs: [(consonant: String, vowel: String)] = [
        ("이", "가"), ("은", "는"), ("을", "를"), ("과", "와"), ("으로", "로"), ("으로서", "로서"),
        ("으로써", "로써"), ("이라는", "라는"), ("이라고", "라고"), ("이나", "나"), ("이랑", "랑"),
        ("이에요", "예요"), ("이며", "며"), ("이라", "라"), ("아", "야"), ("으로도", "로도"), ("으로는", "로는"),
        ("과의", "와의"), ("이라도", "라도"),
    ]

    /// The form of `particle` that follows `word`: `choose("이", after: "db") == "가"`.
    public static func choose(_ particle: String, after word: String) -> String {
        guard let pair = pairs.first(where: { $0.consonant == particle || $0.vowel == particle }) else { return particle }
        switch ending(of: word) {
        case .vowel: return pair.vowel
        case .rieul: return pair.consonant.hasPrefix("으") ? pair.vowel : pair.consonant
        case .consonant: return pair.consonant
        }
    }

    /// The particle `text` starts with, if it starts with one of the known forms (the longest) and
    /// the particle ends there (the next character is not a Hangul syllable): `"가 아니라"` → `"가"`,
    /// `"가지"` → nil. For text that follows a value filled in later (a lab's `{{name}}`).
    public static func leadingParticle(_ text: Substring) -> String? {
        let forms = pairs.flatMap { [$0.consonant, $0.vowel] }.sorted { $0.count > $1.count }
        for form in forms where text.hasPrefix(form) {
            let next = text.dropFirst(form.count).unicodeScalars.first
            if let next, (0xAC00...0xD7A3).contains(next.value) { continue }
            return form
        }
        return nil
    }

    /// `word` followed by the right form of `particle`: `attach("은", to: "8080") == "8080은"`.
    public static func attach(_ particle: String, to word: String) -> String {
        word + choose(particle, after: word)
    }

    /// How `word` ends when read in Korean. Trailing punctuation, quotes, brackets and spaces are
    /// skipped (`'web'` reads as `web`). Then, by the last character:
    /// - a Hangul syllable: its final consonant (exact); a lone consonant jamo (`ㄱ`) counts as one;
    /// - digits: the number they spell, read in Sino-Korean (`numberEnding`);
    /// - Latin letters: the run of letters at the end (`latinEnding`);
    /// - anything else (or nothing): `.vowel`.
    public static func ending(of word: String) -> Ending {
        let scalars = Array(word.unicodeScalars)
        var end = scalars.count
        while end > 0, !isWordScalar(scalars[end - 1]) { end -= 1 }
        guard end > 0 else { return .vowel }
        let last = scalars[end - 1]
        switch last.value {
        case 0xAC00...0xD7A3:
            let final = (last.value - 0xAC00) % 28
            return final == 0 ? .vowel : final == 8 ? .rieul : .consonant
        case 0x3131...0x314E:
            return last.value == 0x3139 ? .rieul : .consonant
        case 0x314F...0x3163:
            return .vowel
        case 0x30...0x39:
            var start = end - 1
            while start > 0, (0x30...0x39).contains(scalars[start - 1].value) { start -= 1 }
            return numberEnding(scalars[start..<end].map { UInt8($0.value - 0x30) })
        default:
            var start = end - 1
            while start > 0, isLatin(scalars[start - 1]) { start -= 1 }
            guard isLatin(last) else { return .vowel }
            return latinEnding(String(String.UnicodeScalarView(scalars[start..<end])))
        }
    }

    /// A number read in Sino-Korean: the last non-zero digit (일 이 삼 사 오 육 칠 팔 구) when it is
    /// the units digit; otherwise the unit its trailing zeros make (십 백 천, then 만 억 조 경 for
    /// each group of four): `8080` 팔천팔십 → ㅂ, `100` 백 → ㄱ, `10000` 만 → ㅁ, `0` 영 → ㅇ.
    static func numberEnding(_ digits: [UInt8]) -> Ending {
        guard digits.contains(where: { $0 != 0 }) else { return .consonant }  // 영
        let zeros = digits.reversed().prefix(while: { $0 == 0 }).count
        if zeros == 0 {
            switch digits[digits.count - 1] {
            case 1, 7, 8: return .rieul      // 일 칠 팔
            case 3, 6: return .consonant     // 삼 육
            default: return .vowel           // 이 사 오 구
            }
        }
        if zeros < 4 { return .consonant }   // 십 백 천
        return zeros / 4 == 3 ? .vowel : .consonant  // 만 억 경… ; 조
    }

    /// Latin letters, read as a Korean speaker reads them.
    ///
    /// Spelled letter by letter (`db` 디비, `tcp` 티씨피, `R` 알) when the run is a
    /// single letter, has no vowel (a e i o u), or is upper case of up to five letters and not a
    /// pronounced acronym (`LAN`, `NAT`…): then the last letter decides — `l` 엘 and `r` 알 end in ㄹ,
    /// `m` 엠 and `n` 엔 in a consonant, every other letter in a vowel.
    ///
    /// Otherwise it is an English word, read as its usual Korean loanword spelling:
    /// - `-ng` (ping 핑), `-m`, `-n` (alpine's `-ne`, name's `-me` too): a consonant;
    /// - `-l`, and `-le` after a consonant (table 테이블): ㄹ;
    /// - `-b -p -t -k -c -ck` after a single vowel letter (web 웹, app 앱, subnet 서브넷, stack 스택):
    ///   a consonant; after a consonant or a vowel pair they take a vowel (host 호스트, link 링크);
    /// - anything else, including `-e`, `-r`, `-s`, `-x`, `-d`, `-g`, `-y` (remote 리모트, server 서버,
    ///   redis 레디스, nginx 엔진엑스, cloud 클라우드, log 로그, proxy 프록시): a vowel.
    static func latinEnding(_ run: String) -> Ending {
        let lower = run.lowercased()
        if let known = pronounced[lower] { return known }
        let letters = Array(lower)
        let vowels: Set<Character> = ["a", "e", "i", "o", "u"]
        let upperShort = run.count <= 5 && run == run.uppercased()
        if letters.count == 1 || !letters.contains(where: vowels.contains) || upperShort {
            switch letters[letters.count - 1] {
            case "l", "r": return .rieul
            case "m", "n": return .consonant
            default: return .vowel
            }
        }
        let n = letters.count
        let last = letters[n - 1]
        let before: Character? = n >= 2 ? letters[n - 2] : nil
        let beforeThat: Character? = n >= 3 ? letters[n - 3] : nil
        let singleVowelBefore = before.map(vowels.contains) == true && beforeThat.map(vowels.contains) != true
        switch last {
        case "g": return before == "n" ? .consonant : .vowel
        case "m", "n": return .consonant
        case "l": return .rieul
        case "e":
            guard let before else { return .vowel }
            if before == "m" || before == "n" { return .consonant }
            if before == "l", let beforeThat, !vowels.contains(beforeThat) { return .rieul }
            return .vowel
        case "k": return before == "c" || singleVowelBefore ? .consonant : .vowel
        case "b", "p", "t", "c": return singleVowelBefore || before == last ? .consonant : .vowel
        default: return .vowel
        }
    }

    /// Acronyms and words said as words, whose spelling the rules above would misread.
    static let pronounced: [String: Ending] = [
        "lan": .consonant, "wan": .consonant, "vlan": .consonant, "nat": .consonant, "snat": .consonant,
        "dnat": .consonant, "mac": .consonant, "ipam": .consonant, "json": .consonant, "yaml": .rieul,
        "cidr": .vowel, "ipvlan": .consonant, "macvlan": .consonant, "iptables": .vowel, "linux": .vowel,
    ]

    static func isLatin(_ s: Unicode.Scalar) -> Bool {
        (0x41...0x5A).contains(s.value) || (0x61...0x7A).contains(s.value)
    }

    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        isLatin(s) || (0x30...0x39).contains(s.value) || (0xAC00...0xD7A3).contains(s.value)
            || (0x3131...0x3163).contains(s.value) || s.properties.isAlphabetic
    }
}
