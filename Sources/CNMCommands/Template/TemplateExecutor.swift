/// Executes a parsed template the way Go's `text/template/exec.go` does,
/// including its error texts: `template: NAME:LINE:COL: executing "NAME" at <NODE>: MESSAGE`.
struct TemplateExecutor {
    /// The node Go's `state.at` last recorded, for error locations.
    enum ContextNode {
        case arg(TemplateArgNode)
        case pipe(TemplatePipeNode)
        case cmd(TemplateCommandNode)
        case node(TemplateNode)

        var pos: Int {
            switch self {
            case .arg(let a): return a.pos
            case .pipe(let p): return p.pos
            case .cmd(let c): return c.pos
            case .node(let n): return n.pos
            }
        }

        var description: String {
            switch self {
            case .arg(let a): return a.description
            case .pipe(let p): return p.description
            case .cmd(let c): return c.description
            case .node(let n):
                if case .text(_, let t) = n { return t }
                return n.description
            }
        }
    }

    enum Final {
        case missing
        case value(TemplateEvalValue)
        var isMissing: Bool { if case .missing = self { return true } else { return false } }
    }

    enum LoopSignal: Error { case breakLoop, continueLoop }

    static let maxTemplateDepth = 100

    let parseName: String
    let text: [UInt8]
    let definitions: [String: TemplateListNode]
    let options: GoTemplate.ExecuteOptions
    var templateName: String
    var node: ContextNode?
    var vars: [(name: String, value: TemplateEvalValue)] = []
    var output = ""
    var outputBytes = 0
    var steps = 0
    var depth = 0

    var funcContext: TemplateFunctionContext { TemplateFunctionContext(maxOutputBytes: options.maxOutputBytes) }

    // MARK: errors

    func errorf(_ message: String) -> TemplateError {
        guard let n = node else {
            return TemplateError("template: \(templateName): \(message)")
        }
        let pos = min(max(n.pos, 0), text.count)
        let before = text[0..<pos]
        var byteNum = pos
        if let nl = before.lastIndex(of: 10) { byteNum = pos - (nl + 1) }
        let lineNum = 1 + before.reduce(0) { $0 + ($1 == 10 ? 1 : 0) }
        // Go 1.24 text/template/parse `ErrorContext` prints the whole node (older Go cut it at 20 bytes).
        let context = n.description
        return TemplateError("template: \(parseName):\(lineNum):\(byteNum): executing \(GoFormat.quote(templateName)) at <\(context)>: \(message)")
    }

    mutating func at(_ n: ContextNode) { node = n }

    mutating func tick() throws {
        steps += 1
        if steps > options.maxSteps { throw errorf("execution step limit exceeded") }
    }

    mutating func write(_ s: String) throws {
        outputBytes += s.utf8.count
        if outputBytes > options.maxOutputBytes { throw errorf("output size limit exceeded") }
        output += s
    }

    // MARK: variables

    func varValue(_ name: String) throws -> TemplateEvalValue {
        for v in vars.reversed() where v.name == name { return v.value }
        throw errorf("undefined variable: \(name)")
    }

    mutating func setVar(_ name: String, _ value: TemplateEvalValue) throws {
        for i in stride(from: vars.count - 1, through: 0, by: -1) where vars[i].name == name {
            vars[i].value = value
            return
        }
        throw errorf("undefined variable: \(name)")
    }

    mutating func setTopVar(_ n: Int, _ value: TemplateEvalValue) {
        let i = vars.count - n
        if i >= 0 && i < vars.count { vars[i].value = value }
    }

    mutating func pop(to mark: Int) {
        if mark < vars.count { vars.removeSubrange(mark...) }
    }

    // MARK: walking

