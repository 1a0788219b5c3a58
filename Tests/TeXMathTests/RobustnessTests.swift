import Foundation
import Testing
@testable import TeXMath
import TestSupport

/// Whatever the input, rendering terminates quickly, never crashes and writes well-formed XML.
@Suite struct RobustnessTests {
    /// TeX-ish pieces, valid and broken, that random formulas are made of.
    static let pieces: [String] = [
        "x", "y_", "^", "_", "'", "2", "0.5", ".", "+", "-", "=", "<", ">", "&", "\"", "{", "}", "{}",
        "[", "]", "(", ")", "|", " ", "~", "%", "\n", "$", "\\", "\\\\", "\\frac", "\\frac{a}{b}",
        "\\sqrt", "\\sqrt[", "\\left(", "\\left", "\\right)", "\\right", "\\middle|", "\\big(",
        "\\begin{pmatrix}", "\\end{pmatrix}", "\\begin{aligned}", "\\end{aligned}", "\\begin{foo}",
        "\\begin{array}{lc", "\\end{", "\\begin", "\\end", "\\text{", "\\text", "\\textbf{",
        "\\operatorname{", "\\operatorname*", "\\mathbf", "\\mathbb{", "\\boldsymbol", "\\sum",
        "\\int", "\\lim", "\\limits", "\\nolimits", "\\hat", "\\overbrace{", "\\underbrace",
        "\\alpha", "\\Gamma", "\\foo", "\\,", "\\!", "\\quad", "\\displaystyle", "\\not", "\\substack{",
        "\\binom", "\\overset", "\\cdots", "\\{", "\\}", "\\#", "\\&", "é", "😀", "\u{0}", "\u{1}",
        "\u{FFFE}", "\u{FFFF}", "\u{202E}", "\u{0301}", "\u{FEFF}", "\u{A0}",
        // Macros, numbering, references and the constructs added with them.
        "\\newcommand{\\a}", "\\newcommand", "[1]", "[2][x]", "#1", "#", "##", "\\def\\a#1#2", "\\def",
        "\\renewcommand{\\frac}", "\\let\\b\\a", "\\a", "\\b", "\\DeclareMathOperator*{\\c}", "\\c",
        "\\tag{", "\\tag*", "\\label{x}", "\\label{", "\\eqref{x}", "\\ref{", "\\notag", "\\begin{align}",
        "\\end{align}", "\\begin{equation}", "\\end{equation}", "\\begin{multline}", "\\begin{cases*}",
        "\\over", "\\choose", "\\above", "2pt", "\\xrightarrow[", "\\boxed{", "\\cancel", "\\color{red}",
        "\\color{", "\\textcolor{#f00}", "\\colorbox{", "\\phantom{", "\\smash[", "\\llap{", "\\hspace{",
        "\\kern", "-1.5em", "\\verb|", "|", "\\char\"", "\\rm", "\\large", "\\mathop{", "\\pmod{", "\\Set{",
        "\\raisebox{", "\\genfrac", "\\text{\\'", "\\noexpand",
    ]

