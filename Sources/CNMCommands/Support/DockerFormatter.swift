/// docker/cli's list formatter (cli/command/formatter/formatter.go): a `--format`
/// that is `table …`, `json` or a raw Go template, applied to each row; tables
/// get a header row and Go tabwriter alignment (minwidth 10, padding 3).
enum DockerFormatter {
    static func render(format: String, defaultFormat: String, rows: [TemplateValue], headers: [String: String]) -> CommandOutput {
        let source = format.isEmpty || format == "table" ? defaultFormat : format
        do {
            return .ok(try TemplateFormat(source).render(rows: rows, header: .stringMap(headers)))
        } catch {
            return .fail(templateError(error) + "\n")
        }
    }
}

/// Docker's wording for a template failure.
func templateError(_ error: any Error) -> String {
    if let e = error as? TemplateError { return e.dockerMessage }
    return "template parsing error: \(error)"
}