    mutating func walk(_ dot: TemplateEvalValue, _ n: TemplateNode) throws {
        try tick()
        at(.node(n))
        switch n {
        case .text(_, let t):
            try write(t)
        case .action(let a):
            let val = try evalPipeline(dot, a.pipe)
            if a.pipe.decl.isEmpty {
                at(.node(n))
                if let v = val { try write(GoFormat.value(v)) } else { try write("<no value>") }
            }
        case .ifNode(let b):
            try walkIfOrWith(isWith: false, dot, b)
        case .withNode(let b):
            try walkIfOrWith(isWith: true, dot, b)
        case .rangeNode(let b):
            try walkRange(dot, b, n)
        case .list(let l):
            for c in l.nodes { try walk(dot, c) }
        case .breakNode:
            throw LoopSignal.breakLoop
        case .continueNode:
            throw LoopSignal.continueLoop
        case .templateCall(let t):
            try walkTemplate(dot, t)
        }
    }

    mutating func walkList(_ dot: TemplateEvalValue, _ l: TemplateListNode) throws {
        for c in l.nodes { try walk(dot, c) }
    }

    mutating func walkIfOrWith(isWith: Bool, _ dot: TemplateEvalValue, _ b: TemplateBranchNode) throws {
        let mark = vars.count
        defer { pop(to: mark) }
        let val = try evalPipeline(dot, b.pipe)
        if TemplateFunctions.truth(val) {
            try walkList(isWith ? val : dot, b.list)
        } else if let e = b.elseList {
            try walkList(dot, e)
        }
    }

    mutating func walkRange(_ dot: TemplateEvalValue, _ r: TemplateBranchNode, _ self_: TemplateNode) throws {
        at(.node(self_))
        let outerMark = vars.count
        defer { pop(to: outerMark) }
        let val = try evalPipeline(dot, r.pipe)
        let mark = vars.count
        var stop = false

        func one(_ s: inout TemplateExecutor, _ index: TemplateEvalValue, _ elem: TemplateEvalValue) throws {
            try s.tick()
            let decl = r.pipe.decl
            if !decl.isEmpty {
                if r.pipe.isAssign {
                    if decl.count > 1 { try s.setVar(decl[0].ident[0], index) } else { try s.setVar(decl[0].ident[0], elem) }
                } else {
                    s.setTopVar(1, elem)
                }
            }
            if decl.count > 1 {
                if r.pipe.isAssign { try s.setVar(decl[1].ident[0], elem) } else { s.setTopVar(2, index) }
            }
            defer { s.pop(to: mark) }
            do {
                try s.walkList(elem, r.list)
            } catch LoopSignal.continueLoop {
                return
            } catch LoopSignal.breakLoop {
                stop = true
            }
        }

        switch val {
        case .list(let items, _)?:
            if !items.isEmpty {
                for (i, e) in items.enumerated() {
                    try one(&self, .int(Int64(i)), e)
                    if stop { break }
                }
                return
            }
        case .map(let m, _, _)?:
            if !m.isEmpty {
                for (k, v) in TemplateValue.sortedEntries(m) {
                    try one(&self, .string(k), v)
                    if stop { break }
                }
                return
            }
        case .int?, .uint?:
            if r.pipe.decl.count > 1 {
                throw errorf("can't use \(GoFormat.value(val ?? .null)) to iterate over more than one variable")
            }
            var count: UInt64 = 0
            if case .int(let i)? = val { count = i > 0 ? UInt64(i) : 0 }
            if case .uint(let u)? = val { count = u }
            if count > 0 {
                var i: UInt64 = 0
                while i < count {
                    let elem: TemplateValue
                    if case .uint? = val { elem = .uint(i) } else { elem = .int(Int64(i)) }
                    try one(&self, nil, elem)
                    if stop { break }
                    i += 1
                }
                return
            }
        case nil, .null?:
            break
        case let v?:
            throw errorf("range can't iterate over \(GoFormat.value(v))")
        }
        if let e = r.elseList {
            try walkList(dot, e)
        }
    }

    mutating func walkTemplate(_ dot: TemplateEvalValue, _ t: TemplateCallNode) throws {
        at(.node(.templateCall(t)))
        guard let body = t.name == "" && definitions[""] == nil ? nil : definitions[t.name] else {
            throw errorf("template \(GoFormat.quote(t.name)) not defined")
        }
        if depth >= TemplateExecutor.maxTemplateDepth {
            throw errorf("exceeded maximum template depth (\(TemplateExecutor.maxTemplateDepth))")
        }
        var newDot = dot
        if let p = t.pipe { newDot = try evalPipeline(dot, p) }
        let savedVars = vars, savedName = templateName
        vars = [("$", newDot)]
        templateName = t.name
        depth += 1
        defer { vars = savedVars; templateName = savedName; depth -= 1 }
        try walkList(newDot, body)
    }

