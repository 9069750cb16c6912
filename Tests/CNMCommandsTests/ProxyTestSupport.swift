import XCTest
@testable import CNMCommands
import CNMSim

/// Builds load-balancer worlds for the traffic tests: backends on a user-defined network and a proxy
/// container whose configuration is installed directly (`Engine.setProxyConfig`), so that balancing,
/// health and persistence are tested apart from the configuration parsers (`ProxyGolden/` runs real files).
enum ProxyWorld {
    /// `docker network create app`, whoami backends `web1…webN`, a busybox client `c`, and the proxy
    /// `lb` (nginx, or haproxy started with a minimal mounted haproxy.cfg) published on 8080.
    static func make(software: ProxyConfig.Software, backends: Int = 3, image: String = "traefik/whoami") -> Simulator {
        var sim = Simulator(seed: 0)
        _ = sim.run(line: "docker network create app")
        for i in 1...backends { _ = sim.run(line: "docker run -d --name web\(i) --network app \(image)") }
        _ = sim.run(line: "docker run -d --name c --network app busybox sleep 100000")
        // haproxy refuses to start without a file: a minimal one, replaced by `install` in the tests.
        _ = sim.run(line: "printf 'defaults\\n  mode http\\nfrontend fe\\n  bind :80\\n  default_backend be\\nbackend be\\n  server web1 web1:80\\n' > haproxy.cfg")
        let lb = software == .nginx ? "nginx" : "-v ./haproxy.cfg:/usr/local/etc/haproxy/haproxy.cfg:ro haproxy"
        _ = sim.run(line: "docker run -d --name lb --network app -p 8080:80 \(lb)")
        return sim
    }

    /// The address a container has on `app`.
    static func address(_ sim: Simulator, _ name: String) -> IPv4Address? {
        guard case .success(let c) = sim.engine.findContainer(name) else { return nil }
        return sim.engine.endpoints(ofContainer: c).first?.ipv4
    }

    /// Installs `config` on `lb`, filling each server's address from its host name as the proxy
    /// resolves it at start.
    static func install(_ sim: inout Simulator, _ config: ProxyConfig, on name: String = "lb") {
        var config = config
        for b in config.backends.indices {
            for s in config.backends[b].servers.indices where config.backends[b].servers[s].address == nil {
                config.backends[b].servers[s].address = address(sim, config.backends[b].servers[s].host)
            }
        }
        guard case .success(let c) = sim.engine.findContainer(name) else { XCTFail("no \(name)"); return }
        sim.engine.setProxyConfig(config, forContainer: c.id)
    }

    /// A configuration with one frontend on port 80 and one backend `be` of `servers` (name, host).
    static func config(_ software: ProxyConfig.Software, algorithm: ProxyBackend.Algorithm = .roundRobin,
                       servers: [ProxyServer], forwardedFor: Bool = false, tls: Bool = false, port: Int = 80,
                       cookie: ProxyCookie? = nil) -> ProxyConfig {
        let path = software == .nginx ? "/etc/nginx/nginx.conf" : "/usr/local/etc/haproxy/haproxy.cfg"
        let fe = ProxyFrontend(name: software == .nginx ? "server:\(port)" : "fe", port: port,
                               tls: tls ? ProxyTLS(certificatePath: "/etc/ssl/lb.pem") : nil, backend: "be", forwardedFor: forwardedFor)
        return ProxyConfig(software: software, path: path, frontends: [fe],
                           backends: [ProxyBackend(name: "be", algorithm: algorithm, servers: servers, cookie: cookie)])
    }

    /// The `Hostname:` whoami printed, mapped back to the container name.
    static func servedBy(_ sim: Simulator, _ output: String) -> String {
        guard let line = output.split(whereSeparator: \.isNewline).first(where: { $0.hasPrefix("Hostname: ") }) else { return "?" }
        let host = String(line.dropFirst("Hostname: ".count))
        return sim.engine.allContainers.first { $0.hostname == host }?.name ?? host
    }
}
