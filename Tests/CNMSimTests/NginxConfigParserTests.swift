import XCTest
@testable import CNMSim
import CNMTestSupport

/// nginx.conf read as nginx 1.27 reads it: upstreams, servers, includes, and its error messages
/// (nginx release-1.27.5 src/core/ngx_conf_file.c, src/http/ngx_http_upstream.c).
final class NginxConfigParserTests: XCTestCase {
    let names: [String: [IPv4Address]] = [
        "web1": [IPv4Address("172.18.0.2")!], "web2": [IPv4Address("172.18.0.3")!],
        "web": [IPv4Address("172.18.0.2")!, IPv4Address("172.18.0.3")!],
    ]

    func parse(_ files: [String: String], path: String = "/etc/nginx/nginx.conf") -> Result<ProxyConfig, ProxyConfigError> {
        let view = LayeredFiles(lower: FileTree(files: files, directories: ["/etc", "/etc/nginx", "/etc/nginx/conf.d"]), upper: FileTree(files: [:]))
        let table = names
        var parser = NginxConfigParser(files: view) { table[$0] }
        return parser.parse(path: path)
    }

    func error(_ text: String) -> String? {
        if case .failure(let e) = parse(["/etc/nginx/nginx.conf": text]) { return e.nginxText }
        return nil
    }

    func testUpstreamsServersAndListenBecomeTheConfig() throws {
        let conf = """
        events { worker_connections 1024; }
        http {
            sendfile on;
            upstream app {
                least_conn;
                server web1:8080 weight=3 max_fails=2 fail_timeout=30s;
                server web2 backup;
            }
            server {
                listen 8443 ssl;
                ssl_certificate /etc/nginx/cert.pem;
                ssl_certificate_key /etc/nginx/key.pem;
                location / {
                    proxy_pass http://app;
                    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                }
            }
        }
        """
        let config = try parse(["/etc/nginx/nginx.conf": conf]).get()
        let app = try XCTUnwrap(config.backend(named: "app"))
        XCTAssertEqual(app.algorithm, .leastConnections)
        XCTAssertEqual(app.servers.map(\.name), ["web1:8080", "web2"])
        XCTAssertEqual(app.servers.map(\.port), [8080, 80])
        XCTAssertEqual(app.servers.map(\.weight), [3, 1])
        XCTAssertEqual(app.servers.map(\.backup), [false, true])
        XCTAssertEqual(app.servers[0].maxFails, 2)
        XCTAssertEqual(app.servers[0].failTimeoutSeconds, 30)
        XCTAssertEqual(app.servers[0].address, IPv4Address("172.18.0.2"))
        XCTAssertEqual(config.frontends.count, 1)
        XCTAssertEqual(config.frontends[0].port, 8443)
        XCTAssertEqual(config.frontends[0].backend, "app")
        XCTAssertEqual(config.frontends[0].tls, ProxyTLS(certificatePath: "/etc/nginx/cert.pem", keyPath: "/etc/nginx/key.pem"))
        XCTAssertTrue(config.frontends[0].forwardedFor)
        XCTAssertFalse(config.resolvesAtRuntime)
    }

    func testANameWithSeveralAddressesGivesOnePeerEach() throws {
        let conf = "events {}\nhttp { upstream u { ip_hash; server web:80; } server { location / { proxy_pass http://u; } } }\n"
        let config = try parse(["/etc/nginx/nginx.conf": conf]).get()
        XCTAssertEqual(config.backend(named: "u")?.servers.compactMap(\.address).map(\.description), ["172.18.0.2", "172.18.0.3"])
        XCTAssertEqual(config.backend(named: "u")?.algorithm, .source)
        XCTAssertEqual(config.frontends.first?.port, 80, "a server without listen listens on 80")
    }

    func testABareProxyPassIsAnImplicitUpstreamAndStreamIsTCP() throws {
        let conf = """
        events {}
        http { server { listen 80; location / { proxy_pass http://web2:3000/api; } } }
        stream {
            upstream db { hash $remote_addr consistent; server web1:5432; }
            server { listen 5432; proxy_pass db; }
        }
        """
        let config = try parse(["/etc/nginx/nginx.conf": conf]).get()
        XCTAssertEqual(config.backend(named: "web2:3000")?.servers.first?.port, 3000)
        XCTAssertEqual(config.backend(named: "db")?.mode, .tcp)
        XCTAssertEqual(config.backend(named: "db")?.algorithm, .source)
        XCTAssertEqual(config.frontends.map(\.mode), [.http, .tcp])
        XCTAssertEqual(config.frontends.last?.backend, "db")
    }

    func testTheStockImageConfigurationReadsWithItsIncludes() throws {
        var engine = Engine(seed: 0)
        let c = try engine.createContainer(ContainerCreateRequest(name: "web", image: "nginx")).get()
        let config = try engine.readProxyConfig(.nginx, path: NginxConfigParser.defaultPath, containerID: c.id).get()
        XCTAssertEqual(config.frontends.map(\.port), [80], "default.conf's IPv4 listener (the [::]:80 one is IPv6)")
        XCTAssertNil(config.frontends.first?.backend, "it serves files")
    }

    func testRuntimeResolutionSkipsTheStartCheck() throws {
        let conf = "events {}\nhttp { resolver 127.0.0.11; upstream u { zone u 64k; server nosuch:80 resolve; } }\n"
        let config = try parse(["/etc/nginx/nginx.conf": conf]).get()
        XCTAssertTrue(config.resolvesAtRuntime)
        XCTAssertNil(config.backend(named: "u")?.servers.first?.address)
    }

