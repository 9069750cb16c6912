import CNMSim

/// `docker cp` (docker/cli v28.2.2 cli/command/container/cp.go): copies a file or a folder between
/// a container's files and the simulated host's (never the real machine's). `CONTAINER:PATH`
/// names the container side (a local path with a `:` is written `./a:b`); `-` (a tar stream) and
/// copying between two containers are not simulated. The CLI's summary on stderr counts the
/// bytes of the tar stream it sent or received: a 512-byte header per entry, each file's content
/// padded to 512 bytes, and the 1024 zero bytes that end an archive (Go's archive/tar), shown
/// with go-units' `HumanSizeWithPrecision(n, 3)`.
enum CpCommand {
    static let spec = DockerCommandSpec(
        path: "docker cp",
        useLine: "docker cp [OPTIONS] CONTAINER:SRC_PATH DEST_PATH|-\n\tdocker cp [OPTIONS] SRC_PATH|- CONTAINER:DEST_PATH",
        flags: [.bool("archive", "a"), .bool("follow-link", "L"), .bool("quiet", "q")], arity: .exact(2))

    static func run(_ args: [String], engine: inout Engine, path: String? = nil) throws(CommandError) -> CommandOutput {
        let flags = try spec.at(path).parse(args)
        let (srcContainer, srcPath) = split(flags.positionals[0])
        let (dstContainer, dstPath) = split(flags.positionals[1])
        if srcPath == "-" || dstPath == "-" { throw .notSimulated("docker cp with '-' (a tar stream)") }
        let quiet = flags.bool("quiet")
        switch (srcContainer, dstContainer) {
        case (nil, nil): throw .refused("must specify at least one container source")
        case (_?, _?): throw .refused("copying between containers is not supported")
        case (let name?, nil):
            let c = try engine.findContainer(name).orDaemonError()
            guard let source = FilePath.resolve(srcPath, in: "/"), let view = engine.files(at: .container(c.id)),
                  view.node(source) != nil else {
                throw .daemon(EngineError(.notFound, "Could not find the file \(srcPath) in container \(name)"))
            }
            let local = absoluteLocal(dstPath)
            guard let target = FilePath.resolve(dstPath, in: HostFiles.home) else { throw .refused("lstat \(local): file name too long") }
            let size = try transfer(from: view, source, to: .host, target, engine: &engine, typed: local)
            return quiet ? .ok() : CommandOutput(stderr: "Successfully copied \(humanSize(size)) to \(local)\n")
        case (nil, let name?):
            let c = try engine.findContainer(name).orDaemonError()
            let local = absoluteLocal(srcPath)
            guard let source = FilePath.resolve(srcPath, in: HostFiles.home), let view = engine.files(at: .host),
                  view.node(source) != nil else {
                throw .refused("lstat \(local): no such file or directory")
            }
            let target = FilePath.resolve(dstPath, in: "/")
            guard let target, let inside = engine.files(at: .container(c.id)),
                  inside.isDirectory(FilePath.parent(target)) || inside.isDirectory(target) else {
                // The CLI extracts into the destination's folder; the daemon reports that folder.
                let folder = target.map(FilePath.parent) ?? dstPath
                throw .daemon(EngineError(.notFound, "Could not find the file \(folder) in container \(name)"))
            }
            let size = try transfer(from: view, source, to: .container(c.id), target, engine: &engine, typed: dstPath)
            return quiet ? .ok() : CommandOutput(stderr: "Successfully copied \(humanSize(size)) to \(name):\(dstPath)\n")
        }
    }

    /// docker/cli v28.2.2 `splitCpArg`: an absolute path, or one whose part before `:` starts with `.`, is local.
    static func split(_ arg: String) -> (String?, String) {
        if arg.hasPrefix("/") { return (nil, arg) }
        guard let colon = arg.firstIndex(of: ":") else { return (nil, arg) }
        let container = String(arg[..<colon])
        if container.hasPrefix(".") { return (nil, arg) }
        return (container, String(arg[arg.index(after: colon)...]))
    }

