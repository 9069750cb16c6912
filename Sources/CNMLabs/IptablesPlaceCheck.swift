import CNMSim

/// `iptables:` checks that name a place in the chain: `before:` or `after:` another rule, or a
/// `position:`. Rules are listed as `iptables -S TABLE CHAIN` prints them, in order, 1 first.
extension CheckEvaluator {
    func iptablesPlace(_ p: IptablesPredicate) -> CheckResult {
        let chainName = "\(p.table)/\(p.chain)"
        var wanted: [String] = []
        if let b = p.before { wanted.append(text(.placeBefore, b)) }
        if let a = p.after { wanted.append(text(.placeAfter, a)) }
        if let n = p.position { wanted.append(text(.placeAt, String(n))) }
        let expected = text(.ruleContaining, chainName, p.contains) + " " + wanted.joined(separator: ", ")
        guard let table = NetfilterTable(rawValue: p.table) else {
            return fail(.invalidValue, ["table", p.table], expected: expected, actual: text(.noSuchTable, p.table))
        }
        let rules = engine.currentRuleset.chain(table, p.chain)?.rules.map(\.specification) ?? []
        let listing = rules.isEmpty ? text(.chainEmpty)
            : rules.enumerated().map { "\($0.offset + 1): \($0.element)" }.joined(separator: " | ")
        let matches = rules.indices.filter { rules[$0].contains(p.contains) }
        guard !matches.isEmpty else {
            return fail(.ruleMissing, [chainName, p.contains], expected: expected, actual: listing)
        }
        var lowest = 0, highest = rules.count - 1
        if let b = p.before {
            guard let first = rules.firstIndex(where: { $0.contains(b) }) else {
                return fail(.ruleAnchorMissing, [chainName, b], expected: expected, actual: listing)
            }
            highest = min(highest, first - 1)
        }
        if let a = p.after {
            guard let last = rules.lastIndex(where: { $0.contains(a) }) else {
                return fail(.ruleAnchorMissing, [chainName, a], expected: expected, actual: listing)
            }
            lowest = max(lowest, last + 1)
        }
        if let n = p.position { lowest = max(lowest, n - 1); highest = min(highest, n - 1) }
        if matches.contains(where: { $0 >= lowest && $0 <= highest }) { return Self.pass }
        let places = matches.map { String($0 + 1) }.joined(separator: ", ")
        return fail(.ruleMisplaced, [p.contains, wanted.joined(separator: ", ")], expected: expected,
                    actual: text(.ruleAtPositions, places) + "; " + listing)
    }
}
