/// Go's `text/template/parse` recursive-descent parser, reproducing Go's
/// error messages (`template: NAME:LINE: ...`). Nesting is bounded so hostile
/// input yields an error rather than a stack overflow.
struct TemplateParser {
    /// Nesting limit for control structures (`if`/`range`/`with`/`define` bodies count 2 each).
    static let maxDepth = 160
    /// Nesting limit for parenthesized pipelines (each level costs several
    /// executor frames; 24 levels fit a 512 KiB thread stack in debug builds).
    static let maxParenDepth = 24

    let name: String
    let functions: Set<String>
    var items: [TemplateItem]
    var cursor = 0
    var token: [TemplateItem]
    var peekCount = 0
    var vars: [String] = ["$"]
    var rangeDepth = 0
    var actionLine = 0
    var depth = 0
    var parenDepth = 0
    var definitions: [String: TemplateListNode] = [:]

    init(text: String, name: String, functions: Set<String>) {
        self.name = name
        self.functions = functions
        let lexed = TemplateLexer.lex(text, breakOK: !functions.contains("break"),
                                      continueOK: !functions.contains("continue"))
        items = lexed
        let eof = TemplateItem(type: .eof, pos: text.utf8.count, val: "", line: 1)
        token = [eof, eof, eof]
    }

    /// Parses the whole text into the root list plus `define`d templates.
    static func parse(_ text: String, name: String, functions: Set<String>) throws
        -> (root: TemplateListNode, definitions: [String: TemplateListNode]) {
        var p = TemplateParser(text: text, name: name, functions: functions)
        let root = try p.parseRoot()
        return (root, p.definitions)
    }

    // MARK: token stream

    mutating func lexNext() -> TemplateItem {
        if cursor < items.count {
            let i = items[cursor]
            cursor += 1
            return i
        }
        // After an error or EOF Go's lexer keeps returning EOF.
        let last = items.last
        return TemplateItem(type: .eof, pos: last?.pos ?? 0, val: "", line: last?.line ?? 1)
    }

    mutating func next() -> TemplateItem {
        if peekCount > 0 { peekCount -= 1 } else { token[0] = lexNext() }
        return token[peekCount]
    }

    mutating func backup() { peekCount += 1 }

    mutating func backup2(_ t1: TemplateItem) {
        token[1] = t1
        peekCount = 2
    }

    mutating func backup3(_ t2: TemplateItem, _ t1: TemplateItem) {
        token[1] = t1
        token[2] = t2
        peekCount = 3
    }

    mutating func peek() -> TemplateItem {
        if peekCount > 0 { return token[peekCount - 1] }
        peekCount = 1
        token[0] = lexNext()
        return token[0]
    }

    mutating func nextNonSpace() -> TemplateItem {
        var t: TemplateItem
        repeat { t = next() } while t.type == .space
        return t
    }

    mutating func peekNonSpace() -> TemplateItem {
        let t = nextNonSpace()
        backup()
        return t
    }

    // MARK: errors

    func error(_ message: String) -> TemplateError {
        TemplateError("template: \(name):\(token[0].line): \(message)", phase: .parse)
    }

    func unexpected(_ t: TemplateItem, _ context: String) -> TemplateError {
        if t.type == .error {
            var extra = ""
            if actionLine != 0 && actionLine != t.line {
                extra = " in action started at \(name):\(actionLine)"
                if t.val.hasSuffix(" action") { extra = String(extra.dropFirst(" in action".count)) }
            }
            return error(t.description + extra)
        }
        return error("unexpected \(t.description) in \(context)")
    }

    mutating func expect(_ type: TemplateItemType, _ context: String) throws -> TemplateItem {
        let t = nextNonSpace()
        if t.type != type { throw unexpected(t, context) }
        return t
    }

    mutating func enter() throws {
        depth += 1
        if depth > TemplateParser.maxDepth { throw error("max expression depth exceeded") }
    }

    // MARK: grammar

