import Foundation
import Testing
@testable import Document

/// Timings of large and hostile notebooks. The full-size run is opt-in (it wants a release
/// build): `CHAINRULE_PERF=1 swift test -c release --filter PerformanceTests` after
/// `swift build -c release --build-tests -Xswiftc -enable-testing`. The hostile inputs also run
/// at a smaller size in every test run, to catch anything quadratic.
@Suite struct PerformanceTests {
    static let fullSize = ProcessInfo.processInfo.environment["CHAINRULE_PERF"] != nil

    static func bigNotebook(bytes target: Int) throws -> [UInt8] {
        // The XOR notebook without its front matter (its first seven lines).
        let lines = try Fixtures.bytes("xor.md").split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        let chunk: [UInt8] = Array(lines.dropFirst(7).joined(separator: [UInt8(ascii: "\n")]))
        var result: [UInt8] = []
        result.reserveCapacity(target + chunk.count)
        while result.count < target { result += chunk + [UInt8(ascii: "\n")] }
        return result
    }

    /// CPU seconds of this thread: on a shared machine, wall time mostly measures the others.
    static func cpuSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    static func time(_ label: String, _ body: () throws -> Void) rethrows -> Duration {
        let clock = ContinuousClock()
        let cpu = cpuSeconds()
        let elapsed = try clock.measure(body)
        print("\(label): \(elapsed) wall, \(String(format: "%.3f", cpuSeconds() - cpu)) s CPU")
        return elapsed
    }

    @Test(.enabled(if: fullSize)) func tenMegabyteNotebook() throws {
        let bytes = try Self.bigNotebook(bytes: 10_000_000)
        var notebook: Notebook?
        let parse = try Self.time("parse 10 MB (\(bytes.count) bytes)") {
            notebook = try Notebook.parse(path: "big.md", bytes: bytes)
        }
        let parsed = try #require(notebook)
        print("  blocks \(parsed.blocks.count), outputs \(parsed.outputs.count)")
        let records = parsed.blocks.map { _ in Optional(OutputRecord(text: "changed")) }
        _ = Self.time("rewrite every output") { _ = parsed.rewritingOutputs(records) }
        // A regression guard with room for a busy machine; the figures above are the report.
        #expect(parse < .seconds(3))
    }

    @Test(.enabled(if: fullSize)) func hundredThousandLineBlock() throws {
        var text = "# Big\n\n```backprop\n"
        for index in 0..<100_000 { text += "x\(index) = \(index) * $w_{jk}$\n" }
        text += "```\n"
        let bytes = Array(text.utf8)
        var notebook: Notebook?
        let parse = try Self.time("parse a block of 100,000 lines (\(bytes.count) bytes)") {
            notebook = try Notebook.parse(path: "block.md", bytes: bytes)
        }
        #expect(notebook?.blocks.first?.columnOffsets.count == 100_000)
        #expect(parse < .seconds(2))
    }

    /// Inputs built to make a naive scanner quadratic.
    @Test(arguments: ["dollars", "comments", "backticks", "tags", "math", "quotes"])
    func hostileParagraphsStayFast(kind: String) throws {
        let count = Self.fullSize ? 200_000 : 20_000
        let unit: (Int) -> String = switch kind {
        case "dollars": { _ in "$a " }
        case "comments": { _ in "<!-- " }
        case "backticks": { String(repeating: "`", count: $0 % 50 + 1) + " " }
        case "tags": { _ in "<a b=1 " }
        case "math": { _ in "$x$ " }
        default: { _ in "> " }
        }
        // "x " first, so that the line is a paragraph and not an HTML block.
        let text = "x " + (0..<count).map(unit).joined() + "\n"
        let elapsed = try Self.time("\(kind) x \(count)") {
            let notebook = try Notebook.parse(path: "h.md", bytes: Array(text.utf8))
            #expect(notebook.rewritingOutputs(notebook.currentRecords).count == text.utf8.count)
        }
        #expect(elapsed < .seconds(Self.fullSize ? 2 : 10))
    }
}