    // MARK: pipelines and commands

    mutating func evalPipeline(_ dot: TemplateEvalValue, _ pipe: TemplatePipeNode) throws -> TemplateEvalValue {
        at(.pipe(pipe))
        var value: Final = .missing
        for cmd in pipe.cmds {
            value = .value(try evalCommand(dot, cmd, value))
        }
        var result: TemplateEvalValue = nil
        if case .value(let v) = value { result = v }
        for v in pipe.decl {
            if pipe.isAssign { try setVar(v.ident[0], result) } else { vars.append((v.ident[0], result)) }
        }
        return result
    }

    mutating func notAFunction(_ args: [TemplateArgNode], _ final: Final) throws {
        if args.count > 1 || !final.isMissing {
            throw errorf("can't give argument to non-function \(args.first?.description ?? "")")
        }
    }

    mutating func evalCommand(_ dot: TemplateEvalValue, _ cmd: TemplateCommandNode, _ final: Final) throws -> TemplateEvalValue {
        guard let first = cmd.args.first else { throw errorf("empty command") }
        switch first {
        case .field(_, let ident):
            at(.arg(first))
            return try evalFieldChain(dot, dot, first, ident, args: cmd.args, final: final)
        case .chain:
            return try evalChainNode(dot, first, args: cmd.args, final: final)
        case .identifier(_, let name):
            return try evalFunction(dot, first, name: name, cmdNode: .cmd(cmd), args: cmd.args, final: final)
        case .pipe(let p):
            try notAFunction(cmd.args, final)
            return try evalPipeline(dot, p)
        case .variable(let v):
            return try evalVariableNode(dot, v, args: cmd.args, final: final)
        default:
            break
        }
        at(.arg(first))
        try notAFunction(cmd.args, final)
        switch first {
        case .bool(_, let b): return .bool(b)
        case .dot: return dot
        case .nilNode: throw errorf("nil is not a command")
        case .number(_, let n): return try idealConstant(first, n)
        case .string(_, _, let s): return .string(s)
        default: throw errorf("can't evaluate command \(GoFormat.quote(first.description))")
        }
    }

    mutating func idealConstant(_ node: TemplateArgNode, _ n: TemplateNumber) throws -> TemplateEvalValue {
        at(.arg(node))
        let t = n.text
        let isHexInt = t.count > 2 && t.hasPrefix("0") && (t.dropFirst().hasPrefix("x") || t.dropFirst().hasPrefix("X"))
            && !t.contains(where: { $0 == "p" || $0 == "P" })
        let isRuneInt = t.hasPrefix("'")
        if n.isFloat && !isHexInt && !isRuneInt && t.contains(where: { ".eEpP".contains($0) }) {
            return .float(n.float64)
        }
        if n.isInt { return .int(n.int64) }
        if n.isUint { throw errorf("\(t) overflows int") }
        return nil
    }

    mutating func evalVariableNode(_ dot: TemplateEvalValue, _ v: TemplateVariableNode, args: [TemplateArgNode],
                                   final: Final) throws -> TemplateEvalValue {
        at(.arg(.variable(v)))
        let value = try varValue(v.ident[0])
        if v.ident.count == 1 {
            try notAFunction(args, final)
            return value
        }
        return try evalFieldChain(dot, value, .variable(v), Array(v.ident.dropFirst()), args: args, final: final)
    }

    mutating func evalChainNode(_ dot: TemplateEvalValue, _ chain: TemplateArgNode, args: [TemplateArgNode],
                                final: Final) throws -> TemplateEvalValue {
        at(.arg(chain))
        guard case .chain(_, let inner, let fields) = chain else { return nil }
        if case .nilNode = inner { throw errorf("indirection through explicit nil in \(chain.description)") }
        let pipe = try evalArg(dot, .value, inner)
        return try evalFieldChain(dot, pipe, chain, fields, args: args, final: final)
    }

