/// How a simulated machine is wired to its LAN, as the course material has it: the course's
/// `docker-host` has eth0 192.168.1.100/24, a default route via 192.168.1.1
/// and that router as its nameserver.
public struct HostConfig: Sendable, Hashable {
    public var hostname: String
    public var address: IPv4Address
    public var prefixLength: Int
    public var gateway: IPv4Address
    public var nameservers: [IPv4Address]
    public var searchDomains: [String]
    public var mac: MACAddress
    /// The kernel the machine runs (`uname -r`, `uname -v`, `uname -m`), seen alike from every
    /// container: Debian 12's kernel of May 2025 (linux 6.1.137-1, ABI 6.1.0-35).
    public var kernel = Kernel()
    /// Online CPUs (`nproc`; one nginx worker each under `worker_processes auto`).
    public var cpus = 2
    /// `RLIMIT_NOFILE` soft:hard of container processes: containerd's unit file sets
    /// `LimitNOFILE=infinity`, which systemd turns into the kernel's `fs.nr_open` (1048576), and
    /// runc passes it on (what nginx logs as `getrlimit(RLIMIT_NOFILE): 1048576:1048576`).
    public var containerOpenFiles = 1_048_576

    /// What `uname` reports of the kernel.
    public struct Kernel: Sendable, Hashable {
        public var release = "6.1.0-35-amd64"
        public var version = "#1 SMP PREEMPT_DYNAMIC Debian 6.1.137-1 (2025-05-07)"
        public var machine = "x86_64"
        public init() {}
    }

    public init(hostname: String = "docker-host", address: IPv4Address = IPv4Address(192, 168, 1, 100),
                prefixLength: Int = 24, gateway: IPv4Address = IPv4Address(192, 168, 1, 1),
                nameservers: [IPv4Address] = [IPv4Address(192, 168, 1, 1)], searchDomains: [String] = [],
                mac: MACAddress = MACAddress(bytes: [0x52, 0x54, 0x00, 0x12, 0x34, 0x56])) {
        self.hostname = hostname; self.address = address; self.prefixLength = prefixLength
        self.gateway = gateway; self.nameservers = nameservers; self.searchDomains = searchDomains; self.mac = mac
    }

    /// The LAN the host's eth0 is on (an on-link route that Docker's IPAM avoids).
    public var lan: IPv4Subnet { IPv4Subnet(address: address, prefixLength: prefixLength).canonical }
}
