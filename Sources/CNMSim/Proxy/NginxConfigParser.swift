/// Reads nginx's configuration as nginx does when it starts, reloads or runs `nginx -t`: the main file,
/// every `include` (globs such as `/etc/nginx/conf.d/*.conf`), each directive checked for its name,
/// its place and its number of arguments, upstream server names resolved while reading (unless
/// `resolve` or a `resolver` says otherwise), and the result reduced to `ProxyConfig`. The first error
/// stops reading, with nginx's message and the file and line it names.
///
/// Sources: nginx release-1.27.5 `src/core/ngx_conf_file.c` (`ngx_conf_parse`, `ngx_conf_handler`,
/// `ngx_conf_include`), `src/http/ngx_http_upstream.c` (`ngx_http_upstream`, `ngx_http_upstream_server`),
/// `src/http/ngx_http_upstream_round_robin.c`, `src/http/modules/ngx_http_proxy_module.c`
/// (`ngx_http_proxy_pass`), `src/http/ngx_http_core_module.c` (`ngx_http_core_listen`),
/// `src/stream/ngx_stream_upstream.c`, `src/stream/ngx_stream_proxy_module.c`.
public struct NginxConfigParser {
    /// Where nginx looks by default (`--conf-path` of the official packages).
    public static let defaultPath = "/etc/nginx/nginx.conf"
    /// Relative `include` paths start here (`--prefix`'s `conf` is `/etc/nginx`).
    static let prefix = "/etc/nginx/"

    let files: LayeredFiles
    let resolve: (String) -> [IPv4Address]?
    var state = NginxDraft()
    var depth = 0
    /// The files read, in order, with their text (what `nginx -T` prints).
    public private(set) var filesRead: [(path: String, text: String)] = []
    /// The `[warn]` texts of the last successful parse (`load balancing method redefined in FILE:LINE`).
    public var warnings: [String] { state.warnings }

    /// `files`: the container's view; `resolve`: the container's name resolution (nil: unknown name).
    public init(files: LayeredFiles, resolve: @escaping (String) -> [IPv4Address]?) {
        self.files = files; self.resolve = resolve
    }

    /// Reads `path` and everything it includes.
    public mutating func parse(path: String = defaultPath) -> Result<ProxyConfig, ProxyConfigError> {
        state = NginxDraft()
        filesRead = []
        do {
            try parseFile(path, context: .main, top: true)
            return .success(try state.finish(path: path, resolve: resolve))
        } catch {
            return .failure(error)
        }
    }

    /// Reads one file (the main one, or an included one) in `context`.
    mutating func parseFile(_ path: String, context: NginxDirectives.Context, top: Bool = false,
                            from site: (String, Int)? = nil) throws(ProxyConfigError) {
        let text: String
        switch files.node(path) {
        case .file(let t)?: text = t
        case .directory?:
            throw ProxyConfigError(nginx: "pread() \"\(path)\" failed (21: Is a directory)", file: site?.0, line: site?.1)
        case nil:
            throw ProxyConfigError(nginx: "open() \"\(path)\" failed (2: No such file or directory)", file: site?.0, line: site?.1)
        }
        guard depth < 64 else {
            throw ProxyConfigError(nginx: "open() \"\(path)\" failed (24: Too many open files)", file: site?.0, line: site?.1)
        }
        depth += 1
        defer { depth -= 1 }
        filesRead.append((path, text))
        var reader = NginxTokenizer(text)
        try parseBlock(&reader, file: path, context: context, inFile: true)
    }

    /// Reads statements until the block's `}` (or the file's end, for a file).
    mutating func parseBlock(_ reader: inout NginxTokenizer, file: String, context: NginxDirectives.Context,
                             inFile: Bool) throws(ProxyConfigError) {
        while true {
            let statement = reader.next()
            switch statement {
            case .error(let message, let line):
                throw ProxyConfigError(nginx: message, file: file, line: line)
            case .blockEnd(let line):
                if inFile { throw ProxyConfigError(nginx: "unexpected \"}\"", file: file, line: line) }
                return
            case .end(let line):
                if !inFile { throw ProxyConfigError(nginx: "unexpected end of file, expecting \"}\"", file: file, line: line) }
                return
            case .simple(let words, let line):
                try directive(words, block: false, line: line, file: file, context: context, reader: &reader)
            case .blockStart(let words, let line):
                try directive(words, block: true, line: line, file: file, context: context, reader: &reader)
            }
        }
    }

    /// Checks one directive as `ngx_conf_handler` does, then applies it.
    mutating func directive(_ words: [String], block: Bool, line: Int, file: String, context: NginxDirectives.Context,
                            reader: inout NginxTokenizer) throws(ProxyConfigError) {
        func fail(_ m: String) -> ProxyConfigError { ProxyConfigError(nginx: m, file: file, line: line) }
        if context == .data {
            // `types { }` / `map { }`: every line is data; a block inside is not.
            if block { throw fail("unexpected \"{\"") }
            return
        }
        guard let name = words.first else { throw fail("unexpected \";\"") }
        let rules = NginxDirectives.rules(name)
        if rules.isEmpty { throw fail("unknown directive \"\(name)\"") }
        guard let rule = rules.first(where: { $0.contexts.contains(context) }) else {
            throw fail("\"\(name)\" directive is not allowed here")
        }
        if !rule.block && block { throw fail("directive \"\(name)\" is not terminated by \";\"") }
        if rule.block && !block { throw fail("directive \"\(name)\" has no opening \"{\"") }
        let args = Array(words.dropFirst())
        if !rule.arguments.accepts(args.count) { throw fail("invalid number of arguments in \"\(name)\" directive") }
        if case .flag = rule.arguments, let v = args.first, v.lowercased() != "on" && v.lowercased() != "off" {
            throw fail("invalid value \"\(v)\" in \"\(name)\" directive, it must be \"on\" or \"off\"")
        }
        if name == "include", let pattern = args.first {
            try include(pattern, context: context, file: file, line: line)
            return
        }
        if rule.block, let inner = rule.opens {
            try state.open(name, args: args, context: context, file: file, line: line)
            try parseBlock(&reader, file: file, context: inner, inFile: false)
            try state.close(name, context: context, file: file, line: reader.line)
            return
        }
        try state.apply(name, args: args, context: context, file: file, line: line, resolve: resolve)
    }

    /// `include FILE|GLOB`: a glob that matches nothing is fine; a missing file is not.
    mutating func include(_ pattern: String, context: NginxDirectives.Context, file: String, line: Int) throws(ProxyConfigError) {
        let full = pattern.hasPrefix("/") ? pattern : Self.prefix + pattern
        guard full.contains(where: { "*?[".contains($0) }) else {
            try parseFile(full, context: context, from: (file, line))
            return
        }
        let directory = FilePath.parent(full)
        let base = FilePath.base(full)
        let names = (try? files.list(directory)) ?? []
        for name in names.sorted() where Glob.matches(base, name) && !name.hasPrefix(".") {
            try parseFile(directory == "/" ? "/" + name : directory + "/" + name, context: context, from: (file, line))
        }
    }
}
