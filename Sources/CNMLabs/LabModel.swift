import CNMSim

/// A place in a lab file, for messages an author can jump to (`file:line:column`).
public struct SourcePosition: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file; self.line = line; self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }
}

/// A text written once per locale in the lab file itself, so a translation
/// never forks the lab.
public struct LocalizedText: Sendable, Hashable {
    public var texts: [LabLocale: String]

    public init(_ texts: [LabLocale: String] = [:]) { self.texts = texts }
    public init(en: String, ko: String) { self.texts = [.en: en, .ko: ko] }

    /// The text in `locale`, or in the fallback locale when it is missing.
    public func resolve(_ locale: LabLocale) -> String {
        texts[locale] ?? texts[locale.fallback] ?? ""
    }

    public var isEmpty: Bool { texts.values.allSatisfy { $0.isEmpty } }

    func mapStrings(_ f: (String) -> String) -> LocalizedText {
        LocalizedText(texts.mapValues(f))
    }
}

/// Where a lab sits in the course: Week 2 › Day 1 › Session 3 › section.
public struct CurriculumPlace: Sendable, Hashable {
    public var week: Int
    public var day: Int
    public var session: Int
    public var section: String

    public init(week: Int, day: Int, session: Int, section: String) {
        self.week = week; self.day = day; self.session = session; self.section = section
    }

    /// `W2 › D1 › S3 › 4`.
    public var label: String { "W\(week) › D\(day) › S\(session) › \(section)" }

    /// The order labs are listed and numbered in, by the shell's `labs` and by `cnmlab labs` alike:
    /// by place in the course (week, day, session, section), then by id. A learner's `lab start 4`
    /// and an instructor's list name the same lab.
    public static func courseOrder(_ labs: [Lab]) -> [Lab] {
        labs.sorted { a, b in
            let (p, q) = (a.place, b.place)
            return (p.week, p.day, p.session, p.section, a.id) < (q.week, q.day, q.session, q.section, b.id)
        }
    }
}

/// A value a lab draws per learner so that neighbours get different variants
/// (a subnet, a network name, a port), used through `{{name}}` templates.
public struct LabParameter: Sendable, Hashable {
    /// How a value is drawn.
    public enum Kind: Sendable, Hashable {
        /// One of these strings.
        case choice([String])
        /// An integer in `min...max`.
        case integer(min: Int, max: Int)
        /// An aligned subnet of `prefix` bits inside `within`.
        case subnet(within: IPv4Subnet, prefix: Int)
    }

    public var name: String
    public var kind: Kind
    /// The value of the default variant (no learner named).
    public var defaultValue: String

    public init(name: String, kind: Kind, defaultValue: String) {
        self.name = name; self.kind = kind; self.defaultValue = defaultValue
    }
}

/// One refused command pattern and why (e.g. `docker network prune*`).
public struct CommandRule: Sendable, Hashable {
    public var pattern: String
    public var reason: LocalizedText

    public init(pattern: String, reason: LocalizedText) { self.pattern = pattern; self.reason = reason }
}

/// Guardrails: forbidden commands (with a reason) and, when `allow` is not
/// empty, the only commands accepted. Patterns are globs over one simple command
/// (`*` any text, `?` one character), words joined by single spaces.
public struct CommandRules: Sendable, Hashable {
    public var allow: [String]
    public var forbid: [CommandRule]

    public init(allow: [String] = [], forbid: [CommandRule] = []) { self.allow = allow; self.forbid = forbid }

    public var isEmpty: Bool { allow.isEmpty && forbid.isEmpty }
}

/// How points are lost: per hint tier used and for revealing the solution.
public struct ScoringPolicy: Sendable, Hashable {
    /// Points deducted from a step for each tier revealed (nudge, concept, command).
    public var hintPenalty: [HintTier: Int]
    /// Points deducted from a step when its solution is revealed.
    public var solutionPenalty: Int
    /// Points deducted per wrong quiz answer.
    public var wrongAnswerPenalty: Int

    public init(hintPenalty: [HintTier: Int] = [:], solutionPenalty: Int = 0, wrongAnswerPenalty: Int = 0) {
        self.hintPenalty = hintPenalty; self.solutionPenalty = solutionPenalty; self.wrongAnswerPenalty = wrongAnswerPenalty
    }
}

/// The rungs of a hint ladder: a nudge, then the concept, then the exact command.
public enum HintTier: String, Sendable, Hashable, CaseIterable, Comparable {
    case nudge, concept, command

