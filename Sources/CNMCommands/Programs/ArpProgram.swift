import CNMSim

/// busybox `arp`: the neighbour (ARP) cache, which the simulation does not keep. The host has no
/// net-tools `arp`.
enum ArpProgram: SimulatedProgram {
    static let names = ["arp"]
    static var onHost: Bool { false }

    static func run(_ args: [String], _ ctx: inout ProgramContext) -> CommandOutput {
        NotSimulated.feature("arp (the simulation keeps no ARP cache)")
    }
}