    /// The result of `textOrAction` / `itemList`: a node, or an `end`/`else` marker.
    enum Piece {
        case node(TemplateNode)
        case end(pos: Int)
        case elseMarker(pos: Int, line: Int)
        case comment
    }

    mutating func parseRoot() throws -> TemplateListNode {
        var root = TemplateListNode(pos: peek().pos)
        while peek().type != .eof {
            if peek().type == .leftDelim {
                let delim = next()
                if nextNonSpace().type == .define {
                    try parseDefinition()
                    continue
                }
                backup2(delim)
            }
            switch try textOrAction() {
            case .end: throw error("unexpected {{end}}")
            case .elseMarker: throw error("unexpected {{else}}")
            case .node(let n): root.nodes.append(n)
            case .comment: break
            }
        }
        return root
    }

    mutating func parseDefinition() throws {
        let context = "define clause"
        let t = nextNonSpace()
        guard t.type == .string || t.type == .rawString else { throw unexpected(t, context) }
        guard let defName = TemplateLiterals.unquote(t.val) else { throw error("invalid syntax") }
        _ = try expect(.rightDelim, context)
        let savedVars = vars
        let savedRange = rangeDepth
        vars = ["$"]
        rangeDepth = 0
        let (list, end) = try itemList()
        guard case .end = end else { throw error("unexpected {{else}} in \(context)") }
        vars = savedVars
        rangeDepth = savedRange
        if definitions[defName] == nil || !list.nodes.isEmpty { definitions[defName] = list }
    }

    mutating func itemList() throws -> (TemplateListNode, Piece) {
        try enter()
        defer { depth -= 1 }
        var list = TemplateListNode(pos: peekNonSpace().pos)
        while peekNonSpace().type != .eof {
            let piece = try textOrAction()
            switch piece {
            case .end, .elseMarker: return (list, piece)
            case .node(let n): list.nodes.append(n)
            case .comment: break
            }
        }
        throw error("unexpected EOF")
    }

    mutating func textOrAction() throws -> Piece {
        let t = nextNonSpace()
        switch t.type {
        case .text:
            return .node(.text(pos: t.pos, text: t.val))
        case .leftDelim:
            actionLine = t.line
            defer { actionLine = 0 }
            return try action()
        case .comment:
            return .comment
        default:
            throw unexpected(t, "input")
        }
    }

    mutating func action() throws -> Piece {
        let t = nextNonSpace()
        switch t.type {
        case .block: return .node(try blockControl())
        case .breakKeyword: return .node(try loopControl(t, isBreak: true))
        case .continueKeyword: return .node(try loopControl(t, isBreak: false))
        case .elseKeyword: return try elseControl()
        case .end: return .end(pos: try expect(.rightDelim, "end").pos)
        case .ifKeyword: return .node(try ifControl())
        case .range: return .node(try control("range"))
        case .template: return .node(try templateControl())
        case .with: return .node(try withControl())
        default: break
        }
        backup()
        let first = peek()
        let pipe = try pipeline("command", end: .rightDelim)
        return .node(.action(TemplateActionNode(pos: first.pos, line: first.line, pipe: pipe)))
    }

    mutating func loopControl(_ t: TemplateItem, isBreak: Bool) throws -> TemplateNode {
        let word = isBreak ? "{{break}}" : "{{continue}}"
        let n = nextNonSpace()
        if n.type != .rightDelim { throw unexpected(n, word) }
        if rangeDepth == 0 { throw error("\(word) outside {{range}}") }
        return isBreak ? .breakNode(pos: t.pos, line: t.line) : .continueNode(pos: t.pos, line: t.line)
    }

    mutating func elseControl() throws -> Piece {
        let p = peekNonSpace()
        if p.type == .ifKeyword || p.type == .with { return .elseMarker(pos: p.pos, line: p.line) }
        let t = try expect(.rightDelim, "else")
        return .elseMarker(pos: t.pos, line: t.line)
    }

