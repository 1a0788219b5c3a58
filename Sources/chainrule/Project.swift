import Diagnostics
import Foundation
import Pipeline

/// The project a command works in: its `chainrule.yml`, if the current folder or one above it
/// has one. Read once; a problem with the file stops every command (exit 1), since its
/// settings would otherwise be silently ignored.
enum Project {
    static let found = ProjectConfiguration.find(from: FileManager.default.currentDirectoryPath)

    /// The configuration, after printing and exiting on its problems.
    static func configuration() -> ProjectConfiguration? {
        let (configuration, problems) = found
        if !problems.isEmpty {
            Terminal.error(DiagnosticRenderer().render(problems))
            exit(1)
        }
        return configuration
    }

    /// The notebooks folder when no paths are given.
    static var notebooks: String {
        configuration().map { $0.resolve($0.notebooks ?? "notebooks") } ?? "notebooks"
    }
}
