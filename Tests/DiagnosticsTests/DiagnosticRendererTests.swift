import Testing
@testable import Diagnostics

@Suite struct DiagnosticRendererTests {
    let source = SourceText(path: "notebooks/xor.md", text: "# XOR\n\nopt = SGD(net, lr: lern_rate)\n\tx = [1, 2] @ y\n")

    @Test func quotesTheLineWithACaretUnderTheRange() {
        let diagnostic = Diagnostic.error(
            "undefined name 'lern_rate'", file: "notebooks/xor.md",
            at: SourceRange(start: .init(line: 3, column: 20), end: .init(line: 3, column: 29)),
            notes: [.init("did you mean 'learn_rate'?")])
        let text = DiagnosticRenderer(sources: [source]).render(diagnostic)
        #expect(text == """
            notebooks/xor.md:3:20: error: undefined name 'lern_rate'
             3 | opt = SGD(net, lr: lern_rate)
               |                    ^~~~~~~~~
            note: did you mean 'learn_rate'?

            """)
    }

    @Test func keepsTabsSoTheCaretLinesUp() {
        let diagnostic = Diagnostic.error(
            "shapes [2] and [3] do not fit", file: "notebooks/xor.md",
            at: SourceRange(at: .init(line: 4, column: 13)))
        let text = DiagnosticRenderer(sources: [source]).render(diagnostic)
        #expect(text.contains(" 4 | \tx = [1, 2] @ y\n   | \t           ^\n"))
    }

    @Test func recordedTextHasNoLocation() {
        let diagnostic = Diagnostic.error("boom", file: "a.md", at: SourceRange(at: .init(line: 1, column: 1)),
                                          notes: [.init("because")])
        #expect(diagnostic.recordedText == "error: boom\nnote: because")
    }

    @Test func suggestsTheClosestName() {
        #expect(Suggestion.closest(to: "sigmod", among: ["sigmoid", "tanh", "relu"]) == "sigmoid")
        #expect(Suggestion.closest(to: "xyz", among: ["sigmoid", "tanh"]) == nil)
        #expect(Suggestion.editDistance("kitten", "sitting") == 3)
    }
}
