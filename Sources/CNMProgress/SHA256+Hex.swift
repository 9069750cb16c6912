import Crypto

/// SHA-256 from apple/swift-crypto (BoringSSL's implementation on Linux, CryptoKit's on Apple
/// systems), with the few conveniences the command log's chain and the state fingerprint use.
///
/// Why a library and not our own: the chain is tamper evidence an instructor relies on, so its hash
/// is the audited one. It guards records against edits, not secrets.
extension SHA256 {
    /// Adds bytes to the message (any sequence; contiguous storage is hashed in place).
    public mutating func update<S: Sequence>(_ bytes: S) where S.Element == UInt8 {
        let done: Void? = bytes.withContiguousStorageIfAvailable { update(bufferPointer: UnsafeRawBufferPointer($0)) }
        if done == nil {
            Array(bytes).withUnsafeBytes { update(bufferPointer: $0) }
        }
    }

    /// Adds the UTF-8 bytes of a string.
    public mutating func update(_ text: String) {
        var text = text
        text.withUTF8 { update(bufferPointer: UnsafeRawBufferPointer($0)) }
    }

    /// The digest of everything added so far, as 64 lowercase hex digits (the hash goes on).
    public func hexDigest() -> String { Self.hex(Array(finalize())) }

    /// SHA-256 of some bytes, as lowercase hex.
    public static func hex<S: Sequence>(of bytes: S) -> String where S.Element == UInt8 {
        var h = SHA256()
        h.update(bytes)
        return h.hexDigest()
    }

    /// SHA-256 of a string's UTF-8 bytes, as lowercase hex.
    public static func hex(of text: String) -> String {
        var h = SHA256()
        h.update(text)
        return h.hexDigest()
    }

    static func hex(_ bytes: [UInt8]) -> String {
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
