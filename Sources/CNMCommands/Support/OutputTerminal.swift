/// Whether the running program's standard output is a terminal, as `isatty(1)` would answer:
/// true for the learner's own command line; false for a command whose output a pipe takes
/// (`curl web | head`), and inside `docker exec` / foreground `docker run` without `-t` (the
/// docker CLI reads the process's output from a pipe). Programs that print differently to a
/// terminal (curl's progress meter) ask here. Bound by `Simulator` and the docker commands.
enum OutputTerminal {
    @TaskLocal static var isTerminal = true
}