    mutating func evalFieldChain(_ dot: TemplateEvalValue, _ receiver: TemplateEvalValue, _ node: TemplateArgNode,
                                 _ ident: [String], args: [TemplateArgNode], final: Final) throws -> TemplateEvalValue {
        var recv = receiver
        let n = ident.count
        guard n > 0 else { return recv }
        for i in 0..<(n - 1) {
            recv = try evalField(dot, ident[i], node, args: [], final: .missing, receiver: recv, last: false)
        }
        return try evalField(dot, ident[n - 1], node, args: args, final: final, receiver: recv, last: true)
    }

    mutating func evalField(_ dot: TemplateEvalValue, _ fieldName: String, _ node: TemplateArgNode,
                            args: [TemplateArgNode], final: Final, receiver: TemplateEvalValue,
                            last: Bool) throws -> TemplateEvalValue {
        guard let recv = receiver else {
            if options.missingKeyError { throw errorf("nil data; no entry for key \(GoFormat.quote(fieldName))") }
            return nil
        }
        let hasArgs = args.count > 1 || !final.isMissing
        switch recv {
        case .null:
            throw errorf("nil pointer evaluating interface {}.\(fieldName)")
        case .structure(let s):
            if let m = s.methods[fieldName] {
                let fn = TemplateFunction(fixed: m.parameters.map(TemplateParam.init), variadic: nil) { a, _ in
                    try m.body(a.map { $0 ?? .null })
                }
                return try evalCall(dot, fn, isBuiltin: false, node: .arg(node), name: fieldName,
                                    args: Array(args.dropFirst()), final: final)
            }
            if let f = s.fields.first(where: { $0.name == fieldName }) {
                if hasArgs { throw errorf("\(fieldName) has arguments but cannot be invoked as function") }
                return f.value
            }
        case .map(let m, let kind, _):
            if hasArgs { throw errorf("\(fieldName) is not a method but has arguments") }
            if let v = m[fieldName] {
                if case .null = v, kind.elementZero == nil, last { return nil }
                return v
            }
            if options.missingKeyError { throw errorf("map has no entry for key \(GoFormat.quote(fieldName))") }
            return nil
        default:
            break
        }
        throw errorf("can't evaluate field \(fieldName) in type \(recv.goTypeName)")
    }

    mutating func evalFunction(_ dot: TemplateEvalValue, _ ident: TemplateArgNode, name: String, cmdNode: ContextNode,
                               args: [TemplateArgNode], final: Final) throws -> TemplateEvalValue {
        at(.arg(ident))
        guard let fn = TemplateFunctions.lookup(name, header: options.headerFunctions) else {
            throw errorf("\(GoFormat.quote(name)) is not a defined function")
        }
        return try evalCall(dot, fn, isBuiltin: true, node: cmdNode, name: name, args: Array(args.dropFirst()), final: final)
    }

