/// How docker/cli's swarm listings choose and apply their `--format`
/// (`NewListFormat` in cli/command/service/formatter.go, `NewTaskFormat` in
/// cli/command/task/formatter.go, `NewFormat` in cli/command/node/formatter.go):
/// no format or `table` means the command's default table — or `{{.ID}}` with
/// `-q` —, `raw` means the command's raw template, anything else is used as given.
struct SwarmListFormat: Sendable {
    /// The default `table …` format.
    let table: String
    /// The `raw` format key's template (docker writes `\n` as two characters; the formatter expands them).
    let raw: String
    /// The `raw` template with `-q`.
    let rawQuiet: String
    /// Header cells for `table` formats, by field name.
    let headers: [String: String]

    /// docker `formatter.DefaultQuietFormat`.
    static let quietFormat = "{{.ID}}"

    /// The template text the formatter will run for `given` (the `--format` value, possibly empty).
    func resolve(_ given: String, quiet: Bool) -> String {
        switch given {
        case "", "table": return quiet ? Self.quietFormat : table
        case "raw": return quiet ? rawQuiet : raw
        default: return given
        }
    }

    /// Renders `rows` the way docker's `formatter.Context.Write` does.
    func render(_ given: String, quiet: Bool, rows: [TemplateValue]) -> CommandOutput {
        let format = resolve(given, quiet: quiet)
        return DockerFormatter.render(format: format, defaultFormat: format, rows: rows, headers: headers)
    }
}
