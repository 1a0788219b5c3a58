import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A site built from a stranger's notebooks is safe to open, and bad input loses nothing:
/// each attack of the adversarial probe, run through the binary as an attacker would.
@Suite struct SiteSafetyTests {
    /// Every `href` and `src` in the site's files, as a browser reads it (leading and
    /// trailing controls and spaces dropped, tabs and line breaks removed, entities decoded).
    static func urls(in project: Project) throws -> [String] {
        var found: [String] = []
        let site = project.root.appendingPathComponent("site")
        let enumerator = FileManager.default.enumerator(atPath: site.path)
        while let name = enumerator?.nextObject() as? String {
            guard name.hasSuffix(".html") || name.hasSuffix(".js") else { continue }
            let text = try String(contentsOf: site.appendingPathComponent(name), encoding: .utf8)
            let pattern = try NSRegularExpression(pattern: #"(?:href|src)\s*=\s*"([^"]*)"|"u":"([^"]*)""#)
            for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                for group in 1...2 {
                    guard let range = Range(match.range(at: group), in: text) else { continue }
                    var url = String(text[range]).replacingOccurrences(of: "&amp;", with: "&")
                    url = url.replacingOccurrences(of: "&#x27;", with: "'").replacingOccurrences(of: "&#39;", with: "'")
                    for entity in try NSRegularExpression(pattern: "&#x([0-9A-Fa-f]+);").matches(in: url, range: NSRange(url.startIndex..., in: url)).reversed() {
                        let hex = String(url[Range(entity.range(at: 1), in: url)!])
                        url.replaceSubrange(Range(entity.range, in: url)!, with: String(UnicodeScalar(UInt32(hex, radix: 16)!)!))
                    }
                    var scalars = Array(url.unicodeScalars)
                    while let first = scalars.first, first.value <= 0x20 { scalars.removeFirst() }
                    scalars.removeAll { $0 == "\t" || $0 == "\n" || $0 == "\r" }
                    found.append(String(String.UnicodeScalarView(scalars)))
                }
            }
        }
        return found
    }

    static func scheme(_ url: String) -> String? {
        guard let colon = url.firstIndex(of: ":") else { return nil }
        let scheme = url[..<colon]
        guard let first = scheme.first, first.isLetter, scheme.allSatisfy({ $0.isLetter || $0.isNumber || "+-.".contains($0) }) else { return nil }
        return scheme.lowercased()
    }

    @Test func aFileNameNeverBecomesAScript() throws {
        let project = try Project(["javascript:alert(document.domain).md": "# J\n\nText.\n", "b.md": "# B\n\nText.\n"])
        let build = try project.run("build", "notebooks")
        #expect(build.status == 0, "\(build.stderr)")
        let urls = try Self.urls(in: project)
        #expect(urls.contains { $0.contains("javascript%3Aalert(document.domain).html") }, "\(urls)")
        #expect(!urls.contains { Self.scheme($0) == "javascript" }, "\(urls)")
    }

    @Test(arguments: ["&#x0C;javascript:alert(1)", "&#x01;javascript:alert(1)", "&#x1F;javascript:alert(1)",
                      "java&#x09;script:alert(1)", "java&#x0A;script:alert(1)", "javascript&#x09;:alert(1)",
                      "JaVaScRiPt:alert(1)", " vbscript:x", "data:text/html,<script>alert(1)</script>", "file:///etc/passwd"])
    func controlCharactersDoNotSmuggleAScheme(destination: String) throws {
        let notebook = "# L\n\n[the data](\(destination)) and ![a picture](\(destination))\n"
        let project = try Project(["l.md": notebook])
        // With the file present too (a name a file system allows), and with --keep-going.
        let decoded = destination.replacingOccurrences(of: "&#x0C;", with: "\u{0C}").replacingOccurrences(of: "&#x01;", with: "\u{01}")
            .replacingOccurrences(of: "&#x1F;", with: "\u{1F}").replacingOccurrences(of: "&#x09;", with: "\t")
        if !decoded.contains("/") && !decoded.contains("\n") { try? project.write(decoded, "not a page") }
        _ = try project.run("build", "--keep-going", "notebooks")
        let urls = try Self.urls(in: project)
        #expect(!urls.contains { ["javascript", "vbscript", "data", "file"].contains(Self.scheme($0) ?? "") }, "\(urls)")
        let site = try String(contentsOf: project.root.appendingPathComponent("site/l.html"), encoding: .utf8)
        #expect(site.contains("the data"), "the link's text stays")
    }

