/// The flags of `docker service create|update` (docker/cli v28.2.2 cli/command/service/opts.go
/// `addServiceFlags`, create.go, update.go), declared so that every real flag
/// parses — the few cnmlab simulates, and the others only to answer that they
/// are not simulated instead of `unknown flag`.
enum ServiceFlagSpecs {
    /// Flags whose effect the simulation reproduces (or which change nothing it shows).
    static let simulated: Set<String> = [
        "detach", "quiet", "name", "replicas", "network", "publish", "endpoint-mode", "mode",
        "with-registry-auth", "no-resolve-image",
    ]

    /// `addServiceFlags`: the flags `create` and `update` share.
    static let common: [FlagSpec] = [
        .bool("detach", "d"), .bool("quiet", "q"),
        .string("workdir", "w"), .string("user", "u"), .string("credential-spec"), .string("hostname"),
        .string("entrypoint"), .stringArray("cap-add"), .stringArray("cap-drop"),
        .string("limit-cpu"), .string("limit-memory"), .string("reserve-cpu"), .string("reserve-memory"),
        .int("limit-pids"), .string("stop-grace-period"),
        .string("replicas", validator: ServiceFlagValues.validateUint),
        .string("max-concurrent", validator: ServiceFlagValues.validateUint),
        .string("replicas-max-per-node", validator: ServiceFlagValues.validateUint),
        .string("restart-condition"), .string("restart-delay"),
        .string("restart-max-attempts", validator: ServiceFlagValues.validateUint), .string("restart-window"),
        .string("update-parallelism", validator: ServiceFlagValues.validateUint), .string("update-delay"),
        .string("update-monitor"), .string("update-failure-action"), .string("update-max-failure-ratio"),
        .string("update-order"),
        .string("rollback-parallelism", validator: ServiceFlagValues.validateUint), .string("rollback-delay"),
        .string("rollback-monitor"), .string("rollback-failure-action"), .string("rollback-max-failure-ratio"),
        .string("rollback-order"),
        .string("endpoint-mode", default: "vip"),
        .bool("with-registry-auth"), .bool("no-resolve-image"),
        .string("log-driver"), .stringArray("log-opt"),
        .string("health-cmd"), .string("health-interval"), .string("health-timeout"), .int("health-retries"),
        .string("health-start-period"), .string("health-start-interval"), .bool("no-healthcheck"),
        .bool("tty", "t"), .bool("read-only"), .string("stop-signal"), .string("isolation"),
    ]

    /// `docker service create`'s own flags.
    static let create: [FlagSpec] = common + [
        .string("mode", default: "replicated"), .string("name"),
        .stringArray("label", "l"), .stringArray("container-label"), .stringArray("env", "e"),
        .stringArray("env-file"), .stringArray("mount"), .stringArray("constraint"), .stringArray("placement-pref"),
        .stringArray("network", validator: ServiceFlagValues.validateNetwork),
        .stringArray("secret"), .stringArray("config"),
        .stringArray("publish", "p", validator: ServiceFlagValues.validatePublish),
        .stringArray("group"), .stringArray("dns"), .stringArray("dns-option"), .stringArray("dns-search"),
        .stringArray("host"), .bool("init"), .stringArray("sysctl"), .stringArray("ulimit"), .int("oom-score-adj"),
        .stringArray("generic-resource"),
    ]

    /// `docker service update`'s own flags.
    static let update: [FlagSpec] = common + [
        .string("image"), .string("args"), .bool("rollback"), .bool("force"),
        .stringArray("env-rm"), .stringArray("group-rm"), .stringArray("label-rm"), .stringArray("container-label-rm"),
        .stringArray("mount-rm"), .stringArray("publish-rm"), .stringArray("constraint-rm"), .stringArray("dns-rm"),
        .stringArray("dns-option-rm"), .stringArray("dns-search-rm"), .stringArray("host-rm"),
        .stringArray("placement-pref-rm"), .stringArray("network-rm"), .stringArray("secret-rm"),
        .stringArray("config-rm"), .stringArray("sysctl-rm"), .stringArray("ulimit-rm"), .stringArray("generic-resource-rm"),
        .stringArray("label-add"), .stringArray("container-label-add"), .stringArray("env-add"), .stringArray("mount-add"),
        .stringArray("constraint-add"), .stringArray("placement-pref-add"), .stringArray("network-add"),
        .stringArray("secret-add"), .stringArray("config-add"), .stringArray("publish-add"), .stringArray("group-add"),
        .stringArray("dns-add"), .stringArray("dns-option-add"), .stringArray("dns-search-add"), .stringArray("host-add"),
        .bool("init"), .stringArray("sysctl-add"), .stringArray("ulimit-add"), .int("oom-score-adj"),
        .stringArray("generic-resource-add"),
    ]

    /// The first flag the user set that changes something cnmlab does not simulate
    /// (a bool flag set to `false` changes nothing), or nil.
    static func firstUnsimulated(_ flags: ParsedFlags, among specs: [FlagSpec], simulated: Set<String>) -> String? {
        for occurrence in flags.occurrences where !simulated.contains(occurrence.name) {
            if let spec = specs.first(where: { $0.name == occurrence.name }), spec.kind == .bool, !flags.bool(spec.name) {
                continue
            }
            return occurrence.name
        }
        return nil
    }
}
