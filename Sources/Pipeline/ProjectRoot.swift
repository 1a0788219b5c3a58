import Foundation

/// The project a notebook belongs to: the folder nothing it reads (`load`) or links to (a
/// file the site publishes) may leave, whatever folder a command is started in.
///
/// The project is the folder that holds the nearest `chainrule.yml` above the notebook.
/// Without one, a project holds its notebooks in a folder named `notebooks` (with `data/`,
/// `theme/` and the like beside it or inside it): the project is the folder that holds the
/// nearest `notebooks` folder above the notebook. A notebook with neither above it is a
/// project of its own folder.
public enum ProjectRoot {
    public static func of(notebook path: String) -> String {
        let folder = URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
            .standardizedFileURL.deletingLastPathComponent()
        if let configured = configurationFolder(above: folder) { return configured }
        var candidate = folder
        while candidate.path != "/" {
            if candidate.lastPathComponent == "notebooks" { return candidate.deletingLastPathComponent().path }
            candidate.deleteLastPathComponent()
        }
        return folder.path
    }

    /// The nearest `chainrule.yml` at or above `folder`.
    static func configurationFile(above folder: String) -> String? {
        let url = URL(fileURLWithPath: folder, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).standardizedFileURL
        return configurationFolder(above: url).map { ($0 as NSString).appendingPathComponent(ProjectConfiguration.fileName) }
    }

    /// The nearest folder at or above `folder` that holds a `chainrule.yml`.
    private static func configurationFolder(above folder: URL) -> String? {
        var candidate = folder
        while true {
            if SiteFiles.kind(candidate.appendingPathComponent(ProjectConfiguration.fileName).path) == .file { return candidate.path }
            if candidate.path == "/" { return nil }
            candidate.deleteLastPathComponent()
        }
    }

    /// `path` with every symbolic link resolved, or nil when it does not exist.
    public static func resolved(_ path: String) -> String? {
        guard let real = realpath(path, nil) else { return nil }
        defer { free(real) }
        return String(cString: real)
    }

    /// Whether `path`, with its symbolic links resolved, lies inside `root` (resolved too).
    public static func contains(_ root: String, _ path: String) -> Bool {
        guard let root = resolved(root), let target = resolved(path) else { return false }
        return target == root || target.hasPrefix(root.hasSuffix("/") ? root : root + "/")
    }
}
