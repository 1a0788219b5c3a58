import Foundation
import Language
import Runtime

/// libFuzzer's entry: the lexer and parser on any text, then, when it parses, the interpreter
/// under tiny limits (50 ms, 50 nested calls, 10^5 elements, 10^4 characters of output), on a
/// large stack as notebooks run. No `load` can read a file: the project is an empty folder.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLanguage(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let code = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    Worker.shared.run {
        let (statements, diagnostics) = Parser.parse(code)
        for diagnostic in diagnostics {
            precondition(diagnostic.range != nil, "a syntax error without a location: \(diagnostic.message)")
        }
        guard diagnostics.isEmpty else { return }
        precondition(statements.allSatisfy { $0.height <= Parser.maximumHeight + 2 * Parser.maximumNesting + 8 },
                     "a syntax tree taller than the parser allows")
        var limits = ExecutionLimits()
        limits.timeBudget = 0.05
        limits.recursionDepth = 50
        limits.tensorElements = 100_000
        limits.outputCharacters = 10_000
        let interpreter = Interpreter(configuration: .init(limits: limits, notebookDirectory: Empty.folder, projectRoot: Empty.folder))
        let result = interpreter.run(code)
        for error in result.errors where error.range == nil {
            // Every runtime error a user can cause points at the code.
            preconditionFailure("an error without a location: \(error.message)")
        }
    }
    return 0
}

/// One thread with a stack as large as a notebook's (`LargeStack.size`), kept for every
/// input: AddressSanitizer clears the shadow of a thread's whole stack when it ends, so a new
/// 512 MiB thread per input would cost more than the input.
final class Worker: @unchecked Sendable {
    static let shared = Worker()

    private let ready = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)
    private var job: (() -> Void)?

    private init() {
        let thread = Thread { [unowned self] in
            while true {
                ready.wait()
                job?()
                finished.signal()
            }
        }
        thread.stackSize = LargeStack.size
        thread.start()
    }

    func run(_ body: @escaping () -> Void) {
        job = body
        ready.signal()
        finished.wait()
    }
}

/// A folder with nothing in it, for `load` to find nothing in. (A static, not a global of
/// main.swift: libFuzzer's main runs instead of this file's top-level code.)
enum Empty {
    static let folder: String = {
        let path = NSTemporaryDirectory() + "chainrule-fuzz-empty"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }()
}
