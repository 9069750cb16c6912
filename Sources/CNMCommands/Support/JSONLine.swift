/// One line of `cnmlab sim --json` output.
public enum JSONLine {
    public static func encode(command: String, output: CommandOutput) -> String {
        let value = TemplateValue.object([
            ("command", .string(command)),
            ("exitCode", .int(Int64(output.exitCode))),
            ("stdout", .string(output.stdout)),
            ("stderr", .string(output.stderr)),
        ])
        return (try? GoJSON.encode(value)) ?? "{}"
    }
}