    @Test func linkedDocumentsThatRunScriptsNeedRawHTML() throws {
        let project = try Project(["a.md": "# A\n\n[appendix](appendix.html), ![a picture](pic.svg) and [data](data.csv)\n"])
        try project.write("appendix.html", "<script>alert(1)</script>")
        try project.write("pic.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>")
        try project.write("data.csv", "1,2\n")
        let build = try project.run("build", "notebooks")
        #expect(build.status == 1)
        #expect(build.stderr.contains("error: broken link: 'notebooks/appendix.html' is a document that could run scripts in the site (.html); it is published only with --raw-html"), "\(build.stderr)")
        #expect(build.stderr.contains("'notebooks/pic.svg' is a document that could run scripts"))
        #expect(!FileManager.default.fileExists(atPath: project.root.appendingPathComponent("site/appendix.html").path))
        let trusted = try project.run("build", "--raw-html", "notebooks")
        #expect(trusted.status == 0, "\(trusted.stderr)")
        #expect(FileManager.default.fileExists(atPath: project.root.appendingPathComponent("site/pic.svg").path))
        #expect(FileManager.default.fileExists(atPath: project.root.appendingPathComponent("site/data.csv").path))
    }

    @Test func linksDoNotFollowSymbolicLinksOutOfTheProject() throws {
        let project = try Project(["a.md": "# A\n\n[passwords](etcdir/passwd) and [environment](env.txt)\n"])
        let notebooks = project.root.appendingPathComponent("notebooks").path
        #expect(symlink("/etc", notebooks + "/etcdir") == 0)
        #expect(symlink("/proc/self/environ", notebooks + "/env.txt") == 0)
        let build = try project.run("build", "notebooks")
        #expect(build.status == 1)
        #expect(build.stderr.contains("'notebooks/etcdir/passwd' leads outside the project"), "\(build.stderr)")
        #expect(build.stderr.contains("'notebooks/env.txt' leads outside the project"), "\(build.stderr)")
        _ = try project.run("build", "--keep-going", "notebooks")
        #expect(!FileManager.default.fileExists(atPath: project.root.appendingPathComponent("site/etcdir/passwd").path))
        #expect(!FileManager.default.fileExists(atPath: project.root.appendingPathComponent("site/env.txt").path))
    }

    /// `load` is bounded by the notebook's project, wherever the command starts, and never
    /// quotes a file that is not data.
    @Test func loadStaysInTheProjectAndQuotesNothing() throws {
        let home = try Project([:])
        let secret = "aws_secret_access_key = SECRET123"
        try FileManager.default.createDirectory(at: home.root.appendingPathComponent(".aws"), withIntermediateDirectories: true)
        try "[default]\n\(secret)\n".write(to: home.root.appendingPathComponent(".aws/credentials"), atomically: true, encoding: .utf8)
        let course = home.root.appendingPathComponent("course/notebooks")
        try FileManager.default.createDirectory(at: course, withIntermediateDirectories: true)
        try "```backprop\nload(\"../../.aws/credentials\")\n```\n".write(to: course.appendingPathComponent("a.md"), atomically: true, encoding: .utf8)
        try "[default]\n\(secret)\n".write(to: course.appendingPathComponent("inside.csv"), atomically: true, encoding: .utf8)
        try "```backprop\nload(\"inside.csv\")\n```\n".write(to: course.appendingPathComponent("b.md"), atomically: true, encoding: .utf8)
        for folder in [home.root, course, URL(fileURLWithPath: "/")] {
            let run = try Command.run(["run", course.appendingPathComponent("a.md").path], in: folder)
            #expect(run.status == 1)
            #expect(run.stderr.contains("leads outside it"), "\(run.stderr)")
        }
        let inside = try Command.run(["run", "course/notebooks/b.md"], in: home.root)
        #expect(inside.status == 1)
        #expect(inside.stderr.contains("inside.csv:2:1: not a number"), "\(inside.stderr)")
        #expect(!inside.stderr.contains("SECRET123"))
    }

    @Test func outReplacesOnlyWhatABuildWrote() throws {
        let project = try Project(["a.md": "# A\n"])
        let important = project.root.appendingPathComponent("important")
        try FileManager.default.createDirectory(at: important, withIntermediateDirectories: true)
        try "my thesis".write(to: important.appendingPathComponent("thesis.txt"), atomically: true, encoding: .utf8)
        let build = try project.run("build", "notebooks", "--out", "important")
        #expect(build.status != 0)
        #expect(build.stderr.contains("the site folder holds files that chainrule did not write"), "\(build.stderr)")
        #expect(FileManager.default.fileExists(atPath: important.appendingPathComponent("thesis.txt").path))
        // A folder a build wrote is replaced, and an empty one is used.
        #expect(try project.run("build", "notebooks", "--out", "site").status == 0)
        #expect(try project.run("build", "notebooks", "--out", "site", "--force").status == 0)
        try FileManager.default.createDirectory(at: project.root.appendingPathComponent("empty"), withIntermediateDirectories: true)
        #expect(try project.run("build", "notebooks", "--out", "empty").status == 0)
    }

