import Foundation

/// One command line of a golden scenario and what the terminal showed for it.
struct GoldenRecord: Equatable, Decodable {
    var command: String
    var exitCode: Int32
    var stdout: String
    var stderr: String
}

/// The golden transcript a reviewer reads (`Golden/NAME.golden`), written and read back without loss.
///
/// Each command is a block, blocks apart by a blank line:
///
///     $ docker network connect mynet web       the command line (`> ` starts each continuation line)
///     | what it printed on stdout, line by line
///     ! what it printed on stderr, line by line
///     \ no newline at end                      the line above ends its stream without a newline
///     [exit 1]                                 the exit status, when it is not 0
///
/// Lines are kept byte for byte, trailing spaces included. A line holding a control character
/// (carriage return, escape, …; not tab) is written escaped after `|~`, `!~` or `$~` instead:
/// `\r`, `\n`, `\\` and `\xHH`. An empty stdout line is a bare `|`, an empty stderr line a bare `!`.
/// stdout is listed before stderr (the scenario keeps them apart, not their interleaving).
/// The first line is `header`; the JSON Lines files of the first layout begin with `{` instead.
enum GoldenTranscript {
    static let header = "# cnmlab golden transcript: `$` command, `|` stdout, `!` stderr, `[exit N]` when not 0 (docs/testing.md)"
    static let noNewline = "\\ no newline at end"

    struct ParseError: Error, CustomStringConvertible {
        let line: Int
        let reason: String
        var description: String { "line \(line): \(reason)" }
    }

    // MARK: writing

