import Display
import Engine

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

    /// The numbers `load` reads from `text`, written again as CSV (every number with 17
    /// significant digits, which read back as the same double), or nil when `text` is not
    /// what `load` reads or holds no numbers. A page ships this rather than the file: only the
    /// numbers a notebook computes from, never a header line or another file it tried to read.
    public static func numbers(_ text: String) -> String? {
        let array: NDArray
        do throws(RuntimeError) {
            array = try DataFile.parseCSV(text, name: "")
        } catch {
            return nil
        }
        guard array.count > 0, array.rank == 2 else { return nil }
        let width = array.shape.dims[1]
        var out = ""
        for row in 0..<array.shape.dims[0] {
            for column in 0..<width {
                if column > 0 { out += "," }
                out += NumberFormat.printf(array.values[row * width + column], "g", precision: 17)
            }
            out += "\n"
        }
        return out
    }
}
