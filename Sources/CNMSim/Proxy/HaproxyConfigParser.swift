/// Reads `haproxy.cfg` as HAProxy 3.0 does when it starts, reloads or runs `haproxy -c`: line by line,
/// section by section, collecting every error (HAProxy reports them all, then gives up), then the
/// checks made once the whole file is read, then server names resolved through the container's
/// resolver (the default `init-addr last,libc`). The alerts are HAProxy's, without their
/// `[ALERT]    (PID) : ` head (see `HaproxyMessages`).
///
/// Sources: haproxy v3.0.0 `src/cfgparse.c` (`readcfgfile`, `check_config_validity`),
/// `src/cfgparse-listen.c` (`cfg_parse_listen`), `src/cfgparse-global.c`, `src/haproxy.c`
/// (`Error(s) found in configuration file`, `Fatal errors found in configuration.`), `src/server.c`
/// (`parse_server`, `srv_iterate_initaddr`), `src/check.c` (`inter`, `rise`, `fall`), `src/backend.c`
/// (`backend_parse_balance`).
public struct HaproxyConfigParser {
    /// The image's `CMD`: `haproxy -f /usr/local/etc/haproxy/haproxy.cfg` (docker-library/haproxy 3.0/Dockerfile).
    public static let defaultPath = "/usr/local/etc/haproxy/haproxy.cfg"

    let files: LayeredFiles
    let resolve: (String) -> [IPv4Address]?
    var alerts: [String] = []
    /// HAProxy's `[WARNING]` texts for the file, with their `config : ` context (continuation lines
    /// after a newline), in the order it prints them; set once the file has no alert before them.
    public private(set) var warnings: [String] = []
    var proxies: [HaproxyProxyDraft] = []
    var defaults: HaproxyProxyDraft?
    var resolvesAtRuntime = false

    public init(files: LayeredFiles, resolve: @escaping (String) -> [IPv4Address]?) {
        self.files = files; self.resolve = resolve
    }

    /// Reads `path` (a file, or a directory whose `*.cfg` files are read in order).
    public mutating func parse(path: String = defaultPath) -> Result<ProxyConfig, ProxyConfigError> {
        alerts = []; warnings = []; proxies = []; defaults = nil; resolvesAtRuntime = false
        var paths = [path]
        switch files.node(path) {
        case nil:
            return .failure(ProxyConfigError(haproxy: ["Cannot open configuration file/directory \(path) : No such file or directory"]))
        case .directory?:
            let names = (try? files.list(path)) ?? []
            paths = names.filter { $0.hasSuffix(".cfg") && !$0.hasPrefix(".") }.sorted().map { path + "/" + $0 }
        case .file?:
            break
        }
        for p in paths {
            guard case .file(let text)? = files.node(p) else { continue }
            let before = alerts.count
            readFile(p, text)
            if alerts.count > before { alerts.append("config : Error(s) found in configuration file : \(p)") }
        }
        if !alerts.isEmpty { return .failure(ProxyConfigError(haproxy: alerts + ["config : Fatal errors found in configuration."])) }
        checkReferences()
        if !alerts.isEmpty { return .failure(ProxyConfigError(haproxy: alerts + ["config : Fatal errors found in configuration."])) }
        warnings = configWarnings()
        let config = finish(path: path)
        if !alerts.isEmpty { return .failure(ProxyConfigError(haproxy: alerts + ["config : Failed to initialize server(s) addr."])) }
        return .success(config)
    }

    /// The warnings HAProxy 3.0 prints about a file that has no alert before them, in its order:
    /// `check_config_validity` (haproxy v3.0.0 `src/cfgparse.c`) walks the proxies in the order the
    /// file declares them (it inverts its list first) and, for each, a TCP-mode proxy's HTTP-only
    /// settings (`src/proxy.c` `proxy_cfg_ensure_no_http`: `cookie`, a layer 7 `balance`), then the
    /// missing timeouts (lines 3576-3587: a frontend or listen without a non-zero `timeout client`,
    /// a backend with servers without `timeout connect`, or without `timeout server` unless TCP mode
    /// has `timeout tunnel`); then, proxy by proxy again, the post-proxy checks (`src/http_ext.c`
    /// `check_http_ext_postconf`: `option forwardfor` outside HTTP mode). `proxy_type_str`: frontend,
    /// backend, proxy (a listen).
    func configWarnings() -> [String] {
        var out: [String] = []
        let sections = proxies.filter { $0.kind != .defaults }
        for p in sections {
            if p.mode == .tcp && p.isBackend {
                if p.cookie != nil { out.append("config : cookie will be ignored for \(p.typeName) '\(p.name)' (needs 'mode http').") }
                if Self.needsHTTP(p.algorithm) {
                    out.append("config : Layer 7 hash not possible for \(p.typeName) '\(p.name)' (needs 'mode http'). Falling back to round robin.")
                }
            }
            let t = p.timeouts
            let frontendMissing = p.isFrontend && !t.contains("client")
            let backendMissing = p.isBackend && !p.servers.isEmpty
                && (!t.contains("connect") || (!t.contains("server") && (p.mode == .http || !t.contains("tunnel"))))
            guard frontendMissing || backendMissing else { continue }
            out.append("config : missing timeouts for \(p.typeName) '\(p.name)'.\n"
                + "   | While not properly invalid, you will certainly encounter various problems\n"
                + "   | with such a configuration. To fix this, please ensure that all following\n"
                + "   | timeouts are set to a non-zero value: 'client', 'connect', 'server'.")
        }
        for p in sections where p.mode == .tcp && p.forwardedFor {
            out.append("config : 'option forwardfor' ignored for \(p.typeName) '\(p.name)' as it requires HTTP mode.")
        }
        return out
    }

