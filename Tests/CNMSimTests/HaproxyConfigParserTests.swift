import XCTest
@testable import CNMSim
import CNMTestSupport

/// haproxy.cfg read as HAProxy 3.0 reads it (haproxy v3.0.0 src/cfgparse.c, src/cfgparse-listen.c,
/// src/server.c): sections, defaults, servers, and every alert collected before giving up.
final class HaproxyConfigParserTests: XCTestCase {
    let path = HaproxyConfigParser.defaultPath

    func parse(_ text: String?) -> Result<ProxyConfig, ProxyConfigError> {
        let files = text.map { [path: $0] } ?? [:]
        let view = LayeredFiles(lower: FileTree(files: files, directories: ["/usr/local/etc/haproxy"]), upper: FileTree(files: [:]))
        var parser = HaproxyConfigParser(files: view) { ["web1": [IPv4Address("10.0.0.2")!], "web2": [IPv4Address("10.0.0.3")!]][$0] }
        return parser.parse(path: path)
    }

    func alerts(_ text: String?) -> [String] {
        if case .failure(let e) = parse(text), case .haproxy(let a) = e.kind { return a }
        return []
    }

    func testSectionsDefaultsAndServersBecomeTheConfig() throws {
        let cfg = """
        global
            maxconn 2000
            log stdout format raw local0
        defaults
            mode http
            option forwardfor
            timeout connect 5s
        frontend web # the entry
            bind *:80
            bind :443 ssl crt /etc/ssl/site.pem
            default_backend app
        backend app
            balance source
            cookie SRV insert indirect nocache
            option httpchk GET /health
            server a web1:8080 check inter 500ms rise 3 fall 2 weight 20 cookie a
            server b web2:8080 check backup
        listen stats
            bind :9000
            mode tcp
            balance uri
            server s1 10.0.0.9:9000
        """
        let config = try parse(cfg).get()
        XCTAssertEqual(config.frontends.map(\.port), [80, 443, 9000])
        XCTAssertEqual(config.frontends.map(\.backend), ["app", "app", "stats"])
        XCTAssertEqual(config.frontends[1].tls?.certificatePath, "/etc/ssl/site.pem")
        XCTAssertTrue(config.frontends[0].forwardedFor, "option forwardfor comes from defaults")
        XCTAssertEqual(config.frontends[2].mode, .tcp)
        let app = try XCTUnwrap(config.backend(named: "app"))
        XCTAssertEqual(app.mode, .http)
        XCTAssertEqual(app.algorithm, .source)
        XCTAssertEqual(app.cookie, ProxyCookie(name: "SRV", insert: true, indirect: true, nocache: true))
        XCTAssertEqual(app.httpCheck, "GET /health")
        XCTAssertEqual(app.servers.map(\.name), ["a", "b"])
        XCTAssertEqual(app.servers[0].check, ProxyHealthCheck(intervalMilliseconds: 500, rise: 3, fall: 2))
        XCTAssertEqual(app.servers[0].weight, 20)
        XCTAssertEqual(app.servers[0].cookie, "a")
        XCTAssertEqual(app.servers[0].address, IPv4Address("10.0.0.2"))
        XCTAssertTrue(app.servers[1].backup)
        XCTAssertEqual(app.servers[1].check, ProxyHealthCheck())
        // A layer 7 hash in TCP mode falls back to round robin, with a warning (haproxy v3.0.0
        // src/proxy.c proxy_cfg_ensure_no_http).
        XCTAssertEqual(config.backend(named: "stats")?.algorithm, .roundRobin)
    }

    func testEveryErrorOfTheFileIsReportedThenTheFatalLines() {
        let cfg = "frontend web\n    bind :80\nbackend app\n    balanse roundrobin\n    server web1\n    balance fastest\n"
        XCTAssertEqual(alerts(cfg), [
            "config : parsing [\(path):4] : unknown keyword 'balanse' in 'backend' section; did you mean 'balance' maybe ?",
            "config : [\(path):5] : 'server' expects <name> and <addr>[:<port>] as arguments.",
            "config : parsing [\(path):6] : balance only supports 'roundrobin', 'static-rr', 'leastconn', 'source', 'uri', 'url_param', 'hash', 'hdr(name)', 'rdp-cookie(name)', 'log-hash' and 'sticky' options.",
            "config : Error(s) found in configuration file : \(path)",
            "config : Fatal errors found in configuration.",
        ])
    }

