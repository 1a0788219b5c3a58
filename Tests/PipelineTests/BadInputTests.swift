import Foundation
import TestSupport
import Testing

/// A project folder for one case, written byte for byte, that can say exactly what a command
/// changed in it (every file, hidden ones included).
final class Fixture {
    let root: URL

    init(_ files: [String: [UInt8]]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("chainrule-bad-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("notebooks"), withIntermediateDirectories: true)
        for (name, bytes) in files { try write(name, bytes) }
    }

    deinit {
        // Read-only files and folders a case made must not stop the clean-up.
        if let walker = FileManager.default.enumerator(atPath: root.path) {
            while let relative = walker.nextObject() as? String { chmod(root.appendingPathComponent(relative).path, 0o755) }
        }
        try? FileManager.default.removeItem(at: root)
    }

    func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    func write(_ relative: String, _ bytes: [UInt8]) throws {
        let url = root.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    func read(_ relative: String) -> [UInt8] {
        FileManager.default.contents(atPath: path(relative)).map { [UInt8]($0) } ?? []
    }

    /// Every entry under the root: files by their bytes, links by their target, folders as such.
    func snapshot() -> [String: [UInt8]] {
        var entries: [String: [UInt8]] = [:]
        guard let walker = FileManager.default.enumerator(atPath: root.path) else { return entries }
        while let relative = walker.nextObject() as? String {
            let full = path(relative)
            var status = stat()
            guard lstat(full, &status) == 0 else { continue }
            switch status.st_mode & S_IFMT {
            case S_IFLNK: entries[relative] = Array("link -> \((try? FileManager.default.destinationOfSymbolicLink(atPath: full)) ?? "?")".utf8)
            case S_IFDIR: entries[relative + "/"] = []
            case S_IFREG where status.st_size > 32 << 20:
                // Not read: its size and modification time stand for it.
                entries[relative] = Array("\(status.st_size) bytes, modified \(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec)".utf8)
            default: entries[relative] = read(relative)
            }
        }
        return entries
    }

    func run(_ arguments: [String]) throws -> Command.Result {
        try Command.run(arguments, in: root)
    }
}

/// One bad, odd, enormous or hostile input, and how every command must end on it.
struct BadInput: Sendable, CustomTestStringConvertible {
    let name: String
    /// The project's files (the notebook is `notebooks/n.md` unless a case says otherwise).
    var files: [String: [UInt8]]
    /// What each of `check`, `update` and `run` prints (stdout and stderr together).
    var messages: [String]
    /// Exit code of `update` and `run` (`check` also fails on the missing records of a notebook that runs).
    var status: Int32 = 1
    /// The notebook given to `run` (nil: `run` is not tried).
    var notebook: String? = "notebooks/n.md"
    /// Paths given to `check` and `update`.
    var paths: [String] = []
    /// Run before the commands, in the project folder.
    var setup: (@Sendable (Fixture) throws -> Void)?
    /// For a case that works: what the updated notebook must look like (beyond passing `check`).
    var updated: (@Sendable ([UInt8]) -> Bool)?
    /// A slow case (seconds in a debug build): only `update` (and `check` after it, for one
    /// that works), the command that could do harm.
    var heavy = false

    var testDescription: String { name }

    static func notebook(_ text: String, _ messages: [String], status: Int32 = 1) -> BadInput {
        BadInput(name: "", files: ["notebooks/n.md": Array(text.utf8)], messages: messages, status: status)
    }

    func named(_ name: String) -> BadInput {
        BadInput(name: name, files: files, messages: messages, status: status, notebook: notebook, paths: paths,
                 setup: setup, updated: updated, heavy: heavy)
    }

    var slow: BadInput {
        var copy = self
        copy.heavy = true
        return copy
    }
}

/// The table of issue 7: every bad input through the real `chainrule` binary, with its
/// diagnostic (file:line:col), its exit code, and the files on disk before and after.
///
/// For each case: `update` either leaves every byte of the project as it was (a case that
/// fails) or writes records and nothing else (a case that works), and `run` says the same and
/// writes nothing. Then all cases at once: `check` reports every failing one and writes
/// nothing; after `update`, `check` passes on every working one and a second `update`
/// changes no byte.
@Suite struct BadInputTests {
    static let n = "notebooks/n.md"

    static func block(_ code: String, frontMatter: String = "") -> String {
        (frontMatter.isEmpty ? "" : "---\ntitle: T\n\(frontMatter)---\n") + "# T\n\n```backprop\n\(code)\n```\n"
    }

    static let failing: [BadInput] = [
        BadInput.notebook("# T\n\n```backprop\nx = 1\nx\n", ["notebooks/n.md:3:1: error: unclosed code fence"])
            .named("an unclosed fence"),
        BadInput.notebook("# T\n\n~~~~backprop\nx = 1\n~~~\n", ["notebooks/n.md:3:1: error: unclosed code fence"])
            .named("a fence of tildes closed by a shorter one"),
        BadInput.notebook("# T\n\n```backprop\nx = 1\nx\n```\n\n```output\n1\n", ["notebooks/n.md:8:1: error: unclosed output block"])
            .named("an unclosed output fence"),
        BadInput.notebook("# T\n\n```output\n1\n```\n", ["notebooks/n.md:3:1: error: output block with no computation block before it"])
            .named("an output block with no block before it"),
        BadInput(name: "bytes that are not UTF-8", files: [n: Array("# T\n\nab".utf8) + [0xFF] + Array("cd\n".utf8)],
                 messages: ["notebooks/n.md:3:3: error: the file is not valid UTF-8", "byte 0xFF at offset 7"]),
        BadInput(name: "a UTF-16 surrogate encoded in UTF-8", files: [n: Array("x".utf8) + [0xED, 0xA0, 0x80]],
                 messages: ["notebooks/n.md:1:2: error: the file is not valid UTF-8"]),
        BadInput.notebook(block(String(repeating: "(", count: 100_000) + "1" + String(repeating: ")", count: 100_000)),
                          ["notebooks/n.md:4:201: error: expression nested too deeply (more than 200 levels)"])
            .named("an expression nested 100,000 deep").slow,
        BadInput.notebook(block("1" + String(repeating: " + 1", count: 100_000)),
                          ["notebooks/n.md:4:4001: error: expression nested too deeply (more than 1000 operations inside one another)"])
            .named("a chain of 100,000 operators").slow,
        BadInput.notebook(block(String(repeating: "if true { ", count: 10_000) + String(repeating: "}", count: 10_000)),
                          ["notebooks/n.md:4:2004: error: expression nested too deeply (more than 200 levels)"])
            .named("blocks nested 10,000 deep"),
        BadInput.notebook(block("fn f(n) { f(n + 1) }\nf(0)"),
                          ["notebooks/n.md:4:11: error: recursion deeper than 1000 calls in f"])
            .named("a function that recurses forever"),
        BadInput.notebook(block("fn f(n) { " + String(repeating: "-(", count: 95) + "f(n + 1)" + String(repeating: " + 0", count: 400)
                                    + String(repeating: ")", count: 95) + " }\nf(0)",
                                frontMatter: "max_recursion: 10000\n"),
                          ["notebooks/n.md:8:201: error: recursion too deep for the stack after "])
            .named("recursion through deep expressions at the largest cap"),
        BadInput.notebook(block("x = 0\nwhile true { x = x + 1 }", frontMatter: "timeout: 0.2\n"),
                          ["notebooks/n.md:9:1: error: the notebook ran past its time budget of 0.2 s"])
            .named("an infinite loop"),
        BadInput.notebook(block("x = zeros(3000, 3000)\nsum(x @ x)", frontMatter: "timeout: 0.1\n"),
                          ["notebooks/n.md:7:1: error: the notebook ran past its time budget of 0.1 s in one long operation of this block"])
            .named("one operation longer than the time budget").slow,
        BadInput.notebook(block("zeros(1000000, 1000000)"),
                          ["notebooks/n.md:4:1: error: a tensor of shape [1000000, 1000000] would have 1000000000000 elements, more than the limit of 134217728"])
            .named("a tensor of 10^12 elements"),
        BadInput.notebook(block("1", frontMatter: "max_elements: 1e12\n"),
                          ["notebooks/n.md:3:15: error: 'max_elements' can be at most 1073741824"])
            .named("a limit past its hard cap"),
        BadInput.notebook(block("1", frontMatter: "timeout: soon\n"), ["notebooks/n.md:3:10: error: 'timeout' must be a number"])
            .named("a limit that is not a number"),
        BadInput.notebook(block("s = \"ab\"\nfor i in 0..<20 { s = s + s }\ns"),
                          ["notebooks/n.md:6:1: error: the block displays more than 1000000 characters"])
            .named("a block that displays too much"),
        BadInput.notebook(block("x = 1\nfor i in 0..<40 { x = (x, x) }\nx", frontMatter: "max_output: 10000\n"),
                          ["notebooks/n.md:10:1: error: the block displays more than 10000 characters"])
            .named("a value that doubles 40 times"),
        BadInput.notebook(block("x = \"ab\"\nfor i in 0..<60 { x = x + x }"),
                          ["notebooks/n.md:5:23: error: the string would be longer than 20000000 characters"])
            .named("a string that doubles"),
        BadInput.notebook(block("l = mse([1e200], [-1e200])\nbackward(l)"),
                          ["notebooks/n.md:5:10: error: backward needs a finite number, but this value is inf"])
            .named("infinity reaching a loss"),
        BadInput.notebook(block("w = 0\nl = log(w * w - 1)\nbackward(l)"),
                          ["notebooks/n.md:6:10: error: backward needs a finite number, but this value is nan"])
            .named("NaN reaching a loss"),
        BadInput.notebook(block("x = 1\ny = 0\nx / y"), ["notebooks/n.md:6:5: error: division by zero"])
            .named("division by zero"),
        BadInput.notebook(block("load(\"../../../../../../etc/passwd\")"),
                          ["notebooks/n.md:4:6: error: load reads files inside the project; '../../../../../../etc/passwd' leads outside it"])
            .named("load with .."),
        BadInput.notebook(block("load(\"/etc/passwd\")"),
                          ["notebooks/n.md:4:6: error: load reads files inside the project; '/etc/passwd' is an absolute path"])
            .named("load with an absolute path"),
        BadInput(name: "load through a symlink leading outside the project",
                 files: [n: Array(block("load(\"data/link.csv\")").utf8)],
                 messages: ["notebooks/n.md:4:6: error: load reads files inside the project; 'data/link.csv' leads outside it"],
                 setup: { fixture in
                     try FileManager.default.createDirectory(atPath: fixture.path("notebooks/data"), withIntermediateDirectories: true)
                     try FileManager.default.createSymbolicLink(atPath: fixture.path("notebooks/data/link.csv"), withDestinationPath: "/etc/hostname")
                 }),
        BadInput.notebook("---\ntitle: T\n\n```backprop\n1\n```\n", ["notebooks/n.md:1:1: error: front matter is not closed"])
            .named("front matter that is not closed"),
        BadInput.notebook("---\ntitle: [a\n---\n\n```backprop\n1\n```\n", ["notebooks/n.md:3:1: error: invalid YAML in front matter"])
            .named("front matter that is not YAML"),
        BadInput.notebook("# T\n\n```backprop error\n1\n```\n", ["notebooks/n.md:3:1: error: the block is marked 'error' but ran without one"])
            .named("a block marked error that runs"),
        BadInput.notebook(block("x = undefined_name\nprint(\"</pre><script>alert(1)</script>\")"),
                          ["notebooks/n.md:4:5: error: undefined name 'undefined_name'"])
            .named("a failing block with </pre><script> in it"),
        BadInput(name: "a named pipe named like a notebook", files: [:],
                 messages: ["notebooks/n.md: error: is not a regular file (a device, a pipe or a socket), not a notebook"],
                 setup: { fixture in _ = mkfifo(fixture.path(n), 0o644) }),
        BadInput(name: "a notebook larger than 128 MiB", files: [:],
                 messages: ["notebooks/n.md: error: the file is larger than 128 MiB, the most a notebook may be"],
                 setup: { fixture in
                     // Sparse: nothing is written but its size.
                     _ = FileManager.default.createFile(atPath: fixture.path(n), contents: nil)
                     truncate(fixture.path(n), 200 << 20)
                 }),
        BadInput(name: "a notebooks folder that does not exist", files: [:],
                 messages: ["nowhere: error: no such file or folder"], notebook: nil, paths: ["nowhere"]),
        BadInput(name: "a notebook named on the command line that does not exist", files: [:],
                 messages: ["notebooks/absent.md: error: no such file"], notebook: "notebooks/absent.md", paths: ["notebooks/absent.md"]),
    ]

    static let working: [BadInput] = [
        BadInput.notebook("# T\n\n~~~backprop\nx = 2\nx\n~~~\n", ["2"], status: 0).named("fences of tildes"),
        BadInput.notebook("# T\n\n````backprop\nx = \"```\"\nx\n````\n", ["```"], status: 0).named("a fence of four backticks")
            .expecting { String(decoding: $0, as: UTF8.self).contains("\n````output ") },
        BadInput.notebook("# T\n\n~~~~~ backprop\nx = \"~~~\"\nx\n~~~~~\n", ["~~~"], status: 0).named("a fence of five tildes"),
        BadInput.notebook("# T\r\n\r\n```backprop\r\nx = 3\r\nx\r\n```\r\n", ["3"], status: 0).named("CRLF line breaks")
            .expecting { bytes in
                let text = String(decoding: bytes, as: UTF8.self)
                return text.contains("output") && !text.replacingOccurrences(of: "\r\n", with: "").contains("\n")
            },
        BadInput(name: "a byte-order mark", files: [n: [0xEF, 0xBB, 0xBF] + Array("# T\n\n```backprop\n4\n```\n".utf8)],
                 messages: ["4"], status: 0, updated: { $0.starts(with: [0xEF, 0xBB, 0xBF, 0x23]) }),
        BadInput.notebook("# T\n\n```backprop\n5\n```", ["5"], status: 0).named("a missing final newline")
            .expecting { $0.last == UInt8(ascii: "`") && String(decoding: $0, as: UTF8.self).contains("```\n```output ") },
        BadInput.notebook("", [], status: 0).named("an empty file"),
        BadInput.notebook("---\ntitle: Only front matter\n---\n", [], status: 0).named("only front matter"),
        BadInput(name: "a NUL byte", files: [n: Array("# T\0\n\n```backprop\nx = \"a\0b\"\nx\n```\n".utf8)],
                 messages: ["a\u{FFFD}b"], status: 0),
        BadInput.notebook(String(repeating: "> ", count: 10_000) + "deep\n\n```backprop\n6\n```\n",
                          ["notebooks/n.md: warning: the document nests lists, quotes or emphasis more than 96 deep", "6"], status: 0)
            .named("quotes nested 10,000 deep"),
        BadInput.notebook(block("log(-1), exp(1000), -exp(1000)"), ["(nan, inf, -inf)"], status: 0).named("NaN and infinity displayed"),
        BadInput.notebook(hundredThousandLines, ["1"], status: 0)
            .named("a block of 100,000 lines").slow.expecting { onlyRecordsAdded($0, to: hundredThousandLines, count: 1) },
        BadInput.notebook(tenMegabytes, ["105"], status: 0).named("a 10 MB notebook").slow
            .expecting { onlyRecordsAdded($0, to: tenMegabytes, count: 53) },
        BadInput.notebook("---\ntitle: \"<script>alert(1)</script></pre>\"\n---\n\n<script>alert(2)</script> and </pre> in prose.\n\n"
                          + "```backprop\nprint(\"<script>alert(3)</script></pre>\")\n```\n",
                          ["<script>alert(3)</script></pre>"], status: 0).named("<script> and </pre> in title, prose and output"),
        BadInput(name: "<script> in a file name", files: ["notebooks/<script>&.md": Array(block("7").utf8)],
                 messages: ["7"], status: 0, notebook: "notebooks/<script>&.md"),
        BadInput(name: "a folder named like a notebook", files: ["notebooks/folder.md/inner.md": Array(block("8").utf8)],
                 messages: ["8"], status: 0, notebook: "notebooks/folder.md/inner.md"),
    ]

    static let hundredThousandLines = block("x = 0\n" + String(repeating: "# a comment line\n", count: 99_998) + "x + 1")

    /// Whether `updated` is `original` with `count` output blocks added after its blocks and
    /// nothing else changed (for notebooks too large to check again in a debug build).
    static func onlyRecordsAdded(_ updated: [UInt8], to original: String, count: Int) -> Bool {
        let pieces = String(decoding: updated, as: UTF8.self).components(separatedBy: "```\n```output ")
        guard pieces.count == count + 1 else { return false }
        var rebuilt = pieces[0]
        for piece in pieces.dropFirst() {
            // Drop the fingerprint, the recorded text and the closing fence.
            guard let end = piece.range(of: "\n```\n") else { return false }
            rebuilt += "```\n" + piece[end.upperBound...]
        }
        return rebuilt == original
    }

    /// 10 MB of prose, math and 53 blocks (kept to few nodes, so a debug build reads it in about a second).
    static let tenMegabytes: String = {
        let paragraph = String(repeating: "backpropagation ", count: 600) + "\n\n"
        var text = "---\ntitle: Ten megabytes\n---\n\nThe loss $L = \\frac{1}{2}(y - \\hat y)^2$.\n\n"
        var index = 0
        while text.utf8.count < 10_000_000 {
            text += String(repeating: paragraph, count: 20) + "```backprop\nx\(index) = \(index)\nx\(index) * 2 + 1\n```\n\n"
            index += 1
        }
        return text
    }()

    @Test(arguments: failing)
    func failsWithItsDiagnosticAndTouchesNothing(_ input: BadInput) throws {
        let fixture = try Fixture(input.files)
        try input.setup?(fixture)
        let before = fixture.snapshot()
        let result = try fixture.run(["update"] + input.paths)
        let output = result.stdout + result.stderr
        #expect(result.status == input.status, "update: \(output.prefix(2000))")
        for message in input.messages {
            #expect(output.contains(message), "update does not say \(message):\n\(output.prefix(2000))")
        }
        #expect(fixture.snapshot() == before, "update changed the project")
        if let notebook = input.notebook, !input.heavy {
            let result = try fixture.run(["run", notebook])
            #expect(result.status == 1)
            for message in input.messages {
                #expect(result.stderr.contains(message), "run does not say \(message):\n\(result.stderr.prefix(2000))")
            }
            #expect(fixture.snapshot() == before, "run changed the project")
        }
    }

    @Test(arguments: working)
    func worksAndUpdatesCleanly(_ input: BadInput) throws {
        let fixture = try Fixture(input.files)
        try input.setup?(fixture)
        let before = fixture.snapshot()
        if let notebook = input.notebook, !input.heavy {
            let result = try fixture.run(["run", notebook])
            #expect(result.status == 0, "run: \(result.stderr.prefix(2000))")
            for message in input.messages {
                #expect((result.stdout + result.stderr).contains(message), "run does not show \(message):\n\(result.stdout.prefix(2000))")
            }
            #expect(fixture.snapshot() == before, "run changed the project")
        }
        let update = try fixture.run(["update"] + input.paths)
        #expect(update.status == 0, "update: \(update.stdout.prefix(2000))")
        let updated = fixture.snapshot()
        #expect(Set(updated.keys) == Set(before.keys), "update added or removed files: \(Set(updated.keys).symmetricDifference(before.keys))")
        if let check = input.updated, let notebook = input.notebook {
            #expect(check(fixture.read(notebook)), "the updated notebook:\n\(String(decoding: fixture.read(notebook).prefix(2000), as: UTF8.self))")
        }
    }

    /// The cases in one project, each in a folder of its own (`notebooks/7/n.md`), so that
    /// one `check` or `update` covers them all.
    static func together(_ cases: [BadInput]) throws -> (Fixture, [(BadInput, [String])]) {
        var files: [String: [UInt8]] = [:]
        var placed: [(BadInput, [String])] = []
        for (index, input) in cases.enumerated() where input.setup == nil && input.paths.isEmpty {
            for (name, bytes) in input.files {
                files[name.replacingOccurrences(of: "notebooks/", with: "notebooks/\(index)/")] = bytes
            }
            placed.append((input, input.messages.map { $0.replacingOccurrences(of: "notebooks/", with: "notebooks/\(index)/") }))
        }
        return (try Fixture(files), placed)
    }

    /// `check` reports every failing case, each at its file, line and column, in one run,
    /// and writes nothing.
    @Test func checkReportsEveryFailingCase() throws {
        let (fixture, placed) = try Self.together(Self.failing.filter { !$0.heavy })
        let before = fixture.snapshot()
        let result = try fixture.run(["check"])
        #expect(result.status == 1)
        for (input, messages) in placed {
            for message in messages where message.contains(": error: ") || message.contains(": warning: ") {
                #expect(result.stdout.contains(message), "\(input.name): check does not say \(message)")
            }
        }
        #expect(result.stdout.hasSuffix("0 passed, \(placed.count) failed\n"))
        #expect(fixture.snapshot() == before, "check changed the project")
    }

    /// After `update`, `check` passes on every case that works, and a second `update`
    /// changes no byte.
    @Test func everyWorkingCaseChecksAfterUpdate() throws {
        let (fixture, placed) = try Self.together(Self.working.filter { !$0.heavy })
        let before = fixture.snapshot()
        let update = try fixture.run(["update"])
        #expect(update.status == 0, "\(update.stdout.prefix(2000))")
        let updated = fixture.snapshot()
        #expect(Set(updated.keys) == Set(before.keys), "update added or removed files")
        let check = try fixture.run(["check"])
        #expect(check.status == 0, "\(check.stdout.prefix(2000))")
        #expect(check.stdout.hasSuffix("\(placed.count) passed, 0 failed\n"))
        let again = try fixture.run(["update"])
        #expect(again.stdout.hasSuffix("0 updated, \(placed.count) unchanged, 0 failed\n"))
        #expect(fixture.snapshot() == updated, "a second update changed the project")
    }

    /// `build` fails on every failing case, each reported at its place, and leaves the
    /// previous site as it was, byte for byte; it writes nothing but its cache.
    /// (A notebook that cannot be read stops the build before anything runs: those cases
    /// are built on their own.)
    @Test(arguments: [true, false])
    func buildFailsOnEveryFailingCaseAndKeepsThePreviousSite(unreadable: Bool) throws {
        let cases = Self.failing.filter { !$0.heavy && $0.messages.contains { $0.contains("not valid UTF-8") } == unreadable }
        let (fixture, placed) = try Self.together(cases)
        try fixture.write("site/index.html", Array("<p>the previous site</p>\n".utf8))
        try fixture.write("site/.chainrule-build", Array("a build's stamp".utf8))
        let before = fixture.snapshot()
        let result = try fixture.run(["build"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("build failed: site/ left as it was"))
        for (input, messages) in placed {
            for message in messages where message.contains(": error: ") {
                #expect(result.stderr.contains(message), "\(input.name): build does not say \(message)")
            }
        }
        let after = fixture.snapshot().filter { !$0.key.hasPrefix(".chainrule/") }
        #expect(after == before, "build changed the project outside its cache")
    }

    /// `build` publishes every working case; whatever came from a notebook (titles, prose,
    /// raw HTML, printed strings, file names) is escaped on the pages.
    @Test func buildEscapesWhatNotebooksSay() throws {
        let (fixture, _) = try Self.together(Self.working.filter { !$0.heavy })
        let result = try fixture.run(["build"])
        #expect(result.status == 0, "\(result.stderr.suffix(2000))")
        #expect(result.stderr.contains("warning: raw HTML is shown as text"))
        let pages = fixture.snapshot().filter { $0.key.hasPrefix("site/") && $0.key.hasSuffix(".html") }
        #expect(pages.count >= 10)
        for (name, bytes) in pages {
            let page = String(decoding: bytes, as: UTF8.self)
            // The only script is the site's own; nothing from a notebook became a tag.
            let own = page.ranges(of: #/<script src="(\.\./)*assets/(site\.js" defer|nav\.js")>/#).count
            #expect(page.components(separatedBy: "<script").count - 1 == own, "\(name) has a script of its own")
            for forbidden in ["<script>alert", "</pre><script>", "onerror=", "javascript:"] {
                #expect(!page.contains(forbidden), "\(name) contains \(forbidden)")
            }
        }
        let hostile = pages.first { $0.key.contains("/<script>&.html") }
        #expect(hostile != nil, "no page for the notebook named <script>&.md: \(pages.keys.sorted())")
        let index = String(decoding: fixture.read("site/index.html"), as: UTF8.self)
        #expect(index.contains("%3Cscript%3E&amp;.html"), "the link to <script>&.md is not escaped")
        #expect(index.contains("&lt;script&gt;alert(1)&lt;/script&gt;&lt;/pre&gt;"), "the title is not escaped")
        let script = pages.first { $0.value.count > 0 && String(decoding: $0.value, as: UTF8.self).contains("alert(3)") }
        #expect(script.map { String(decoding: $0.value, as: UTF8.self).contains("&lt;script&gt;alert(3)&lt;/script&gt;&lt;/pre&gt;") } == true,
                "what a block printed is not escaped")
    }

    @Test func aSiteFolderThatIsAFileIsLeftAlone() throws {
        let fixture = try Fixture([Self.n: Array(Self.block("1").utf8), "site": Array("not a folder\n".utf8)])
        let before = fixture.snapshot()
        let result = try fixture.run(["build"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("site: error: the site path is a file, not a folder"), "\(result.stderr)")
        #expect(fixture.snapshot().filter { !$0.key.hasPrefix(".chainrule/") } == before)
    }

    /// Every kind of syntax error at the start, middle and end of a block, against a
    /// golden file of what `run` prints (`Golden.check`).
    @Test func everyKindOfSyntaxErrorAtTheStartMiddleAndEnd() throws {
        let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
        let source = try Data(contentsOf: fixtures.appendingPathComponent("syntax-errors.md"))
        let fixture = try Fixture([Self.n: [UInt8](source)])
        let before = fixture.snapshot()
        let result = try fixture.run(["run", Self.n])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        let golden = fixtures.appendingPathComponent("syntax-errors.stderr")
        if let problem = Golden.check(result.stderr, against: golden) { Issue.record(Comment(rawValue: problem)) }
        // 24 kinds, each in 3 blocks: every block's errors are reported, not only the first block's.
        #expect(result.stderr.components(separatedBy: ": error: ").count - 1 >= 72)
        let update = try fixture.run(["update"])
        #expect(update.status == 1)
        #expect(update.stdout.contains("not updated: notebooks/n.md"))
        #expect(fixture.snapshot() == before)
    }

    @Test func aReadOnlyNotebookIsReportedAndLeftAlone() throws {
        let fixture = try Fixture([Self.n: Array(Self.block("1").utf8)])
        chmod(fixture.path(Self.n), 0o444)
        let before = fixture.snapshot()
        let result = try fixture.run(["update"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("notebooks/n.md: error: cannot update: the file is read-only"))
        #expect(fixture.snapshot() == before)
    }

    @Test func aReadOnlyFolderIsReportedAndLeftAlone() throws {
        let fixture = try Fixture([Self.n: Array(Self.block("1").utf8)])
        chmod(fixture.path("notebooks"), 0o555)
        defer { chmod(fixture.path("notebooks"), 0o755) }
        let before = fixture.snapshot()
        let result = try fixture.run(["update"])
        // Root ignores folder permissions: then the update simply succeeds.
        if getuid() != 0 {
            #expect(result.status == 1)
            #expect(result.stdout.contains("notebooks/n.md: error: cannot update: cannot create a temporary file next to it"))
            #expect(fixture.snapshot() == before)
        }
    }

    @Test func aNotebookThatIsASymbolicLinkIsNotReplaced() throws {
        let fixture = try Fixture(["elsewhere/real.md": Array(Self.block("1").utf8)])
        try FileManager.default.createSymbolicLink(atPath: fixture.path(Self.n), withDestinationPath: "../elsewhere/real.md")
        let before = fixture.snapshot()
        let result = try fixture.run(["update"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("notebooks/n.md: error: cannot update: the notebook is a symbolic link"))
        #expect(fixture.snapshot() == before)
        #expect(try fixture.run(["run", Self.n]).stdout == "1\n")
    }
}

extension BadInput {
    func expecting(_ check: @escaping @Sendable ([UInt8]) -> Bool) -> BadInput {
        var copy = self
        copy.updated = check
        return copy
    }
}
