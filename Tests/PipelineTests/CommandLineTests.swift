import Foundation
import Testing

/// The `chainrule` binary, run on real folders: exit codes, output, files on disk.
struct Command {
    static var binary: URL {
        // The test bundle sits in the build folder next to the executable.
        var url = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: url.appendingPathComponent("chainrule").path), url.path != "/" {
            url.deleteLastPathComponent()
        }
        return url.appendingPathComponent("chainrule")
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ arguments: [String], in directory: URL, environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        env["GITHUB_ACTIONS"] = nil
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }
}

/// A temporary project folder with a `notebooks/` folder.
final class Project {
    let root: URL

    init(_ notebooks: [String: String]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("chainrule-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("notebooks"), withIntermediateDirectories: true)
        for (name, text) in notebooks { try write(name, text) }
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    func write(_ name: String, _ text: String) throws {
        try text.write(to: root.appendingPathComponent("notebooks/\(name)"), atomically: true, encoding: .utf8)
    }

    func read(_ name: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent("notebooks/\(name)"), encoding: .utf8)
    }

    /// Runs the binary in the project, with a cache folder of the project's own (where the
    /// seal of `.chainrule/` files is kept), so no test touches the user's.
    func run(_ arguments: String..., environment: [String: String] = [:]) throws -> Command.Result {
        var environment = environment
        if environment["XDG_CACHE_HOME"] == nil { environment["XDG_CACHE_HOME"] = root.appendingPathComponent(".cache").path }
        return try Command.run(arguments, in: root, environment: environment)
    }
}

@Suite struct CommandLineTests {
    let first = "# One\n\n```backprop\nx = 3\nx * 2\n```\n"
    let second = "# Two\n\n```backprop\ny = [1, 2]\ny @ y\n```\n"

    @Test func runPrintsOutputsAndWritesNothing() throws {
        let project = try Project(["one.md": first])
        let result = try project.run("run", "notebooks/one.md")
        #expect(result.status == 0)
        #expect(result.stdout == "6\n")
        #expect(try project.read("one.md") == first)
    }

    /// `chainrule init` starts a course whose check and build pass at once, and never
    /// overwrites a file.
    @Test func initStartsACourseThatChecksAndBuilds() throws {
        let project = try Project([:])
        try "# Mine\n".write(to: project.root.appendingPathComponent("notebooks/index.md"), atomically: true, encoding: .utf8)
        let start = try project.run("init", "--title", "A \"quoted\" course")
        #expect(start.status == 0, "\(start.stderr)")
        #expect(start.stdout.contains("kept    notebooks/index.md (it exists)"))
        #expect(start.stdout.contains("wrote   .github/workflows/notebooks.yml"))
        #expect(try project.read("index.md") == "# Mine\n", "an existing file is left as it is")
        let configuration = try String(contentsOf: project.root.appendingPathComponent("chainrule.yml"), encoding: .utf8)
        #expect(configuration.contains("title: \"A \\\"quoted\\\" course\""), "\(configuration)")
        #expect(try project.read("sigmoid.md").contains("```output "), "the notebook's outputs are recorded")
        let check = try project.run("check")
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(try project.run("build", "-q").status == 0)
        #expect(FileManager.default.fileExists(atPath: project.root.appendingPathComponent("site/sigmoid.html").path))
        let again = try project.run("init")
        #expect(again.status == 0 && !again.stdout.contains("wrote"), "\(again.stdout)")
    }

    /// `check --format json`: one document with every stale record and diagnostic, located.
    @Test func checkReportsJSON() throws {
        let project = try Project(["a.md": "# A\n\n```backprop\n1 + 1\n```\n```output\n3\n```\n\n```backprop\nnope\n```\n"])
        let result = try project.run("check", "--format", "json", "notebooks")
        #expect(result.status == 1)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(document["schema"] as? Int == 1)
        #expect(document["failed"] as? Int == 1 && document["passed"] as? Int == 0)
        let notebook = try #require((document["notebooks"] as? [[String: Any]])?.first)
        #expect(notebook["path"] as? String == "notebooks/a.md")
        let stale = try #require((notebook["stale"] as? [[String: Any]])?.first)
        #expect(stale["line"] as? Int == 6 && stale["kind"] as? String == "changed")
        #expect((stale["diff"] as? String)?.contains("-3\n+2") == true, "\(stale)")
        let diagnostic = try #require((notebook["diagnostics"] as? [[String: Any]])?.first { $0["severity"] as? String == "error" })
        #expect(diagnostic["message"] as? String == "undefined name 'nope'")
        #expect(diagnostic["file"] as? String == "notebooks/a.md" && diagnostic["line"] as? Int == 11 && diagnostic["column"] as? Int == 1)
        #expect(result.stderr.isEmpty, "no progress lines: \(result.stderr)")
    }

    /// Several blocks' outputs come under a header naming each block's line, as `head` does
    /// for several files; a failing block shows what it displayed before it failed.
    @Test func runSeparatesBlocksAndShowsHowFarAFailingBlockGot() throws {
        let project = try Project(["two.md": "# Two\n\n```backprop\n1 + 1\n```\n\n```backprop\nprint(\"before\")\n[1, 2] + [1, 2, 3]\n```\n\n```backprop\n3\n```\n"])
        let result = try project.run("run", "notebooks/two.md")
        #expect(result.status == 1)
        #expect(result.stdout == "==> notebooks/two.md:3 <==\n2\n\n==> notebooks/two.md:7 <==\nbefore\n", "\(result.stdout)")
        #expect(result.stderr.contains("notebooks/two.md:9:1: error: shapes [2] and [3] do not fit addition"), "\(result.stderr)")
    }

