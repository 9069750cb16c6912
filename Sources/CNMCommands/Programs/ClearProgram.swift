/// `clear` (ncurses-bin): moves the cursor home and erases the screen and the scrollback, the
/// `clear` and `E3` capabilities of xterm's terminfo entry; `-x` keeps the scrollback.
enum ClearProgram {
    static let home = "\u{1B}[H\u{1B}[2J"
    static let scrollback = "\u{1B}[3J"

    static func run(_ args: [String]) -> CommandOutput {
        switch args {
        case []: return .ok(home + scrollback)
        case ["-x"]: return .ok(home)
        default: return NotSimulated.feature("clear \(args.joined(separator: " "))")
        }
    }
}
