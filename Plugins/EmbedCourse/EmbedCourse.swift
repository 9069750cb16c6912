import Foundation
import PackagePlugin

/// Build-tool plugin: `scripts/embed-course.sh` writes `BundledCourse+Generated.swift` for the target
/// it is applied to (CNMCourse) from the package's `Labs/` and `Curriculum/`, so the `cnmlab` binary
/// carries them (one file to install; SwiftPM resources would need a bundle folder beside the binary
/// on Linux). The generated file is never checked in.
///
/// The inputs are the folders, not their files: SwiftPM plans the build once and does not plan again
/// when a file outside the targets is added or removed, so a listed file that was later removed would
/// stop the build. A folder changes when a file in it is added, removed or saved by renaming (what
/// most editors do); a file rewritten in place leaves the folder as it was, so `make` touches the
/// folders before it builds, and `CourseEmbeddingTests` fails when the built-in course differs from
/// the files.
@main
struct EmbedCourse: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL
        let output = context.pluginWorkDirectoryURL.appending(path: "BundledCourse+Generated.swift")
        return [.buildCommand(
            displayName: "Embedding Labs/ and Curriculum/ in CNMCourse",
            executable: URL(fileURLWithPath: "/bin/sh"),
            arguments: [root.appending(path: "scripts/embed-course.sh").path, root.path, output.path],
            inputFiles: [
                root.appending(path: "scripts/embed-course.sh"),
                root.appending(path: "Labs"),
                root.appending(path: "Curriculum/ko"),
                root.appending(path: "Curriculum/en"),
            ],
            outputFiles: [output]
        )]
    }
}