    /// `load` may read anywhere inside the notebook's project (the folder that holds its
    /// `notebooks` folder), and nowhere else: the same for `run` and `check`, from whatever
    /// folder they are started.
    @Test func runAndCheckAgreeOnWhatANotebookMayLoad() throws {
        let project = try Project([:])
        let notebooks = project.root.appendingPathComponent("notebooks")
        try FileManager.default.createDirectory(at: notebooks.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: notebooks.appendingPathComponent("data"), withIntermediateDirectories: true)
        try "1,2\n3,4\n".write(to: notebooks.appendingPathComponent("data/m.csv"), atomically: true, encoding: .utf8)
        try "```backprop\nsum(load(\"../data/m.csv\"))\n```\n```output\n10\n```\n"
            .write(to: notebooks.appendingPathComponent("sub/n.md"), atomically: true, encoding: .utf8)

        let run = try project.run("run", "notebooks/sub/n.md")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "10\n")
        let update = try project.run("update", "-q", "notebooks/sub/n.md")
        #expect(update.status == 0, "\(update.stdout)\(update.stderr)")
        let check = try project.run("check", "-q", "notebooks/sub/n.md")
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")

        // Started from a folder that does not hold the notebook, both draw the same line.
        let elsewhere = try Project([:])
        let path = notebooks.appendingPathComponent("sub/n.md").path
        let runElsewhere = try elsewhere.run("run", path)
        #expect(runElsewhere.status == 0, "\(runElsewhere.stderr)")
        #expect(runElsewhere.stdout == "10\n")
        let checkElsewhere = try elsewhere.run("check", "-q", path)
        #expect(checkElsewhere.status == 0, "\(checkElsewhere.stdout)\(checkElsewhere.stderr)")
        // Past the project, both refuse, wherever they start.
        try "```backprop\nsum(load(\"../../../outside.csv\"))\n```\n".write(to: notebooks.appendingPathComponent("sub/o.md"), atomically: true, encoding: .utf8)
        let outsideFile = project.root.deletingLastPathComponent().appendingPathComponent("outside.csv")
        try "1\n".write(to: outsideFile, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: outsideFile) }
        for (folder, file) in [(project, "notebooks/sub/o.md"), (elsewhere, notebooks.appendingPathComponent("sub/o.md").path)] {
            let outside = try folder.run("run", file)
            #expect(outside.status == 1)
            #expect(outside.stderr.contains("leads outside it"), "\(outside.stderr)")
        }
    }

    @Test func runReportsErrorsOnStderrWithExitOne() throws {
        let project = try Project(["bad.md": "```backprop\nx = undefined_thing\n```\n"])
        let result = try project.run("run", "notebooks/bad.md")
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("notebooks/bad.md:2:5: error: undefined name 'undefined_thing'"))
    }

    @Test func updateThenCheckOnAFolder() throws {
        let project = try Project(["one.md": first, "two.md": second])
        let stale = try project.run("check")
        #expect(stale.status == 1)
        #expect(stale.stdout.contains("notebooks/one.md:3: missing output"))
        #expect(stale.stdout.hasSuffix("0 passed, 2 failed\n"))
        let update = try project.run("update")
        #expect(update.status == 0)
        #expect(update.stdout.hasSuffix("2 updated, 0 unchanged, 0 failed\n"))
        let check = try project.run("check")
        #expect(check.status == 0)
        #expect(check.stdout == "2 passed, 0 failed\n")
        let again = try project.run("update")
        #expect(again.stdout.hasSuffix("0 updated, 2 unchanged, 0 failed\n"))
    }

    @Test func staleOutputPointsAtFileAndLineWithADiffAndAnnotation() throws {
        let project = try Project(["one.md": first])
        _ = try project.run("update")
        try project.write("one.md", try project.read("one.md").replacingOccurrences(of: "x * 2", with: "x * 3"))
        let result = try project.run("check", environment: ["GITHUB_ACTIONS": "true"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("notebooks/one.md:7: stale output: its code changed\n--- recorded\n+++ now\n@@ -1,1 +1,1 @@\n-6\n+9\n"))
        #expect(result.stdout.contains("::error file=notebooks/one.md,line=7::stale output: its code changed\n"))
    }

    @Test func shardsPartitionTheNotebooks() throws {
        let project = try Project(["a.md": first, "b.md": first, "c.md": second])
        _ = try project.run("update")
        var seen: [String] = []
        for k in 1...2 {
            let result = try project.run("check", "--verbose", "--shard", "\(k)/2")
            seen += result.stderr.split(separator: "\n").filter { $0.hasPrefix("ok") }.map { String($0.split(separator: " ")[1]) }
        }
        #expect(seen.sorted() == ["notebooks/a.md", "notebooks/b.md", "notebooks/c.md"])
    }

    @Test func badUsageAndMissingPaths() throws {
        let project = try Project([:])
        #expect(try project.run("check", "--shard", "3/2").status == 64)
        #expect(try project.run("frobnicate").status == 64)
        let missing = try project.run("check", "nowhere")
        #expect(missing.status == 1)
        #expect(missing.stdout.contains("nowhere: error: no such file or folder"))
    }

    @Test func readOnlyNotebookIsLeftUntouched() throws {
        let project = try Project(["one.md": first])
        let path = project.root.appendingPathComponent("notebooks/one.md").path
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: path)
        let result = try project.run("update")
        #expect(result.status == 1)
        #expect(result.stdout.contains("the file is read-only"))
        #expect(try project.read("one.md") == first)
    }
}
