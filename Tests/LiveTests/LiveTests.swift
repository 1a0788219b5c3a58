import Diagnostics
import Document
import Foundation
import Drawing
import Live
import Pipeline
import Language
import Runtime
import Testing

/// The repository's notebooks/ folder.
let shippedNotebooks: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("notebooks")

/// What the endpoint answers to `request`, read back as JSON.
func ask(_ endpoint: LiveEndpoint, _ request: JSON) throws -> JSON {
    try JSON.parse(endpoint.handle(request.text))
}

@Suite struct JSONTests {
    @Test func readsBackWhatItWrites() throws {
        let value = JSON.object([
            ("text", .string("line\none \"quoted\" \\ tab\t</script> \u{1} é 😀 \u{2028}")),
            ("numbers", .array([.number(0), .number(-3), .number(0.1), .number(1e-300), .number(123456789012), .number(2.5e20)])),
            ("flags", .array([.bool(true), .bool(false), .null])),
            ("empty", .object([])), ("nothing", .array([])),
        ])
        let text = value.text
        #expect(!text.contains("</script"), "a page's <script> must not be closed by a string")
        #expect(try JSON.parse(text) == value)
        #expect(try JSON.parse(" { \"a\" : [ 1 , 2.5e1, -0.5E-1 ] , \"\\u00e9\\ud83d\\ude00\" : \"x\" } ")
            == .object([("a", .array([.number(1), .number(25), .number(-0.05)])), ("é😀", .string("x"))]))
    }

    @Test(arguments: ["", "{", "[1,]", "{\"a\" 1}", "\"open", "01x", "nul", "[1] 2", "\"\\q\"", "\"\\ud800\""])
    func refusesWhatIsNotJSON(_ text: String) {
        #expect(throws: JSON.ParseError.self) { try JSON.parse(text) }
    }

    @Test func refusesNestingPastItsDepth() {
        #expect(throws: JSON.ParseError.self) { try JSON.parse(String(repeating: "[", count: 600) + String(repeating: "]", count: 600)) }
        #expect(throws: Never.self) { try JSON.parse(String(repeating: "[", count: 500) + String(repeating: "]", count: 500)) }
    }
}

@Suite struct LiveProgramTests {
    @Test func aNotebooksProgramReadsBackAsItWasWritten() throws {
        let run = NotebookRunner.run(try NotebookLoader.load(shippedNotebooks.appendingPathComponent("language.md").path))
        let program = LiveProgram(run)
        #expect(program.blocks.count == run.notebook.blocks.count)
        #expect(program.files.map(\.path) == ["data/points.csv"])
        #expect(try LiveProgram(json: JSON.parse(program.json.text)) == program)
    }

    @Test func shipsOnlyFilesThatHoldData() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("live-files-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "x,y\n1,2\n3,4\n".write(to: folder.appendingPathComponent("points.csv"), atomically: true, encoding: .utf8)
        try "password=hunter2\n".write(to: folder.appendingPathComponent("secret.txt"), atomically: true, encoding: .utf8)
        try "".write(to: folder.appendingPathComponent("chainrule.yml"), atomically: true, encoding: .utf8)
        let path = folder.appendingPathComponent("n.md").path
        try "```backprop\nload(\"points.csv\")\n```\n\n```backprop error\nload(\"secret.txt\")\n```\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        let program = LiveProgram(NotebookRunner.run(try NotebookLoader.load(path)))
        #expect(program.files.map(\.path) == ["points.csv"])
        #expect(program.files.first?.text == "1,2\n3,4\n", "the numbers, not the header")
        #expect(!program.json.text.contains("hunter2"))
    }

    @Test func aPageCannotRaiseTheCaps() throws {
        let json = try JSON.parse("{\"version\":1,\"path\":\"n.md\",\"limits\":{\"timeout\":1e9,\"max_elements\":1e12},\"blocks\":[]}")
        let program = try LiveProgram(json: json)
        #expect(program.limits.timeBudget == ExecutionLimits.caps.timeBudget)
        #expect(program.limits.tensorElements == ExecutionLimits.caps.tensorElements)
    }
}

