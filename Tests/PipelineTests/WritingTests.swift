import Foundation
import Testing

/// What authors of derivations reach for, through the command line: the project's
/// configuration, citations, captions and references to figures, numbered equations across
/// notebooks, math in titles.
@Suite struct WritingTests {
    static let bibliography = """
        @string{nature = "Nature"}
        @article{rumelhart1986,
          author = {Rumelhart, David E. and Hinton, Geoffrey E. and Williams, Ronald J.},
          title = {Learning representations by back-propagating errors},
          journal = nature, year = 1986, volume = 323, pages = {533--536},
          doi = {10.1038/323533a0}
        }
        @misc{mazur2015,
          author = {Matt Mazur}, year = {2015},
          title = {A Step by Step Backpropagation Example},
          url = {https://mattmazur.com/2015/03/17/a-step-by-step-backpropagation-example/}
        }
        @book{nielsen2015, author = {Michael A. Nielsen}, title = {Neural Networks and Deep Learning}, year = 2015,
              publisher = {Determination Press}}

        """

    private func file(_ project: Project, _ relative: String, _ text: String) throws {
        let url = project.root.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    private func page(_ project: Project, _ relative: String) throws -> String {
        try String(contentsOf: project.root.appendingPathComponent(relative), encoding: .utf8)
    }

    @Test func citationsGiveAuthorYearTextAndAListOfReferences() throws {
        let project = try Project(["cite.md": """
            # Sources

            The method goes back to [@rumelhart1986, p. 533]; @mazur2015 works one example
            by hand [see @mazur2015; @nielsen2015, chap. 2]. Mail someone@example.com.

            """])
        try file(project, "notebooks/references.bib", Self.bibliography)
        try file(project, "chainrule.yml", "bibliography: notebooks/references.bib\n")
        let build = try project.run("build", "-q")
        #expect(build.status == 0, "\(build.stdout)\(build.stderr)")
        let html = try page(project, "site/cite.html")
        #expect(html.contains("<a class=\"cr-cite\" href=\"#ref-rumelhart1986\">(Rumelhart et al. 1986, p. 533)</a>"), "\(html)")
        #expect(html.contains("<a class=\"cr-cite\" href=\"#ref-mazur2015\">Mazur (2015)</a>"))
        #expect(html.contains("(see Mazur 2015; Nielsen 2015, chap. 2)"))
        #expect(html.contains("someone@example.com"), "an address is not a citation")
        // The list: sorted by author, each with its id, the journal's @string expanded.
        let references = try #require(html.range(of: "<section class=\"cr-references\"").map { String(html[$0.lowerBound...]) })
        let order = ["ref-mazur2015", "ref-nielsen2015", "ref-rumelhart1986"].map { references.range(of: "id=\"\($0)\"")?.lowerBound }
        #expect(order.allSatisfy { $0 != nil } && order.map { $0! } == order.map { $0! }.sorted(), "\(references)")
        #expect(references.contains("Nature"))
        #expect(references.contains("https://doi.org/10.1038/323533a0"))
    }

    @Test func anUnknownKeyIsAnErrorWithTheNearestKey() throws {
        let project = try Project(["cite.md": "---\nbibliography: references.bib\n---\n\nAs shown [@rumelhart1968].\n"])
        try file(project, "notebooks/references.bib", Self.bibliography)
        let check = try project.run("check", "notebooks")
        #expect(check.status == 1)
        #expect(check.stdout.contains("notebooks/cite.md:5:1: error: no bibliography entry has the key 'rumelhart1968'"), "\(check.stdout)")
        #expect(check.stdout.contains("did you mean 'rumelhart1986'?"))

        try project.write("cite.md", "As shown [@rumelhart1986].\n")
        let missing = try project.run("check", "notebooks")
        #expect(missing.status == 1)
        #expect(missing.stdout.contains("cites a source, but the notebook has no bibliography"), "\(missing.stdout)")
    }

    /// A bibliography is read like a data file: inside the project, a regular file.
    @Test func aBibliographyOutsideTheProjectIsRefused() throws {
        let project = try Project(["cite.md": "---\nbibliography: /etc/passwd\n---\n\nAs shown [@root].\n"])
        let check = try project.run("check", "notebooks")
        #expect(check.status == 1)
        #expect(check.stdout.contains("the bibliography '/etc/passwd' is outside the project"), "\(check.stdout)")
        let build = try project.run("build", "-q", "--keep-going")
        let html = (try? page(project, "site/cite.html")) ?? ""
        #expect(!html.contains("root:x:0"), "\(build.stdout)")
    }

    @Test func editingTheBibliographyRebuildsThePage() throws {
        let project = try Project(["cite.md": "---\nbibliography: references.bib\n---\n\nSee [@nielsen2015].\n"])
        try file(project, "notebooks/references.bib", Self.bibliography)
        #expect(try project.run("build", "-q").status == 0)
        #expect(try page(project, "site/cite.html").contains("Neural Networks and Deep Learning"))
        try file(project, "notebooks/references.bib", Self.bibliography.replacingOccurrences(of: "Neural Networks and Deep Learning", with: "A Newer Title"))
        #expect(try project.run("build", "-q").status == 0)
        #expect(try page(project, "site/cite.html").contains("A Newer Title"))
    }

    @Test func captionedFiguresAndTablesAreNumberedAndReferencesLinkToThem() throws {
        let notebook = """
            # Figures

            ```backprop
            plot([1, 4, 9], caption: "The loss falls.", label: "loss")
            table([[1, 2]], columns: ["a", "b"], caption: "Two numbers.", label: "pair")
            ```

            As @fig-loss shows, and [-@tbl-pair] lists; see [@sec-figures].

            """
        let project = try Project(["f.md": notebook])
        #expect(try project.run("update", "-q", "notebooks").status == 0)
        #expect(try project.read("f.md").contains("caption: The loss falls."), "the caption is part of the record")
        let build = try project.run("build", "-q")
        #expect(build.status == 0, "\(build.stdout)\(build.stderr)")
        let html = try page(project, "site/f.html")
        #expect(html.contains("id=\"fig-loss\""), "\(html)")
        #expect(html.contains("<figcaption><span class=\"cr-caption-number\">Figure 1.</span> The loss falls.</figcaption>"), "\(html)")
        #expect(html.contains("<a class=\"cr-xref\" href=\"#fig-loss\">Figure 1</a>"))
        #expect(html.contains("<a class=\"cr-xref\" href=\"#tbl-pair\">1</a>"))
        #expect(html.contains("<a class=\"cr-xref\" href=\"#figures\">Figures</a>"))

        try project.write("f.md", try project.read("f.md").replacingOccurrences(of: "As @fig-loss", with: "As @fig-los"))
        let check = try project.run("check", "notebooks")
        #expect(check.status == 1)
        #expect(check.stdout.contains("error: no figure '@fig-los' on this page"), "\(check.stdout)")
        #expect(check.stdout.contains("did you mean '@fig-loss'?"))
    }

    @Test func equationsAreNumberedAndReferencedAcrossNotebooks() throws {
        let project = try Project([
            "a.md": """
                # Loss

                $$
                \\begin{align}
                L &= \\tfrac12 (y - t)^2 \\label{loss} \\\\
                \\frac{\\partial L}{\\partial y} &= y - t \\label{dloss}
                \\end{align}
                $$

                By $\\eqref{dloss}$ the gradient is linear; see @eq-loss.

                """,
            "b.md": "# Chain\n\nThe loss $\\eqref{loss}$ of the other page.\n",
        ])
        let build = try project.run("build", "-q")
        #expect(build.status == 0, "\(build.stdout)\(build.stderr)")
        let a = try page(project, "site/a.html"), b = try page(project, "site/b.html")
        #expect(a.contains("id=\"eq-loss\"") && a.contains("id=\"eq-dloss\""), "\(a)")
        // A link that is only a formula is named by its text too (some readers skip MathML).
        #expect(a.contains("<a class=\"cr-xref\" href=\"#eq-dloss\" aria-label=\"(2)\"><math"), "\(a)")
        #expect(a.contains("<a class=\"cr-xref\" href=\"#eq-loss\">(1)</a>"))
        #expect(b.contains("<a class=\"cr-xref\" href=\"a.html#eq-loss\" aria-label=\"(1)\"><math"), "\(b)")

        try project.write("c.md", "# Again\n\n$$\n\\begin{equation} x = 1 \\label{loss} \\end{equation}\n$$\n")
        let duplicate = try project.run("build", "-q")
        #expect(duplicate.stderr.contains("notebooks/c.md: warning: the equation label 'loss' is also defined in notebooks/a.md"), "\(duplicate.stderr)")
        #expect(try project.run("build", "-q").stderr.contains("also defined in"), "a build with nothing changed repeats it")
        try project.write("c.md", "# Again\n")

        try project.write("b.md", "# Chain\n\nThe loss $\\eqref{los}$ of the other page.\n")
        let broken = try project.run("build", "-q")
        #expect(broken.status == 1)
        #expect(broken.stderr.contains("notebooks/b.md:3:11: error: no equation is labelled 'los'"), "\(broken.stderr)")
        #expect(broken.stderr.contains("did you mean 'loss'?"))
    }

    @Test func theConfigurationSetsTitleOutputAndMacros() throws {
        let project = try Project(["index.md": "# Home\n\nVectors in $\\R^n$, and $\\norm{x}$.\n"])
        try file(project, "chainrule.yml", """
            title: A course in $\\delta$
            output: public
            macros: |
              \\newcommand{\\R}{\\mathbb{R}}
              \\newcommand{\\norm}[1]{\\lVert #1 \\rVert}

            """)
        let build = try project.run("build", "-q")
        #expect(build.status == 0, "\(build.stdout)\(build.stderr)")
        let home = try page(project, "public/index.html")
        #expect(home.contains("<title>A course in δ</title>"), "\(home)")
        #expect(home.contains("<mi mathvariant=\"double-struck\">R</mi>") || home.contains("ℝ"), "\(home)")
        #expect(home.contains("‖"), "the macro with an argument expands")

        try file(project, "chainrule.yml", "titel: x\n")
        let bad = try project.run("build", "-q")
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("chainrule.yml:1:1: error: unknown configuration key 'titel'"), "\(bad.stderr)")
        #expect(bad.stderr.contains("did you mean 'title'?"))

        try file(project, "chainrule.yml", "macros: |\n  \\newcommand{\\R}{\\mathbb{R}}\n  \\newcommand{\\bad}[1]{#2}\n")
        let macro = try project.run("check", "notebooks")
        #expect(macro.status == 1)
        #expect(macro.stdout.contains("chainrule.yml:3:"), "\(macro.stdout)")
    }

