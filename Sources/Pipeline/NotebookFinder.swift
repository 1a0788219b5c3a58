import Diagnostics
import Foundation

/// The notebooks named on a command line: files as given, folders searched for `.md`
/// files (recursively, skipping hidden entries), in a stable order.
public enum NotebookFinder {
    public static func find(_ paths: [String]) -> (notebooks: [String], diagnostics: [Diagnostic]) {
        var found: [String] = []
        var diagnostics: [Diagnostic] = []
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                diagnostics.append(.error("no such file or folder", file: path))
                continue
            }
            guard isDirectory.boolValue else {
                found.append(path)
                continue
            }
            guard let enumerator = manager.enumerator(atPath: path) else {
                diagnostics.append(.error("cannot read the folder", file: path))
                continue
            }
            var inFolder: [String] = []
            while let relative = enumerator.nextObject() as? String {
                let name = (relative as NSString).lastPathComponent
                if name.hasPrefix(".") {
                    enumerator.skipDescendants()
                    continue
                }
                // A folder named like a notebook is walked into, not read.
                var isFolder: ObjCBool = false
                if relative.hasSuffix(".md"), manager.fileExists(atPath: join(path, relative), isDirectory: &isFolder),
                    !isFolder.boolValue
                {
                    inFolder.append(join(path, relative))
                }
            }
            found += inFolder.sorted()
        }
        var seen = Set<String>()
        return (found.filter { seen.insert(standardized($0)).inserted }, diagnostics)
    }

    static func join(_ folder: String, _ relative: String) -> String {
        folder.hasSuffix("/") ? folder + relative : folder + "/" + relative
    }

    static func standardized(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }
}
