import CNMSim

/// The shell a container's image has, as `docker exec -it C bash|sh` opens it: which shell it is,
/// the prompt it shows, and what it says for a program the image lacks.
///
/// - busybox and Alpine-based images: busybox `ash` (`sh`), prompt `PS1='\w \$ '` → `/ # `
///   (busybox 1.36.1 shell/ash.c), `sh: ping: not found`;
/// - Debian/Ubuntu-based images: `bash` with Debian's `/etc/bash.bashrc` prompt
///   `${debian_chroot:+($debian_chroot)}\u@\h:\w\$ ` → `root@<hostname>:/# `, `bash: ping: command not found`;
///   their `sh` is `dash`, prompt `# `, `sh: 1: ping: not found`;
/// - `mysql` (Oracle Linux 9): bash 5.1 without a prompt file → `bash-5.1# `, its `sh` is bash too.
/// The working directory is the image's `WORKDIR` (`/data` for redis, `/usr/local/apache2` for httpd).
public struct ContainerShell: Sendable, Hashable {
    public enum Flavor: Sendable, Hashable { case ash, bash, dash, bashPosix }

    /// The shell as typed (`sh`, `bash`, `/bin/sh`).
    public let program: String
    public let flavor: Flavor
    /// The prompt after every command (`root@3c1a9d8f6e2b:/# `).
    public let prompt: String
    /// Running `-c SCRIPT` rather than typed lines (bash then names the line in its errors).
    public var script = false

    /// Builtins of these shells that are not programs on PATH.
    static let builtins: Set<String> = ["cd", "export", "set", "unset", "alias", "unalias", "type", "read", "source",
                                        ".", "exec", "trap", "wait", "jobs", "fg", "bg", "umask", "ulimit", "shift",
                                        "local", "return", "eval", "command", "hash", "times", "getopts"]

    /// The shell `program` starts in container `c`; nil when the image does not have it.
    public static func open(_ program: String, in c: Container) -> ContainerShell? {
        let base = String(program.split(separator: "/").last ?? "")
        guard ProcessPlan.shells.contains(base), c.image.tools.contains(base) else { return nil }
        let busybox = c.image.tools.contains("busybox")
        let oracle = c.image.repository == "mysql"
        let flavor: Flavor
        switch base {
        case "bash": flavor = oracle ? .bashPosix : .bash
        default: flavor = busybox ? .ash : oracle ? .bashPosix : .dash
        }
        let dir = workingDirectory(c)
        let user = c.image.repository == "haproxy" ? "haproxy" : "root"
        let mark = user == "root" ? "#" : "$"
        let host = String(c.hostname.split(separator: ".").first ?? "")
        let prompt: String
        switch flavor {
        case .ash: prompt = "\(dir) \(mark) "
        case .bash: prompt = "\(user)@\(host):\(dir)\(mark) "
        case .dash: prompt = "\(mark) "
        case .bashPosix: prompt = "\(base == "bash" ? "bash" : "sh")-5.1\(mark) "
        }
        return ContainerShell(program: program, flavor: flavor, prompt: prompt)
    }

    /// The shell that runs `sh -c LINE` / `bash -c LINE` in container `c`.
    static func forScript(_ program: String, in c: Container) -> ContainerShell? {
        guard var shell = open(program, in: c) else { return nil }
        shell.script = true
        return shell
    }

    /// What the shell does with a command word it reads: nil when the image has the program (run it),
    /// else its not-found line or, for a builtin cnmlab does not simulate, a not-simulated line.
    func lookup(_ word: String, in c: Container) -> CommandOutput? {
        let base = String(word.split(separator: "/").last ?? "")
        if c.image.tools.contains(base) || c.image.tools.contains(word) || ProcessPlan.shells.contains(base) { return nil }
        if ["echo", "true", "false", ":", "printf", "test", "[", "pwd", "kill"].contains(base) { return nil }
        if Self.builtins.contains(word) { return NotSimulated.feature("the shell builtin '\(word)'") }
        return notFound(word)
    }

    /// The image's `WORKDIR`, where `docker exec` starts.
    public static func workingDirectory(_ c: Container) -> String {
        switch c.image.repository {
        case "redis": return "/data"
        case "httpd": return "/usr/local/apache2"
        case "haproxy": return "/var/lib/haproxy"
        default: return "/"
        }
    }

    /// What the shell prints for a command it cannot find (exit 127); `script`: run by `-c`
    /// (bash then names the line: `bash: line 1: ping: command not found`).
    func notFound(_ name: String) -> CommandOutput {
        let shellName = String(program.split(separator: "/").last ?? "")
        let text: String
        switch flavor {
        case .ash: text = "\(shellName): \(name): not found"
        case .dash: text = "\(shellName): 1: \(name): not found"
        case .bash: text = script ? "bash: line 1: \(name): command not found" : "bash: \(name): command not found"
        case .bashPosix: text = script ? "\(shellName): line 1: \(name): command not found" : "\(shellName): \(name): command not found"
        }
        return CommandOutput(stderr: text + "\n", exitCode: 127)
    }
}

extension ContainerShell {
    /// What `docker exec -it CONTAINER SHELL` prints instead of opening the shell.
    public struct Refusal: Error, Sendable {
        public let output: CommandOutput
    }

    /// `docker exec -it CONTAINER SHELL` as the cnmlab shell opens it: the running container whose image
    /// has the shell, or what docker prints instead (the daemon's error, runc's executable-not-found).
    /// A machine that is not there (nil) has no such container.
    public static func container(_ term: String, for program: String, on engine: Engine?) -> Result<Container, Refusal> {
        do throws(CommandError) {
            guard let engine else { throw .daemon(.noSuchContainer(term)) }
            let c = try engine.findContainer(term).orDaemonError()
            guard c.isRunning else { throw .daemon(.notRunning(c.id)) }
            guard open(program, in: c) != nil else { throw .executableNotFound(program) }
            return .success(c)
        } catch {
            return .failure(Refusal(output: error.output))
        }
    }
}