    /// The local path as the CLI prints it: made absolute against the current folder, a trailing
    /// `/` or `/.` kept (moby v28.2.2 pkg/archive `PreserveTrailingDotOrSeparator`).
    static func absoluteLocal(_ path: String) -> String {
        let abs = FilePath.resolve(path, in: HostFiles.home) ?? path
        if path.hasSuffix("/.") || path == "." { return (abs == "/" ? "" : abs) + "/." }
        if path.hasSuffix("/") && abs != "/" { return abs + "/" }
        return abs
    }

    /// Copies `source` of `view` to `target` on `site` (into it, when it is a folder), as moby's
    /// archive `CopyTo` does; returns the tar stream's size.
    static func transfer(from view: LayeredFiles, _ source: String, to site: Engine.FileSite, _ target: String,
                         engine: inout Engine, typed: String) throws(CommandError) -> Int {
        var folders = [source]
        while let d = folders.popLast() {
            guard view.isDirectory(d) else { continue }
            do throws(FileError) {
                for name in try view.list(d) { folders.append((d == "/" ? "" : d) + "/" + name) }
            } catch .partialListing {
                // The image's other files there are not modelled: neither the copy nor its size would be true.
                throw .notSimulated("docker cp of \(d) (the image's other files there are not modelled)")
            } catch {}
        }
        let (files, dirs) = view.tree(source)
        // The archive's names start with the base name the copy ends up with.
        let intoFolder = engine.files(at: site)?.isDirectory(target) ?? false
        let base = site == .host || intoFolder ? FilePath.base(source) : FilePath.base(target)
        func renamed(_ name: String) -> String { base + name.dropFirst(FilePath.base(source).count) }
        var size = 1024
        for d in dirs { size += tarEntrySize(name: renamed(d) + "/", contentBytes: 0) }
        for (name, text) in files { size += tarEntrySize(name: renamed(name), contentBytes: text.utf8.count) }
        do throws(FileError) {
            try engine.changeFiles(at: site) { (dest: inout LayeredFiles) throws(FileError) in
                let into = dest.isDirectory(target) ? (target == "/" ? "" : target) + "/" + FilePath.base(source) : target
                try CopyProgram.copy(source, to: into, in: &dest, from: view)
            }
        } catch {
            throw .refused("Error: \(error.reason.lowercased()): \(typed)")
        }
        return size
    }

    /// Bytes one entry takes in the tar stream Go's archive/tar writes for moby/go-archive
    /// `TarWithOptions` (docker/cli v28.2.2 vendor/github.com/moby/go-archive/archive.go: PAX format
    /// allowed, times truncated to seconds, so USTAR whenever it fits): a 512-byte header and the
    /// content padded to 512 bytes; a name USTAR cannot hold (over 100 bytes with no `/` to split it
    /// into a 155-byte prefix, or not ASCII) first gets a PAX header, 512 bytes plus its padded
    /// `path` record (Go archive/tar `splitUSTARPath`, `formatPAXRecord`).
    static func tarEntrySize(name: String, contentBytes: Int) -> Int {
        func padded(_ n: Int) -> Int { (n + 511) / 512 * 512 }
        var size = 512 + padded(contentBytes)
        if !fitsUSTAR(name) {
            let fixed = "path".utf8.count + name.utf8.count + 3
            var record = fixed + String(fixed).count
            record = fixed + String(record).count
            size += 512 + padded(record)
        }
        return size
    }

    /// Go archive/tar: a name of at most 100 ASCII bytes, or one `splitUSTARPath` splits.
    static func fitsUSTAR(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return false }
        if bytes.count <= 100 { return true }
        var length = bytes.count
        if length > 156 { length = 156 } else if bytes[length - 1] == 47 { length -= 1 }
        guard let i = bytes[..<length].lastIndex(of: 47) else { return false }
        let nameLength = bytes.count - i - 1
        return i > 0 && nameLength <= 100 && nameLength > 0 && i <= 155
    }

    /// go-units `HumanSizeWithPrecision(size, 3)`: decimal units, three significant digits.
    static func humanSize(_ n: Int) -> String {
        let units = ["B", "kB", "MB", "GB", "TB"]
        var size = Double(n)
        var i = 0
        while size >= 1000 && i < units.count - 1 { size /= 1000; i += 1 }
        return GoFormat.sprintf("%.3g", [.float(size)]) + units[i]
    }
}
