import ArgumentParser
import CNMLabs
import CNMShell

/// A value chosen from a fixed list (`--format`, `--lang`): one outside the list is an "invalid value"
/// error on standard error with exit status 2, as `grade` reports its own option values; a malformed
/// command line (an unknown option, a missing value) stays ArgumentParser's usage error, exit 64.
enum OptionChoice {
    /// The case of `T` whose raw value is `value` (case-insensitive), or the error printed and exit 2.
    static func pick<T: CaseIterable & RawRepresentable>(_ type: T.Type, _ value: String, option: String,
                                                         command: String, locale: LabLocale) throws -> T
    where T.RawValue == String {
        if let match = T.allCases.first(where: { $0.rawValue == value.lowercased() }) { return match }
        let names = T.allCases.map(\.rawValue)
        let or = locale == .ko ? " 또는 " : " or "
        let expected = names.count < 2 ? names.joined()
            : names.dropLast().joined(separator: ", ") + or + names[names.count - 1]
        let message = GradeJob.invalidValue(option, value, expected, locale)
        Output.write("cnmlab \(command): " + message + "\n", to: 2)
        throw ExitCode(GradeJob.badInput)
    }
}