    @Test func outNeverReplacesTheNotebooksThroughALink() throws {
        let project = try Project(["a.md": "# A\n"])
        #expect(symlink(project.root.path, project.root.appendingPathComponent("pl").path) == 0)
        for out in ["pl/notebooks", "notebooks/site", "pl", "."] {
            let build = try project.run("build", "notebooks", "--out", out)
            #expect(build.status != 0, "\(out)")
            #expect(try project.read("a.md") == "# A\n", "\(out)")
        }
    }

    @Test func aNotebookNameThatIsNotUTF8IsReported() throws {
        let project = try Project(["good.md": "```backprop\n1\n```\n"])
        #expect(try project.run("update", "notebooks").status == 0)
        let name = Array(project.root.appendingPathComponent("notebooks").path.utf8) + Array("/stale".utf8) + [0xFF] + Array(".md".utf8) + [0]
        let descriptor = name.withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT, 0o644) } }
        #expect(descriptor >= 0)
        close(descriptor)
        for command in ["check", "update", "build"] {
            let result = try project.run(command, "notebooks")
            #expect(result.status == 1, "\(command)")
            #expect((result.stdout + result.stderr).contains("a notebook whose file name is not UTF-8 cannot be read"), "\(command): \(result.stdout)\(result.stderr)")
        }
    }

    /// A plot of many points is drawn thinned, recorded whole, and costs the build little.
    @Test func hugeFiguresAreDrawnThin() throws {
        let project = try Project(["p.md": "```backprop\ny = linspace(0, 1, 300000)\nplot(y, title: \"many\")\n```\n"])
        #expect(try project.run("update", "notebooks").status == 0)
        let record = try project.read("p.md")
        #expect(record.contains("plot \"many\": 1 series of 300000 points; y: 0 -> 1 #"), "\(record)")
        #expect(try project.run("check", "notebooks").status == 0)
        let build = try project.run("build", "notebooks")
        #expect(build.status == 0)
        let page = try Data(contentsOf: project.root.appendingPathComponent("site/p.html"))
        #expect(page.count < 2_000_000, "a page of \(page.count) bytes")
    }
}

/// A cache in `.chainrule/` that this user did not write on this machine (committed to a
/// repository, copied, forged) is never trusted.
@Suite struct ForgedCacheTests {
    @Test func aForgedRunIsIgnored() throws {
        let project = try SiteProject(["notebooks/a.md": "# A\n\n```backprop\n2 * 3\n```\n"])
        #expect(project.build().published)
        let runs = project.path(".chainrule/cache/runs")
        let names = try FileManager.default.contentsOfDirectory(atPath: runs)
        #expect(names.count == 1)
        let file = runs + "/" + names[0]
        let original = try String(contentsOfFile: file, encoding: .utf8)
        #expect(original.contains("\"6\""), "the run holds the output")
        // The forger edits the output and keeps the seal line as it was.
        try original.replacingOccurrences(of: "\"6\"", with: "\"forged\"").write(toFile: file, atomically: true, encoding: .utf8)
        project.remove("site")
        let report = project.build()
        #expect(report.published && report.ran == 1, "the notebook ran again")
        #expect(project.read("site/a.html")?.contains("forged") == false)
        #expect(project.read("site/a.html")?.contains(">6<") == true || project.read("site/a.html")?.contains("6\n") == true)
    }

    @Test func aForgedManifestCannotDeclareAForgedSiteUpToDate() throws {
        let project = try SiteProject(["notebooks/a.md": "# A\n\n```backprop\n2 * 3\n```\n"])
        #expect(project.build().published)
        let cache = project.path(".chainrule/cache")
        let manifest = try FileManager.default.contentsOfDirectory(atPath: cache).first { $0.hasPrefix("site-") }!
        // Written by someone else: a valid manifest under another key.
        let page = project.read("site/a.html")!
        try page.replacingOccurrences(of: "</main>", with: "<p>forged</p></main>").write(toFile: project.path("site/a.html"), atomically: true, encoding: .utf8)
        let text = try String(contentsOfFile: cache + "/" + manifest, encoding: .utf8)
        let body = String(text.drop { $0 != "\n" }.dropFirst())
        try ("0000000000000000000000000000000000000000000000000000000000000000\n" + body).write(toFile: cache + "/" + manifest, atomically: true, encoding: .utf8)
        let report = project.build()
        #expect(!report.upToDate)
        #expect(project.read("site/a.html")?.contains("forged") == false)
    }
}
