extension String {
    /// Go's `strings.TrimSpace` on ASCII whitespace (space, tab, newline, carriage return, vertical
    /// tab, form feed), by Unicode scalar so that a trailing "\r\n" goes too. Docker's CLI trims
    /// filter keys and values this way; cnmlab uses it for every line and answer it trims.
    public var trimmingSpaces: String {
        func blank(_ u: Unicode.Scalar) -> Bool {
            u == " " || u == "\t" || u == "\n" || u == "\r" || u == "\u{0B}" || u == "\u{0C}"
        }
        var scalars = Substring(self).unicodeScalars[...]
        while let f = scalars.first, blank(f) { scalars = scalars.dropFirst() }
        while let l = scalars.last, blank(l) { scalars = scalars.dropLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}
