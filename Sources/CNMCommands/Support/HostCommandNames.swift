/// The commands a real Docker host (Debian/Ubuntu with Docker Engine 28.2) answers that cnmlab does
/// not simulate: bash builtins and the programs of the packages such a host has installed (coreutils,
/// util-linux, procps, iproute2, iputils, systemd, apt, openssh, the Docker packages…). For one of these
/// the simulated shell says "not simulated"; for any other name it answers as bash does,
/// `bash: NAME: command not found` (exit 127).
enum HostCommandNames {
    /// bash 5.2 builtins and keywords a learner may type (`help` and `exit` belong to the cnmlab shell).
    static let builtins: Set<String> = [
        "alias", "bg", "bind", "builtin", "caller", "cd", "command", "compgen", "complete", "declare", "dirs",
        "disown", "enable", "eval", "exec", "export", "fc", "fg", "getopts", "hash", "jobs", "let", "local",
        "mapfile", "popd", "printf", "pushd", "pwd", "read", "readonly", "return", "set", "shift", "shopt",
        "source", ".", "suspend", "test", "[", "[[", "times", "trap", "type", "typeset", "ulimit", "umask",
        "unalias", "unset", "wait", "if", "for", "while", "until", "case", "function", "time",
    ]

    /// Programs on PATH of such a host.
    static let programs: Set<String> = [
        // coreutils, findutils, grep, sed, gawk/mawk, diffutils, tar, gzip, less, ncurses-bin
        "ls", "cp", "mv", "rm", "mkdir", "rmdir", "touch", "ln", "chmod", "chown", "chgrp", "stat", "df", "du",
        "tee", "tail", "sort", "uniq", "cut", "tr", "paste", "join", "nl", "od", "seq", "yes", "env", "id",
        "whoami", "groups", "who", "w", "uptime", "date", "basename", "dirname", "realpath",
        "readlink", "md5sum", "sha256sum", "base64", "xargs", "find", "sed", "awk", "gawk", "mawk", "diff",
        "cmp", "tar", "gzip", "gunzip", "zcat", "less", "more", "file", "which", "tput", "reset", "stty", "tty",
        "sync", "timeout", "nohup", "nice", "printenv", "expr", "factor", "shuf", "split", "fold", "fmt", "tac",
        "rev", "column", "watch", "install", "mktemp", "truncate", "dd", "locale", "man", "info",
        // util-linux, procps, psmisc, kmod
        "ps", "top", "htop", "kill", "pkill", "pgrep", "killall", "free", "vmstat", "pidof", "pmap", "mount",
        "umount", "lsblk", "blkid", "findmnt", "dmesg", "lscpu", "lsns", "nsenter", "unshare", "script",
        "logger", "last", "su", "login", "passwd", "useradd", "usermod", "userdel", "groupadd", "chroot",
        "modprobe", "lsmod", "insmod", "rmmod", "flock", "setsid", "lsof", "fuser",
        // networking packages of such a host (iproute2, iptables' siblings, openssh, netcat-openbsd, ...)
        "ss", "tc", "nft", "ip6tables", "ip6tables-save", "iptables-restore", "ip6tables-restore",
        "iptables-legacy", "iptables-nft", "ebtables", "arptables", "scp", "sftp", "ssh-keygen", "sshd", "nc",
        "netcat", "wget", "nslookup", "ping6", "tracepath", "arping", "resolvectl", "networkctl", "ethtool", "dhclient",
        "nstat", "rtmon", "rtacct", "devlink", "lnstat", "ctstat", "rdma",
        // systemd, apt, editors, Docker's own packages
        "systemctl", "journalctl", "hostnamectl", "timedatectl", "loginctl", "service", "reboot", "shutdown",
        "poweroff", "apt", "apt-get", "apt-cache", "dpkg", "dpkg-query", "update-alternatives", "vi", "vim",
        "nano", "ed", "dockerd", "containerd", "containerd-shim-runc-v2", "ctr", "runc", "docker-proxy",
        "docker-init", "python3", "perl", "bash", "sh", "dash", "crontab", "visudo", "git",
    ]

    /// Whether a real host answers `name` (a builtin or a program on PATH, by base name).
    static func isKnown(_ name: String) -> Bool {
        let base = String(name.split(separator: "/").last ?? "")
        return builtins.contains(name) || programs.contains(base)
    }
}