    func testOtherFormsOfError() {
        XCTAssertEqual(alerts("bind :80\n").first, "config : parsing [\(path):1]: unknown keyword 'bind' out of section.")
        XCTAssertEqual(alerts("global\n    xyzzyplugh 1\n").first, "config : parsing [\(path):2] : unknown keyword 'xyzzyplugh' in 'global' section")
        XCTAssertEqual(alerts("defaults\n    mode smtp\n").first, "config : parsing [\(path):2] : unknown proxy mode 'smtp'.")
        XCTAssertEqual(alerts("frontend\n").first, "config : parsing [\(path):1] : 'frontend' expects an <id> argument")
        XCTAssertEqual(alerts("backend b\n    server a web1:80 rise 0\n").first, "config : [\(path):2] : 'rise' has to be > 0..")
        XCTAssertEqual(alerts("backend b\n    server a web1:80 weight 99999999999999999999\n").first,
                       "config : [\(path):2] : weight of server a is not within 0 and 256 (-1)..")
        XCTAssertEqual(alerts("backend b\n    server a web1:8x0\n").first,
                       "config : [\(path):2] : invalid character 'x' in port number '8x0' in 'web1:8x0'")
        XCTAssertEqual(alerts("frontend f\n    bind :80\n    default_backend nope\n"),
                       ["config : Proxy 'f': unable to find required default_backend: 'nope'.", "config : Fatal errors found in configuration."])
        XCTAssertEqual(alerts("frontend f\n    bind :80\n    default_backend b\nbackend b\n    server s nosuch:80\n"),
                       ["config : [\(path):5] : 'server b/s' : could not resolve address 'nosuch'.", "config : Failed to initialize server(s) addr."])
        XCTAssertEqual(alerts("frontend f\n    mode http\n    bind :80\n    default_backend b\nbackend b\n    server s web1:80\n").first,
                       "config : http frontend 'f' (\(path):1) tries to use incompatible tcp backend 'b' (\(path):5) as its default backend (see 'mode').")
        XCTAssertEqual(alerts("frontend f\n    bind 80\n").first, "config : parsing [\(path):2] : 'bind' : missing port specification in '80'")
        XCTAssertEqual(alerts("frontend f\n    bind :99999\n").first, "config : parsing [\(path):2] : 'bind' : invalid port '99999'")
        XCTAssertEqual(alerts("frontend f\n    bind\n").first,
                       "config : parsing [\(path):2] : 'bind' expects {<path>|[addr1]:port1[-end1]}{,[addr]:port[-end]}... as arguments.")
        XCTAssertEqual(alerts(nil), ["Cannot open configuration file/directory \(path) : No such file or directory"])
        XCTAssertEqual(alerts("backend b\n    option httpchck\n").first,
                       "config : parsing [\(path):2] : unknown option 'httpchck'; did you mean 'httpchk' maybe ?")
        XCTAssertEqual(alerts("global\n  log \"stdout\n").first,
                       "config : parsing [\(path):2]: unmatched quote at position 7:\n    log \"stdout\n        ^")
    }

    func testInitAddrNoneAndResolversLetANameStayUnresolved() throws {
        let cfg = "frontend f\n    bind :80\n    default_backend b\nbackend b\n    server s nosuch:80 init-addr none\n"
        XCTAssertNil(try parse(cfg).get().backend(named: "b")?.servers.first?.address)
        let withResolvers = "resolvers dns\n    nameserver d 127.0.0.11:53\nfrontend f\n    bind :80\n    default_backend b\nbackend b\n    server s nosuch:80 resolvers dns\n"
        XCTAssertTrue(try parse(withResolvers).get().resolvesAtRuntime)
    }

    func testTheSuggestionFollowsHAProxysFingerprint() {
        XCTAssertEqual(HaproxySuggestion.best("balanse", among: ["balance", "bind", "server"]), "balance")
        XCTAssertNil(HaproxySuggestion.best("qqqqqqqq", among: ["balance", "bind", "server"]))
    }

    func testRandomInputNeverCrashes() {
        var rng = seededGenerator(default: 23)
        let good = Array("global\n maxconn 10\ndefaults\n mode http\nfrontend f\n bind :80 ssl crt /c.pem\n default_backend b\nbackend b\n balance roundrobin\n server s web1:80 check inter 2s rise 2 fall 3 weight 10\n".utf8)
        let alphabet = Array("\"'\\# \n\t:abc0123456789-".utf8)
        for _ in 0..<400 {
            var bytes = Array(good.prefix(rng.below(good.count + 1)))
            for _ in 0..<rng.below(6) where !bytes.isEmpty {
                bytes[rng.below(bytes.count)] = rng.below(3) == 0 ? UInt8(rng.below(256)) : alphabet[rng.below(alphabet.count)]
            }
            _ = parse(String(decoding: bytes, as: UTF8.self))
        }
        XCTAssertEqual(HaproxyNumber.atol("99999999999999999999"), Int64.max)
        XCTAssertEqual(HaproxyNumber.milliseconds("2s"), .success(2000))
        XCTAssertEqual(HaproxyNumber.milliseconds("99999999999d"), .failure(.overflow))
    }
}
