/// The languages cnmlab speaks: Korean (the course's language) and English. The one language type
/// of every module — labs, grading, progress, the shell — so that a choice made on the command line
/// or in the environment reaches every message the same way.
///
/// It lives in CNMSim's `Support` folder, beside `MessageTemplate`, only because CNMSim is the module
/// every other one already depends on; the simulation itself never speaks a language.
public enum Language: String, Sendable, Hashable, CaseIterable, Codable {
    case ko
    case en

    /// The language a missing text falls back to.
    public var fallback: Language { self == .ko ? .en : .ko }

    /// The language a person asked for, in this order: `CNMLAB_LANG` (`ko` or `en`), then the
    /// POSIX locale variables as the C library reads them — `LC_ALL`, then `LC_MESSAGES`, then
    /// `LANG` (`ko_KR.UTF-8` → Korean; any other non-empty value → English). English when none is set.
    public static func fromEnvironment(_ env: [String: String]) -> Language {
        if let forced = env["CNMLAB_LANG"].flatMap(named) { return forced }
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let v = env[key], !v.isEmpty { return v.lowercased().hasPrefix("ko") ? .ko : .en }
        }
        return .en
    }

    /// The environment variables `fromEnvironment` reads, for programs that copy a filtered environment.
    public static let environmentKeys = ["CNMLAB_LANG", "LC_ALL", "LC_MESSAGES", "LANG"]

    /// `ko`, `en` (any case, spaces ignored), or nil.
    public static func named(_ text: String) -> Language? {
        Language(rawValue: String(text.lowercased().filter { $0 != " " && $0 != "\t" }))
    }
}