    var rank: Int { HintTier.allCases.firstIndex(of: self)! }
    public static func < (a: HintTier, b: HintTier) -> Bool { a.rank < b.rank }
}

/// One hint of a ladder.
public struct Hint: Sendable, Hashable {
    public var tier: HintTier
    public var text: LocalizedText

    public init(tier: HintTier, text: LocalizedText) { self.tier = tier; self.text = text }
}

/// One named predicate over the simulated state, with its own points,
/// failure message and (optionally) its own hint ladder.
public struct Check: Sendable, Hashable {
    public var name: String
    public var points: Int
    /// Replaces the generated failure message when given.
    public var message: LocalizedText?
    /// A ladder shown when this is the first failing check of the step.
    public var hints: [Hint]
    public var kind: CheckKind
    public var position: SourcePosition?
    /// Scored by the grader, never shown by the shell's `check` and never a reason a step does not
    /// complete in the shell (so a learner is not stuck on something invisible). Only a step's own
    /// checks may be hidden.
    public var hidden: Bool
    /// For an invariant: the id of the step that introduced it (it is checked with that step and
    /// with every later one; its points count once, in that step).
    public var invariantOf: String?

    public init(name: String, points: Int = 0, message: LocalizedText? = nil, hints: [Hint] = [],
                kind: CheckKind, position: SourcePosition? = nil, hidden: Bool = false) {
        self.name = name; self.points = points; self.message = message; self.hints = hints
        self.kind = kind; self.position = position; self.hidden = hidden
    }
}

/// What a check tests.
public indirect enum CheckKind: Sendable, Hashable {
    case network(NetworkPredicate)
    case container(ContainerPredicate)
    case history(HistoryPredicate)
    case all([Check])
    case any([Check])
    case not(Check)
    case reachable(ReachPredicate)
    case unreachable(ReachPredicate)
    case resolves(ResolvePredicate)
    case iptables(IptablesPredicate)
    case swarm(SwarmPredicate)
    case service(ServicePredicate)
    case file(FilePredicate)

    /// The YAML key that introduces this kind.
    public var keyword: String {
        switch self {
        case .network: return "network"
        case .container: return "container"
        case .history: return "history"
        case .all: return "all"
        case .any: return "any"
        case .not: return "not"
        case .reachable: return "reachable"
        case .unreachable: return "unreachable"
        case .resolves: return "resolves"
        case .iptables: return "iptables"
        case .swarm: return "swarm"
        case .service: return "service"
        case .file: return "file"
        }
    }
}

/// A network exists (or is absent) with the given properties. With `bind`, any
/// network that matches binds the role so later checks can say `$ROLE`.
public struct NetworkPredicate: Sendable, Hashable {
    public var name: String?
    public var bind: String?
    public var absent: Bool = false
    public var driver: String?
    public var subnet: String?
    public var subnetWithin: String?
    public var gateway: String?
    public var isInternal: Bool?
    public var attachable: Bool?
    public var userDefined: Bool?
    public var options: [String: String] = [:]
    public var labels: [String: String] = [:]
    /// Containers (names or `$roles`) that must have an endpoint on the network.
    public var holds: [String] = []
    /// The machine whose engine is looked at (nil: docker-host).
    public var host: String?

    public init() {}
}

/// A container exists (or is absent), runs, and is wired as given. With
/// `bind`, any container that matches binds the role.
public struct ContainerPredicate: Sendable, Hashable {
    public var name: String?
    public var bind: String?
    public var absent: Bool = false
    public var running: Bool?
    public var image: String?
    /// Networks (names or `$roles`) the container must be attached to.
    public var networks: [String] = []
    /// Networks it must not be attached to.
    public var notNetworks: [String] = []
    public var ip: String?
    public var ipWithin: String?
    /// Network → aliases the container must have there.
    public var aliases: [String: [String]] = [:]
    /// `HOSTPORT:PORT[/proto]`, `IP:HOSTPORT:PORT[/proto]` or `PORT[/proto]` (any host port).
    public var published: [String] = []
    public var networkMode: String?
    /// The machine whose engine is looked at (nil: docker-host).
    public var host: String?

    public init() {}
}

