import Foundation
import Weave

/// The WebAssembly module that lets a built page run its blocks (docs/live.md), and the
/// files it becomes in the site.
///
/// `chainrule build` looks for it in `CHAINRULE_LIVE_MODULE` (a path; set but empty, there
/// is none), else as `chainrule-live.wasm` next to the running executable (`make site`
/// puts it beside the release build), else in `../share/chainrule/` from the executable's
/// folder (where `make install` puts it). Without one, the
/// site has no live assets and its pages no live script: they are what they were before
/// pages could be live.
public enum LiveModule {
    public static let environmentVariable = "CHAINRULE_LIVE_MODULE"
    public static let fileName = "chainrule-live.wasm"

    /// Where the module is: the environment's path when the variable is set (nil when it is
    /// empty), else the file beside `executable` or in the installed layout's share folder,
    /// when there is one there.
    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment,
                              executable: String? = executablePath()) -> String? {
        if let path = environment[environmentVariable] {
            return path.isEmpty ? nil : path
        }
        guard let executable, !executable.isEmpty else { return nil }
        let folder = (executable as NSString).deletingLastPathComponent
        let candidates = [SiteFiles.join(folder, fileName), SiteFiles.join(folder, "../share/chainrule/" + fileName)]
        return candidates.first { SiteFiles.isRegularFile($0) }
    }

    /// The running executable, its symbolic links resolved: `/proc/self/exe` on Linux, else
    /// the first argument made absolute.
    public static func executablePath() -> String? {
        #if os(Linux)
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
        #endif
        guard let first = CommandLine.arguments.first, !first.isEmpty else { return nil }
        let url = URL(fileURLWithPath: first, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        return url.standardizedFileURL.resolvingSymlinksInPath().path
    }

    /// The site's live files for a module's bytes, by site path: the loader every live page
    /// loads, the worker's source and the module as a script (`LiveScript`).
    public static func assets(module: [UInt8]) -> [(path: String, text: String)] {
        [(LiveScript.loaderPath, LiveScript.loader),
         (LiveScript.workerPath, LiveScript.workerAsset),
         (LiveScript.modulePath, LiveScript.moduleAsset(base64: Data(module).base64EncodedString()))]
    }
}
