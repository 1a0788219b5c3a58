import Foundation

/// Where the commands write: stdout for results, stderr for everything else.
enum Terminal {
    static func error(_ text: String) {
        guard !text.isEmpty else { return }
        FileHandle.standardError.write(Data(text.utf8))
    }
}
