import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The `chainrule` binary on real folders: exit codes, messages, files on disk, a build
/// killed half way, and `serve` end to end. (Serialized: these start processes and share
/// two cores.)
@Suite(.serialized) struct SiteEndToEndTests {
    func project() throws -> SiteProject {
        try SiteProject([
            "notebooks/one.md": SiteNotebooks.simple(title: "One", order: 1, body: "See [two](two.md)."),
            "notebooks/two.md": SiteNotebooks.simple(title: "Two", order: 2),
        ])
    }

    @Test func buildExitsZeroAndWritesTheSite() throws {
        let project = try project()
        let result = try ChainruleBinary.run(["build"], in: project.root)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty, "stdout is for results; progress goes to stderr")
        #expect(result.stderr.contains("built site/ from 2 notebooks: 2 ran, 0 cached"))
        #expect(project.exists("site/index.html") && project.exists("site/one.html") && project.exists("site/two.html"))
        #expect(project.read(".gitignore") == nil, "the build writes nothing else into the project")
        let again = try ChainruleBinary.run(["build"], in: project.root)
        #expect(again.status == 0 && again.stderr.contains("site/ is up to date"))
        let quiet = try ChainruleBinary.run(["build", "--quiet"], in: project.root)
        #expect(quiet.status == 0 && quiet.stderr.isEmpty)
        try project.write("notebooks/two.md", SiteNotebooks.simple(title: "Two", order: 2, code: "x = 5\nx * 3"))
        let edited = try ChainruleBinary.run(["build"], in: project.root)
        #expect(edited.stderr.contains("built site/ from 2 notebooks: 1 ran, 1 cached, 1 page drawn"), "\(edited.stderr)")
        #expect(project.read("site/two.html")?.contains("<pre class=\"cr-text\" tabindex=\"0\" role=\"region\" aria-label=\"Output, block 1\">15</pre>") == true)
    }

    @Test func aFailedBlockExitsOneWithTheLocation() throws {
        let project = try project()
        try project.write("notebooks/two.md", SiteNotebooks.simple(title: "Two", code: "x = 1\ny = x @ [1, 2]"))
        let result = try ChainruleBinary.run(["build"], in: project.root)
        #expect(result.status == 1)
        #expect(result.stderr.contains("notebooks/two.md:12:5: error:"), "\(result.stderr)")
        #expect(result.stderr.contains("build failed: site/ left as it was"))
        #expect(!project.exists("site"))
        let kept = try ChainruleBinary.run(["build", "--keep-going"], in: project.root)
        #expect(kept.status == 0)
        #expect(kept.stderr.contains("notebooks/two.md:12:5: warning:"))
        #expect(project.read("site/two.html")?.contains("cr-failed") == true)
    }

    @Test func aBrokenLinkExitsOne() throws {
        let project = try project()
        try project.write("notebooks/one.md", SiteNotebooks.simple(title: "One", body: "See [two](two.md#nowhere)."))
        let result = try ChainruleBinary.run(["build", "notebooks", "--out", "public"], in: project.root)
        #expect(result.status == 1)
        #expect(result.stderr.contains("notebooks/one.md:6:5: error: broken link: no heading '#nowhere' in notebooks/two.md"), "\(result.stderr)")
    }

    @Test func badUsageExits64() throws {
        let project = try project()
        for arguments in [["build", "--jobs", "0"], ["build", "--no-such-option"], ["serve", "--port", "0"], ["build", "--quiet", "--verbose"]] {
            let result = try ChainruleBinary.run(arguments, in: project.root)
            #expect(result.status == 64, "\(arguments): \(result.stderr)")
        }
        let missing = try ChainruleBinary.run(["build", "nowhere"], in: project.root)
        #expect(missing.status == 1 && missing.stderr.contains("nowhere: error: no such file or folder"))
        try project.write("site", "a file")
        let file = try ChainruleBinary.run(["build"], in: project.root)
        #expect(file.status == 1 && file.stderr.contains("site: error: the site path is a file, not a folder"))
    }

    /// Kills builds at moments spread over their whole run: after each kill the site folder is
    /// the old site or the new one, whole, never a mixture or nothing.
    @Test func aKilledBuildLeavesAWholeSite() throws {
        let slow = "X = [[0, 0], [0, 1], [1, 0], [1, 1]]\nY = [[0], [1], [1], [0]]\n"
            + "net = Sequential(Linear(2, 8), Tanh(), Linear(8, 1), Sigmoid(), seed: 1)\n"
            + "h = train(net, X, Y, loss: mse, optimizer: SGD(net, lr: 0.5), epochs: 1500)\nplot(h.loss)\nVERSION"
        let project = try SiteProject([
            "notebooks/a.md": SiteNotebooks.simple(title: "A", code: slow.replacingOccurrences(of: "VERSION", with: "0")),
            "notebooks/b.md": SiteNotebooks.simple(title: "B", code: slow.replacingOccurrences(of: "VERSION", with: "100")),
        ])
        let first = try ChainruleBinary.run(["build", "--quiet"], in: project.root)
        #expect(first.status == 0, "\(first.stderr)")
        let start = Date()
        _ = try ChainruleBinary.run(["build", "--quiet", "--force"], in: project.root)
        let duration = Date().timeIntervalSince(start)
        var versions = Set<String>()
        for round in 1...8 {
            try project.write("notebooks/a.md", SiteNotebooks.simple(title: "A", code: slow.replacingOccurrences(of: "VERSION", with: "\(round)")))
            let process = try ChainruleBinary.start(["build", "--quiet", "--force"], in: project.root)
            usleep(useconds_t(duration * Double(round) / 9 * 1_000_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let site = project.files(under: "site")
            for page in ["index.html", "a.html", "b.html", "assets/style.css", "assets/site.js", "assets/nav.js", "assets/search/keys.js"] {
                #expect(site[page] != nil, "round \(round): \(page) is missing")
            }
            for (name, data) in site where name.hasSuffix(".html") {
                #expect(String(decoding: data, as: UTF8.self).hasSuffix("</html>\n"), "round \(round): \(name) is cut short")
            }
            let page = String(decoding: site["a.html"] ?? Data(), as: UTF8.self)
            if let match = page.range(of: #"<pre class="cr-text"[^>]*>\d+</pre>"#, options: .regularExpression) {
                versions.insert(String(page[match]))
            }
        }
        // The next build cleans up after the killed ones and publishes.
        let last = try ChainruleBinary.run(["build", "--quiet"], in: project.root)
        #expect(last.status == 0)
        #expect(!project.topLevel.contains { $0.contains("staging") }, "\(project.topLevel)")
        #expect(!versions.isEmpty)
    }

    @Test func serveRebuildsAndTellsThePage() throws {
        let project = try project()
        let port = freePort()
        let server = try ChainruleBinary.start(["serve", "--port", String(port), "--quiet"], in: project.root)
        defer {
            server.terminate()
            server.waitUntilExit()
        }
        // The server listens before its first build is done: wait for the page itself.
        var ready = false
        for _ in 0..<300 where !ready {
            ready = httpGet(port: port, path: "/two.html")?.status == 200
            if !ready { usleep(100_000) }
        }
        #expect(ready, "serve did not answer on 127.0.0.1:\(port)")
        let first = try #require(httpGet(port: port, path: "/__chainrule/version")?.body)
        let page = try #require(httpGet(port: port, path: "/two.html"))
        #expect(page.status == 200)
        #expect(page.body.contains("<pre class=\"cr-text\" tabindex=\"0\" role=\"region\" aria-label=\"Output, block 1\">6</pre>"))
        #expect(page.body.contains("<script src=\"/__chainrule/reload.js\"></script>"), "the reload script is added when serving")
        #expect(project.read("site/two.html")?.contains("/__chainrule/") == false, "and never written to the site")
        #expect(httpGet(port: port, path: "/__chainrule/reload.js")?.body.contains("/__chainrule/version") == true)
        #expect(httpGet(port: port, path: "/")?.body.contains("cr-cards") == true)
        #expect(httpGet(port: port, path: "/missing.html")?.status == 404)

        try project.write("notebooks/two.md", SiteNotebooks.simple(title: "Two", order: 2, code: "x = 2\nx * 21"))
        var updated = false
        for _ in 0..<300 where !updated {
            usleep(100_000)
            if let now = httpGet(port: port, path: "/__chainrule/version"), now.body != first {
                updated = httpGet(port: port, path: "/two.html")?.body.contains("<pre class=\"cr-text\" tabindex=\"0\" role=\"region\" aria-label=\"Output, block 1\">42</pre>") == true
            }
        }
        #expect(updated, "the page shows the new result after the notebook changed")
        // A failure does not stop the preview: it is shown on the page.
        try project.write("notebooks/two.md", SiteNotebooks.simple(title: "Two", order: 2, code: "y = undefined_name"))
        var failed = false
        for _ in 0..<300 where !failed {
            usleep(100_000)
            failed = httpGet(port: port, path: "/two.html")?.body.contains("cr-failed") == true
        }
        #expect(failed)
    }
}
