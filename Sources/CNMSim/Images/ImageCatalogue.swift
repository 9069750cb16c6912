/// The images every simulated engine has already pulled.
///
/// Their entrypoints, exposed ports and tool sets follow the official images:
/// busybox and the Alpine-based images carry the busybox applets (ping,
/// nslookup, ip, wget…); Debian-based images such as `nginx:latest` do not
/// carry ping, which is why `docker exec web ping db` fails on them.
public enum ImageCatalogue {
    static let busyboxApplets: Set<String> = [
        "sh", "ash", "ping", "ping6", "nslookup", "ip", "ifconfig", "route", "wget", "nc", "hostname", "cat",
        "echo", "ls", "sleep", "traceroute", "netstat", "top", "ps", "env", "true", "false", "id", "uname",
        "date", "head", "tail", "grep", "sed", "awk", "arp", "telnet", "printf", "pwd", "whoami", "kill",
        "busybox", "wc", "sort", "uniq", "tr", "cut", "seq", "test", "[", "mkdir", "rm", "touch", "vi", "sysctl", "cp",
    ]
    static let debianBase: Set<String> = [
        "sh", "bash", "dash", "cat", "echo", "ls", "sleep", "hostname", "env", "true", "false", "id", "uname",
        "date", "head", "tail", "grep", "sed", "printf", "pwd", "whoami", "kill", "getent", "wc", "sort",
        "uniq", "tr", "cut", "seq", "test", "[", "mkdir", "rm", "touch", "cp",
        // The rest of Debian's essential and required packages (coreutils, findutils, apt, dpkg, login…).
        "apt", "apt-get", "apt-cache", "dpkg", "dpkg-query", "find", "xargs", "cp", "mv", "ln", "chmod", "chown",
        "stat", "du", "df", "tee", "basename", "dirname", "nproc", "md5sum", "sha256sum", "tar", "gzip", "su",
        "mount", "perl", "mktemp", "readlink", "sync", "yes",
    ]
    /// Alpine-based images: the busybox applets plus Alpine's package manager.
    static let alpineBase: Set<String> = busyboxApplets.union(["apk"])
    /// Oracle Linux 9 (the `mysql` image): bash as `sh`, microdnf instead of apt.
    static let oracleBase: Set<String> = debianBase.subtracting(["apt", "apt-get", "apt-cache", "dpkg", "dpkg-query", "dash"])
        .union(["microdnf", "rpm"])

