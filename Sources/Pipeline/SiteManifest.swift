import Diagnostics
import Digest
import Foundation
import Weave

/// The record of the last site built into a folder: its stamp and, for each page, the key it
/// was drawn from and what the build needs to know about it without drawing it again.
///
/// Kept in the cache folder, one per site folder. The site itself holds the same stamp (in
/// `.chainrule-build`): the record describes the site only while the two agree.
struct SiteManifest: Codable {
    /// A page as the last build left it.
    struct Page: Codable {
        var source: String
        /// The digest of everything the page's bytes depend on.
        var key: String
        var outline: PageOutline
        var links: [PageLink]
        var search: [SearchSection]
        /// Warnings and block failures of the page's notebook, replayed on every build.
        var diagnostics: [Diagnostic]
        /// The files the notebook's run and page were made from, with their digests.
        var dataFiles: [InputDigests.File]

        var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    }

    /// The digest of every input of the build; equal to the site's `.chainrule-build`.
    var stamp: String
    /// By page path.
    var pages: [String: Page]
    /// Files copied into the site because pages link to them, with their digests.
    var linkedFiles: [InputDigests.File]
    /// Problems of the site as a whole (broken links), replayed when nothing changed.
    var diagnostics: [Diagnostic]

    static let stampFile = ".chainrule-build"

    /// Whether the site was published with failures or broken links (with --keep-going).
    var hasErrors: Bool {
        diagnostics.contains { $0.severity == .error } || pages.values.contains(where: \.hasErrors)
    }

    /// Where the record of the site at `output` lives.
    static func path(cache: String, output: String) -> String {
        var digest = SHA256()
        digest.update(URL(fileURLWithPath: output).standardizedFileURL.path)
        return SiteFiles.join(cache, "site-" + digest.hex.prefix(16) + ".json")
    }

    /// The record of the last build, if this user wrote it on this machine (it is sealed:
    /// a forged one could otherwise declare a forged site up to date).
    static func load(_ path: String) -> SiteManifest? {
        guard let sealed = SiteFiles.read(path), let bytes = CacheSeal.current?.unsealed(sealed) else { return nil }
        return try? JSONDecoder().decode(SiteManifest.self, from: Data(bytes))
    }

    func save(_ path: String) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let seal = CacheSeal.current, let data = try? encoder.encode(self) else { return }
        try? SiteFiles.writeAtomically(Data(seal.sealed([UInt8](data))), to: path)
    }
}
