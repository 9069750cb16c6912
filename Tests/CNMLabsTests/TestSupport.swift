import Foundation
@testable import CNMLabs

enum Fixture {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let labsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Labs")

    static func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    static func lab(_ name: String) -> Lab {
        let entry = LabCatalog.read(path(name))
        guard let lab = entry.lab else { fatalError("fixture \(name) does not decode: \(entry.diagnostics)") }
        return lab
    }

    /// Decodes YAML text given inline (file name `t.yaml`).
    static func decode(_ text: String) -> LabDecoder.Result { LabDecoder.decode(text: text, file: "t.yaml") }

    /// A minimal valid lab header followed by `steps`.
    static func header(_ extra: String = "") -> String {
        """
        id: t
        version: 1
        title: {ko: 티, en: T}
        place: {week: 2, day: 1, session: 3, section: test}
        minutes: 5
        \(extra)
        """
    }
}
