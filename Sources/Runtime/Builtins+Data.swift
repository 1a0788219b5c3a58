#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#elseif canImport(WASILibc)
import WASILibc
#endif
import Diagnostics
import Engine

/// Small data sets made deterministically from a seed, and CSV files next to the notebook.
extension Builtins {
    private static func pair(_ x: [Double], columns: Int, _ labels: [Double]) -> Value {
        .tuple([.tensor(Tensor.data(NDArray(shape: Shape([labels.count, columns]), values: x))),
                .tensor(Tensor.data(NDArray(labels)))])
    }

    /// Shuffles samples (rows of x with their labels) with the data set's own generator.
    private static func shuffled(_ x: [Double], _ labels: [Double], columns: Int, _ generator: inout RandomGenerator) -> ([Double], [Double]) {
        var order = Array(labels.indices)
        generator.shuffle(&order)
        return (order.flatMap { x[($0 * columns)..<(($0 + 1) * columns)] }, order.map { labels[$0] })
    }

    private static func count(_ arguments: Arguments, default fallback: Int) throws(RuntimeError) -> Int {
        let n = try arguments.int("n", default: fallback)
        guard n >= 1 else { throw RuntimeError.builtin("n must be at least 1", argument: .label("n")) }
        try engineCall { () throws(EngineError) in try Engine.Limits.check(Shape([n, 2])) }
        return n
    }

    static let data: [Builtin] = [
        Builtin("xor", [], summary: "the four XOR samples: X of shape [4, 2] and Y of shape [4, 1]") { _ in
            .tuple([.tensor(Tensor.data(NDArray(rows: [[0, 0], [0, 1], [1, 0], [1, 1]]))),
                    .tensor(Tensor.data(NDArray(rows: [[0], [1], [1], [0]])))])
        },
        Builtin("moons", [optional("n"), optional("noise"), optional("seed")],
                summary: "two interleaving half circles (as scikit-learn's make_moons): X [n, 2] and class indices y") { (arguments) throws(RuntimeError) in
            let n = try count(arguments, default: 200)
            let noise = try arguments.double("noise", default: 0.1)
            var generator = RandomGenerator(seed: UInt64(max(0, try arguments.int("seed", default: 0))))
            let outer = n / 2, inner = n - outer
            var x: [Double] = [], y: [Double] = []
            for i in 0..<outer {
                let t = outer == 1 ? 0 : Double.pi * Double(i) / Double(outer - 1)
                x += [cos(t), sin(t)]
                y.append(0)
            }
            for i in 0..<inner {
                let t = inner == 1 ? 0 : Double.pi * Double(i) / Double(inner - 1)
                x += [1 - cos(t), 0.5 - sin(t)]
                y.append(1)
            }
            x = x.map { $0 + noise * generator.normal() }
            let (xs, ys) = shuffled(x, y, columns: 2, &generator)
            return pair(xs, columns: 2, ys)
        },
        Builtin("spirals", [optional("n"), optional("classes"), optional("noise"), optional("seed")],
                summary: "interleaved spiral arms, one per class (CS231n's data set): X [n, 2] and y") { (arguments) throws(RuntimeError) in
            let n = try count(arguments, default: 300)
            let classes = try arguments.int("classes", default: 3)
            guard classes >= 2 else { throw RuntimeError.builtin("spirals needs at least 2 classes", argument: .label("classes")) }
            let noise = try arguments.double("noise", default: 0.2)
            var generator = RandomGenerator(seed: UInt64(max(0, try arguments.int("seed", default: 0))))
            var x: [Double] = [], y: [Double] = []
            for c in 0..<classes {
                let size = n / classes + (c < n % classes ? 1 : 0)
                for i in 0..<size {
                    let r = size == 1 ? 0 : Double(i) / Double(size - 1)
                    let t = Double(c) * 4 + 4 * r + noise * generator.normal()
                    x += [r * sin(t), r * cos(t)]
                    y.append(Double(c))
                }
            }
            let (xs, ys) = shuffled(x, y, columns: 2, &generator)
            return pair(xs, columns: 2, ys)
        },
        Builtin("blobs", [optional("n"), optional("centers"), optional("spread"), optional("seed")],
                summary: "Gaussian clusters around centers evenly spaced on a circle of radius 3: X [n, 2] and y") { (arguments) throws(RuntimeError) in
            let n = try count(arguments, default: 300)
            let centers = try arguments.int("centers", default: 3)
            guard centers >= 1 else { throw RuntimeError.builtin("blobs needs at least one center", argument: .label("centers")) }
            let spread = try arguments.double("spread", default: 0.6)
            var generator = RandomGenerator(seed: UInt64(max(0, try arguments.int("seed", default: 0))))
            var x: [Double] = [], y: [Double] = []
            for i in 0..<n {
                let c = i % centers
                let angle = 2 * Double.pi * Double(c) / Double(centers)
                x += [3 * cos(angle) + spread * generator.normal(), 3 * sin(angle) + spread * generator.normal()]
                y.append(Double(c))
            }
            let (xs, ys) = shuffled(x, y, columns: 2, &generator)
            return pair(xs, columns: 2, ys)
        },
        Builtin("load", [required("path")],
                summary: "a CSV file of numbers next to the notebook, as a tensor (one row per line; a header line is skipped)") { (arguments) throws(RuntimeError) in
            guard let path = try arguments.string("path") else { throw RuntimeError.builtin("load needs a path") }
            return .tensor(Tensor.data(try DataFile.load(path, interpreter: arguments.interpreter)))
        },
    ]
}

