import Foundation
import Testing
@testable import Runtime

/// Code that tries to exhaust the stack, the memory or the time: each ends in an error.
@Suite struct HostileCodeTests {
    func limits(recursion: Int = 1_000, time: Double = 60) -> Interpreter.Configuration {
        var limits = ExecutionLimits()
        limits.recursionDepth = recursion
        limits.timeBudget = time
        return .init(limits: limits)
    }

    /// The deepest recursion allowed (the cap of 'max_recursion') fits in the stack.
    @Test func theDeepestAllowedRecursionFits() {
        let cap = ExecutionLimits.caps.recursionDepth
        let outcome = run("fn f(n) { if n == 0 { 0 } else { 1 + f(n - 1) } }\nf(\(cap - 1))",
                          configuration: limits(recursion: cap))
        #expect(outcome.errors.isEmpty)
        #expect(outcome.text == "\(cap - 1)")
        let over = run("fn f(n) { f(n + 1) }\nf(0)", configuration: limits(recursion: cap))
        #expect(over.error == "recursion deeper than \(cap) calls in f")
    }

    /// Each call under 95 negations and a chain of 400 additions costs far more stack than a
    /// plain call: the stack runs out before the cap on calls, and that is an error too.
    @Test func recursionThroughDeepExpressionsStopsBeforeTheStackEnds() {
        let deep = String(repeating: "-(", count: 95) + "f(n - 1)" + String(repeating: " + 0", count: 400) + String(repeating: ")", count: 95)
        let outcome = run("fn f(n) { if n == 0 { 0 } else { \(deep) } }\nf(9999)",
                          configuration: limits(recursion: ExecutionLimits.caps.recursionDepth))
        #expect(outcome.error?.hasPrefix("recursion too deep for the stack after ") == true, "\(outcome.error ?? "no error")")
        #expect(outcome.errors.first?.range?.start.line == 1)
    }

    @Test func aValueThatDoublesIsCutOffNotWrittenOut() {
        // 2^40 parts if written in full.
        var limits = ExecutionLimits()
        limits.outputCharacters = 10_000
        let shown = run("x = 1\nfor i in 0..<40 { x = (x, x) }\nx", configuration: .init(limits: limits))
        #expect(shown.error == "the block displays more than 10000 characters")
        let compared = run("x = 1\nfor i in 0..<40 { x = (x, x) }\nx == (x, 1)")
        #expect(compared.error?.hasPrefix("'==' cannot compare values this large") == true)
    }

    @Test func theDeepestValueAllowedDisplaysInFull() {
        let outcome = run("x = 1\nfor i in 0..<999 { x = (x, 2) }\nx")
        #expect(outcome.errors.isEmpty)
        #expect(outcome.text.hasPrefix(String(repeating: "(", count: Value.maximumNesting - 1) + "1, 2), 2)"))
    }

    @Test func stringsAndListsThatDoubleStop() {
        #expect(run("x = \"ab\"\nfor i in 0..<60 { x = x + x }").error == "the string would be longer than 20000000 characters")
        var limits = ExecutionLimits()
        limits.tensorElements = 1 << 16
        let list = run("x = [1, [2]]\nfor i in 0..<60 { x = x + x }", configuration: .init(limits: limits))
        #expect(list.error == "the list would have 65536 elements, more than the limit of 65536" || list.error == "the list would have 131072 elements, more than the limit of 65536")
    }

    @Test func aTensorOfManyShortAxesIsNotWrittenInFull() {
        var limits = ExecutionLimits()
        limits.outputCharacters = 1_000
        let outcome = run("zeros(" + Array(repeating: "2", count: 20).joined(separator: ", ") + ")",
                          configuration: .init(limits: limits))
        #expect(outcome.error == "the block displays more than 1000 characters")
    }

    @Test func backwardFromANonFiniteLossIsAnError() {
        #expect(run("l = mse([1e200], [-1e200])\nbackward(l)").error == "backward needs a finite number, but this value is inf")
        #expect(run("w = -1\nl = log(w)\nbackward(l)").error == "backward needs a finite number, but this value is nan")
        // Displaying one is not an error: a notebook may show that log(-1) is nan.
        #expect(run("log(-1), exp(1000), -exp(1000)").text == "(nan, inf, -inf)")
    }

    @Test func listsAndTuplesNestAtMostAThousandDeep() {
        let message = "lists and tuples would nest 1001 deep, more than the limit of 1000"
        #expect(run("x = 1\nfor i in 0..<5000 { x = (x, 1) }").error == message)
        #expect(run("x = []\nfor i in 0..<5000 { x = append([], x) }").error == message)
        #expect(run("x = [1, 2]\nfor i in 0..<5000 { x = zip(x) }").error == message)
        #expect(run("x = [1, 2]\nfor i in 0..<5000 { x = enumerate(x) }").error == message)
        #expect(run("x = \"a\"\nfor i in 0..<5000 { x = [x, \"b\"] }").error == message)
        // Shared parts are measured once: 999 levels of (x, x) are 2^999 leaves, and cheap.
        #expect(run("x = (1, 2)\nfor i in 0..<998 { x = (x, x) }\nlen(x)").text == "2")
    }

    /// A chain of closures, each holding the frame that holds the one before, is released
    /// by a loop: on a 4 MB stack, where releasing 100,000 links one inside another would not fit.
    @Test func aLongChainOfClosuresIsReleasedWithoutTheStack() {
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            do {
                let interpreter = Interpreter()
                let result = interpreter.run("fn make(g) { fn() { g() } }\nf = fn() { 1 }\nfor i in 0..<100000 { f = make(f) }\nf = 0")
                #expect(result.errors.isEmpty)
                _ = interpreter.run("g = fn() { 1 }\nfor i in 0..<100000 { g = make(g) }")
            }
            done.signal()
        }
        thread.stackSize = 4 << 20
        thread.start()
        done.wait()
    }

    /// A data file is looked at before it is read: a huge one, a pipe or a folder is an error
    /// at once, not a read that never ends.
    @Test func loadLooksBeforeItReads() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("chainrule-hostile-load-\(UUID())")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("folder.csv"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let huge = root.appendingPathComponent("huge.csv").path
        _ = FileManager.default.createFile(atPath: huge, contents: nil)
        truncate(huge, 10 << 30)  // sparse: 10 GiB that take no room
        _ = mkfifo(root.appendingPathComponent("pipe.csv").path, 0o644)
        let configuration = Interpreter.Configuration(notebookDirectory: root.path, projectRoot: root.path)
        #expect(run("load(\"huge.csv\")", configuration: configuration).error == "'huge.csv' is larger than 64 MB")
        #expect(run("load(\"pipe.csv\")", configuration: configuration).error == "cannot read 'pipe.csv': it is not a regular file")
        #expect(run("load(\"folder.csv\")", configuration: configuration).error == "cannot read 'folder.csv': it is not a regular file")
    }
}
