/// `vi`, `vim`, `nano`: full-screen editors, which cnmlab's line-by-line terminal cannot host. One
/// line says so and shows the way that works: a here-document.
enum EditorProgram: SimulatedProgram {
    static let names = ["vi", "vim", "nano"]

    static func run(_ args: [String], _ ctx: inout ProgramContext) -> CommandOutput {
        let file = args.last { !$0.hasPrefix("-") && !$0.hasPrefix("+") } ?? "FILE"
        let editor = ctx.invokedAs.isEmpty ? "vi" : ctx.invokedAs
        return NotSimulated.feature("\(editor) (a full-screen editor; write the file with a here-document: cat > \(file) <<'EOF' … EOF)")
    }
}
