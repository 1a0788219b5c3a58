import Diagnostics
import Digest
import Foundation
import Weave

/// A project's theme folder, read: the files that replace parts of the built-in theme, and
/// any other files (images, fonts), which the site copies into `assets/`.
struct SiteThemeFiles {
    var overrides: [String: SiteTheme.File] = [:]
    /// Other files: path in the project and path under `assets/`.
    var extras: [(source: String, asset: String)] = []
    /// A digest of the built-in theme and of every file's name and digest.
    var digest = SiteThemeFiles.builtInDigest
    /// A digest of what pages are made from: the templates, and whether there is a
    /// `custom.css` to link. (A change to a stylesheet or the script rewrites the assets but
    /// draws no page again.)
    var templateDigest = SiteThemeFiles.builtInTemplateDigest

    /// The built-in theme's own digest: a changed default stylesheet or template draws
    /// every page again even when the version string stayed the same (a development build).
    static let builtInDigest: String = {
        var digest = SHA256()
        for part in [DefaultTheme.pageTemplate, DefaultTheme.indexTemplate, DefaultTheme.stylesheet, DefaultTheme.script,
                     FigureRenderer.stylesheet] {
            digest.update(part)
        }
        return digest.hex
    }()

    static let builtInTemplateDigest: String = {
        var digest = SHA256()
        digest.update(DefaultTheme.pageTemplate)
        digest.update(DefaultTheme.indexTemplate)
        return digest.hex
    }()

    static let names = [DefaultTheme.pageTemplateName, DefaultTheme.indexTemplateName, DefaultTheme.stylesheetName,
                        DefaultTheme.scriptName, DefaultTheme.customStylesheetName]

    /// What the build writes into `assets/` besides the theme's own parts; a theme file there
    /// would collide with it.
    static let generatedAssets = [NavigationScript.path, SearchIndex.folder, LiveScript.loaderPath, LiveScript.folder]

    /// Reads `folder` if given (it must exist), else `theme` in the project if there is one.
    static func load(folder: String?, projectRoot: String) throws(DiagnosticList) -> SiteThemeFiles {
        let path = folder ?? SiteFiles.join(projectRoot, "theme")
        switch SiteFiles.kind(path) {
        case .missing:
            if folder != nil { throw DiagnosticList([.error("no such theme folder", file: path)]) }
            return SiteThemeFiles()
        case .file:
            throw DiagnosticList([.error("the theme must be a folder (with page.mustache, index.mustache, style.css...)", file: path)])
        case .folder:
            break
        }
        var files = SiteThemeFiles()
        var digest = SHA256()
        digest.update(builtInDigest)
        var relatives: [String] = []
        if let enumerator = FileManager.default.enumerator(atPath: path) {
            while let relative = enumerator.nextObject() as? String {
                if (relative as NSString).lastPathComponent.hasPrefix(".") {
                    enumerator.skipDescendants()
                    continue
                }
                if SiteFiles.kind(SiteFiles.join(path, relative)) == .file { relatives.append(relative) }
            }
        }
        for relative in relatives.sorted() {
            let file = SiteFiles.join(path, relative)
            guard let bytes = SiteFiles.read(file) else {
                throw DiagnosticList([.error("cannot read the file (check its permissions)", file: file)])
            }
            digest.update(relative)
            digest.update(InputDigests.digest(of: bytes))
            if names.contains(relative) {
                guard let text = String(validating: bytes, as: UTF8.self) else {
                    throw DiagnosticList([.error("not UTF-8 text", file: file)])
                }
                files.overrides[relative] = SiteTheme.File(path: file, text: text)
            } else if let generated = generatedAssets.first(where: { "assets/" + relative == $0 || ("assets/" + relative).hasPrefix($0 + "/") }) {
                throw DiagnosticList([.error("the theme's file would replace the site's own \(generated)", file: file,
                                             notes: [.init("rename it: the build writes \(generated) itself")])])
            } else {
                files.extras.append((file, "assets/" + relative))
            }
        }
        files.digest = digest.hex
        var templates = SHA256()
        for name in [DefaultTheme.pageTemplateName, DefaultTheme.indexTemplateName] {
            templates.update(files.overrides[name]?.text ?? (name == DefaultTheme.pageTemplateName ? DefaultTheme.pageTemplate : DefaultTheme.indexTemplate))
        }
        templates.update(files.overrides[DefaultTheme.customStylesheetName] == nil ? "no custom.css" : "custom.css")
        files.templateDigest = templates.hex
        return files
    }
}