    mutating func ifControl() throws -> TemplateNode { .ifNode(try branch("if")) }
    mutating func withControl() throws -> TemplateNode { .withNode(try branch("with")) }

    mutating func control(_ context: String) throws -> TemplateNode {
        let b = try branch(context)
        return context == "range" ? .rangeNode(b) : .ifNode(b)
    }

    mutating func branch(_ context: String) throws -> TemplateBranchNode {
        try enter()
        defer { depth -= 1 }
        let mark = vars.count
        defer { vars.removeSubrange(min(mark, vars.count)...) }
        let pipe = try pipeline(context, end: .rightDelim)
        if context == "range" { rangeDepth += 1 }
        let (list, nextPiece) = try itemList()
        if context == "range" { rangeDepth -= 1 }
        var elseList: TemplateListNode?
        if case .elseMarker(let pos, _) = nextPiece {
            if context == "if" && peek().type == .ifKeyword {
                _ = next()
                elseList = TemplateListNode(pos: pos, nodes: [try ifControl()])
            } else if context == "with" && peek().type == .with {
                _ = next()
                elseList = TemplateListNode(pos: pos, nodes: [try withControl()])
            } else {
                let (l, n) = try itemList()
                guard case .end = n else { throw error("expected end; found {{else}}") }
                elseList = l
            }
        }
        return TemplateBranchNode(pos: pipe.pos, line: pipe.line, pipe: pipe, list: list, elseList: elseList)
    }

    mutating func templateName(_ t: TemplateItem, _ context: String) throws -> String {
        guard t.type == .string || t.type == .rawString else { throw unexpected(t, context) }
        guard let s = TemplateLiterals.unquote(t.val) else { throw error("invalid syntax") }
        return s
    }

    mutating func templateControl() throws -> TemplateNode {
        let context = "template clause"
        let t = nextNonSpace()
        let callee = try templateName(t, context)
        var pipe: TemplatePipeNode?
        if nextNonSpace().type != .rightDelim {
            backup()
            pipe = try pipeline(context, end: .rightDelim)
        }
        return .templateCall(TemplateCallNode(pos: t.pos, line: t.line, name: callee, pipe: pipe))
    }

    mutating func blockControl() throws -> TemplateNode {
        let context = "block clause"
        let t = nextNonSpace()
        let callee = try templateName(t, context)
        let pipe = try pipeline(context, end: .rightDelim)
        let savedVars = vars
        let savedRange = rangeDepth
        vars = ["$"]
        rangeDepth = 0
        let (list, end) = try itemList()
        guard case .end = end else { throw error("unexpected {{else}} in \(context)") }
        vars = savedVars
        rangeDepth = savedRange
        if definitions[callee] == nil || !list.nodes.isEmpty { definitions[callee] = list }
        return .templateCall(TemplateCallNode(pos: t.pos, line: t.line, name: callee, pipe: pipe))
    }

    mutating func pipeline(_ context: String, end: TemplateItemType) throws -> TemplatePipeNode {
        let first = peekNonSpace()
        var pipe = TemplatePipeNode(pos: first.pos, line: first.line)
        decls: while true {
            let v = peekNonSpace()
            guard v.type == .variable else { break decls }
            _ = next()
            let tokenAfterVariable = peek()
            let nxt = peekNonSpace()
            if nxt.type == .assign || nxt.type == .declare {
                pipe.isAssign = nxt.type == .assign
                _ = nextNonSpace()
                pipe.decl.append(TemplateVariableNode(pos: v.pos, ident: [v.val]))
                vars.append(v.val)
            } else if nxt.type == .char && nxt.val == "," {
                _ = nextNonSpace()
                pipe.decl.append(TemplateVariableNode(pos: v.pos, ident: [v.val]))
                vars.append(v.val)
                if context == "range" && pipe.decl.count < 2 {
                    switch peekNonSpace().type {
                    case .variable, .rightDelim, .rightParen:
                        continue decls
                    default:
                        throw error("range can only initialize variables")
                    }
                }
                throw error("too many declarations in \(context)")
            } else if tokenAfterVariable.type == .space {
                backup3(v, tokenAfterVariable)
            } else {
                backup2(v)
            }
            break decls
        }
        while true {
            let t = nextNonSpace()
            switch t.type {
            case end:
                try checkPipeline(pipe, context)
                return pipe
            case .bool, .charConstant, .complex, .dot, .field, .identifier, .number, .nilKeyword, .rawString,
                 .string, .variable, .leftParen:
                backup()
                pipe.cmds.append(try command())
            default:
                throw unexpected(t, context)
            }
        }
    }

