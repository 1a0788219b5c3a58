import Document
import Testing
@testable import Weave

@Suite struct AnchorNamerTests {
    @Test(arguments: [
        ("The chain rule", "the-chain-rule"),
        ("  Back-propagation: why?  ", "back-propagation-why"),
        ("Newton's method", "newtons-method"),
        ("Étude für Gradienten", "étude-für-gradienten"),
        ("Step 2 of 3", "step-2-of-3"),
        ("snake_case_name", "snake-case-name"),
        ("???", "section"),
        ("", "section"),
    ])
    func slugs(text: String, slug: String) {
        #expect(AnchorNamer.slug(text) == slug)
    }

    @Test func repeatsGetSuffixes() {
        var namer = AnchorNamer()
        #expect(namer.name("Example") == "example")
        #expect(namer.name("Example") == "example-1")
        #expect(namer.name("Example 1") == "example-1-1")
        #expect(namer.name("example") == "example-2")
    }

    @Test func idsNeverLookLikeTemplateIds() {
        // Template ids start with cr_; a heading id never holds an underscore.
        #expect(!AnchorNamer.slug("cr_main").contains("_"))
    }

    @Test func plainTextOfInlines() {
        let inlines: [Markup.Inline] = [
            .text("Loss "), .emphasis([.text("and")]), .softBreak, .code("grad"),
            .math(tex: "\\nabla L", display: false, location: .init(line: 1, column: 1)), .html("<b>"),
        ]
        #expect(AnchorNamer.plainText(inlines) == "Loss and grad\\nabla L")
    }
}
