import Foundation
import Testing
@testable import Weave

/// What a page needs to be live (docs/live.md): each block's index, the loader and the
/// program only when the site is live and the page has a program, the program unable to end
/// its element, and the policy that lets the loader start its worker.
@Suite struct LivePageTests {
    static let notebook = "# Live\n\n```backprop\nx = 1\n```\n\nText.\n\n```backprop hide\nx + 1\n```\n"

    func page(program: String?, live: Bool, path: String = "page.html") throws -> String {
        var fixture = try PageFixture(Self.notebook)
        fixture.page.liveProgram = program
        return try SiteTheme().page(fixture.page, outline: fixture.outline, source: "notebooks/test.md", path: path,
                                    site: SiteInfo(title: "Site", generator: "9.9"), nav: [], previous: nil, next: nil, live: live)
    }

    /// The program as the page carries it: the text of its element.
    func embedded(_ html: String) throws -> String {
        let open = "<script type=\"application/json\" id=\"cr-live-program\">"
        let start = try #require(html.range(of: open))
        let end = try #require(html[start.upperBound...].range(of: "</script>"))
        return String(html[start.upperBound..<end.lowerBound])
    }

    @Test func eachBlockCarriesItsIndex() throws {
        let html = try PageFixture(Self.notebook).html
        #expect(html.contains("<div class=\"cr-cell\" id=\"cr_block1\" data-block=\"0\">"))
        #expect(html.contains("<div class=\"cr-cell cr-hidden-code\" id=\"cr_block2\" data-block=\"1\">"))
    }

    @Test func aStaticPageIsAsBefore() throws {
        for (program, live) in [(nil, false), (nil, true), ("{\"version\":1}", false)] as [(String?, Bool)] {
            let html = try page(program: program, live: live)
            #expect(!html.contains("live.js"))
            #expect(!html.contains("cr-live-program"))
            #expect(html.contains("content=\"\(DefaultTheme.contentSecurityPolicy)\""))
            #expect(!html.contains("wasm-unsafe-eval"))
        }
        // The policy of a static page is the one pages always had.
        #expect(DefaultTheme.contentSecurityPolicy == "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            + "script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'")
    }

    @Test func aLivePageLoadsTheLoaderAndCarriesItsProgram() throws {
        let program = "{\"version\":1,\"blocks\":[{\"code\":\"x = 1\\n\",\"line\":4}]}"
        let html = try page(program: program, live: true, path: "sub/page.html")
        let head = try #require(html.range(of: "</head>").map { String(html[..<$0.lowerBound]) })
        #expect(head.contains("<script src=\"../assets/live.js\" defer></script>"))
        #expect(head.contains("content=\"\(DefaultTheme.contentSecurityPolicy(live: true))\""))
        #expect(DefaultTheme.contentSecurityPolicy(live: true).contains("script-src 'self' 'wasm-unsafe-eval'; worker-src blob:;"))
        #expect(try embedded(html) == program)
        #expect(html.count(of: "cr-live-program") == 1)
        // After the article, so the page draws before the browser reads it.
        let article = try #require(html.range(of: "</article>"))
        #expect(try #require(html.range(of: "cr-live-program")).lowerBound > article.upperBound)
    }

    @Test func codeCannotEndTheProgramsElement() throws {
        let code = "s = \"</script><script>alert(1)</script>\"\n# <!--<script> and </SCRIPT >\n"
        let program = "{\"blocks\":[{\"code\":" + Self.jsonString(code) + "}]}"
        let html = try page(program: program, live: true)
        let text = try embedded(html)
        #expect(!text.contains("<"), "no tag, no comment can start inside the element")
        // What a browser's JSON.parse reads back is the code as written.
        let decoded = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        let blocks = try #require(decoded?["blocks"] as? [[String: Any]])
        #expect(blocks.first?["code"] as? String == code)
        #expect(html.count(of: "</script>") == html.count(of: "<script"), "every element ends where it should")
        #expect(SiteTheme.scriptJSON("\"a</b\"") == "\"a\\u003c/b\"")
    }

    @Test func theHomePageCanBeLiveToo() throws {
        let theme = try SiteTheme()
        let site = SiteInfo(title: "Site", generator: "9.9")
        let live = theme.index(intro: "<p>Hi</p>", site: site, nav: [], liveProgram: "{\"blocks\":[]}")
        #expect(live.contains("<script src=\"assets/live.js\" defer></script>"))
        #expect(live.contains("<script type=\"application/json\" id=\"cr-live-program\">{\"blocks\":[]}</script>"))
        let still = theme.index(intro: "<p>Hi</p>", site: site, nav: [])
        #expect(!still.contains("live.js") && !still.contains("cr-live-program"))
        #expect(still.contains("content=\"\(DefaultTheme.contentSecurityPolicy)\""))
    }

    @Test func theServersPolicyLetsLivePagesRun() {
        #expect(DefaultTheme.serverContentSecurityPolicy == DefaultTheme.contentSecurityPolicy(live: true) + "; frame-ancestors 'none'")
    }

    @Test func theLiveAssets() {
        #expect(LiveScript.moduleAsset(base64: "AGFzbQ==").contains("self.chainruleLiveModule = \"AGFzbQ==\";"))
        #expect(LiveScript.workerAsset.contains("self.chainruleLiveEngine = function (scope)"))
        // The loader fetches nothing until asked, and loads the rest relative to itself.
        #expect(LiveScript.loader.contains("document.currentScript"))
        #expect(LiveScript.loader.contains("\"live/worker.js\"") && LiveScript.loader.contains("\"live/module.js\""))
        #expect(!LiveScript.loader.contains("fetch("), "a page opened from disk may not fetch")
        for script in [LiveScript.loader, LiveScript.workerAsset] {
            #expect(!script.contains("http://") && !script.contains("https://"), "nothing from the network")
        }
    }

    static func jsonString(_ text: String) -> String {
        let data = try! JSONSerialization.data(withJSONObject: [text], options: [.withoutEscapingSlashes])
        let array = String(decoding: data, as: UTF8.self)
        return String(array.dropFirst().dropLast())
    }
}