@Suite struct LiveSessionTests {
    func program(_ blocks: [String], options: [[String]] = []) -> LiveProgram {
        var line = 1
        let blocks = blocks.enumerated().map { index, code in
            defer { line += code.split(separator: "\n", omittingEmptySubsequences: false).count + 3 }
            return LiveProgram.Block(code: code, origin: SourceOrigin(firstLine: line + 1), fence: line,
                                     options: index < options.count ? options[index] : [], closed: true)
        }
        return LiveProgram(path: "n.md", limits: ExecutionLimits(), files: [], blocks: blocks)
    }

    @Test func everyShippedNotebookPrintsWhatTheCLIRunPrints() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: shippedNotebooks.path).filter { $0.hasSuffix(".md") }.sorted()
        #expect(names.count >= 10)
        for name in names {
            let run = NotebookRunner.run(try NotebookLoader.load(shippedNotebooks.appendingPathComponent(name).path))
            guard !run.notebook.blocks.isEmpty else { continue }
            let session = LiveSession(program: LiveProgram(run))
            let outcomes = session.run(run.notebook.blocks.count - 1)
            #expect(outcomes.count == run.notebook.blocks.count, "\(name)")
            for outcome in outcomes {
                let expected = run.recordedText(outcome.index) ?? run.partialText(outcome.index)
                #expect(outcome.printedText == expected, "\(name), block \(outcome.index)")
            }
        }
    }

    @Test func runsOnlyTheBlockWhenTheStateBeforeItIsKept() {
        let session = LiveSession(program: program(["x = 1", "x = x + 1\nx", "x * 10"]))
        #expect(session.run(1).map { $0.printedText } == [nil, "2"])
        // Block 2 follows the kept state after block 1.
        #expect(session.run(2).map { $0.index } == [2])
        // Running block 1 again needs the state before it: everything reruns, so x is 2 again.
        #expect(session.run(1).map { $0.printedText } == [nil, "2"])
    }

    @Test func eachRunHasTheWholeTimeBudget() {
        var page = program(["x = 1", "s = 0\nfor i in 0..<200000 { s = s + i }\ns", "x"])
        page.limits.timeBudget = 0.3
        let session = LiveSession(program: page)
        _ = session.run(0)
        // Long after the interpreter was made, the kept state still runs with a full budget.
        let start = MonotonicClock.nanoseconds
        while MonotonicClock.nanoseconds - start < 400_000_000 {}
        #expect(session.run(1).map { $0.printedText } == ["19999900000"])
        #expect(session.run(2).first?.result?.failed == false)
    }

    @Test func anEditRunsTheBlocksBeforeItAgainWithTheEdit() {
        let session = LiveSession(program: program(["x = 1", "x + 1"]))
        _ = session.run(1)
        let outcomes = session.run(1, edits: [0: "x = 41"])
        #expect(outcomes.map { $0.index } == [0, 1])
        #expect(outcomes.last?.printedText == "42")
    }

    @Test func aMovedSliderGivesItsValueAndTheSpecItsDefault() throws {
        let endpoint = LiveEndpoint()
        let page = program(["lr = slider(0.5, from: 0, to: 1, step: 0.1)\nlr * 2"])
        #expect(try ask(endpoint, .object([("load", page.json)])) == .object([("ok", .bool(true))]))
        let first = try ask(endpoint, .object([("run", .number(0))]))
        #expect(first["blocks"]?.array?.first?["text"] == .string("1"))
        let spec = try #require(first["blocks"]?.array?.first?["sliders"]?.array?.first)
        #expect(spec["line"] == .number(2) && spec["column"] == .number(6) && spec["default"] == .number(0.5))
        let moved = try ask(endpoint, .object([("run", .number(0)), ("sliders", .object([("2:6", .number(0.72))]))]))
        #expect(moved["blocks"]?.array?.first?["text"] == .string("1.4"))
    }

    @Test func failuresAreReportedAsTheCLIReportsThem() throws {
        let endpoint = LiveEndpoint()
        let page = program(["y = [1, 2] + [1, 2, 3]", "y", "[1] + [1, 2]", "1"], options: [[], [], ["error"], ["error"]])
        _ = try ask(endpoint, .object([("load", page.json)]))
        let answer = try ask(endpoint, .object([("run", .number(3))]))
        let blocks = try #require(answer["blocks"]?.array)
        #expect(blocks.map { $0["failed"] } == [.bool(true), .bool(false), .bool(false), .bool(false)])
        #expect(blocks.map { $0["skipped"] } == [.bool(false), .bool(true), .bool(true), .bool(true)])
        let diagnostics = try #require(blocks[0]["diagnostics"]?.string)
        #expect(diagnostics.hasPrefix("n.md:2:5: error: shapes [2] and [3] do not fit addition"))
        #expect(diagnostics.contains(" 2 | y = [1, 2] + [1, 2, 3]"))
        let marked = LiveSession(program: program(["1"], options: [["error"]])).run(0)
        #expect(marked.first?.problems.map(\.message) == ["the block is marked 'error' but ran without one"])
    }

    @Test func badRequestsGetAnErrorNotACrash() throws {
        let endpoint = LiveEndpoint()
        for request in ["not json", "{}", "{\"run\": 0}", "{\"load\": {\"version\": 9}}"] {
            #expect(try JSON.parse(endpoint.handle(request))["error"]?.string != nil, "\(request)")
        }
        _ = try ask(endpoint, .object([("load", program(["1"]).json)]))
        #expect(try ask(endpoint, .object([("run", .number(5))]))["error"] != nil)
    }
}

