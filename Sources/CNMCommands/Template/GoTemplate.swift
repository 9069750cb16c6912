/// A parsed Go `text/template` with docker's function set (`json`, `split`,
/// `join`, `title`, `lower`, `upper`, `pad`, `truncate` plus Go's builtins).
///
/// Parse and execution errors are `TemplateError`s whose `message` is Go's
/// exact text; docker prefixes them with `template parsing error: `
/// (`TemplateError.dockerMessage`).
///
///     let t = try GoTemplate("{{.Name}}\t{{.Driver}}")
///     let line = try t.execute(network)
public struct GoTemplate: Sendable {
    /// Execution settings.
    public struct ExecuteOptions: Sendable {
        /// Go's `Option("missingkey=error")`, which docker's inspect uses for
        /// its raw-JSON fallback: a missing map key is an error.
        public var missingKeyError: Bool
        /// Use docker's `HeaderFunctions` (identity `json`, `upper`, …) as when
        /// rendering a table header row.
        public var headerFunctions: Bool
        /// Output larger than this is an error (guards `pad`/`range` blow-ups).
        public var maxOutputBytes: Int
        /// Evaluation steps allowed before giving up (guards `range 1000000000`).
        public var maxSteps: Int

        public init(missingKeyError: Bool = false, headerFunctions: Bool = false,
                    maxOutputBytes: Int = 16 << 20, maxSteps: Int = 2_000_000) {
            self.missingKeyError = missingKeyError
            self.headerFunctions = headerFunctions
            self.maxOutputBytes = maxOutputBytes
            self.maxSteps = maxSteps
        }
    }

    /// The template's name (`""` for docker's `--format`).
    public let name: String
    /// The source text.
    public let source: String
    let root: TemplateListNode
    let definitions: [String: TemplateListNode]

    /// Parses `text` (Go: `template.New(name).Funcs(docker).Parse(text)`).
    public init(_ text: String, name: String = "") throws {
        self.name = name
        self.source = text
        let parsed = try TemplateParser.parse(text, name: name, functions: TemplateFunctions.names)
        root = parsed.root
        var defs = parsed.definitions
        if defs[name] == nil { defs[name] = parsed.root }
        definitions = defs
    }

    /// Parses `text`; same as `init`.
    public static func parse(_ text: String, name: String = "") throws -> GoTemplate {
        try GoTemplate(text, name: name)
    }

    /// Names of the functions a template may call.
    public static var functionNames: Set<String> { TemplateFunctions.names }

    /// Executes with `data` as dot (Go: `tmpl.Execute(buf, data)`), returning the output.
    public func execute(_ data: TemplateValue, options: ExecuteOptions = ExecuteOptions()) throws -> String {
        let (out, error) = executePartial(data, options: options)
        if let e = error { throw e }
        return out
    }

    /// Executes and returns what was written before any error, as Go's
    /// `Execute` leaves partial output in its writer (docker prints table
    /// headers that way).
    public func executePartial(_ data: TemplateValue, options: ExecuteOptions = ExecuteOptions())
        -> (output: String, error: TemplateError?) {
        var ex = TemplateExecutor(parseName: name, text: Array(source.utf8), definitions: definitions,
                                  options: options, templateName: name)
        ex.vars = [("$", data)]
        do {
            try ex.walkList(data, root)
        } catch let e as TemplateError {
            return (ex.output, e)
        } catch {
            // break/continue cannot escape a range (the parser rejects them elsewhere).
            return (ex.output, TemplateError("template: \(name): internal error: \(error)"))
        }
        return (ex.output, nil)
    }
}