    /// `args` excludes the function/field node itself.
    mutating func evalCall(_ dot: TemplateEvalValue, _ fn: TemplateFunction, isBuiltin: Bool, node: ContextNode,
                           name: String, args: [TemplateArgNode], final: Final) throws -> TemplateEvalValue {
        var numIn = args.count
        if !final.isMissing { numIn += 1 }
        let numFixed = fn.fixed.count
        if fn.variadic != nil {
            if numIn < numFixed {
                throw errorf("wrong number of args for \(name): want at least \(numFixed) got \(args.count)")
            }
        } else if numIn != numFixed {
            throw errorf("wrong number of args for \(name): want \(numFixed) got \(numIn)")
        }

        if isBuiltin && (name == "and" || name == "or") {
            var v: TemplateEvalValue = nil
            for a in args {
                v = try evalArg(dot, .value, a)
                if TemplateFunctions.truth(v) == (name == "or") { return v }
            }
            if case .value(let f) = final { v = f }
            return v
        }

        var argv: [TemplateEvalValue] = []
        var i = 0
        while i < numFixed && i < args.count {
            argv.append(try evalArg(dot, fn.fixed[i], args[i]))
            i += 1
        }
        if let variadic = fn.variadic {
            while i < args.count {
                argv.append(try evalArg(dot, variadic, args[i]))
                i += 1
            }
        }
        if case .value(let f) = final {
            var t = fn.fixed.last ?? .value
            if let variadic = fn.variadic {
                t = numIn - 1 < numFixed ? fn.fixed[numIn - 1] : variadic
            }
            argv.append(try validateType(f, t))
        }
        if isBuiltin && name == "call" {
            if case .value = final {} else if let first = args.first {
                if let f = argv.first ?? nil, !TemplateFunctions.isNilish(f) {
                    at(node)
                    throw errorf("error calling call: non-function \(first.description) of type \(f.goTypeName)")
                }
            }
        }
        do {
            return try fn.body(argv, funcContext)
        } catch let e as TemplateFuncError {
            at(node)
            throw errorf("error calling \(name): \(e.message)")
        } catch let e as TemplateError {
            at(node)
            throw errorf("error calling \(name): \(e.message)")
        } catch {
            at(node)
            throw errorf("error calling \(name): \(error)")
        }
    }

    // MARK: arguments

    func validateType(_ value: TemplateEvalValue, _ t: TemplateParam) throws -> TemplateEvalValue {
        guard let v = value else {
            switch t {
            case .value: return nil
            case .any: return .null
            case .stringList: return .nilList
            default: throw errorf("invalid value; expected \(t.goName)")
            }
        }
        switch (t, v) {
        case (.value, _), (.any, _): return v
        case (.string, .string), (.int, .int), (.bool, .bool), (.float, .float): return v
        case (.stringList, .list(let items, _)):
            if items.allSatisfy({ if case .string = $0 { return true } else { return false } }) { return v }
        case (.stringList, .null): return .nilList
        default: break
        }
        throw errorf("wrong type for value; expected \(t.goName); got \(v.goTypeName)")
    }

    mutating func evalArg(_ dot: TemplateEvalValue, _ t: TemplateParam, _ n: TemplateArgNode) throws -> TemplateEvalValue {
        at(.arg(n))
        switch n {
        case .dot:
            return try validateType(dot, t)
        case .nilNode:
            switch t {
            case .value: return nil
            case .any: return .null
            case .stringList: return .nilList
            default: throw errorf("cannot assign nil to \(t.goName)")
            }
        case .field(_, let ident):
            at(.arg(n))
            return try validateType(try evalFieldChain(dot, dot, n, ident, args: [n], final: .missing), t)
        case .variable(let v):
            return try validateType(try evalVariableNode(dot, v, args: [], final: .missing), t)
        case .pipe(let p):
            return try validateType(try evalPipeline(dot, p), t)
        case .identifier(_, let name):
            return try validateType(try evalFunction(dot, n, name: name, cmdNode: .arg(n), args: [], final: .missing), t)
        case .chain:
            return try validateType(try evalChainNode(dot, n, args: [], final: .missing), t)
        default:
            break
        }
        switch t {
        case .bool:
            if case .bool(_, let b) = n { return .bool(b) }
            throw errorf("expected bool; found \(n.description)")
        case .string:
            if case .string(_, _, let s) = n { return .string(s) }
            throw errorf("expected string; found \(n.description)")
        case .int:
            if case .number(_, let num) = n, num.isInt { return .int(num.int64) }
            throw errorf("expected integer; found \(n.description)")
        case .float:
            if case .number(_, let num) = n, num.isFloat { return .float(num.float64) }
            throw errorf("expected float; found \(n.description)")
        case .any, .value:
            switch n {
            case .bool(_, let b): return .bool(b)
            case .number(_, let num): return try idealConstant(n, num)
            case .string(_, _, let s): return .string(s)
            default: throw errorf("can't handle assignment of \(n.description) to empty interface argument")
            }
        case .stringList:
            throw errorf("can't handle \(n.description) for arg of type []string")
        }
    }
}
