import CNMCommands
import Foundation

/// One line the learner (or a setup/solution replay) typed, and how it ended, simple command by
/// simple command.
public struct HistoryEntry: Sendable, Hashable {
    /// The line as typed.
    public var command: String
    /// The line's exit status (its last pipeline's), as the shell reports it.
    public var exitCode: Int32
    /// Refused by a lab rule (never run).
    public var refused: Bool
    /// The step that was current when it was typed.
    public var stepIndex: Int
    /// Each simple command of the line (`;`, `&&`, `||`, pipe stages, `$(…)`): whether it ran,
    /// its own exit status and output. History checks look only at these.
    public var commands: [SimpleCommandRun]

    /// `commands` comes from the simulator (`Simulator.lastCommands`). Without it, the line is cut
    /// into its simple commands here: each counts as run, and has the line's exit status only when
    /// it is the line's only command (otherwise its status is unknown and it never counts as a
    /// success or a failure). A refused line ran nothing.
    public init(command: String, exitCode: Int32, refused: Bool = false, stepIndex: Int = 0,
                commands: [SimpleCommandRun]? = nil) {
        self.command = command; self.exitCode = exitCode; self.refused = refused; self.stepIndex = stepIndex
        if refused {
            self.commands = []
        } else if let commands {
            self.commands = commands
        } else {
            let texts = CommandMatcher.simpleCommands(command)
            self.commands = texts.map { SimpleCommandRun(text: $0, ran: true, exitCode: texts.count == 1 ? exitCode : nil) }
        }
    }
}

/// The lines typed in a lab session, with a memo of which history checks already found their
/// command, so that checking a step after each line costs the new lines only, not the whole
/// history again (grading a long transcript stays linear).
///
/// Why a collection with a memo rather than an array: a session is a value that is copied for
/// snapshots (undo, mutants, recording); the memo is shared between copies until one of them
/// appends, and then copied, so copies never see each other's lines.
public struct CommandHistory: RandomAccessCollection, RangeReplaceableCollection, Sendable, Hashable,
    ExpressibleByArrayLiteral {
    public private(set) var entries: [HistoryEntry]
    private var memo = HistoryMemo()

    public init() { entries = [] }
    public init(_ entries: [HistoryEntry]) { self.entries = entries }
    public init(arrayLiteral elements: HistoryEntry...) { entries = elements }

    public var startIndex: Int { entries.startIndex }
    public var endIndex: Int { entries.endIndex }
    public subscript(position: Int) -> HistoryEntry { entries[position] }

    public mutating func append(_ entry: HistoryEntry) {
        if !isKnownUniquelyReferenced(&memo) { memo = memo.copy() }
        entries.append(entry)
    }

    public mutating func replaceSubrange<C: Collection>(_ subrange: Range<Int>, with newElements: C)
        where C.Element == HistoryEntry {
        // Anything but an append may change lines already looked at: start the memo afresh.
        if subrange.lowerBound == entries.endIndex {
            for e in newElements { append(e) }
            return
        }
        memo = HistoryMemo()
        entries.replaceSubrange(subrange, with: newElements)
    }

    public static func == (a: CommandHistory, b: CommandHistory) -> Bool { a.entries == b.entries }
    public func hash(into hasher: inout Hasher) { hasher.combine(entries) }

    /// The first simple command (line index, command) that satisfies `p`, or nil.
    public func firstMatch(_ p: HistoryPredicate) -> (line: Int, command: SimpleCommandRun)? {
        memo.firstMatch(p, in: entries)
    }
}

/// Per history predicate: how many lines were looked at and the first match found.
private final class HistoryMemo: @unchecked Sendable {
    struct Progress {
        var scanned = 0
        var match: (line: Int, index: Int)?
        var matcher: HistoryMatcher
    }

    private let lock = NSLock()
    private var table: [HistoryPredicate: Progress] = [:]

    func copy() -> HistoryMemo {
        let c = HistoryMemo()
        lock.lock()
        c.table = table
        lock.unlock()
        return c
    }

    func firstMatch(_ p: HistoryPredicate, in entries: [HistoryEntry]) -> (line: Int, command: SimpleCommandRun)? {
        lock.lock()
        defer { lock.unlock() }
        var progress = table[p] ?? Progress(matcher: HistoryMatcher(p))
        if progress.match == nil, progress.scanned < entries.count {
            for line in progress.scanned..<entries.count {
                if let k = entries[line].commands.firstIndex(where: progress.matcher.matches) {
                    progress.match = (line, k)
                    break
                }
            }
            progress.scanned = entries.count
        }
        table[p] = progress
        guard let m = progress.match, m.line < entries.count, m.index < entries[m.line].commands.count else { return nil }
        return (m.line, entries[m.line].commands[m.index])
    }
}

/// Whether one simple command satisfies a history predicate: it ran, its status is the one asked
/// for, its words match the glob (also without a leading `sudo`), and its output matches the
/// regular expression when one is given.
struct HistoryMatcher {
    let predicate: HistoryPredicate
    let pattern: String
    let output: NSRegularExpression?

    init(_ p: HistoryPredicate) {
        predicate = p
        pattern = CommandMatcher.normalize(p.pattern)
        output = p.output.flatMap { try? NSRegularExpression(pattern: $0) }
    }

    func matches(_ c: SimpleCommandRun) -> Bool {
        guard c.ran else { return false }
        switch predicate.success {
        case .succeeded: guard c.exitCode == 0 else { return false }
        case .failed: guard let code = c.exitCode, code != 0 else { return false }
        case .any: break
        }
        var text = Substring(c.text)
        var matched = CommandMatcher.glob(pattern, String(text))
        while !matched, text.hasPrefix("sudo ") {
            text = text.dropFirst(5)
            matched = CommandMatcher.glob(pattern, String(text))
        }
        guard matched else { return false }
        if predicate.output != nil {
            guard let output else { return false }
            let range = NSRange(c.output.startIndex..<c.output.endIndex, in: c.output)
            return output.firstMatch(in: c.output, range: range) != nil
        }
        return true
    }
}
