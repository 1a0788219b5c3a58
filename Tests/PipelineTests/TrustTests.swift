import Foundation
import Testing

/// `check` catches every change a reader could see, and nothing wrong passes silently: each
/// case runs the binary on a notebook, as a user would.
@Suite struct TrustTests {
    /// A notebook whose first block sets `k` and whose second displays something that uses
    /// it in exactly one element, which no summary shows.
    static func notebook(_ display: String) -> String {
        "# T\n\n```backprop\nk = 5\n```\n\n```backprop\n\(display)\n```\n"
    }

    /// The line of the second block's record once `update` wrote it: 2 lines after the
    /// display's last line and the closing fence.
    static func recordLine(_ display: String) -> Int {
        9 + display.split(separator: "\n", omittingEmptySubsequences: false).count
    }

    @Test(arguments: [
        ("text", "k"),
        ("tensor", "x = zeros(2000)\nx[1000] = k\nx"),
        ("print", "x = zeros(3000)\nx[1500] = k\nprint(\"x is\", x)"),
        ("table", "table([[1, 2], [3, k]], rows: [\"a\", \"b\"], columns: [\"x\", \"y\"])"),
        ("plot", "plot([1, 2, k, 4, 9], title: \"curve\")"),
        ("plot x", "plot([0, 1, k / 5 + 1, 3], [1, 2, 3, 4])"),
        ("scatter", "scatter([[0, 0], [1, k], [2, 0]], [0, 1, 0])"),
        ("scatter classes", "scatter([[0, 0], [1, 1], [2, 0]], [0, k - 5, 0])"),
        ("regions", "net = Sequential(Linear(2, 2), seed: 1)\nnet[0].bias = [0, k - 5.3]\nscatter([[0, 0], [1, 1]], [0, 1], regions: net, grid: 6)"),
        ("contour", "contour(fn(a, b) { if a > 1.9 and b > 0.9 { k } else { a + b } }, x: (-2, 2), y: (-1, 1), grid: 5)"),
        ("contour path", "contour(fn(a, b) { a + b }, x: (-2, 2), y: (-1, 1), grid: 5, paths: [[[0, 0], [0.1 * k, 0], [1, 1]]])"),
        ("graph", "a = 2\nc = k\nf = c * 0 + a\nbackward(f)\ngraph(f)"),
        ("panels", "panels(plot([1, 2, 3]), plot([1, k, 3]))"),
        ("trace", "net = Sequential(Linear(2, 2), Sigmoid(), seed: 1)\nnet[0].bias = [0, k]\ntrace(net, [1, 2], [0, 1], loss: half_sse)"),
    ])
    func changingOneDisplayedElementMakesTheBlockStale(kind: String, display: String) throws {
        let project = try Project(["f.md": Self.notebook(display)])
        let update = try project.run("update", "notebooks")
        #expect(update.status == 0, "\(kind): \(update.stdout)\(update.stderr)")
        #expect(try project.run("check", "notebooks").status == 0, "\(kind)")
        try project.write("f.md", try project.read("f.md").replacingOccurrences(of: "k = 5", with: "k = 6"))
        let check = try project.run("check", "notebooks")
        #expect(check.status == 1, "\(kind)")
        // Stale for what it shows (not only for where the record came from), at this block.
        #expect(check.stdout.contains("notebooks/f.md:\(Self.recordLine(display)): stale output: an earlier block changed"),
                "\(kind): \(check.stdout)")
        #expect(check.stdout.contains("0 passed, 1 failed"))
        let fast = try project.run("check", "--fast", "notebooks")
        #expect(fast.status == 1 && fast.stdout.contains("notebooks/f.md:\(Self.recordLine(display)):"), "\(kind): check --fast agrees")
    }

    /// The report names the value that changed behind a digest, from the values kept when
    /// the record was written; where they are not kept (a fresh clone), it says so.
    @Test func theReportNamesWhatChanged() throws {
        let project = try Project(["f.md": "```backprop\nm = 5\n```\n\n```backprop\nplot([1, 2, m, 4, 9], title: \"curve\")\n```\n"])
        #expect(try project.run("update", "notebooks").status == 0)
        try project.write("f.md", try project.read("f.md").replacingOccurrences(of: "m = 5", with: "m = 50"))
        let check = try project.run("check", "notebooks")
        #expect(check.status == 1)
        #expect(check.stdout.contains("  changed: plot series 1 y[2]: 5 -> 50\n"), "\(check.stdout)")
        #expect(check.stderr.contains("stale notebooks/f.md: 1 record"), "the progress line says stale: \(check.stderr)")
        #expect(!check.stderr.contains("ok   notebooks/f.md"))
        let fresh = try project.run("check", "notebooks", environment: ["XDG_CACHE_HOME": project.root.appendingPathComponent("other").path])
        #expect(fresh.stdout.contains("are not kept on this machine"), "\(fresh.stdout)")
    }

    /// A listing kept in `.chainrule/records/` that this machine did not write (committed,
    /// copied, forged) explains nothing.
    @Test func aForgedListingIsIgnored() throws {
        let project = try Project(["f.md": "```backprop\nm = 5\n```\n\n```backprop\nplot([1, m], title: \"c\")\n```\n"])
        #expect(try project.run("update", "notebooks").status == 0)
        let records = project.root.appendingPathComponent(".chainrule/records")
        for name in try FileManager.default.contentsOfDirectory(atPath: records.path) {
            try Data(("0000\nplot series 1 y[1]: 999\u{1B}[2J").utf8).write(to: records.appendingPathComponent(name))
        }
        try project.write("f.md", try project.read("f.md").replacingOccurrences(of: "m = 5", with: "m = 6"))
        let check = try project.run("check", "notebooks")
        #expect(check.status == 1)
        #expect(!check.stdout.contains("999"))
        #expect(!check.stdout.contains("\u{1B}"))
    }

    @Test func assertCloseComparesShapesAndRelativeSize() throws {
        let cases = [
            ("assert_close([[1], [1]], [1, 1])", "assert_close compares values of one shape, not [2, 1] and [2]"),
            ("assert_close(3, [3, 3, 3])", "assert_close compares values of one shape, not a number and [3]"),
            ("assert_close(1e-7, 2e-7)", "assert_close failed: a is 1e-07, b is 2e-07: they differ by 1e-07"),
        ]
        for (code, message) in cases {
            let project = try Project(["f.md": "```backprop\n\(code)\n```\n"])
            let run = try project.run("run", "notebooks/f.md")
            #expect(run.status == 1, "\(code)")
            #expect(run.stderr.contains("notebooks/f.md:2:1: error: \(message)"), "\(code): \(run.stderr)")
        }
        let fine = try Project(["f.md": "```backprop\nassert_close(1e-7, 2e-7, atol: 1e-6)\nassert_close([1, 2], [1, 2 + 1e-7])\n\"ok\"\n```\n"])
        #expect(try fine.run("run", "notebooks/f.md").stdout == "ok\n")
    }

    @Test func lossesRefuseMismatchedShapes() throws {
        for (code, shapes) in [("mse([[1], [2], [3], [4]], [1, 2, 3, 4])", "[4, 1] and [4]"), ("bce([[0.9], [0.1]], [1, 0])", "[2, 1] and [2]")] {
            let project = try Project(["f.md": "```backprop\n\(code)\n```\n"])
            let run = try project.run("run", "notebooks/f.md")
            #expect(run.status == 1, "\(code)")
            #expect(run.stderr.contains("needs the prediction and the target in one shape, not \(shapes)"), "\(run.stderr)")
            #expect(run.stderr.contains("note: they hold the same elements in different layouts: reshape(target"), "\(run.stderr)")
        }
    }

    @Test func valuesAreNeverChangedThroughAnotherName() throws {
        let project = try Project(["f.md": """
            ```backprop
            a = [1, 2, 3]
            b = a
            b[0] = 9
            b += 1
            fn f(v) { v[1] = 100
              v }
            f(a)
            a, b
            ```
            """])
        let run = try project.run("run", "notebooks/f.md")
        #expect(run.stdout == "[1, 100, 3]\n([1, 2, 3], [10, 3, 4])\n", "\(run.stderr)")
    }

    @Test func backwardTwiceIsAnErrorAndBackwardOfAConstantWarns() throws {
        let twice = try Project(["f.md": "```backprop\nx = 2\ng = x * 5\nbackward(g)\nbackward(g)\n```\n"])
        let run = try twice.run("run", "notebooks/f.md")
        #expect(run.status == 1)
        #expect(run.stderr.contains("notebooks/f.md:5:1: error: backward through the same graph a second time: the pass at line 4 already added its gradients to .grad"))
        #expect(run.stderr.contains("retain_graph: true"))
        let constant = try Project(["f.md": "```backprop\nx = 2\nbackward(detach(x) * 3)\nx.grad\n```\n"])
        let warned = try constant.run("run", "notebooks/f.md")
        #expect(warned.stderr.contains("notebooks/f.md:3:10: warning: backward changes no gradient"), "\(warned.stderr)")
    }

    /// Problems on the page are errors in every command, at the same place.
    @Test(arguments: [
        ("---\ntitle: T\ntimout: 120\n---\n\n```backprop\n1\n```\n", "notebooks/f.md:3:1: error: unknown front-matter key 'timout'"),
        ("Text $$a + b\n\n```backprop\n1\n```\n", "notebooks/f.md:1:6: error: display math opened here is never closed"),
        ("The rule $\\fracc{a}{b}$.\n\n```backprop\n1\n```\n", "notebooks/f.md:1:11: error: unknown TeX command \\fracc"),
        ("```backprob\nx = 1\n```\n\n```backprop\n1\n```\n", "notebooks/f.md:1:1: error: a fence marked 'backprob' is shown as code and never run"),
        ("```backprop hdie\n1\n```\n", "notebooks/f.md:1:13: error: unknown block option 'hdie'"),
    ])
    func pageProblemsFailEveryCommand(text: String, error: String) throws {
        let project = try Project(["f.md": text])
        let run = try project.run("run", "notebooks/f.md")
        #expect(run.status == 1 && run.stderr.contains(error), "run: \(run.stderr)")
        let update = try project.run("update", "notebooks")
        #expect(update.status == 1 && update.stdout.contains(error), "update: \(update.stdout)")
        let check = try project.run("check", "notebooks")
        #expect(check.status == 1 && check.stdout.contains(error), "check: \(check.stdout)")
        let build = try project.run("build", "notebooks")
        #expect(build.status == 1 && build.stderr.contains(error), "build: \(build.stderr)")
    }
}