/// Some simple command the learner ran in this lab matches a glob, ended as asked (succeeded,
/// failed, either) and, optionally, printed something a regular expression finds.
public struct HistoryPredicate: Sendable, Hashable {
    /// How the command must have ended (`success:` in a lab file).
    public enum Outcome: String, Sendable, Hashable, CaseIterable {
        /// `success: true` (the default): it exited 0.
        case succeeded = "true"
        /// `success: false`: it ran and failed (a non-zero status).
        case failed = "false"
        /// `success: any`: it ran, whatever its status.
        case any
    }

    public var pattern: String
    public var success: Outcome
    /// A regular expression (NSRegularExpression syntax) that must find a match in what the
    /// command printed (standard output, then standard error).
    public var output: String?

    public init(pattern: String, success: Outcome = .succeeded, output: String? = nil) {
        self.pattern = pattern; self.success = success; self.output = output
    }
}

/// FROM can (or cannot) reach TO, optionally on a port, through the packet path.
public struct ReachPredicate: Sendable, Hashable {
    public var from: String
    public var to: String
    /// A port number, possibly a `{{template}}` (checked when the lab is read).
    public var port: String?
    public var proto: String

    public init(from: String, to: String, port: String? = nil, proto: String = "tcp") {
        self.from = from; self.to = to; self.port = port; self.proto = proto
    }
}

/// From a container, NAME resolves to the given containers or addresses, or to nothing.
public struct ResolvePredicate: Sendable, Hashable {
    public var from: String
    public var name: String
    /// Container names (or `$roles`) and/or IPv4 addresses; empty with `none` for "no answer".
    public var to: [String]
    public var none: Bool
    /// A swarm service whose every running task must be in the answer (`tasks.web`, dnsrr names).
    public var tasks: String?
    /// A swarm service whose virtual IP must be in the answer (a service name in vip mode).
    public var vip: String?

    public init(from: String, name: String, to: [String] = [], none: Bool = false, tasks: String? = nil, vip: String? = nil) {
        self.from = from; self.name = name; self.to = to; self.none = none; self.tasks = tasks; self.vip = vip
    }
}

/// An iptables rule is present (or absent) in a table's chain, optionally at a place in it.
/// `file: {path, container, host, exists, contains}`: a file of the simulated host (or of a
/// container) exists, or not, and holds a text.
public struct FilePredicate: Sendable, Hashable {
    /// Absolute, or relative to the site's current folder (`/root` on the host).
    public var path: String
    /// The container whose files are looked at (a name or `$ROLE`; nil: the host's).
    public var container: String?
    /// The machine (nil: docker-host).
    public var host: String?
    /// false: the file must not exist.
    public var exists: Bool
    /// Text the file must contain.
    public var contains: String?

    public init(path: String, container: String? = nil, host: String? = nil, exists: Bool = true, contains: String? = nil) {
        self.path = path; self.container = container; self.host = host; self.exists = exists; self.contains = contains
    }
}

public struct IptablesPredicate: Sendable, Hashable {
    public var table: String
    public var chain: String
    /// Text the rule (as `iptables -S` prints it) must contain.
    public var contains: String
    public var absent: Bool
    /// The machine whose rules are looked at (nil: docker-host).
    public var host: String?
    /// The rule must come before every rule of the chain that contains this text (which must exist).
    public var before: String?
    /// The rule must come after every rule of the chain that contains this text (which must exist).
    public var after: String?
    /// The rule must be at this place in the chain (1 = first, as `iptables -L --line-numbers` counts).
    public var position: Int?

    public init(table: String = "filter", chain: String, contains: String, absent: Bool = false, host: String? = nil,
                before: String? = nil, after: String? = nil, position: Int? = nil) {
        self.table = table; self.chain = chain; self.contains = contains; self.absent = absent; self.host = host
        self.before = before; self.after = after; self.position = position
    }

    /// Whether the check asks for a place in the chain, not only for the rule.
    public var hasPlace: Bool { before != nil || after != nil || position != nil }
}

/// A role bound for the whole lab (`roles:`): before any step's checks run, the first network or
/// container (in creation order) that satisfies the predicate is bound, and every step may say `$NAME`.
public struct LabRole: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case network(NetworkPredicate)
        case container(ContainerPredicate)
    }

    public var name: String
    public var kind: Kind
    public var position: SourcePosition?

    public init(name: String, kind: Kind, position: SourcePosition? = nil) {
        self.name = name; self.kind = kind; self.position = position
    }
}