/// Reading data files, only from inside the project.
enum DataFile {
    static func load(_ path: String, interpreter: Interpreter) throws(RuntimeError) -> NDArray {
        guard let files = interpreter.configuration.dataFiles else {
            throw RuntimeError.builtin("load reads files next to a notebook file; this code is not in one")
        }
        guard !path.hasPrefix("/") else {
            throw RuntimeError.builtin("load reads files inside the project; '\(path)' is an absolute path",
                               notes: [.init("write a path relative to the notebook, such as \"data/points.csv\"")],
                               argument: .label("path"))
        }
        let bytes: [UInt8]
        switch files.read(path) {
        case .success(let read): bytes = read
        case .failure(let failure): throw RuntimeError.builtin(failure.message, argument: .label("path"))
        }
        guard bytes.count <= DataFiles.maximumBytes else {
            throw RuntimeError.builtin("'\(path)' is larger than 64 MB", argument: .label("path"))
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw RuntimeError.builtin("'\(path)' is not UTF-8 text", argument: .label("path"))
        }
        interpreter.recordFileRead(path)
        return try parseCSV(text, name: path)
    }

    /// Comma-separated numbers; an all-text first line is a header; blank lines are skipped.
    static func parseCSV(_ text: String, name: String) throws(RuntimeError) -> NDArray {
        var rows: [[Double]] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = withoutWhiteSpace(line, keepingNewlines: false)
            if trimmed.isEmpty { continue }
            let cells = trimmed.split(separator: ",", omittingEmptySubsequences: false).map { withoutWhiteSpace($0, keepingNewlines: true) }
            let values = cells.map { Double($0) }
            if rows.isEmpty && number == 0 && values.allSatisfy({ $0 == nil }) { continue }
            guard let bad = values.firstIndex(where: { $0 == nil }) else {
                let row = values.map { $0! }
                if let first = rows.first, first.count != row.count {
                    throw RuntimeError.builtin("\(name):\(number + 1): \(row.count) values where earlier lines have \(first.count)")
                }
                rows.append(row)
                continue
            }
            // The cell is not quoted: a file that is not data (a key, a password file) must
            // not be echoed into a page or a CI log through this message.
            let column = cells[..<bad].reduce(1) { $0 + $1.count + 1 }
            throw RuntimeError.builtin("\(name):\(number + 1):\(column): not a number, so this is not a CSV file of numbers",
                               notes: [.init("load reads comma-separated numbers, one row per line, after an optional header line")])
        }
        guard let width = rows.first?.count else { return NDArray(shape: [0, 0], values: []) }
        try engineCall { () throws(EngineError) in try Engine.Limits.check(Shape([rows.count, width])) }
        return NDArray(shape: Shape([rows.count, width]), values: rows.flatMap { $0 })
    }
}

extension DataFile {
    /// `text` without the white space at either end, as Foundation's `trimmingCharacters(in:)`
    /// with `.whitespacesAndNewlines` (or `.whitespaces`, keeping newlines) trims it: by
    /// Unicode scalars, the same set (Unicode's White_Space).
    static func withoutWhiteSpace(_ text: Substring, keepingNewlines: Bool) -> String {
        func isSpace(_ scalar: Unicode.Scalar) -> Bool {
            guard scalar.properties.isWhitespace else { return false }
            guard keepingNewlines else { return true }
            switch scalar.value {
            case 0x0A...0x0D, 0x85, 0x2028, 0x2029: return false
            default: return true
            }
        }
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !isSpace($0) })!
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}
