import Foundation
import Testing
import Weave
@testable import Pipeline

/// Where `build` finds the live module, and what it writes with one and without
/// (docs/live.md).
@Suite struct LiveModuleTests {
    static let files = [
        "notebooks/one.md": SiteNotebooks.simple(title: "One", order: 1),
        "notebooks/two.md": SiteNotebooks.simple(title: "Two", order: 2, code: "slider(0.5, from: 0, to: 1, step: 0.1)"),
    ]
    static let assets = [LiveScript.loaderPath, LiveScript.workerPath, LiveScript.modulePath]

    @Test func theEnvironmentNamesTheModuleElseItIsBesideTheExecutable() throws {
        let project = try SiteProject(["bin/chainrule": "", "bin/chainrule-live.wasm": "\0asm", "other/chainrule": "",
                                       "usr/bin/chainrule": "", "usr/share/chainrule/chainrule-live.wasm": "\0asm"])
        let variable = LiveModule.environmentVariable
        #expect(variable == "CHAINRULE_LIVE_MODULE")
        #expect(LiveModule.locate(environment: [variable: "/x/m.wasm"], executable: project.path("bin/chainrule")) == "/x/m.wasm")
        // Set but empty: no live pages, even with a module beside the executable.
        #expect(LiveModule.locate(environment: [variable: ""], executable: project.path("bin/chainrule")) == nil)
        #expect(LiveModule.locate(environment: [:], executable: project.path("bin/chainrule")) == project.path("bin/chainrule-live.wasm"))
        #expect(LiveModule.locate(environment: [:], executable: project.path("other/chainrule")) == nil)
        // Where make install puts it.
        #expect(LiveModule.locate(environment: [:], executable: project.path("usr/bin/chainrule"))
            .map { URL(fileURLWithPath: $0).standardizedFileURL.path } == project.path("usr/share/chainrule/chainrule-live.wasm"))
        #expect(LiveModule.locate(environment: [:], executable: nil) == nil)
        // This process (the tests) is a real executable.
        #expect(LiveModule.executablePath().map { SiteFiles.isRegularFile($0) } == true)
    }

    @Test func withoutTheModuleTheSiteHasNoLiveAssets() throws {
        let project = try SiteProject(Self.files)
        let report = project.build()
        #expect(report.published && !report.failed, "\(report.diagnostics)")
        for asset in Self.assets { #expect(!project.exists("site/" + asset), "\(asset)") }
        #expect(!project.exists("site/assets/live"))
        for page in ["one.html", "two.html", "index.html"] {
            let html = try #require(project.read("site/" + page))
            #expect(!html.contains("live.js") && !html.contains("wasm-unsafe-eval"), "\(page)")
        }
        #expect(try #require(project.read("site/two.html")).contains("data-block=\"0\""))
    }

    @Test func withTheModuleTheSiteHasTheLiveAssets() throws {
        var files = Self.files
        files["live/chainrule-live.wasm"] = "\0asm\u{1}\0\0\0 first"
        let project = try SiteProject(files)
        let report = project.build(liveModule: "live/chainrule-live.wasm")
        #expect(report.published && !report.failed && report.diagnostics.isEmpty, "\(report.diagnostics)")
        #expect(project.read("site/" + LiveScript.loaderPath) == LiveScript.loader)
        #expect(project.read("site/" + LiveScript.workerPath) == LiveScript.workerAsset)
        let base64 = Data("\0asm\u{1}\0\0\0 first".utf8).base64EncodedString()
        #expect(project.read("site/" + LiveScript.modulePath) == LiveScript.moduleAsset(base64: base64))
        // A page with blocks loads the loader and carries its program, sliders included.
        let two = try #require(project.read("site/two.html"))
        #expect(two.contains("assets/live.js") && two.contains("<script type=\"application/json\" id=\"cr-live-program\">"))
        #expect(two.contains("\"sliders\":[{\"line\":"))

        // Nothing changed: up to date. A new module is written; without one, the assets go.
        #expect(project.build(liveModule: "live/chainrule-live.wasm").upToDate)
        try project.write("live/chainrule-live.wasm", "\0asm\u{1}\0\0\0 second")
        let second = project.build(liveModule: "live/chainrule-live.wasm")
        #expect(!second.upToDate && second.published)
        #expect(project.read("site/" + LiveScript.modulePath)?.contains(Data("\0asm\u{1}\0\0\0 second".utf8).base64EncodedString()) == true)
        let third = project.build()
        #expect(!third.upToDate && third.published)
        for asset in Self.assets { #expect(!project.exists("site/" + asset), "\(asset)") }
    }

    @Test func aModuleThatIsNotThereIsAWarning() throws {
        let project = try SiteProject(Self.files)
        let report = project.build(liveModule: "missing.wasm")
        #expect(report.published && !report.failed)
        let warning = try #require(report.diagnostics.first)
        #expect(warning.severity == .warning && warning.file == project.path("missing.wasm"))
        #expect(warning.message.contains("without live blocks"))
        for asset in Self.assets { #expect(!project.exists("site/" + asset), "\(asset)") }
    }

    @Test func aThemeFileCannotReplaceTheLiveAssets() throws {
        var files = Self.files
        files["theme/live/worker.js"] = "// mine"
        let project = try SiteProject(files)
        let report = project.build()
        #expect(report.failed)
        #expect(report.diagnostics.contains { $0.message.contains("assets/live") })
    }
}
