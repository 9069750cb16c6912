import CNMSim

/// Every simulated program by name. Add one line per new program.
enum ProgramRegistry {
    static let programs: [any SimulatedProgram.Type] = [
        EchoProgram.self,
        TrueProgram.self,
        FalseProgram.self,
        SleepProgram.self,
        HostnameProgram.self,
        CatProgram.self,
        ListProgram.self,
        RemoveProgram.self,
        MakeDirectoryProgram.self,
        CopyProgram.self,
        TouchProgram.self,
        PrintfProgram.self,
        EditorProgram.self,
        GrepProgram.self,
        HeadProgram.self,
        WcProgram.self,
        NslookupProgram.self,
        GetentProgram.self,
        IptablesProgram.self,
        IptablesSaveProgram.self,
        IpProgram.self,
        BridgeProgram.self,
        BrctlProgram.self,
        PingProgram.self,
        CurlProgram.self,
        WgetProgram.self,
        NcProgram.self,
        RedisCliProgram.self,
        MysqlProgram.self,
        WhyProgram.self,
        IfconfigProgram.self,
        TracerouteProgram.self,
        SocketsProgram.self,
        SshProgram.self,
        RouteProgram.self,
        TailProgram.self,
        SysctlProgram.self,
        HostProgram.self,
        DigProgram.self,
        ArpProgram.self,
        UnameProgram.self,
        NprocProgram.self,
        EnvProgram.self,
        ModprobeProgram.self,
        NginxProgram.self,
        HaproxyProgram.self,
    ]

    static let byName: [String: any SimulatedProgram.Type] = {
        var table: [String: any SimulatedProgram.Type] = [:]
        for p in programs { for n in p.names { table[n] = p } }
        return table
    }()

    /// The program for a command word (`/bin/ping` → `ping`).
    static func find(_ word: String) -> (any SimulatedProgram.Type)? {
        byName[word] ?? byName[String(word.split(separator: "/").last ?? "")]
    }
}