    func testErrorsAreNginxsOwn() {
        let f = "/etc/nginx/nginx.conf"
        XCTAssertEqual(error("events {}\n}\n"), "unexpected \"}\" in \(f):2")
        XCTAssertEqual(error("events {}\nhttp {\n"), "unexpected end of file, expecting \"}\" in \(f):3")
        XCTAssertEqual(error("events {}\nfoo bar;\n"), "unknown directive \"foo\" in \(f):2")
        XCTAssertEqual(error("events {}\nhttp { server { listen; } }\n"), "invalid number of arguments in \"listen\" directive in \(f):2")
        XCTAssertEqual(error("events {}\nproxy_pass http://x;\n"), "\"proxy_pass\" directive is not allowed here in \(f):2")
        XCTAssertEqual(error("events {}\nhttp { upstream u { server nosuch:80; } }\n"), "host not found in upstream \"nosuch:80\" in \(f):2")
        XCTAssertEqual(error("events {}\nhttp {\n server { location / { proxy_pass http://nosuch; } } }\n"),
                       "host not found in upstream \"nosuch\" in \(f):3")
        XCTAssertEqual(error("http { include /etc/nginx/x.conf; }"),
                       "open() \"/etc/nginx/x.conf\" failed (2: No such file or directory) in \(f):1")
        XCTAssertEqual(error("http { upstream u { server web1 weight=99999999999999999999; } }"),
                       "invalid parameter \"weight=99999999999999999999\" in \(f):1")
        XCTAssertEqual(error("http { upstream u { server web1 weight=0; } }"), "invalid parameter \"weight=0\" in \(f):1")
        XCTAssertEqual(error("http { upstream u { ip_hash; server web1 backup; } }"),
                       "balancing method does not support parameter \"backup\" in \(f):1")
        XCTAssertEqual(error("http { upstream u { } }"), "no servers are inside upstream in \(f):1")
        XCTAssertEqual(error("http { server { listen 99999; } }"), "invalid port in \"99999\" of the \"listen\" directive in \(f):1")
        XCTAssertEqual(error("http { server { location / { proxy_pass web1; } } }"), "invalid URL prefix in \"web1\" in \(f):1")
        XCTAssertEqual(error("http { sendfile maybe; }"), "invalid value \"maybe\" in \"sendfile\" directive, it must be \"on\" or \"off\" in \(f):1")
        XCTAssertEqual(error("http { server { listen 80 } }"), "unexpected \"}\" in \(f):1")
        XCTAssertEqual(error("http \"a\"b { }"), "unexpected \"b\" in \(f):1")
        XCTAssertEqual(error("events;"), "directive \"events\" has no opening \"{\" in \(f):1")
        XCTAssertEqual(error("worker_processes 1 {"), "directive \"worker_processes\" is not terminated by \";\" in \(f):1")
        XCTAssertEqual(error("http { server { listen 80;"), "unexpected end of file, expecting \"}\" in \(f):1")
        XCTAssertEqual(error("events {} user"), "unexpected end of file, expecting \";\" or \"}\" in \(f):1")
        if case .failure(let e) = parse([:]) {
            XCTAssertEqual(e.nginxText, "open() \"/etc/nginx/nginx.conf\" failed (2: No such file or directory)")
        } else { XCTFail("a missing main file is an error") }
    }

    func testIncludesFollowGlobsAndAnErrorNamesTheIncludedFile() {
        let files = ["/etc/nginx/nginx.conf": "events {}\nhttp { include conf.d/*.conf; }\n",
                     "/etc/nginx/conf.d/a.conf": "upstream a { server web1; }\n",
                     "/etc/nginx/conf.d/b.conf": "\n\nbogus;\n"]
        guard case .failure(let e) = parse(files) else { return XCTFail("b.conf is broken") }
        XCTAssertEqual(e.nginxText, "unknown directive \"bogus\" in /etc/nginx/conf.d/b.conf:3")
        XCTAssertTrue(Glob.matches("*.conf", "a.conf"))
        XCTAssertFalse(Glob.matches("*.conf", "a.conf.bak"))
        XCTAssertTrue(Glob.matches("[ab]?.c*", "b1.conf"))
        XCTAssertFalse(Glob.matches("[!ab]*", "apple"))
    }

    func testAnIncludeOfItselfStopsInsteadOfLoopingForever() {
        guard case .failure(let e) = parse(["/etc/nginx/nginx.conf": "include nginx.conf;\n"]) else { return XCTFail("self include") }
        XCTAssertTrue(e.message.contains("Too many open files"))
    }

    /// Random bytes and truncations of a good file never crash the reader.
    func testRandomInputNeverCrashes() {
        var rng = seededGenerator(default: 19)
        let good = Array("events {}\nhttp { upstream u { hash $request_uri; server web1:80 weight=2; } server { listen 80 ssl; ssl_certificate c; location / { proxy_pass http://u; proxy_set_header X-Forwarded-For \"$remote_addr\"; } } }\n# end\n".utf8)
        let alphabet = Array("{};#\"'\\$ \n\tabc:=/0123456789".utf8)
        for _ in 0..<400 {
            var bytes = Array(good.prefix(rng.below(good.count + 1)))
            for _ in 0..<rng.below(6) where !bytes.isEmpty {
                bytes[rng.below(bytes.count)] = rng.below(3) == 0 ? UInt8(rng.below(256)) : alphabet[rng.below(alphabet.count)]
            }
            _ = parse(["/etc/nginx/nginx.conf": String(decoding: bytes, as: UTF8.self)])
        }
        XCTAssertEqual(NginxNumber.atoi("99999999999999999999"), nil)
        XCTAssertEqual(NginxNumber.seconds("1m30s"), 90)
        XCTAssertNil(NginxNumber.seconds("99999999999999999y"))
    }
}
