/// `sortorder.NaturalLess` (fvbommel/sortorder), which docker uses to sort
/// names: digit runs compare by value, everything else byte by byte.
enum NaturalOrder {
    static func less(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        var i = 0, j = 0
        func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
        while i < x.count && j < y.count {
            let cx = x[i], cy = y[j]
            if isDigit(cx) && isDigit(cy) {
                var ie = i, je = j
                while ie < x.count && isDigit(x[ie]) { ie += 1 }
                while je < y.count && isDigit(y[je]) { je += 1 }
                // Compare by value: strip leading zeros, then length, then digits.
                var zi = i, zj = j
                while zi < ie - 1 && x[zi] == 48 { zi += 1 }
                while zj < je - 1 && y[zj] == 48 { zj += 1 }
                let lx = ie - zi, ly = je - zj
                if lx != ly { return lx < ly }
                for k in 0..<lx where x[zi + k] != y[zj + k] { return x[zi + k] < y[zj + k] }
                // Equal value: fewer leading zeros first.
                if ie - i != je - j { return ie - i < je - j }
                i = ie; j = je
                continue
            }
            if cx != cy { return cx < cy }
            i += 1; j += 1
        }
        return x.count - i < y.count - j
    }
}
