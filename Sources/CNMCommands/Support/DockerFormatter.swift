/// docker/cli's list formatter (cli/command/formatter/formatter.go): a `--format`
/// that is `table …`, `json` or a raw Go template, applied to each row; tables
/// get a header row and Go tabwriter alignment (minwidth 10, padding 3).
enum DockerFormatter {
    static func render(format: String, defaultFormat: String, rows: [TemplateValue], headers: [String: String]) -> CommandOutput {
        let source = format.isEmpty || format == "table" ? defaultFormat : format
        let isTable = source.hasPrefix("table")
        var body: String
        if isTable {
            body = String(source.dropFirst("table".count))
        } else if source == "json" {
            body = "{{json .}}"
        } else {
            body = source
        }
        body = body.trimmingCharacters(" ")
            .replacingOccurrences("\\t", "\t")
            .replacingOccurrences("\\n", "\n")
        let template: GoTemplate
        do {
            template = try GoTemplate.parse(body)
        } catch {
            return .fail(templateError(error) + "\n")
        }
        var output = ""
        for row in rows {
            do {
                output += try template.execute(row) + "\n"
            } catch {
                return CommandOutput(stdout: isTable ? "" : output, stderr: templateError(error) + "\n", exitCode: 1)
            }
        }
        guard isTable else { return .ok(output) }
        let header = (try? template.execute(.stringMap(headers), options: GoTemplate.ExecuteOptions(headerFunctions: true))) ?? ""
        return .ok(TableWriter.format(header + "\n" + output))
    }
}

/// Docker's wording for a template failure.
func templateError(_ error: any Error) -> String {
    if let e = error as? TemplateError { return e.dockerMessage }
    return "template parsing error: \(error)"
}

/// Prints inspect results as docker/cli's inspector does: an indented JSON
/// array, or one template line per object (falling back to the raw JSON view
/// when a field is not found, as `tryRawInspectFallback` does).
enum InspectPrinter {
    static func print(_ values: [TemplateValue], format: String) -> CommandOutput {
        if format.isEmpty {
            if values.isEmpty { return .ok("[]\n") }
            let text = (try? GoJSON.encodeIndented(.list(values))) ?? "[]"
            return .ok(text + "\n")
        }
        let body = format == "json" ? "{{json .}}" : format
        let template: GoTemplate
        do {
            template = try GoTemplate.parse(body)
        } catch {
            return .fail(templateError(error) + "\n")
        }
        var out = ""
        for value in values {
            do {
                out += try template.execute(value) + "\n"
            } catch {
                let raw = RawJSONView.value(of: value)
                do {
                    out += try template.execute(raw) + "\n"
                } catch {
                    return CommandOutput(stdout: out, stderr: templateError(error) + "\n", exitCode: 1)
                }
            }
        }
        return .ok(out)
    }
}

/// The value docker's inspect fallback sees: the JSON decoded into
/// `map[string]interface{}` (numbers become float64, omitted fields vanish).
enum RawJSONView {
    static func value(of v: TemplateValue) -> TemplateValue {
        switch v {
        case .structure(let s):
            var map: [String: TemplateValue] = [:]
            for f in s.fields {
                if f.omitEmpty && !f.value.isTruthy { continue }
                map[f.jsonName ?? f.name] = value(of: f.value)
            }
            return .map(map, kind: .any)
        case .map(let m, _, let isNil):
            return isNil ? .null : .map(m.mapValues { value(of: $0) }, kind: .any)
        case .list(let l, let isNil):
            return isNil ? .null : .list(l.map { value(of: $0) })
        case .int(let i): return .float(Double(i))
        case .uint(let u): return .float(Double(u))
        case .time(let t): return .string(GoTime.rfc3339Nano(t))
        default: return v
        }
    }
}

extension String {
    func trimmingCharacters(_ c: Character) -> String {
        var s = Substring(self)
        while s.first == c { s = s.dropFirst() }
        while s.last == c { s = s.dropLast() }
        return String(s)
    }

    func replacingOccurrences(_ target: String, _ replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var out = ""
        var rest = Substring(self)
        while let r = rest.firstRange(of: target) {
            out += rest[..<r.lowerBound] + replacement
            rest = rest[r.upperBound...]
        }
        return out + rest
    }
}