    /// `BE_LB_NEED_HTTP` (haproxy v3.0.0 include/haproxy/backend-t.h): `uri`, `url_param`, `hdr(…)`.
    static func needsHTTP(_ algorithm: ProxyBackend.Algorithm) -> Bool {
        switch algorithm {
        case .uri: return true
        case .hash(let text): return text.hasPrefix("url_param") || text.hasPrefix("hdr(")
        default: return false
        }
    }

    private enum Section { case none, global, proxy, resolvers, skipped }

    mutating func readFile(_ file: String, _ text: String) {
        var section = Section.none
        var current: Int? = nil
        var sectionName = ""
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (k, raw) in lines.enumerated() {
            let line = k + 1
            let words: [String]
            switch HaproxyLineReader.split(String(raw)) {
            case .success(let w): words = w
            case .failure(let e):
                let shown = String(raw)
                alerts.append("config : parsing [\(file):\(line)]: unmatched quote at position \(e.position + 1):\n  \(shown)\n  "
                              + String(repeating: " ", count: e.position) + "^")
                continue
            }
            guard let keyword = words.first else { continue }
            let at = "parsing [\(file):\(line)]"
            if HaproxyKeywords.sections.contains(keyword) {
                current = nil
                sectionName = keyword
                switch keyword {
                case "global": section = .global
                case "resolvers": section = .resolvers; resolvesAtRuntime = true
                case "defaults", "frontend", "backend", "listen":
                    section = .proxy
                    let name = words.count > 1 ? words[1] : ""
                    if name.isEmpty && keyword != "defaults" {
                        alerts.append("config : \(at) : '\(keyword)' expects an <id> argument")
                        section = .skipped
                        continue
                    }
                    let kind = HaproxyProxyDraft.Kind(rawValue: keyword) ?? .listen
                    var draft = HaproxyProxyDraft(kind: kind, name: name, defaults: defaults)
                    draft.file = file; draft.line = line
                    if kind == .defaults { defaults = draft; current = nil } else { proxies.append(draft); current = proxies.count - 1 }
                default: section = .skipped
                }
                continue
            }
            switch section {
            case .none:
                alerts.append("config : \(at): unknown keyword '\(keyword)' out of section.")
            case .skipped:
                continue
            case .global:
                if !HaproxyKeywords.global.contains(keyword) {
                    alerts.append(unknown(keyword, at: at, section: "global", among: HaproxyKeywords.global))
                }
            case .resolvers:
                if !HaproxyKeywords.resolvers.contains(keyword) {
                    alerts.append("config : \(at) : unknown keyword '\(keyword)' in 'resolvers' section")
                }
            case .proxy:
                if let c = current {
                    var draft = proxies[c]
                    proxyLine(words, into: &draft, file: file, line: line, section: sectionName)
                    proxies[c] = draft
                } else if var d = defaults {
                    proxyLine(words, into: &d, file: file, line: line, section: sectionName)
                    defaults = d
                }
            }
        }
    }

    /// `unknown keyword 'X' in 'S' section`, with HAProxy's suggestion when one is close.
    func unknown(_ keyword: String, at: String, section: String, among candidates: [String]) -> String {
        if let best = HaproxySuggestion.best(keyword, among: candidates) {
            return "config : \(at) : unknown keyword '\(keyword)' in '\(section)' section; did you mean '\(best)' maybe ?"
        }
        return "config : \(at) : unknown keyword '\(keyword)' in '\(section)' section"
    }

    /// `default_backend` and `use_backend` must name another backend of a compatible mode (an HTTP
    /// frontend cannot use a TCP backend; the reverse is allowed) (`check_config_validity`).
    mutating func checkReferences() {
        for p in proxies where p.isFrontend {
            var targets: [(name: String, rule: String)] = []
            if let d = p.defaultBackend { targets.append((d.name, "default_backend")) }
            targets += p.useBackends.map { ($0.name, "use_backend") }
            for (name, rule) in targets {
                guard let target = proxies.first(where: { $0.isBackend && $0.name == name }) else {
                    alerts.append("config : Proxy '\(p.name)': unable to find required \(rule): '\(name)'.")
                    continue
                }
                if target.name == p.name && target.kind == p.kind {
                    alerts.append("config : Proxy '\(p.name)': loop detected for \(rule): '\(name)'.")
                } else if target.mode != p.mode && !(p.mode == .tcp && target.mode == .http) {
                    let use = rule == "default_backend" ? "as its default backend" : "in a 'use_backend' rule"
                    alerts.append("config : \(p.mode.rawValue) \(p.typeName) '\(p.name)' (\(p.file):\(p.line)) tries to use incompatible "
                                  + "\(target.mode.rawValue) \(target.typeName) '\(target.name)' (\(target.file):\(target.line)) \(use) (see 'mode').")
                }
            }
        }
    }
}
