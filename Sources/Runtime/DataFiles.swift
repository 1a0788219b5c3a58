/// Where `load` reads a notebook's data files from: the notebook's project on disk in the
/// native build (`DataFiles.project`, in DataFiles+Project.swift), the files a page ships with
/// it in WebAssembly (`DataFiles.table`). The rules that do not depend on where the bytes
/// come from (relative paths only, at most 64 MB, UTF-8, CSV) are `DataFile.load`'s.
public struct DataFiles: Sendable {
    /// Why a file could not be read, as `load` reports it.
    public struct Failure: Error, Sendable {
        public var message: String

        public init(_ message: String) {
            self.message = message
        }
    }

    /// The bytes of `path`, relative to the notebook as `load` was given it.
    let read: @Sendable (String) -> Result<[UInt8], Failure>

    public init(read: @escaping @Sendable (String) -> Result<[UInt8], Failure>) {
        self.read = read
    }

    /// Files given by their paths relative to the notebook (what a page ships).
    public static func table(_ files: [String: [UInt8]]) -> DataFiles {
        DataFiles { path in
            guard let bytes = files[path] else {
                return .failure(Failure("cannot read '\(path)': no such file next to the notebook"))
            }
            return .success(bytes)
        }
    }

    /// The largest file `load` reads: a 10 GB file would never be read whole.
    public static let maximumBytes = 64 << 20
}