    static func randomTeX(_ generator: inout SeededGenerator) -> String {
        if Int.random(in: 0..<10, using: &generator) == 0 {
            // Raw bytes, decoded the way a file reader would (invalid UTF-8 becomes U+FFFD).
            let bytes = (0..<Int.random(in: 0..<80, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            return String(decoding: bytes, as: UTF8.self)
        }
        let count = Int.random(in: 0..<40, using: &generator)
        return (0..<count).map { _ in pieces.randomElement(using: &generator)! }.joined()
    }

    /// What the annotation must hold: the source, with characters XML cannot carry replaced.
    static func annotationText(for tex: String) -> String {
        String(String.UnicodeScalarView(tex.unicodeScalars.map { scalar in
            switch scalar.value {
            case 0x9, 0xA, 0xD, 0x20...0xFFFD: return scalar
            case 0x10000...: return scalar
            default: return "\u{FFFD}"
            }
        }))
    }

    /// Parses the output and checks what every rendering must satisfy.
    static func check(_ tex: String, display: Bool) throws {
        let rendered = MathRenderer().render(tex, display: display)
        let tree = try XMLTree.parse(rendered.mathML)
        #expect(tree.name == "math", "input: \(tex.debugDescription)")
        #expect(tree.children.count == 1 && tree.children[0].name == "semantics")
        let semantics = tree.children[0]
        #expect(semantics.children.count == 2, "semantics needs one presentation child, then the annotation")
        #expect(semantics.children.last?.textContent == annotationText(for: tex), "input: \(tex.debugDescription)")
        let length = tex.unicodeScalars.count
        for warning in rendered.warnings {
            #expect(warning.offset >= 0 && warning.length >= 1 && warning.offset + warning.length <= max(length, 1),
                    "warning \(warning) outside input: \(tex.debugDescription)")
        }
    }

    @Test func randomTeXAlwaysGivesWellFormedMathML() throws {
        var generator = SeededGenerator(seed: 20_240_601)
        let clock = ContinuousClock()
        let start = clock.now
        for iteration in 0..<2500 {
            let tex = Self.randomTeX(&generator)
            try Self.check(tex, display: iteration % 2 == 0)
        }
        #expect(clock.now - start < .seconds(20))
    }

    /// Random formulas threaded through one context, as a notebook's are: definitions and
    /// numbers carried from one to the next never break a later formula.
    @Test func randomFormulasShareAContextSafely() throws {
        var generator = SeededGenerator(seed: 20_251_207)
        var context = MathContext()
        let clock = ContinuousClock()
        let start = clock.now
        for iteration in 0..<1500 {
            let tex = Self.randomTeX(&generator)
            let rendered = MathRenderer().render(tex, display: iteration % 3 != 0, context: &context)
            _ = try XMLTree.parse(rendered.mathML)
            let length = tex.unicodeScalars.count
            for warning in rendered.warnings + rendered.references.map({ MathWarning(message: "", offset: $0.offset, length: max($0.length, 1)) }) {
                #expect(warning.offset >= 0 && warning.offset + warning.length <= max(length, 1), "\(warning) outside \(tex.debugDescription)")
            }
        }
        #expect(clock.now - start < .seconds(30))
    }

    /// Deep nesting of each kind (100,000 braces; 10,000 levels of the rest, still 200 times
    /// the limit) must stop at the nesting limit with a warning.
    @Test(arguments: [
        ("{", "x", "}"),
        ("{", "x", ""),
        (#"\frac{"#, "x", "}{y}"),
        (#"\frac"#, "x", ""),
        (#"\sqrt{"#, "x", "}"),
        (#"\sqrt["#, "x", "]{y}"),
        (#"x^{"#, "x", "}"),
        (#"\hat"#, "x", ""),
        (#"\left("#, "x", #"\right)"#),
        (#"\begin{pmatrix}"#, "x", #"\end{pmatrix}"#),
        (#"\text{$"#, "x", "$}"),
        (#"\displaystyle "#, "x", ""),
        (#"\mathbf{"#, "x", "}"),
        (#"\operatorname{\sqrt{"#, "x", "}}"),
    ])
    func deepNestingStopsAtTheLimit(open: String, middle: String, close: String) throws {
        let depth = open == "{" ? 100_000 : 10_000
        let tex = String(repeating: open, count: depth) + middle + String(repeating: close, count: depth)
        let clock = ContinuousClock()
        let start = clock.now
        let rendered = MathRenderer().render(tex, display: true)
        #expect(clock.now - start < .seconds(5))
        _ = try XMLTree.parse(rendered.mathML)
        #expect(rendered.warnings.contains { $0.message.hasPrefix("formula nested more than") })
    }

    @Test(arguments: [String(repeating: "}", count: 20_000), String(repeating: "^", count: 20_000),
                      String(repeating: "'", count: 100_000), String(repeating: "x_", count: 20_000),
                      String(repeating: #"\right)"#, count: 20_000), String(repeating: "&", count: 20_000)])
    func longRunsOfBrokenInputAreLinear(tex: String) throws {
        let clock = ContinuousClock()
        let start = clock.now
        let rendered = MathRenderer().render(tex, display: false)
        #expect(clock.now - start < .seconds(5))
        _ = try XMLTree.parse(rendered.mathML)
    }

    /// A dimension of any size is a length, capped at a billion em, not an overflow (the
    /// count of ten-thousandths once trapped past 2^63, and would past 2^31 in WebAssembly).
    @Test func hugeDimensionsAreCapped() throws {
        let rendered = MathRenderer().render(#"a\kern 99999999999999999999em b\kern 123456.78901em c"#, display: false)
        _ = try XMLTree.parse(rendered.mathML)
        #expect(rendered.mathML.contains("width=\"1000000000em\""))
        #expect(rendered.mathML.contains("width=\"123456.789em\""))
    }

    /// The nesting limit keeps recursion within the half-megabyte stack of a secondary thread
    /// (the macOS default), even in a debug build.
    @Test func deepestFormulaFitsInASmallStack() async throws {
        let depth = MathRenderer.maximumNesting + 5
        let formulas = [
            String(repeating: #"\frac{\sqrt{\left(x^{"#, count: depth) + String(repeating: #"}\right)}}{y}"#, count: depth),
            String(repeating: #"\begin{pmatrix}\text{$\hat{\mathbf{"#, count: depth) + String(repeating: #"}}$}\end{pmatrix}"#, count: depth),
        ]
        for tex in formulas {
            let result: Bool = await withCheckedContinuation { continuation in
                let thread = Thread {
                    let rendered = MathRenderer().render(tex, display: true)
                    continuation.resume(returning: rendered.mathML.hasSuffix("</math>"))
                }
                thread.stackSize = 512 * 1024
                thread.start()
            }
            #expect(result)
        }
    }

    @Test func megabyteFormulaRendersInLinearTime() throws {
        let unit = #"\frac{\partial E}{\partial w_{jk}} = \delta_k a_j + \sum_{i=1}^{n} \left( x_i^2 \right) \\ "#
        let tex = String(repeating: unit, count: 1_000_000 / unit.utf8.count + 1)
        let clock = ContinuousClock()
        let start = clock.now
        let rendered = MathRenderer().render(tex, display: true)
        let elapsed = clock.now - start
        #expect(rendered.warnings.isEmpty)
        #expect(elapsed < .seconds(10), "1 MB took \(elapsed)")
        // A tenth of the input should take about a tenth of the time (generously: a third).
        let small = String(tex.prefix(tex.count / 10))
        let smallStart = clock.now
        _ = MathRenderer().render(small, display: true)
        let smallElapsed = clock.now - smallStart
        #expect(elapsed < smallElapsed * 30 + .milliseconds(200), "not linear: \(smallElapsed) for 100 kB, \(elapsed) for 1 MB")
    }

    @Test func megabyteOfGarbageRendersQuickly() throws {
        var generator = SeededGenerator(seed: 7)
        var tex = ""
        while tex.utf8.count < 1_000_000 { tex += Self.pieces.randomElement(using: &generator)! }
        let clock = ContinuousClock()
        let start = clock.now
        let rendered = MathRenderer().render(tex, display: false)
        #expect(clock.now - start < .seconds(10))
        #expect(rendered.warnings.count == MathRenderer.maximumWarnings)
        #expect(rendered.mathML.hasSuffix("</annotation></semantics></math>"))
    }
}