    /// Where the site is published gives each page its address and the site a sitemap; the
    /// flag wins over the file; an address that is not absolute http(s) is refused.
    @Test func baseURLGivesCanonicalLinksAndASitemap() throws {
        let project = try Project(["index.md": "# Home\n", "a b.md": "# A & B\n"])
        let plain = try project.run("build", "-q")
        #expect(plain.status == 0, "\(plain.stderr)")
        #expect(!(try page(project, "site/index.html")).contains("rel=\"canonical\""))
        #expect(!FileManager.default.fileExists(atPath: project.root.appendingPathComponent("site/sitemap.xml").path))

        try file(project, "chainrule.yml", "base_url: https://example.github.io/course\n")
        #expect(try project.run("build", "-q").status == 0)
        #expect(try page(project, "site/index.html").contains("<link rel=\"canonical\" href=\"https://example.github.io/course/\">"))
        #expect(try page(project, "site/a b.html").contains("<link rel=\"canonical\" href=\"https://example.github.io/course/a%20b.html\">"))
        #expect(try page(project, "site/sitemap.xml") == """
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
            <url><loc>https://example.github.io/course/</loc></url>
            <url><loc>https://example.github.io/course/a%20b.html</loc></url>
            </urlset>

            """)

        #expect(try project.run("build", "-q", "--base-url", "http://localhost:8000/preview/").status == 0)
        #expect(try page(project, "site/sitemap.xml").contains("<loc>http://localhost:8000/preview/a%20b.html</loc>"))

        for bad in ["/course/", "javascript:alert(1)", "https://user:pw@example.org/", "https://example.org/?q=1", "https://exa mple.org/"] {
            try file(project, "chainrule.yml", "base_url: \"\(bad)\"\n")
            let refused = try project.run("build", "-q")
            #expect(refused.status == 1, "\(bad)")
            #expect(refused.stderr.contains("chainrule.yml:1:11: error: 'base_url' must be an absolute http or https address"), "\(bad): \(refused.stderr)")
        }
        try file(project, "chainrule.yml", "title: x\n")
        let flag = try project.run("build", "-q", "--base-url", "ftp://example.org/")
        #expect(flag.status == 64 && flag.stderr.contains("--base-url needs an absolute http or https address"), "\(flag.stderr)")
    }

    @Test func mathInTitlesIsDrawnInHeadingsAndPlainInTitleAndSearch() throws {
        let project = try Project([
            "index.md": "# Home\n",
            "delta.md": "---\ntitle: The $\\delta$ rule\ndescription: Why $\\delta = \\partial L / \\partial z$\n---\n\nText.\n",
        ])
        #expect(try project.run("build", "-q").status == 0)
        let html = try page(project, "site/delta.html")
        #expect(html.contains("<title>The δ rule"), "\(html)")
        #expect(html.contains("<h1") && html.range(of: "<h1[^>]*>The <math", options: .regularExpression) != nil, "\(html)")
        #expect(!html.contains("$\\delta$"))
        let home = try page(project, "site/index.html")
        #expect(home.contains("<math"), "the index card draws the description's math")
        let search = try page(project, "site/assets/search/p-1.js")
        #expect(search.contains("The δ rule"))
        #expect(try page(project, "site/assets/nav.js").contains("The \\u003cmath"), "the sidebar draws the title's math")
    }
}
