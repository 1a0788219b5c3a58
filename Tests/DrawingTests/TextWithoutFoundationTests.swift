import Foundation
import Testing
@testable import Drawing

/// What the drawing code writes by hand for Embedded Swift, which has neither Foundation nor
/// regular expressions, does what the Foundation calls and the pattern it replaced did, on
/// random text made of the characters that matter to each.
@Suite struct TextWithoutFoundationTests {
    static func randomText(_ alphabet: [String], _ generator: inout SystemRandomNumberGenerator) -> String {
        (0..<Int.random(in: 0...24, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }.joined()
    }

    @Test func numbersInTensorTextAsThePatternFoundThem() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = ["0", "1", "7", "9", ".", "-", "+", "e", "n", "a", "i", "f", "nan", "inf", "[", "]", ", ", " ", "x", "1.23456", "-0.000123", "2e-07"]
        for _ in 0..<5_000 {
            let text = Self.randomText(alphabet, &generator)
            let expected = text.replacing(/-?(?:\d+\.?\d*(?:e[-+]?\d+)?|nan|inf)/) { GraphDiagramRenderer.compactNumber(String($0.output)) }
            #expect(GraphDiagramRenderer.compactingNumbers(text) == expected, "\(text.debugDescription)")
        }
    }

    @Test func replacingAScalarAsFoundationDid() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = ["\n", "\r\n", "\r", "#", "a", "é", " ", "%23"]
        for _ in 0..<5_000 {
            let text = Self.randomText(alphabet, &generator)
            #expect(text.replacingScalar("\n", with: " ") == text.replacingOccurrences(of: "\n", with: " "), "\(text.debugDescription)")
            #expect(text.replacingScalar("#", with: "%23") == text.replacingOccurrences(of: "#", with: "%23"), "\(text.debugDescription)")
        }
    }

    @Test func trimmingSpacesAndTabsAsFoundationDid() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = [" ", "\t", "\n", "\r", "\u{A0}", "\u{2003}", "\u{3000}", "\u{200B}", "\u{180E}", "1", ".", "5"]
        for _ in 0..<5_000 {
            let text = Self.randomText(alphabet, &generator)
            #expect(text.trimmingSpacesAndTabs == text.trimmingCharacters(in: .whitespaces), "\(text.debugDescription)")
        }
    }
}