    static func render(_ records: [GoldenRecord]) -> String {
        var out: [UInt8] = Array(header.utf8) + [10]
        for record in records {
            out.append(10)
            out += stream(record.command, marker: UInt8(ascii: "$"), continuation: UInt8(ascii: ">"))
            out += stream(record.stdout, marker: UInt8(ascii: "|"))
            out += stream(record.stderr, marker: UInt8(ascii: "!"))
            if record.exitCode != 0 { out += Array("[exit \(record.exitCode)]\n".utf8) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A stream's lines, each after its marker; the command's lines after the first use `continuation`.
    /// A command never ends with a newline (its lines are joined by one), so it needs no marker for that.
    static func stream(_ text: String, marker: UInt8, continuation: UInt8? = nil) -> [UInt8] {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty || continuation != nil else { return [] }
        var lines = bytes.split(separator: 10, omittingEmptySubsequences: false).map(Array.init)
        let endsWithNewline = continuation == nil && bytes.last == 10
        if endsWithNewline { lines.removeLast() }
        var out: [UInt8] = []
        for (i, line) in lines.enumerated() {
            let m = i > 0 ? (continuation ?? marker) : marker
            if line.contains(where: needsEscape) {
                out += [m, UInt8(ascii: "~")] + escape(line)
            } else {
                out.append(m)
                if !line.isEmpty { out += [32] + line }
            }
            out.append(10)
        }
        if continuation == nil && !endsWithNewline { out += Array(noNewline.utf8) + [10] }
        return out
    }

    static func needsEscape(_ byte: UInt8) -> Bool { (byte < 0x20 && byte != 0x09) || byte == 0x7F }

    static func escape(_ line: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        for b in line {
            switch b {
            case UInt8(ascii: "\\"): out += Array("\\\\".utf8)
            case 13: out += Array("\\r".utf8)
            case 10: out += Array("\\n".utf8)
            case _ where needsEscape(b):
                let hex = Array("0123456789abcdef".utf8)
                out += [UInt8(ascii: "\\"), UInt8(ascii: "x"), hex[Int(b >> 4)], hex[Int(b & 0x0F)]]
            default: out.append(b)
            }
        }
        return out
    }

    // MARK: reading

    /// The records of a transcript in this layout.
    static func parse(_ text: String) throws(ParseError) -> [GoldenRecord] {
        var lines = Array(text.utf8).split(separator: 10, omittingEmptySubsequences: false).map(Array.init)
        if lines.last == [] { lines.removeLast() }
        guard lines.first == Array(header.utf8) else { throw ParseError(line: 1, reason: "the first line is not the transcript header") }
        var records: [GoldenRecord] = []
        // The record being read: its command, stdout and stderr lines, and whether each stream ends with a newline.
        var command: [[UInt8]] = [], out: [[UInt8]] = [], err: [[UInt8]] = []
        var outNewline = true, errNewline = true, exit: Int32 = 0, last: UInt8 = 0
        func finish() {
            guard !command.isEmpty else { return }
            func joined(_ ls: [[UInt8]], newline: Bool) -> String {
                guard !ls.isEmpty else { return "" }
                return String(decoding: Array(ls.joined(separator: [10])) + (newline ? [10] : []), as: UTF8.self)
            }
            records.append(GoldenRecord(command: joined(command, newline: false), exitCode: exit,
                                        stdout: joined(out, newline: outNewline), stderr: joined(err, newline: errNewline)))
            command = []; out = []; err = []; outNewline = true; errNewline = true; exit = 0; last = 0
        }
        for (index, line) in lines.enumerated().dropFirst() {
            let number = index + 1
            guard let first = line.first else { continue }
            if line == Array(noNewline.utf8) {
                switch last {
                case UInt8(ascii: "|"): outNewline = false
                case UInt8(ascii: "!"): errNewline = false
                default: throw ParseError(line: number, reason: "`\(noNewline)` follows no stdout or stderr line")
                }
                last = 0
                continue
            }
            if first == UInt8(ascii: "[") {
                let s = String(decoding: line, as: UTF8.self)
                guard s.hasPrefix("[exit "), s.hasSuffix("]"), let code = Int32(s.dropFirst(6).dropLast()), code != 0, !command.isEmpty
                else { throw ParseError(line: number, reason: "not an exit status line: \(s)") }
                exit = code
                last = 0
                continue
            }
            let content: [UInt8]
            if line.count == 1 {
                content = []
            } else if line[1] == 32 {
                content = Array(line[2...])
            } else if line[1] == UInt8(ascii: "~") {
                content = try unescape(Array(line[2...]), line: number)
            } else {
                throw ParseError(line: number, reason: "a marker is followed by a space or `~`")
            }
            switch first {
            case UInt8(ascii: "$"): finish(); command = [content]
            case UInt8(ascii: ">") where !command.isEmpty && out.isEmpty && err.isEmpty: command.append(content)
            case UInt8(ascii: "|") where !command.isEmpty && err.isEmpty && outNewline: out.append(content)
            case UInt8(ascii: "!") where !command.isEmpty && errNewline: err.append(content)
            default: throw ParseError(line: number, reason: "unexpected line")
            }
            last = first == UInt8(ascii: ">") ? UInt8(ascii: "$") : first
        }
        finish()
        return records
    }

    static func unescape(_ bytes: [UInt8], line: Int) throws(ParseError) -> [UInt8] {
        var out: [UInt8] = []
        var i = 0
        func hexValue(_ b: UInt8) -> UInt8? {
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): return b - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): return b - UInt8(ascii: "a") + 10
            default: return nil
            }
        }
        while i < bytes.count {
            guard bytes[i] == UInt8(ascii: "\\") else { out.append(bytes[i]); i += 1; continue }
            guard i + 1 < bytes.count else { throw ParseError(line: line, reason: "a lone backslash ends the line") }
            switch bytes[i + 1] {
            case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\")); i += 2
            case UInt8(ascii: "r"): out.append(13); i += 2
            case UInt8(ascii: "n"): out.append(10); i += 2
            case UInt8(ascii: "x"):
                guard i + 3 < bytes.count, let hi = hexValue(bytes[i + 2]), let lo = hexValue(bytes[i + 3])
                else { throw ParseError(line: line, reason: "`\\x` needs two lowercase hex digits") }
                out.append(hi << 4 | lo); i += 4
            default: throw ParseError(line: line, reason: "unknown escape")
            }
        }
        return out
    }

    // MARK: the first layout

    /// True for a file in the first layout: one JSON object a line (`{"command":…}`).
    static func isJSONLines(_ text: String) -> Bool { text.hasPrefix("{") }

    /// The records of a JSON Lines golden file (the layout before this one).
    static func parseJSONLines(_ text: String) throws -> [GoldenRecord] {
        try Array(text.utf8).split(separator: 10).map { try JSONDecoder().decode(GoldenRecord.self, from: Data($0)) }
    }

    /// The records of a golden file in either layout.
    static func records(_ text: String) throws -> [GoldenRecord] {
        isJSONLines(text) ? try parseJSONLines(text) : try parse(text)
    }
}
