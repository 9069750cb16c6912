/// The first record of Go's `encoding/csv` reader with default settings, which
/// is how pflag's `StringSlice` flags split a value (`readAsCSV`):
/// `--subnet 10.1.0.0/24,10.2.0.0/24` → two values, `"a,b",c` → `a,b` and `c`.
/// Errors carry Go's texts, e.g.
/// `parse error on line 1, column 2: bare " in non-quoted-field`, and a value
/// holding only blank lines yields `EOF` (what `csv.Reader.Read` returns).
enum GoCSV {
    static let bareQuote = "bare \" in non-quoted-field"
    static let quoteError = "extraneous or missing \" in quoted-field"

    /// pflag `readAsCSV`: the empty string is an empty list, otherwise the first CSV record.
    static func readAsCSV(_ value: String) -> Result<[String], GoCSVError> {
        if value.isEmpty { return .success([]) }
        var reader = LineReader(bytes: Array(value.utf8))
        return reader.readRecord()
    }

    struct LineReader {
        let bytes: [UInt8]
        var offset = 0
        var numLine = 0

        /// Go `readLine`: the next line including its `\n`; nil at EOF. A `\r`
        /// right before EOF is dropped and `\r\n` is normalised to `\n`.
        mutating func readLine() -> [UInt8]? {
            guard offset < bytes.count else { return nil }
            var end = offset
            while end < bytes.count && bytes[end] != 0x0A { end += 1 }
            if end < bytes.count { end += 1 }  // include the newline
            var line = Array(bytes[offset..<end])
            offset = end
            if line.last != 0x0A, line.last == 0x0D { line.removeLast() }
            numLine += 1
            let n = line.count
            if n >= 2 && line[n - 2] == 0x0D && line[n - 1] == 0x0A {
                line.removeLast()
                line[line.count - 1] = 0x0A
            }
            return line
        }

        private static func lengthNL(_ b: ArraySlice<UInt8>) -> Int { b.last == 0x0A ? 1 : 0 }

        mutating func readRecord() -> Result<[String], GoCSVError> {
            // Skip empty lines.
            var maybeLine: [UInt8]? = nil
            while let l = readLine() {
                if l.count == Self.lengthNL(l[...]) { continue }
                maybeLine = l
                break
            }
            guard let first = maybeLine else { return .failure(.eof) }
            var line = first[...]
            let recLine = numLine
            var fields: [String] = []
            var posLine = numLine
            var posCol = 1
            func err(_ line: Int, _ col: Int, _ text: String) -> GoCSVError {
                .parse(startLine: recLine, line: line, column: col, message: text)
            }
            while true {
                if line.first != 0x22 {
                    // Non-quoted field.
                    let comma = line.firstIndex(of: 0x2C)
                    let field: ArraySlice<UInt8>
                    if let c = comma {
                        field = line[line.startIndex..<c]
                    } else {
                        field = line.dropLast(Self.lengthNL(line))
                    }
                    if let q = field.firstIndex(of: 0x22) {
                        return .failure(err(numLine, posCol + (q - field.startIndex), GoCSV.bareQuote))
                    }
                    fields.append(String(decoding: field, as: UTF8.self))
                    if let c = comma {
                        posCol += (c - line.startIndex) + 1
                        line = line[(c + 1)...]
                        continue
                    }
                    return .success(fields)
                }
                // Quoted field.
                var buffer: [UInt8] = []
                line = line.dropFirst()
                posCol += 1
                while true {
                    if let q = line.firstIndex(of: 0x22) {
                        buffer.append(contentsOf: line[line.startIndex..<q])
                        posCol += (q - line.startIndex) + 1
                        line = line[(q + 1)...]
                        let next = line.first
                        if next == 0x22 {
                            buffer.append(0x22)
                            line = line.dropFirst()
                            posCol += 1
                        } else if next == 0x2C {
                            line = line.dropFirst()
                            posCol += 1
                            fields.append(String(decoding: buffer, as: UTF8.self))
                            break
                        } else if Self.lengthNL(line) == line.count {
                            fields.append(String(decoding: buffer, as: UTF8.self))
                            return .success(fields)
                        } else {
                            return .failure(err(numLine, posCol - 1, GoCSV.quoteError))
                        }
                    } else if !line.isEmpty {
                        buffer.append(contentsOf: line)
                        posCol += line.count
                        if let next = readLine() {
                            line = next[...]
                            if !next.isEmpty { posLine += 1; posCol = 1 }
                        } else {
                            line = [][...]
                        }
                    } else {
                        return .failure(err(posLine, posCol, GoCSV.quoteError))
                    }
                }
            }
        }
    }
}

/// An error from `GoCSV`; `description` is Go's `Error()` text.
enum GoCSVError: Error, Equatable, CustomStringConvertible {
    /// `io.EOF`: the value held no record (only newlines).
    case eof
    /// `*csv.ParseError`.
    case parse(startLine: Int, line: Int, column: Int, message: String)

    var description: String {
        switch self {
        case .eof:
            return "EOF"
        case let .parse(startLine, line, column, message):
            if startLine != line {
                return "record on line \(startLine); parse error on line \(line), column \(column): \(message)"
            }
            return "parse error on line \(line), column \(column): \(message)"
        }
    }
}