    func checkPipeline(_ pipe: TemplatePipeNode, _ context: String) throws {
        if pipe.cmds.isEmpty { throw error("missing value for \(context)") }
        for (i, c) in pipe.cmds.enumerated().dropFirst() {
            switch c.args.first {
            case .bool?, .dot?, .nilNode?, .number?, .string?:
                throw error("non executable command in pipeline stage \(i + 1)")
            default: break
            }
        }
    }

    mutating func command() throws -> TemplateCommandNode {
        var cmd = TemplateCommandNode(pos: peekNonSpace().pos)
        while true {
            _ = peekNonSpace()
            if let operand = try operand() { cmd.args.append(operand) }
            let t = next()
            switch t.type {
            case .space: continue
            case .rightDelim, .rightParen: backup()
            case .pipe: break
            default: throw unexpected(t, "operand")
            }
            break
        }
        if cmd.args.isEmpty { throw error("empty command") }
        return cmd
    }

    mutating func operand() throws -> TemplateArgNode? {
        guard let node = try term() else { return nil }
        if peek().type == .field {
            let chainPos = peek().pos
            var fields: [String] = []
            while peek().type == .field {
                fields.append(contentsOf: next().val.split(separator: ".", omittingEmptySubsequences: false).dropFirst().map(String.init))
            }
            switch node {
            case .field(_, let ident):
                return .field(pos: chainPos, ident: ident + fields)
            case .variable(let v):
                return .variable(TemplateVariableNode(pos: chainPos, ident: v.ident + fields))
            case .bool, .string, .number, .nilNode, .dot:
                throw error("unexpected . after term \(GoFormat.quote(node.description))")
            default:
                return .chain(pos: chainPos, node: node, fields: fields)
            }
        }
        return node
    }

    mutating func term() throws -> TemplateArgNode? {
        let t = nextNonSpace()
        switch t.type {
        case .identifier:
            if !functions.contains(t.val) { throw error("function \(GoFormat.quote(t.val)) not defined") }
            return .identifier(pos: t.pos, name: t.val)
        case .dot: return .dot(pos: t.pos)
        case .nilKeyword: return .nilNode(pos: t.pos)
        case .variable:
            let ident = t.val.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            guard let first = ident.first, vars.contains(first) else {
                throw error("undefined variable \(GoFormat.quote(ident.first ?? t.val))")
            }
            return .variable(TemplateVariableNode(pos: t.pos, ident: ident))
        case .field:
            return .field(pos: t.pos, ident: t.val.split(separator: ".", omittingEmptySubsequences: false).dropFirst().map(String.init))
        case .bool: return .bool(pos: t.pos, value: t.val == "true")
        case .charConstant, .complex, .number:
            switch TemplateLiterals.number(t.val, type: t.type) {
            case .success(let n): return .number(pos: t.pos, n)
            case .failure(let e): throw error(e.message)
            }
        case .leftParen:
            if parenDepth >= TemplateParser.maxParenDepth { throw error("max expression depth exceeded") }
            parenDepth += 1
            defer { parenDepth -= 1 }
            return .pipe(try pipeline("parenthesized pipeline", end: .rightParen))
        case .string, .rawString:
            guard let s = TemplateLiterals.unquote(t.val) else { throw error("invalid syntax") }
            return .string(pos: t.pos, quoted: t.val, text: s)
        default:
            backup()
            return nil
        }
    }
}
