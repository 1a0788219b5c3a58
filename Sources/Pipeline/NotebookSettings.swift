import Diagnostics
import Document
import Runtime

/// What a notebook's front matter sets beyond its title: limits and comparison tolerance.
///
///     ---
///     title: Gradient descent
///     timeout: 120          # seconds for the whole notebook (default 60, at most 3600)
///     max_recursion: 2000   # nested calls (default 1000, at most 10000)
///     max_elements: 1e8     # elements of one tensor (default 2^27, at most 2^30)
///     max_output: 2000000   # characters one block may display (default 1e6, at most 2e7)
///     rtol: 1e-9            # compare recorded numbers with this relative tolerance
///     ---
public struct NotebookSettings: Sendable, Hashable {
    public var limits = ExecutionLimits()
    /// Relative tolerance for comparing numbers in recorded outputs; nil means exact.
    public var rtol: Double?
    /// Problems with the settings (a wrong type, a value past its cap), at their lines.
    public var diagnostics: [Diagnostic] = []

    /// The front-matter keys this reads, besides title, description and order.
    public static let keys = ["timeout", "max_recursion", "max_elements", "max_output", "max_graph", "rtol"]

    public init() {}

    public init(_ notebook: Notebook) {
        let front = notebook.frontMatter
        func number(_ key: String, cap: Double, minimum: Double) -> Double? {
            guard let value = front.values[key] else { return nil }
            let location = front.location(of: key).map { SourceRange(at: $0) }
            guard let x = value.number, x.isFinite else {
                diagnostics.append(.error("'\(key)' must be a number", file: notebook.path, at: location))
                return nil
            }
            guard x >= minimum else {
                diagnostics.append(.error("'\(key)' must be at least \(Self.shown(minimum))", file: notebook.path, at: location))
                return nil
            }
            guard x <= cap else {
                diagnostics.append(.error("'\(key)' can be at most \(Self.shown(cap))", file: notebook.path, at: location,
                                          notes: [.init("the caps keep one notebook from taking the whole machine")]))
                return nil
            }
            return x
        }
        let caps = ExecutionLimits.caps
        if let x = number("timeout", cap: caps.timeBudget, minimum: 0.001) { limits.timeBudget = x }
        if let x = number("max_recursion", cap: Double(caps.recursionDepth), minimum: 1) { limits.recursionDepth = Int(x) }
        if let x = number("max_elements", cap: Double(caps.tensorElements), minimum: 1) { limits.tensorElements = Int(x) }
        if let x = number("max_output", cap: Double(caps.outputCharacters), minimum: 1) { limits.outputCharacters = Int(x) }
        if let x = number("max_graph", cap: Double(caps.graphOperations), minimum: 1) { limits.graphOperations = Int(x) }
        rtol = number("rtol", cap: 1, minimum: 0)
    }

    /// A limit as written in the front matter: `3600`, `1073741824`, `0.001`.
    static func shown(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : "\(x)"
    }
}
