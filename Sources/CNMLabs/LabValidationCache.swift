import Foundation

/// Remembers which lab files passed `cnmlab validate --mutants` (by a hash of their bytes and the
/// cnmlab version), so that `cnmlab grade` can refuse a broken lab without validating it again for
/// every submission of a class.
///
/// Only a clean verdict is remembered (a lab with errors is validated again, so its errors can be
/// shown). The memory cache lives for the process; the folder cache, when given, across runs (read
/// and written through `files`).
enum LabValidationCache {
    private final class Memory: @unchecked Sendable {
        let lock = NSLock()
        var clean: Set<String> = []
    }

    private static let memory = Memory()

    /// The errors `cnmlab validate --mutants` finds in `lab` (empty: it may be graded).
    static func errors(of lab: Lab, bytes: [UInt8]?, salt: String, directory: String?, files: any GradeFiles) -> [LabDiagnostic] {
        let key = bytes.map { Self.key($0, salt: salt) }
        if let key {
            memory.lock.lock()
            let known = memory.clean.contains(key)
            memory.lock.unlock()
            if known { return [] }
            if let directory, files.exists(file(directory, key)) {
                remember(key)
                return []
            }
        }
        let errors = LabValidator.validate(lab, mutants: true).filter { $0.severity == .error }
        if errors.isEmpty, let key {
            remember(key)
            if let directory {
                _ = files.makeDirectory(directory)
                _ = files.write("clean\n", to: file(directory, key), atomically: true)
            }
        }
        return errors
    }

    private static func remember(_ key: String) {
        memory.lock.lock()
        memory.clean.insert(key)
        memory.lock.unlock()
    }

    static func file(_ directory: String, _ key: String) -> String {
        (directory as NSString).appendingPathComponent(key + ".clean")
    }

    /// Two FNV-1a 64 hashes (different offsets) of the salt, the validator's revision and the
    /// bytes, and the byte count: a 128-bit name for the content.
    static func key(_ bytes: [UInt8], salt: String) -> String {
        let prefix = Array((salt + "\u{0}" + String(LabValidator.revision) + "\u{0}").utf8)
        var a: UInt64 = 0xcbf2_9ce4_8422_2325, b: UInt64 = 0x8422_2325_cbf2_9ce4
        for byte in prefix + bytes {
            a = (a ^ UInt64(byte)) &* 0x100_0000_01b3
            b = (b ^ UInt64(byte ^ 0x5a)) &* 0x100_0000_01b3
        }
        func hex(_ v: UInt64) -> String { let s = String(v, radix: 16); return String(repeating: "0", count: 16 - s.count) + s }
        return hex(a) + hex(b) + "-" + String(bytes.count)
    }
}