/// One step of a lab: what to do, how to get help, how it is checked, and the
/// reference solution (commands) that validation replays.
public struct LabStep: Sendable, Hashable {
    public var id: String
    public var title: LocalizedText
    public var text: LocalizedText
    public var points: Int
    /// An optional step may be skipped; its points are a bonus outside the maximum.
    public var optional: Bool
    public var hints: [Hint]
    public var checks: [Check]
    public var solution: [String]
    public var quiz: Quiz?
    public var rules: CommandRules
    public var position: SourcePosition?
    /// Where each solution line is written (for validation messages); may be shorter than `solution`.
    public var solutionPositions: [SourcePosition?] = []
    /// The invariants this step introduces, as written (`checks` already holds them, with those
    /// of earlier steps).
    public var invariants: [Check] = []

    public init(id: String, title: LocalizedText, text: LocalizedText, points: Int = 0, optional: Bool = false,
                hints: [Hint] = [], checks: [Check] = [], solution: [String] = [], quiz: Quiz? = nil,
                rules: CommandRules = CommandRules(), position: SourcePosition? = nil) {
        self.id = id; self.title = title; self.text = text; self.points = points; self.optional = optional
        self.hints = hints; self.checks = checks; self.solution = solution; self.quiz = quiz
        self.rules = rules; self.position = position
    }

    /// Points for the step plus every check in it (nested checks included).
    public var maxPoints: Int { points + checks.reduce(0) { $0 + $1.totalPoints } }

    /// The commands a transcript gives for this step (a quiz answers with its first accepted answer).
    public var transcriptLines: [String] {
        if let quiz, let first = quiz.accept.first { return solution + ["answer " + first] }
        return solution
    }
}

extension Check {
    /// The same check worth no points (an invariant's copy in a later step).
    public func withoutPoints() -> Check {
        var c = self
        c.points = 0
        switch kind {
        case .all(let cs): c.kind = .all(cs.map { $0.withoutPoints() })
        case .any(let cs): c.kind = .any(cs.map { $0.withoutPoints() })
        case .not(let inner): c.kind = .not(inner.withoutPoints())
        default: break
        }
        return c
    }

    /// This check's points plus those of the checks inside it.
    public var totalPoints: Int {
        switch kind {
        case .all(let cs), .any(let cs): return points + cs.reduce(0) { $0 + $1.totalPoints }
        default: return points
        }
    }
}

/// A whole lab as written by an instructor: data, never code.
public struct Lab: Sendable, Hashable {
    public var id: String
    public var version: Int
    public var title: LocalizedText
    public var summary: LocalizedText
    public var place: CurriculumPlace
    public var minutes: Int
    public var prerequisites: [String]
    public var parameters: [LabParameter]
    /// The LAN's extra machines besides docker-host (`hosts:`), each with its own engine.
    public var hosts: [HostSpec]
    /// Names the lab adds to the outside world's DNS and names it declares missing (`outside:`).
    public var outside: OutsideWorld
    public var setup: [String]
    public var rules: CommandRules
    public var scoring: ScoringPolicy
    public var steps: [LabStep]
    /// The file it was read from (empty when built in code).
    public var file: String
    /// Roles bound for the whole lab (`roles:`), in the order they are bound.
    public var roles: [LabRole] = []
    /// Where the lab's `id`, each setup line and each prerequisite are written (for validation messages).
    public var idPosition: SourcePosition?
    public var setupPositions: [SourcePosition?] = []
    public var prerequisitePositions: [SourcePosition?] = []

    public init(id: String, version: Int, title: LocalizedText, summary: LocalizedText = LocalizedText(),
                place: CurriculumPlace, minutes: Int, prerequisites: [String] = [], parameters: [LabParameter] = [],
                hosts: [HostSpec] = [], outside: OutsideWorld = OutsideWorld(), setup: [String] = [], rules: CommandRules = CommandRules(),
                scoring: ScoringPolicy = ScoringPolicy(), steps: [LabStep], file: String = "") {
        self.id = id; self.version = version; self.title = title; self.summary = summary; self.place = place
        self.minutes = minutes; self.prerequisites = prerequisites; self.parameters = parameters; self.hosts = hosts
        self.outside = outside; self.setup = setup; self.rules = rules; self.scoring = scoring; self.steps = steps; self.file = file
    }

    /// Points of every non-optional step.
    public var maxPoints: Int { steps.filter { !$0.optional }.reduce(0) { $0 + $1.maxPoints } }
}
