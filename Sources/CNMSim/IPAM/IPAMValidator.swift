/// The daemon's `ValidateIPAM` (api/types/network/ipam.go): syntax of subnets,
/// ranges, gateways and auxiliary addresses, all errors collected.
public enum IPAMValidator {
    /// Docker's error text, or nil when the configuration is valid.
    public static func validate(_ configs: [IPAMConfig], enableIPv6: Bool) -> String? {
        var errors: [String] = []
        for config in configs {
            let subnetText = config.subnet ?? ""
            if subnetText.contains(":") {
                if !enableIPv6 { continue }
                continue
            }
            guard let subnet = IPv4Subnet(subnetText) else {
                errors.append("invalid subnet \(subnetText): invalid CIDR block notation")
                continue
            }
            if !subnet.isCanonical {
                errors.append("invalid subnet \(subnet): it should be \(subnet.canonical)")
            }
            if let rangeText = config.ipRange, !rangeText.isEmpty {
                if let range = IPv4Subnet(rangeText) {
                    if range.prefixLength < subnet.prefixLength {
                        errors.append("invalid ip-range \(rangeText): CIDR block is bigger than its parent subnet \(subnet)")
                    }
                    if !range.isCanonical {
                        errors.append("invalid ip-range \(range): it should be \(range.canonical)")
                    }
                    if !subnet.overlaps(range) {
                        errors.append("invalid ip-range \(rangeText): parent subnet \(subnet) doesn't contain ip-range")
                    }
                } else if rangeText.contains(":") {
                    errors.append("invalid ip-range \(rangeText): parent subnet is an IPv4 block")
                } else {
                    errors.append("invalid ip-range \(rangeText): invalid CIDR block notation")
                }
            }
            if let g = config.gateway, !g.isEmpty, let e = addressError(g, subnet) {
                errors.append("invalid gateway \(g): \(e)")
            }
            for (name, aux) in config.auxAddresses.sorted(by: { $0.key < $1.key }) {
                if let e = addressError(aux, subnet) {
                    errors.append("invalid auxiliary address \(name): \(e)")
                }
            }
        }
        if errors.isEmpty { return nil }
        if errors.count == 1 { return "invalid network config:\n" + errors[0] }
        return "invalid network config:\n" + errors.map { "* " + $0 }.joined(separator: "\n")
    }

    private static func addressError(_ text: String, _ subnet: IPv4Subnet) -> String? {
        guard let ip = IPv4Address(text) else {
            return text.contains(":") && text.allSatisfy({ $0.isHexDigit || $0 == ":" || $0 == "." })
                ? "parent subnet is an IPv4 block" : "invalid address"
        }
        return subnet.contains(ip) ? nil : "parent subnet \(subnet) doesn't contain this address"
    }
}
