#if !hasFeature(Embedded)
import Diagnostics
import Foundation

extension DataFiles {
    /// Files next to a notebook in `directory`, never outside `root` (the project): a
    /// stranger's notebook must not read `/etc/passwd` or a key through a symbolic link.
    public static func project(notebookDirectory directory: String, root: String?) -> DataFiles {
        DataFiles { path in
            let root = URL(fileURLWithPath: root ?? directory).standardizedFileURL.resolvingSymlinksInPath().path
            let file = URL(fileURLWithPath: directory).appendingPathComponent(path).standardizedFileURL
            let resolved = file.resolvingSymlinksInPath().path
            guard resolved == root || resolved.hasPrefix(root.hasSuffix("/") ? root : root + "/") else {
                return .failure(Failure("load reads files inside the project; '\(path)' leads outside it"))
            }
            // Size and kind before reading: a 10 GB file or a pipe would never be read whole.
            let attributes = try? FileManager.default.attributesOfItem(atPath: resolved)
            if let attributes, attributes[.type] as? FileAttributeType != .typeRegular {
                return .failure(Failure("cannot read '\(path)': it is not a regular file"))
            }
            if let size = attributes?[.size] as? Int, size > maximumBytes {
                return .failure(Failure("'\(path)' is larger than 64 MB"))
            }
            guard let data = FileManager.default.contents(atPath: resolved) else {
                return .failure(Failure("cannot read '\(path)': no such file next to the notebook"))
            }
            return .success([UInt8](data))
        }
    }
}

extension Interpreter.Configuration {
    /// A notebook's configuration: `load` reads files next to it, inside `projectRoot`.
    public init(limits: ExecutionLimits = ExecutionLimits(), notebookDirectory: String?, projectRoot: String? = nil,
                sliderValues: [SourceLocation: Double] = [:]) {
        self.init(limits: limits, dataFiles: notebookDirectory.map { DataFiles.project(notebookDirectory: $0, root: projectRoot) },
                  sliderValues: sliderValues)
    }
}
#endif
