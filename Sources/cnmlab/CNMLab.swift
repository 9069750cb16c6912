import ArgumentParser
import Foundation

/// The `cnmlab` program: courseware for Docker networking on a simulated Docker 28.2 host.
@main
struct CNMLab: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "cnmlab",
        abstract: HelpLanguage.text(ko: "시뮬레이션한 Docker 28.2 호스트에서 직접 해 보며 Docker 네트워킹을 배웁니다.", en: "Learn Docker networking by doing, on a simulated Docker 28.2 host."),
        discussion: HelpLanguage.text(ko: """
            실습과 교재는 cnmlab 안에 들어 있어 어느 폴더에서든 찾습니다. --labs DIR는 \
            (실습을 읽는 명령에서) 내장 실습 대신 DIR의 실습을 씁니다. \
            CNMLAB_LABS=DIR[:DIR...]는 그 폴더들의 실습을 내장 실습에 더합니다 (ID가 같은 내장 실습은 \
            대체됩니다). --curriculum DIR는 교재를 DIR/ko와 DIR/en에서 읽습니다.
            진도는 $XDG_DATA_HOME/cnmlab/progress.sqlite(~/.local/share/cnmlab/progress.sqlite)에, \
            셸 기록은 $XDG_STATE_HOME/cnmlab/history에 둡니다. 언어는 CNMLAB_LANG=ko|en으로, 없으면 LC_ALL, \
            LC_MESSAGES, LANG 가운데 처음 설정된 것으로 정하고 (ko로 시작하면 한국어), --lang이 그보다 앞섭니다. \
            NO_COLOR는 색을 끕니다. 글은 터미널 너비에 맞춰 줄을 바꿉니다 (출력이 터미널이 아니면 COLUMNS에 맞추고, \
            없으면 바꾸지 않습니다). 교재가 터미널보다 길면 $PAGER(기본값: less -R)로 보여 줍니다.
            """, en: """
            The labs and the course text are built into cnmlab: it finds them from any folder. --labs DIR \
            (on the commands that read labs) uses the labs of DIR instead of the built-in ones; \
            CNMLAB_LABS=DIR[:DIR...] adds the labs of those folders to the built-in ones (a lab whose id is \
            built in replaces it). --curriculum DIR reads the course text from DIR/ko and DIR/en.
            Progress is kept in $XDG_DATA_HOME/cnmlab/progress.sqlite (~/.local/share/cnmlab/progress.sqlite), \
            the shell's history in $XDG_STATE_HOME/cnmlab/history. CNMLAB_LANG=ko|en, else the first of LC_ALL, \
            LC_MESSAGES, LANG that is set (starting with ko: Korean) chooses the language; --lang overrides it. NO_COLOR turns colour off. Text is wrapped to the terminal's width (COLUMNS \
            when output is not a terminal; not wrapped without it). The course text is shown through $PAGER \
            (default: less -R) when it is taller than the terminal.
            """),
        version: "cnmlab \(version) (simulating Docker Engine 28.2, API 1.50)",
        subcommands: [ShellCommand.self, SimCommand.self, EngineCommand.self, ProgressCommand.self, ReportCommand.self, ValidateCommand.self, LabsCommand.self, GradeCommand.self],
        defaultSubcommand: ShellCommand.self
    )

    /// ArgumentParser's `main`, except that a help text's library words follow the help language.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            guard HelpLanguage.current == .ko else { exit(withError: error) }
            // As `exit(withError:)` does (help and version on stdout, errors on stderr), with the words in Korean.
            let code = exitCode(for: error)
            let message = HelpLanguage.localizingLibraryWords(fullMessage(for: error))
            if code == .success {
                if !message.isEmpty { print(message) }
                exit()
            }
            if !message.isEmpty { FileHandle.standardError.write(Data((message + "\n").utf8)) }
            exit(withError: ExitCode(code.rawValue))
        }
    }
}
