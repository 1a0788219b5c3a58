import Foundation
import Testing
@testable import Weave

@Suite struct SearchIndexTests {
    static let pages: [SearchIndex.Page] = [
        .init(title: "A \"quoted\" </script> gradient", path: "a.html", sections: [
            .init(anchor: "", heading: "A", text: "line\u{2028}break\ttab <b> gradients, x.grad."),
            .init(anchor: "x", heading: "Gradient descent", text: "\u{1}control __proto__ constructor"),
        ]),
        .init(title: "B", path: "sub/b c.html", sections: [.init(anchor: "y", heading: "Y", text: "ünïcödé 反向传播")]),
    ]

    static func files() -> [String: String] {
        Dictionary(uniqueKeysWithValues: SearchIndex.files(pages).map { ($0.path, $0.text) })
    }

    /// The argument of `name(...)` in a file, as JSON.
    static func argument(_ text: String, _ name: String, after prefix: String = "") throws -> Any {
        #expect(text.hasPrefix(name + "(" + prefix) && text.hasSuffix(");\n"), "\(text)")
        let json = text.dropFirst(name.count + 1 + prefix.count).dropLast(3)
        return try JSONSerialization.jsonObject(with: Data(json.utf8), options: [.fragmentsAllowed])
    }

    @Test func everyFileIsAScriptWithJSONThatCannotCloseAScriptTag() throws {
        for (path, text) in Self.files() {
            #expect(path.hasPrefix("assets/search/") && path.hasSuffix(".js"))
            #expect(!text.contains("</script>") && !text.contains("\u{2028}"), "\(path)")
        }
        let page = try #require(try Self.argument(Self.files()["assets/search/p-0.js"]!, "chainruleSearchPage", after: "0,") as? [String: Any])
        #expect(page["t"] as? String == "A \"quoted\" </script> gradient")
        let sections = try #require(page["s"] as? [[String]])
        #expect(sections.count == 2 && sections[0][2] == "line\u{2028}break\ttab <b> gradients, x.grad.")
        let other = try #require(try Self.argument(Self.files()["assets/search/p-1.js"]!, "chainruleSearchPage", after: "1,") as? [String: Any])
        #expect(other["u"] as? String == "sub/b%20c.html")
    }

    @Test func aWordsPostingsSayWhereItIsAndHowOften() throws {
        let files = Self.files()
        let keys = try #require(try Self.argument(files["assets/search/keys.js"]!, "chainruleSearchKeys") as? [String: Any])
        #expect(keys["sections"] as? [Int] == [2, 1])
        let shardNames = try #require(keys["shards"] as? [String])
        #expect(shardNames.contains(SearchWords.shardKey("gradient")))
        #expect(Set(shardNames.map { "assets/search/s-\($0).js" }) == Set(files.keys.filter { $0.contains("/s-") }))
        // "gr": gradient (the title of page 0, the heading of its section 1), gradients, grad.
        let key = SearchWords.shardKey("gr")
        let pairs = try #require(try Self.argument(files["assets/search/s-\(key).js"]!, "chainruleSearchShard", after: "\"\(key)\",") as? [[Any]])
        let postings = Dictionary(uniqueKeysWithValues: pairs.map { ($0[0] as! String, $0[1] as! [Int]) })
        #expect(postings["gradient"] == [0, -1, 1, 0, 0, 1, 1, 0])
        #expect(postings["gradients"] == [0, 0, 0, 1])
        #expect(postings["grad"] == [0, 0, 0, 1])
        // A word that is a property of every JavaScript object is a plain pair.
        let proto = SearchWords.shardKey("__proto__")
        #expect(files["assets/search/s-\(proto).js"]!.contains("[\"__proto__\",[0,1,0,1]]"))
    }

    /// A word in more sections than a shard may list keeps those where it counts most, and is
    /// marked common; a shard grows with the words of the site, not with its pages.
    @Test func aCommonWordKeepsItsBestSectionsAndIsMarked() throws {
        let count = SearchIndex.commonWordSections + 50
        let sections = (0..<count).map { SearchSection(anchor: "s\($0)", heading: $0 == 7 ? "The heading" : "S", text: "the text \($0)") }
        let files = Dictionary(uniqueKeysWithValues: SearchIndex.files([.init(title: "T", path: "t.html", sections: sections)]).map { ($0.path, $0.text) })
        func entry(_ word: String) throws -> [Any] {
            let key = SearchWords.shardKey(word)
            let entries = try #require(try Self.argument(files["assets/search/s-\(key).js"]!, "chainruleSearchShard", after: "\"\(key)\",") as? [[Any]])
            return try #require(entries.first { $0[0] as? String == word })
        }
        let the = try entry("the")
        let numbers = try #require(the[1] as? [Int])
        #expect(the.count == 3 && the[2] as? Int == 1, "marked common")
        #expect(numbers.count == 4 * SearchIndex.commonWordSections)
        let kept = stride(from: 0, to: numbers.count, by: 4).map { numbers[$0 + 1] }
        #expect(kept.first == 0 && kept.contains(7) && !kept.contains(count - 1), "the first sections and the one whose heading holds it are kept: \(kept.prefix(10))")
        #expect(kept == kept.sorted(), "in section order")
        #expect(try entry("text").count == 3, "every word of these sections is as common")
        #expect(try entry("heading").count == 2, "a word in one section is not common")
    }

    @Test func wordsAreSplitAsTheBrowserSplitsAQuery() {
        #expect(SearchWords.split("The Chain-rule: x.grad, f(x).") == ["the", "chain", "rule", "x.grad", "x", "grad", "f", "x"])
        #expect(SearchWords.split("...") == [])
        #expect(SearchWords.split("反向传播 of δ") == ["反向", "向传", "传播", "of", "δ"])
        #expect(SearchWords.split("梯") == ["梯"])
        #expect(SearchWords.shardKey("gradient") == "6772")
        #expect(SearchWords.shardKey("δx") == "ceb478")
        #expect(SearchWords.shardKey("x") == "78")
    }
}