@Suite struct LivePageDrawingTests {
    /// The course built as a live site (with a stand-in module: the build only copies its
    /// bytes), then every page's program run by the endpoint: each block's drawing must be
    /// the page's own, byte for byte, figures and their numbers included.
    @Test func aRunBlockIsDrawnAsTheBuildDrewIt() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("live-pages-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: shippedNotebooks, to: root.appendingPathComponent("notebooks"))
        let repository = shippedNotebooks.deletingLastPathComponent()
        for name in ["chainrule.yml"] where FileManager.default.fileExists(atPath: repository.appendingPathComponent(name).path) {
            try FileManager.default.copyItem(at: repository.appendingPathComponent(name), to: root.appendingPathComponent(name))
        }
        let module = root.appendingPathComponent("module.wasm")
        try Data([0, 0x61, 0x73, 0x6D, 1, 0, 0, 0]).write(to: module)
        var options = SiteBuildOptions(paths: [root.appendingPathComponent("notebooks").path], output: root.appendingPathComponent("site").path,
                                       projectRoot: root.path, toolVersion: "test", jobs: 2)
        options.liveModule = module.path
        let report = SiteBuilder.build(options)
        #expect(!report.diagnostics.contains { $0.severity == .error }, "\(report.diagnostics)")
        var drawn = 0, figures = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("site").path) where name.hasSuffix(".html") {
            let page = try String(contentsOf: root.appendingPathComponent("site").appendingPathComponent(name), encoding: .utf8)
            let opening = "<script type=\"application/json\" id=\"cr-live-program\">"
            guard let start = page.range(of: opening) else { continue }
            let rest = page[start.upperBound...]
            let json = String(rest[..<rest.range(of: "</script>")!.lowerBound])
            let endpoint = LiveEndpoint()
            let program = try JSON.parse(json)
            let count = try #require(program["blocks"]?.array?.count)
            #expect(try ask(endpoint, .object([("load", program)]))["ok"] == .bool(true))
            let answer = try ask(endpoint, .object([("run", .number(Double(count - 1)))]))
            for block in answer["blocks"]?.array ?? [] {
                let html = try #require(block["html"]?.string)
                // (Foundation's contains is false for an empty string: a block that shows nothing.)
                #expect(html.isEmpty || page.contains(html), "\(name), block \(block["index"]?.int ?? -1)")
                drawn += html.isEmpty ? 0 : 1
                figures += html.components(separatedBy: "<svg").count - 1
            }
            let highlighted = try ask(endpoint, .object([("highlight", .string("x = 1 # one"))]))["html"]?.string
            #expect(highlighted?.contains("x") == true)
        }
        #expect(drawn > 50 && figures > 10, "the course draws many outputs and figures (\(drawn), \(figures))")
    }
}
