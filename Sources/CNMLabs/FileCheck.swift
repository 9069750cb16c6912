import CNMCommands
import CNMSim

/// The `file:` check: a file of the simulated host, or of a container, exists (or not) and
/// contains a text. Paths resolve as the shell resolves them there (`/root` on the host, the
/// image's `WORKDIR` in a container).
extension CheckEvaluator {
    func fileCheck(_ p: FilePredicate) -> CheckResult {
        let site: Engine.FileSite
        let folder: String
        var shown = p.path
        if let ref = p.container {
            guard let name = resolve(ref) else { return unbound(String(ref.dropFirst())) }
            guard case .success(let c) = engine.findContainer(name), c.name == name else {
                return fail(.containerMissing, [name], expected: name)
            }
            site = .container(c.id)
            folder = ContainerShell.workingDirectory(c)
            shown = name + ":" + p.path
        } else {
            site = .host
            folder = HostFiles.home
        }
        let node = FilePath.resolve(p.path, in: folder).flatMap { engine.files(at: site)?.node($0) }
        guard p.exists else {
            return node == nil ? Self.pass : fail(.filePresent, [shown], expected: "no " + shown, actual: shown)
        }
        switch node {
        case nil: return fail(.fileMissing, [shown], expected: shown)
        case .directory?: return fail(.fileIsDirectory, [shown], expected: shown)
        case .file(let text)?:
            if let want = p.contains, !text.contains(want) {
                return fail(.fileLacks, [shown, want], expected: want, actual: String(text.prefix(200)))
            }
            return Self.pass
        }
    }
}
