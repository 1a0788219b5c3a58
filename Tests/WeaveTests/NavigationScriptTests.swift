import Foundation
import Testing
@testable import Weave

@Suite struct NavigationScriptTests {
    /// The `items` array of the script: [url, title HTML] pairs, as JSON.
    static func items(_ script: String) throws -> [[String]] {
        let start = try #require(script.range(of: "var items = ["))
        let end = try #require(script.range(of: "];", range: start.upperBound..<script.endIndex))
        let json = "[" + script[start.upperBound..<end.lowerBound] + "]"
        return try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String]])
    }

    @Test func titlesAreTheEscapedHTMLOfTheirPagesAndPathsAreURLs() throws {
        let script = NavigationScript.script([
            NavItem(title: "<i>nav</i> & </script>", page: "a b.html"),
            NavItem(title: "The $\\delta$ rule", page: "sub/javascript:alert(1).html"),
        ])
        #expect(!script.contains("</script>") && !script.contains("<i>"))
        let items = try Self.items(script)
        #expect(items.count == 2)
        #expect(items[0] == ["a%20b.html", "&lt;i&gt;nav&lt;/i&gt; &amp; &lt;/script&gt;"])
        #expect(items[1][0] == "sub/javascript%3Aalert(1).html")
        #expect(items[1][1].hasPrefix("The <math"), "the title's math is drawn")
    }

    @Test func anEmptySiteHasAnEmptyList() throws {
        #expect(try Self.items(NavigationScript.script([])).isEmpty)
    }
}
