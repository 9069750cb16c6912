import CNMCommands
import CNMFileSystem
import CNMLabs

/// The speed targets the unit tests used to time: a lab file built to explode on expansion
/// (`billion-laughs.yaml`, `small-laughs.yaml` from Tests/CNMLabsTests/Fixtures) is refused within
/// a second, and 1 MiB command lines of pathological shapes parse in linear time. The unit tests
/// (`DecoderTests`, `ShellLineTests.testLargeInputs`) keep what they refuse and how they parse.
func parserBench() {
    print("parser limits (wall time; CPU time in brackets):")
    for name in ["billion-laughs", "small-laughs"] {
        let path = "Tests/CNMLabsTests/Fixtures/\(name).yaml"
        let (wall, cpu) = timed { _ = LabCatalog.read(path, files: DiskFiles()) }
        target("lab file \(name).yaml refused", wall * 1_000, "ms", atMost: 1_000, cpu: cpu * 1_000)
    }
    let mib = 1 << 20
    let shapes = [
        String(repeating: "a ", count: mib / 2), "'" + String(repeating: "x", count: mib),
        String(repeating: "$(", count: mib / 2), String(repeating: "$(\"", count: mib / 3),
        String(repeating: "${", count: mib / 2), String(repeating: "\\", count: mib),
        String(repeating: "$()", count: mib / 3), String(repeating: "a;", count: mib / 2),
        String(repeating: "`", count: mib + 1), Array(repeating: "$(`", count: mib / 3).joined(),
        "$( " + String(repeating: "(", count: mib),
    ]
    let (wall, cpu) = timed { for s in shapes { _ = ShellLine.parse(s) } }
    target("parse 11 pathological 1 MiB command lines", wall, "s", atMost: 60, cpu: cpu)
    print("")
}

/// Wall and CPU seconds `body` took.
func timed(_ body: () -> Void) -> (wall: Double, cpu: Double) {
    let start = now(), startCPU = threadCPU()
    body()
    return (now() - start, threadCPU() - startCPU)
}
