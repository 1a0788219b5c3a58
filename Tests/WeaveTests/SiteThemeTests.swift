import Diagnostics
import Testing
@testable import Weave

@Suite struct SiteThemeTests {
    func render(_ theme: SiteTheme, path: String = "sub/page.html", previous: NavItem? = nil, next: NavItem? = nil) throws -> String {
        let fixture = try PageFixture("# Title\n\n## One\n\n### Two\n\n## Three\n")
        return theme.page(fixture.page, outline: fixture.outline, source: "notebooks/sub/page.md", path: path,
                          site: SiteInfo(title: "Site", generator: "9.9"),
                          nav: [NavItem(title: "Page", page: path), NavItem(title: "Other", page: "other.html")],
                          previous: previous, next: next)
    }

    @Test func defaultPage() throws {
        let html = try render(try SiteTheme(), next: NavItem(title: "Other", page: "other.html"))
        #expect(html.hasPrefix("<!doctype html>"))
        #expect(html.contains("<link rel=\"stylesheet\" href=\"../assets/style.css\">"))
        #expect(html.contains("<script src=\"../assets/site.js\" defer></script>"))
        // The list of notebooks is the site's one script, not a copy in each page.
        #expect(html.contains("<body data-root=\"../\" data-page=\"sub/page.html\">"))
        #expect(html.contains("<script src=\"../assets/nav.js\"></script>"))
        #expect(html.contains("<noscript><ol class=\"cr-nav\"><li><a href=\"../index.html\">All notebooks</a></li></ol></noscript>"))
        #expect(!html.contains(">Other</a></li>"))
        #expect(html.contains("<a class=\"cr-next\" href=\"../other.html\" rel=\"next\">"))
        #expect(!html.contains("cr-previous"))
        #expect(html.contains("<h1 id=\"title\">Title</h1>"))
        #expect(html.contains("<li><a href=\"#one\">One</a><ol><li><a href=\"#two\">Two</a></li></ol></li>"))
        #expect(html.contains("<meta name=\"generator\" content=\"Chainrule 9.9\">"))
        #expect(!html.contains("http://") && !html.contains("https://"), "nothing from the network")
    }

    @Test func overridesReplaceParts() throws {
        let theme = try SiteTheme(overrides: [
            "page.mustache": .init(path: "theme/page.mustache", text: "<title>{{page.title}}</title>{{{page.body}}}|{{#nav}}{{title}};{{/nav}}"),
            "custom.css": .init(path: "theme/custom.css", text: "body { color: red }"),
        ])
        let html = try render(theme)
        #expect(html.hasPrefix("<title>Title</title>"))
        #expect(html.hasSuffix("|Page;Other;"))
        #expect(theme.customStylesheet == "body { color: red }")
        #expect(theme.stylesheet.contains(".cr-fig"), "the figures' rules are always there")
    }

    @Test func aTemplateThatDoesNotParseIsAnErrorAtItsLine() throws {
        do {
            _ = try SiteTheme(overrides: ["index.mustache": .init(path: "theme/index.mustache", text: "<p>\n{{#notebooks}}\nx\n")])
            Issue.record("expected an error")
        } catch {
            let diagnostic = try #require(error.diagnostics.first)
            #expect(diagnostic.file == "theme/index.mustache")
            #expect(diagnostic.message.hasPrefix("template does not parse"))
            #expect(diagnostic.range != nil)
        }
    }

    @Test func printUsesTheLightFigurePalette() throws {
        let css = try SiteTheme().stylesheet
        let print = try #require(css.range(of: "@media print {\n:root {", options: .backwards))
        #expect(css[print.upperBound...].contains("--cr-bg: #ffffff"))
    }

    @Test func indexListsNotebooks() throws {
        let html = try SiteTheme().index(intro: nil, site: SiteInfo(title: "My <site>", generator: "1"),
                                        nav: [NavItem(title: "A", page: "a.html", description: "first & best"), NavItem(title: "B", page: "sub/b.html")])
        #expect(html.contains("<title>My &lt;site&gt;</title>"))
        #expect(html.contains("<span class=\"cr-card-title\">A</span><span class=\"cr-card-description\">first &amp; best</span>"))
        #expect(html.contains("href=\"sub/b.html\""))
        #expect(!html.contains("cr-list-title"), "no heading over the list without an introduction")
    }

    /// The search box is a combobox that controls the list of results, and the list and the
    /// status that says how many results there are sit inside the search landmark, on every
    /// page and on the home page; the drawer of a phone has a button that closes it.
    @Test func searchIsAComboboxWithItsResultsInItsLandmark() throws {
        let index = try SiteTheme().index(intro: nil, site: SiteInfo(title: "Site", generator: "1"), nav: [NavItem(title: "A", page: "a.html")])
        for html in [try render(try SiteTheme()), index] {
            let start = try #require(html.range(of: "<div class=\"cr-search\" role=\"search\">"))
            let end = try #require(html[start.upperBound...].range(of: "\n</div>\n"))
            let landmark = html[start.lowerBound..<end.upperBound]
            let input = try #require(landmark.firstMatch(of: /<input type="search" id="cr_search"[^>]*>/)).output
            for attribute in ["role=\"combobox\"", "aria-expanded=\"false\"", "aria-controls=\"cr_results\"", "aria-autocomplete=\"list\"", "aria-label="] {
                #expect(input.contains(attribute), "the search box has \(attribute)")
            }
            #expect(landmark.contains("id=\"cr_results\" role=\"listbox\" aria-label=\"Search results\""))
            #expect(landmark.contains("role=\"status\""))
            #expect(html.count(of: "cr_results\"") == 2, "one list of results, the one the box controls")
            let drawer = try #require(html.range(of: "<nav class=\"cr-sidebar\" id=\"cr_sidebar\" aria-label=\"Notebooks\">\n"))
            #expect(html[drawer.upperBound...].hasPrefix("<button class=\"cr-close\" id=\"cr_close\" type=\"button\" aria-label=\"Close the menu\">"))
        }
    }
}