    public static let all: [Image] = [
        Image(repository: "busybox", cmd: ["sh"], tools: busyboxApplets, defaultProgram: "sh"),
        Image(repository: "alpine", cmd: ["/bin/sh"], tools: alpineBase, defaultProgram: "sh"),
        Image(repository: "ubuntu", cmd: ["/bin/bash"], tools: debianBase, defaultProgram: "bash"),
        Image(repository: "nginx", entrypoint: ["/docker-entrypoint.sh"], cmd: ["nginx", "-g", "daemon off;"],
              exposedPorts: ["80/tcp"], tools: debianBase.union(["curl", "nginx"]),
              services: [ServiceListener(port: 80, kind: .http)], defaultProgram: "nginx"),
        Image(repository: "nginx", tag: "alpine", entrypoint: ["/docker-entrypoint.sh"],
              cmd: ["nginx", "-g", "daemon off;"], exposedPorts: ["80/tcp"],
              tools: alpineBase.union(["curl", "nginx"]),
              services: [ServiceListener(port: 80, kind: .http)], defaultProgram: "nginx"),
        Image(repository: "httpd", cmd: ["httpd-foreground"], exposedPorts: ["80/tcp"],
              tools: debianBase.union(["httpd", "httpd-foreground"]),
              services: [ServiceListener(port: 80, kind: .http)], defaultProgram: "httpd-foreground"),
        Image(repository: "httpd", tag: "alpine", cmd: ["httpd-foreground"], exposedPorts: ["80/tcp"],
              tools: alpineBase.union(["httpd-foreground"]),
              services: [ServiceListener(port: 80, kind: .http)], defaultProgram: "httpd-foreground"),
        Image(repository: "redis", entrypoint: ["docker-entrypoint.sh"], cmd: ["redis-server"],
              exposedPorts: ["6379/tcp"], tools: debianBase.union(["redis-server", "redis-cli"]),
              services: [ServiceListener(port: 6379, kind: .redis)], defaultProgram: "redis-server"),
        Image(repository: "redis", tag: "alpine", entrypoint: ["docker-entrypoint.sh"], cmd: ["redis-server"],
              exposedPorts: ["6379/tcp"], tools: alpineBase.union(["redis-server", "redis-cli"]),
              services: [ServiceListener(port: 6379, kind: .redis)], defaultProgram: "redis-server"),
        Image(repository: "mysql", entrypoint: ["docker-entrypoint.sh"], cmd: ["mysqld"],
              exposedPorts: ["3306/tcp", "33060/tcp"], tools: oracleBase.union(["mysql", "mysqld"]),
              services: [ServiceListener(port: 3306, kind: .mysql), ServiceListener(port: 33060, kind: .mysql)],
              requiresOneOfEnv: ["MYSQL_ROOT_PASSWORD", "MYSQL_ALLOW_EMPTY_PASSWORD", "MYSQL_RANDOM_ROOT_PASSWORD"],
              defaultProgram: "mysqld"),
        Image(repository: "postgres", entrypoint: ["docker-entrypoint.sh"], cmd: ["postgres"],
              exposedPorts: ["5432/tcp"], tools: debianBase.union(["psql", "postgres"]),
              services: [ServiceListener(port: 5432, kind: .postgres)],
              requiresOneOfEnv: ["POSTGRES_PASSWORD", "POSTGRES_HOST_AUTH_METHOD"], defaultProgram: "postgres"),
        Image(repository: "traefik", entrypoint: ["/entrypoint.sh"], cmd: ["traefik"], exposedPorts: ["80/tcp"],
              tools: alpineBase.union(["traefik"]), services: [ServiceListener(port: 80, kind: .http)],
              defaultProgram: "traefik"),
        Image(repository: "haproxy", entrypoint: ["docker-entrypoint.sh"],
              cmd: ["haproxy", "-f", "/usr/local/etc/haproxy/haproxy.cfg"], tools: debianBase.union(["haproxy"]),
              defaultProgram: "haproxy"),
        // traefik/whoami: a Go binary in a scratch image that answers with who it is (traefik/whoami
        // Dockerfile: `FROM scratch`, `ENTRYPOINT ["/whoami"]`, `EXPOSE 80`). No shell, no tools.
        Image(repository: "traefik/whoami", entrypoint: ["/whoami"], cmd: [], exposedPorts: ["80/tcp"],
              tools: [], services: [ServiceListener(port: 80, kind: .http)], defaultProgram: "whoami"),
        // hashicorp/http-echo: answers `-text` on :5678 (hashicorp/http-echo v1.0.0 main.go, the release
        // image's `ENTRYPOINT ["/http-echo"]`, `EXPOSE 5678`); scratch, no shell.
        Image(repository: "hashicorp/http-echo", entrypoint: ["/http-echo"], cmd: [], exposedPorts: ["5678/tcp"],
              tools: [], services: [ServiceListener(port: 5678, kind: .http)], defaultProgram: "http-echo"),
    ]

    /// Normalises a reference the way Docker does (`nginx` → `nginx:latest`,
    /// `docker.io/library/nginx` → `nginx:latest`); nil for a malformed one.
    public static func normalise(_ reference: String) -> (repository: String, tag: String)? {
        guard !reference.isEmpty, reference == reference.lowercased() || reference.contains(":") else { return nil }
        var ref = reference
        if let at = ref.firstIndex(of: "@") { ref = String(ref[..<at]) }
        for prefix in ["docker.io/library/", "index.docker.io/library/", "library/"] where ref.hasPrefix(prefix) {
            ref = String(ref.dropFirst(prefix.count))
        }
        var repo = ref
        var tag = "latest"
        if let colon = ref.lastIndex(of: ":"), !ref[colon...].contains("/") {
            repo = String(ref[..<colon])
            tag = String(ref[ref.index(after: colon)...])
        }
        guard !repo.isEmpty, !tag.isEmpty else { return nil }
        return (repo, tag)
    }

    /// The catalogue image for a reference, if it is one of the simulated images.
    public static func find(_ reference: String) -> Image? {
        guard let (repo, tag) = normalise(reference) else { return nil }
        return all.first { $0.repository == repo && $0.tag == tag }
    }
}
