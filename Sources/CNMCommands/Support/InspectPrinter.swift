/// Prints inspect results as docker/cli's inspector does (cli/command/inspect/inspector.go):
/// no format → an indented JSON array; `json` → a compact array; a template → one line
/// per object, retried on the raw-JSON view with `missingkey=error` when the typed
/// value fails. Lookup and template errors are joined on stderr after the output; exit 1.
/// A template that does not parse exits 64.
enum InspectPrinter {
    /// One looked-up reference: its value, or the error line docker prints for it.
    enum Item {
        case found(TemplateValue)
        case failed(String)
    }

    static func print(_ items: [Item], format: String) -> CommandOutput {
        var errors: [String] = []
        var values: [TemplateValue] = []
        for item in items {
            switch item {
            case .found(let v): values.append(v)
            case .failed(let e): errors.append(e)
            }
        }
        var out = CommandOutput()
        if format.isEmpty || format == "json" {
            if values.isEmpty {
                out.stdout = "[]\n"
            } else {
                let text = format.isEmpty ? (try? GoJSON.encodeIndented(.list(values))) : (try? GoJSON.encode(.list(values)))
                out.stdout = (text ?? "[]") + "\n"
            }
        } else {
            let template: GoTemplate
            do {
                template = try GoTemplate(format)
            } catch {
                return CommandOutput(stderr: templateError(error) + "\n", exitCode: 64)
            }
            var buffer = ""
            errors = []
            for item in items {
                switch item {
                case .failed(let e): errors.append(e)
                case .found(let value):
                    if let text = try? template.execute(value) {
                        buffer += text + "\n"
                        continue
                    }
                    do {
                        buffer += try template.execute(RawJSONView.value(of: value), options: GoTemplate.ExecuteOptions(missingKeyError: true)) + "\n"
                    } catch {
                        errors.append(templateError(error))
                    }
                }
            }
            out.stdout = buffer.isEmpty ? "\n" : buffer
        }
        if !errors.isEmpty {
            out.stderr = errors.joined(separator: "\n") + "\n"
            out.exitCode = 1
        }
        return out
    }
}
