import TestSupport

/// Random notebooks that mix everything the format allows and much it does not: prose with
/// math, code spans and dollars; fences of every kind, open and closed; computation blocks
/// with and without outputs; lists and quotes holding them; CRLF; a missing final newline;
/// a byte-order mark.
struct RandomNotebook {
    var random: SeededGenerator

    init(seed: UInt64) { random = SeededGenerator(seed: seed) }

    mutating func pick<T>(_ choices: [T]) -> T { choices[Int.random(in: 0..<choices.count, using: &random)] }
    mutating func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &random) < percent }

    static let words = [
        "loss", "gradient", "the", "chain", "rule", "$w_{jk} * x_k$", "$a*b*c$", "$$E = \\frac{1}{2}$$", "$5", "$10",
        "`code $x$`", "*emph*", "**strong**", "[link](http://a.b/$c$)", "<b>", "\\$", "$\\{x\\}$", "$a \\\\ b$",
        "学习", "🙂", "é", "\t", "$x $", "$ x$", "$x$5", "<!-- $c$ -->", "_under_", "$[a](b)$", "$a<b>c$", "&amp;",
        "``", "~~~", "```", "\\", ">", "-", "1.", "#",
    ]

    mutating func inlineText() -> String {
        (0..<Int.random(in: 1...8, using: &random)).map { _ in pick(Self.words) }.joined(separator: pick([" ", " ", "", "  "]))
    }

    mutating func fence() -> String {
        pick(["```", "```", "~~~", "````", "~~~~~"])
    }

    /// Lines of one block at the top level or in a container.
    mutating func block(depth: Int) -> [String] {
        switch Int.random(in: 0..<12, using: &random) {
        case 0: return ["#" + String(repeating: "#", count: Int.random(in: 0...6, using: &random)) + " " + inlineText()]
        case 1, 2: return (0..<Int.random(in: 1...3, using: &random)).map { _ in inlineText() }
        case 3, 4, 5:
            let f = fence()
            var lines = [f + pick(["backprop", "backprop hide", "backprop error", "backprop  hide  x"])]
            lines += (0..<Int.random(in: 0...3, using: &random)).map { _ in pick(["x = 1", "", "  y = $x$", "```", "f(x)\t# tab"]) }
            if chance(93) { lines.append(f) }
            if chance(60) {
                if chance(50) { lines.append("") }
                let g = fence()
                lines.append(g + pick(["output", "output 3f9a2c1e", "output  a b"]))
                lines += (0..<Int.random(in: 0...3, using: &random)).map { _ in pick(["1", "", "(1, 2)", "  [[0],", "学习 🙂"]) }
                if chance(95) { lines.append(g) }
            }
            return lines
        case 6:
            let f = fence()
            return [f + pick(["", "python", "output"]), inlineText(), f]
        case 7 where depth < 3:
            let inner = block(depth: depth + 1) + (chance(50) ? [""] : []) + block(depth: depth + 1)
            let marker = pick(["- ", "* ", "1. ", "10) "])
            let pad = String(repeating: " ", count: marker.count)
            return inner.enumerated().map { index, line in
                index == 0 ? marker + line : (line.isEmpty ? "" : pad + line)
            }
        case 8 where depth < 3:
            let inner = block(depth: depth + 1) + block(depth: depth + 1)
            return inner.map { line in pick(["> ", ">"]) + line }
        case 9: return ["    indented $x$ code", "    more"]
        case 10: return ["<div>", "$x$ in <b>html</b>", "</div>"]
        default: return [pick(["---", "***", "Title $x$", "===", ""])]
        }
    }

    mutating func notebook() -> [UInt8] {
        var lines: [String] = []
        if chance(30) {
            lines += ["---", "title: " + pick(["XOR", "\"a: b\"", "<script>"]), pick(["order: 2", "date: 2024-01-05", "bad: [", "x: 1"])]
            if chance(90) { lines.append(pick(["---", "..."])) }
        }
        for _ in 0..<Int.random(in: 0...8, using: &random) {
            lines += block(depth: 0)
            if chance(70) { lines.append("") }
        }
        let lineBreak = pick(["\n", "\n", "\r\n"])
        var text = lines.joined(separator: lineBreak)
        if chance(80), !lines.isEmpty { text += lineBreak }
        var bytes = Array(text.utf8)
        if chance(10) { bytes = [0xEF, 0xBB, 0xBF] + bytes }
        return bytes
    }

    /// A record text that may fight with fences and containers.
    mutating func outputText() -> String {
        (0..<Int.random(in: 0...4, using: &random)).map { _ in
            pick(["1", "", "```", "````", "~~~", "  indented", "\ttab", "> quote", "- item", "$x$", "学习 🙂", "(1, 2)", "trailing  "])
        }.joined(separator: "\n")
    }
}
