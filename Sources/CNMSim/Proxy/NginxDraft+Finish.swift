/// The last step of reading nginx's configuration (`ngx_http_block`/`ngx_stream_block` once every
/// file is read): `proxy_pass` targets that name no `upstream` become implicit upstreams, resolved
/// now; `listen … ssl` needs a certificate; the result becomes `ProxyConfig`.
///
/// Sources: nginx release-1.27.5 `src/http/ngx_http_upstream_round_robin.c`
/// (`ngx_http_upstream_init_round_robin`: `host not found in upstream "%V" in %s:%ui`),
/// `src/http/modules/ngx_http_ssl_module.c` (`ngx_http_ssl_init`), `src/http/ngx_http_core_module.c`
/// (a `server` without `listen` listens on `*:80` when nginx runs as root).
extension NginxDraft {
    func finish(path: String, resolve: (String) -> [IPv4Address]?) throws(ProxyConfigError) -> ProxyConfig {
        var config = ProxyConfig(software: .nginx, path: path, resolvesAtRuntime: resolvesAtRuntime)
        config.backends = upstreams.map(\.backend)
        for server in servers {
            var backendName: String? = nil
            if let pass = server.proxyPass {
                backendName = try backend(for: pass, mode: server.mode, config: &config, resolve: resolve)
            }
            let listens = server.listens.isEmpty && server.mode == .http
                ? [Listen(address: nil, port: 80, ssl: false, file: path, line: 0)] : server.listens
            for l in listens {
                var tls: ProxyTLS? = nil
                if l.ssl {
                    let fallback = defaultCertificate[server.mode]
                    guard let cert = server.certificate ?? fallback.map(\.0), !cert.isEmpty else {
                        throw ProxyConfigError(nginx: "no \"ssl_certificate\" is defined for the \"listen ... ssl\" directive",
                                               file: l.file, line: l.line)
                    }
                    tls = ProxyTLS(certificatePath: cert, keyPath: server.key ?? fallback?.1)
                }
                config.frontends.append(ProxyFrontend(name: "server:\(l.port)", bindAddress: l.address, port: l.port,
                                                      mode: server.mode, tls: tls, backend: backendName,
                                                      forwardedFor: server.forwardedFor || httpForwardedFor))
            }
        }
        return config
    }

    /// The backend a `proxy_pass` sends to: a named `upstream`, or an implicit one for `host[:port]`.
    func backend(for pass: (target: String, file: String, line: Int), mode: ProxyMode, config: inout ProxyConfig,
                 resolve: (String) -> [IPv4Address]?) throws(ProxyConfigError) -> String? {
        let (hostPort, defaultPort) = mode == .http ? NginxAddress.target(ofURL: pass.target) : (pass.target, 0)
        if hostPort.contains("$") { return nil }  // a variable: resolved per request (needs `resolver`)
        if config.backends.contains(where: { $0.name == hostPort && $0.mode == mode }) { return hostPort }
        let (host, written) = NginxAddress.split(hostPort)
        let port = written ?? defaultPort
        guard (1...65535).contains(port) else {
            throw ProxyConfigError(nginx: "invalid port in upstream \"\(hostPort)\"", file: pass.file, line: pass.line)
        }
        guard let addresses = resolve(host), !addresses.isEmpty else {
            throw ProxyConfigError(nginx: "host not found in upstream \"\(hostPort)\"", file: pass.file, line: pass.line)
        }
        let servers = addresses.map { ProxyServer(name: hostPort, host: host, port: port, address: $0) }
        config.backends.append(ProxyBackend(name: hostPort, mode: mode, servers: servers))
        return hostPort
    }
}
