/// The result of reading `haproxy.cfg`: frontends from `frontend`/`listen` binds, backends from
/// `backend`/`listen`, and each server's name resolved as HAProxy does at start with the default
/// `init-addr last,libc` (the first address libc gives). A name that does not resolve is fatal,
/// unless `init-addr` includes `none` or the server uses `resolvers` (then it starts unresolved).
///
/// Source: haproxy v3.0.0 `src/server.c` (`srv_init_addr`, `srv_iterate_initaddr`: `could not resolve
/// address '%s'.` with the `[FILE:LINE] : 'server BACKEND/NAME' : ` context), `src/haproxy.c`
/// (`Failed to initialize server(s) addr.`).
extension HaproxyConfigParser {
    mutating func finish(path: String) -> ProxyConfig {
        var config = ProxyConfig(software: .haproxy, path: path, resolvesAtRuntime: resolvesAtRuntime)
        for p in proxies where p.isBackend {
            // In TCP mode a layer 7 hash falls back to round robin (`proxy_cfg_ensure_no_http`).
            let algorithm = p.mode == .tcp && Self.needsHTTP(p.algorithm) ? .roundRobin : p.algorithm
            var backend = ProxyBackend(name: p.name, mode: p.mode, algorithm: algorithm, cookie: p.cookie, httpCheck: p.httpCheck)
            for s in p.servers {
                var address = IPv4Address(s.host)
                if address == nil && !s.runtime {
                    address = resolve(s.host)?.first
                    if address == nil && !s.mayStayUnresolved {
                        alerts.append("config : [\(s.file):\(s.line)] : 'server \(p.name)/\(s.name)' : could not resolve address '\(s.host)'.")
                    }
                }
                let check = s.check ? ProxyHealthCheck(intervalMilliseconds: s.inter, rise: s.rise, fall: s.fall) : nil
                backend.servers.append(ProxyServer(name: s.name, host: s.host, port: s.port, address: address, weight: s.weight,
                                                   backup: s.backup, check: check, cookie: s.cookie))
            }
            config.backends.append(backend)
        }
        for p in proxies where p.isFrontend {
            let target = p.defaultBackend?.name ?? (p.kind == .listen ? p.name : nil)
            for b in p.binds {
                config.frontends.append(ProxyFrontend(name: p.name, bindAddress: b.address, port: b.port, mode: p.mode,
                                                      tls: b.certificate.map { ProxyTLS(certificatePath: $0) },
                                                      backend: target, forwardedFor: p.forwardedFor))
            }
        }
        return config
    }
}
