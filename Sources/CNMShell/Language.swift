/// The languages cnmlab speaks. Korean is the course's language; English is alongside.
public enum Language: String, Sendable, CaseIterable {
    case ko
    case en

    /// The default from the environment: LC_ALL, then LC_MESSAGES, then LANG (`ko_KR.UTF-8` → Korean).
    public static func fromEnvironment(_ env: [String: String]) -> Language {
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let v = env[key], !v.isEmpty { return v.lowercased().hasPrefix("ko") ? .ko : .en }
        }
        return .en
    }
}
