import Foundation
import Testing

/// Numbers in prose are computed, recorded in the Markdown (so GitHub shows them too) and
/// checked like every output: `<!--= x.grad -->-4<!--/-->`.
@Suite struct ComputedValueTests {
    static let notebook = """
        # Values

        Before any block: <!--= 1 + 1 --><!--/-->.

        ```backprop
        x = -2
        f = x * x * 3
        backward(f)
        ```

        The gradient is <!--= x.grad --><!--/-->; a tensor <!--= [[1, 2], [3, 4]] --><!--/-->, a string <!--= "a*b_c" --><!--/-->.
        In code the syntax stays text: `<!--= x --><!--/-->`.

        """

    @Test func updateRecordsThemCheckComparesThemAndThePageShowsThem() throws {
        let project = try Project(["v.md": Self.notebook])
        let update = try project.run("update", "notebooks")
        #expect(update.status == 0, "\(update.stdout)")
        let text = try project.read("v.md")
        #expect(text.contains("Before any block: <!--= 1 + 1 -->2<!--/-->."))
        #expect(text.contains("The gradient is <!--= x.grad -->-12<!--/-->; a tensor <!--= [[1, 2], [3, 4]] -->[[1, 2], [3, 4]]<!--/-->, a string <!--= \"a*b_c\" -->a\\*b\\_c<!--/-->."), "\(text)")
        #expect(text.contains("`<!--= x --><!--/-->`"), "code is never a value")
        #expect(try project.run("check", "notebooks").status == 0)
        #expect(try project.run("update", "notebooks").stdout.contains("0 updated, 1 unchanged"))

        try project.write("v.md", text.replacingOccurrences(of: "x * x * 3", with: "x * x * 4"))
        let check = try project.run("check", "notebooks")
        #expect(check.status == 1)
        #expect(check.stdout.contains("notebooks/v.md:11: stale value in the prose\n--- recorded\n+++ now\n@@ -1,1 +1,1 @@\n-<!--= x.grad -->-12\n+<!--= x.grad -->-16"), "\(check.stdout)")
        let build = try project.run("build", "notebooks")
        #expect(build.status == 0)
        let page = try String(contentsOf: project.root.appendingPathComponent("site/v.html"), encoding: .utf8)
        #expect(page.contains("The gradient is <span class=\"cr-value\">-16</span>"), "the page shows what the code gives now")
        #expect(page.contains("<span class=\"cr-value\">a*b_c</span>"))
    }

    @Test func problemsAreReportedAtTheExpression() throws {
        let project = try Project(["v.md": "```backprop\nx = 1\n```\n\nA <!--= nope --><!--/--> and <!--= y = 2 --><!--/--> and <!--= plot([1, 2]) --><!--/-->, then <!--= x --> unclosed.\n"])
        let run = try project.run("run", "notebooks/v.md")
        #expect(run.status == 1)
        #expect(run.stderr.contains("notebooks/v.md:5:9: error: undefined name 'nope'"), "\(run.stderr)")
        #expect(run.stderr.contains("notebooks/v.md:5:36: error: a computed value is one expression"), "\(run.stderr)")
        #expect(run.stderr.contains("error: a figure or a table cannot be shown in a sentence"))
        #expect(run.stderr.contains("notebooks/v.md:5:95: error: a computed value opened here has no <!--/--> after it on its line"), "\(run.stderr)")
        let update = try project.run("update", "notebooks")
        #expect(update.status == 1)
        #expect(try project.read("v.md").contains("A <!--= nope --><!--/-->"), "a failing notebook is not rewritten")
    }

    /// To CommonMark a line that starts with `<!--` opens an HTML block, even inside a
    /// paragraph; a computed value there is still a value of the paragraph.
    @Test func aValueMayStartALine() throws {
        let project = try Project(["v.md": "Here it is,\n<!--= 1 + 1 --><!--/-->, mid-paragraph.\n\n<!--= 2 * 3 --><!--/--> opens one.\n"])
        let update = try project.run("update", "notebooks")
        #expect(update.status == 0, "\(update.stdout)")
        #expect(try project.read("v.md") == "Here it is,\n<!--= 1 + 1 -->2<!--/-->, mid-paragraph.\n\n<!--= 2 * 3 -->6<!--/--> opens one.\n")
        let build = try project.run("build", "-q", "notebooks")
        #expect(build.status == 0 && !build.stderr.contains("raw HTML"), "\(build.stderr)")
        let page = try String(contentsOf: project.root.appendingPathComponent("site/v.html"), encoding: .utf8)
        #expect(page.contains("<p>Here it is,\n<span class=\"cr-value\">2</span>, mid-paragraph.</p>"), "\(page)")
        #expect(page.contains("<p><span class=\"cr-value\">6</span> opens one.</p>"))
    }
}
