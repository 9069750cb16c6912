/// Whether a line typed inside a here-document may be its delimiter line (as is, or after leading
/// tabs for `<<-`). Readers of multi-line input use it to append the body's other lines without
/// parsing the whole text again at each line.
public enum HereDocumentLine {
    public static func mayEnd(_ line: [UInt8], delimiter: [UInt8]) -> Bool {
        line == delimiter || Array(line.drop { $0 == 0x09 }) == delimiter
    }
}
