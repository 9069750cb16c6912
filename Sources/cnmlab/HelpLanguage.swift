import ArgumentParser
import CNMSim
import Foundation

/// The language of `--help`: ArgumentParser reads the abstracts, discussions and option helps from
/// static configurations and property-wrapper arguments, before any `--lang` is parsed, so the
/// language is decided once at startup from what the command line and environment say: `--lang ko`
/// or `--lang=ko` anywhere on the command line, else `Language.fromEnvironment` (`CNMLAB_LANG`,
/// `LC_ALL`, `LC_MESSAGES`, `LANG`). Every help text is written as a Korean/English pair through
/// `HelpLanguage.text`, so neither language can be missing.
enum HelpLanguage {
    /// The language `--help` speaks in this process.
    static let current: Language = detect(arguments: CommandLine.arguments, environment: ProcessInfo.processInfo.environment)

    /// `--lang VALUE` / `--lang=VALUE` on the command line (the last one given), else the environment.
    static func detect(arguments: [String], environment: [String: String]) -> Language {
        var chosen: Language?
        for (i, a) in arguments.enumerated() {
            if a == "--" { break }
            if a == "--lang", i + 1 < arguments.count, let l = Language.named(arguments[i + 1]) { chosen = l }
            if a.hasPrefix("--lang="), let l = Language.named(String(a.dropFirst("--lang=".count))) { chosen = l }
        }
        return chosen ?? Language.fromEnvironment(environment)
    }

    /// The text of a help pair in the current language (a `MessageTemplate` without values).
    static func text(ko: String, en: String) -> String { text(ko: ko, en: en, in: current) }

    static func text(ko: String, en: String, in language: Language) -> String {
        MessageTemplate.fill(language == .ko ? ko : en, [String: String]())
    }

    /// A help pair for `@Option(help:)`, `@Flag(help:)` and `@Argument(help:)`.
    static func help(ko: String, en: String) -> ArgumentHelp {
        ArgumentHelp(text(ko: ko, en: en))
    }

    /// ArgumentParser's own words in a help text (headings, the built-in `--help`/`--version` lines,
    /// `(default: …)`), in Korean when help speaks Korean; the library prints them in English only.
    static func localizingLibraryWords(_ help: String, in language: Language = current) -> String {
        guard language == .ko else { return help }
        let headings = ["OVERVIEW:": "개요:", "USAGE:": "사용법:", "ARGUMENTS:": "인자:", "OPTIONS:": "옵션:",
                        "SUBCOMMANDS:": "하위 명령:"]
        let phrases = [("Show the version.", "버전을 보여 줍니다."), ("Show help information.", "도움말을 보여 줍니다."),
                       ("(default: ", "(기본값: "), ("(default) ", "(기본값)  "), ("(default)", "(기본값)"),
                       ("for detailed help.", "로 자세한 도움말을 봅니다.")]
        let lines = help.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            var l = String(line)
            for (en, ko) in headings where l.hasPrefix(en) { l = ko + l.dropFirst(en.count) }
            if l.hasPrefix("  See '"), l.hasSuffix("' for detailed help.") {
                // `  See 'cnmlab help <subcommand>' for detailed help.`
                let command = l.dropFirst("  See '".count).dropLast("' for detailed help.".count)
                return "  '\(command)'로 자세한 도움말을 봅니다."
            }
            if let error = parserLine(l) { return error }
            for (en, ko) in phrases { l = l.replacingOccurrences(of: en, with: ko) }
            return l
        }
        return lines.joined(separator: "\n")
    }

    /// The parser's error, help and usage lines (`Error: Unknown option '--x'`, `Usage: …`,
    /// `  See 'cnmlab labs --help' for more information.`) in Korean; nil for any other line.
    static func parserLine(_ line: String) -> String? {
        let patterns: [(en: String, ko: String)] = [
            ("Error: Unknown option '{x}'", "오류: 알 수 없는 옵션입니다: '{x}'"),
            ("Error: Missing expected argument '{x}'", "오류: 필요한 인자가 없습니다: '{x}'"),
            ("Error: Missing value for '{x}'", "오류: 값이 없습니다: '{x}'"),
            ("Error: Unexpected argument '{x}'", "오류: 예상하지 못한 인자입니다: '{x}'"),
            ("Error: The value '{v}' is invalid for '{x}'", "오류: '{x}'에 쓸 수 없는 값입니다: '{v}'"),
            ("Error: {x}", "오류: {x}"),
            ("Help:  {x}", "도움말:  {x}"),
            ("Usage: {x}", "사용법: {x}"),
            ("  See '{x}' for more information.", "  자세한 내용은 '{x}'로 봅니다."),
        ]
        for p in patterns {
            if let values = MessageTemplate.match(p.en, line) { return MessageTemplate.fill(p.ko, values) }
        }
        return nil
    }
}
