import Foundation
import Testing
@testable import Weave

@Suite struct SearchIndexTests {
    @Test func scriptHoldsValidJSON() throws {
        let script = SearchIndex.script([
            .init(title: "A \"quoted\" </script>", path: "a.html", sections: [
                .init(anchor: "", heading: "A", text: "line\u{2028}break\ttab <b>"),
                .init(anchor: "x", heading: "X", text: "\u{1}control"),
            ]),
            .init(title: "B", path: "sub/b.html", sections: [.init(anchor: "y", heading: "Y", text: "ünïcödé")]),
        ])
        #expect(script.hasPrefix("window.chainruleSearchIndex = "))
        #expect(!script.contains("</script>"))
        let json = String(script.dropFirst("window.chainruleSearchIndex = ".count).dropLast(2))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let pages = try #require(object["pages"] as? [[String: String]])
        #expect(pages[0]["t"] == "A \"quoted\" </script>")
        let sections = try #require(object["sections"] as? [[Any]])
        #expect(sections.count == 3)
        #expect(sections[0][3] as? String == "line\u{2028}break\ttab <b>")
        #expect(sections[2][0] as? Int == 1)
    }
}
