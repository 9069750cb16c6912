/// Parse-tree nodes of a Go template (mirrors `text/template/parse` node
/// types closely enough to reproduce Go's error positions and contexts).
indirect enum TemplateNode: Sendable {
    case text(pos: Int, text: String)
    case action(TemplateActionNode)
    case ifNode(TemplateBranchNode)
    case rangeNode(TemplateBranchNode)
    case withNode(TemplateBranchNode)
    case list(TemplateListNode)
    case breakNode(pos: Int, line: Int)
    case continueNode(pos: Int, line: Int)
    case templateCall(TemplateCallNode)

    var description: String {
        switch self {
        case .text(_, let t): return GoFormat.quote(t)
        case .action(let a): return a.description
        case .ifNode(let b): return b.describe("if")
        case .rangeNode(let b): return b.describe("range")
        case .withNode(let b): return b.describe("with")
        case .list(let l): return l.description
        case .breakNode: return "{{break}}"
        case .continueNode: return "{{continue}}"
        case .templateCall(let t): return t.description
        }
    }

    var pos: Int {
        switch self {
        case .text(let p, _): return p
        case .action(let a): return a.pos
        case .ifNode(let b), .rangeNode(let b), .withNode(let b): return b.pos
        case .list(let l): return l.pos
        case .breakNode(let p, _), .continueNode(let p, _): return p
        case .templateCall(let t): return t.pos
        }
    }
}

struct TemplateListNode: Sendable {
    var pos: Int
    var nodes: [TemplateNode] = []
    var description: String { nodes.map(\.description).joined() }
}

struct TemplateActionNode: Sendable {
    var pos: Int
    var line: Int
    var pipe: TemplatePipeNode
    var description: String { "{{" + pipe.description + "}}" }
}

struct TemplateBranchNode: Sendable {
    var pos: Int
    var line: Int
    var pipe: TemplatePipeNode
    var list: TemplateListNode
    var elseList: TemplateListNode?

    func describe(_ name: String) -> String {
        var s = "{{" + name + " " + pipe.description + "}}" + list.description
        if let e = elseList { s += "{{else}}" + e.description }
        return s + "{{end}}"
    }
}

struct TemplateCallNode: Sendable {
    var pos: Int
    var line: Int
    var name: String
    var pipe: TemplatePipeNode?
    var description: String {
        if let p = pipe { return "{{template " + GoFormat.quote(name) + " " + p.description + "}}" }
        return "{{template " + GoFormat.quote(name) + "}}"
    }
}

struct TemplatePipeNode: Sendable {
    var pos: Int
    var line: Int
    var isAssign = false
    var decl: [TemplateVariableNode] = []
    var cmds: [TemplateCommandNode] = []

    var description: String {
        var s = ""
        if !decl.isEmpty {
            s = decl.map(\.description).joined(separator: ", ") + (isAssign ? " = " : " := ")
        }
        return s + cmds.map(\.description).joined(separator: " | ")
    }
}

struct TemplateVariableNode: Sendable {
    var pos: Int
    var ident: [String]
    var description: String { ident.joined(separator: ".") }
}

struct TemplateCommandNode: Sendable {
    var pos: Int
    var args: [TemplateArgNode] = []
    var description: String {
        args.map { a -> String in
            if case .pipe(let p) = a { return "(" + p.description + ")" }
            return a.description
        }.joined(separator: " ")
    }
}

/// A Go number literal, with the interpretations Go's `NumberNode` records.
struct TemplateNumber: Sendable {
    var text: String
    var isInt = false, isUint = false, isFloat = false
    var int64: Int64 = 0
    var uint64: UInt64 = 0
    var float64: Double = 0
}

/// Operands inside a command.
indirect enum TemplateArgNode: Sendable {
    case field(pos: Int, ident: [String])
    case variable(TemplateVariableNode)
    case chain(pos: Int, node: TemplateArgNode, fields: [String])
    case identifier(pos: Int, name: String)
    case dot(pos: Int)
    case nilNode(pos: Int)
    case bool(pos: Int, value: Bool)
    case number(pos: Int, TemplateNumber)
    case string(pos: Int, quoted: String, text: String)
    case pipe(TemplatePipeNode)

    var pos: Int {
        switch self {
        case .field(let p, _), .chain(let p, _, _), .identifier(let p, _), .dot(let p), .nilNode(let p),
             .bool(let p, _), .number(let p, _), .string(let p, _, _):
            return p
        case .variable(let v): return v.pos
        case .pipe(let p): return p.pos
        }
    }

    var description: String {
        switch self {
        case .field(_, let ident): return ident.map { "." + $0 }.joined()
        case .variable(let v): return v.description
        case .chain(_, let node, let fields):
            var s: String
            if case .pipe(let p) = node { s = "(" + p.description + ")" } else { s = node.description }
            for f in fields { s += "." + f }
            return s
        case .identifier(_, let n): return n
        case .dot: return "."
        case .nilNode: return "nil"
        case .bool(_, let b): return b ? "true" : "false"
        case .number(_, let n): return n.text
        case .string(_, let q, _): return q
        case .pipe(let p): return p.description
        }
    }
}
