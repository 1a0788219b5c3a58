import Engine
import Testing

/// What a user can observe of a computation, for tests that hold two ways of computing the
/// same thing to giving the same: the graph behind a value, as `computationGraph` reads it
/// back, and how many more operations the open graph takes before `Limits.maxOperations`
/// cuts it (which tells whether a way recorded anything that no result reaches).
enum Observed {
    /// Each node of the graph behind `t`: its operation, its inputs, its label, its value
    /// bit for bit and, once a backward pass has reached it, its gradient bit for bit.
    static func graph(_ t: Tensor) -> [String] {
        t.computationGraph.nodes.map { node in
            "\(node.operation) \(node.inputs) \(node.label ?? "-") \(bits(node.value)) grad \(node.grad.map(bits) ?? "none")"
        }
    }

    static func bits(_ array: NDArray) -> String {
        "\(array.shape.dims):" + array.values.map { String($0.bitPattern, radix: 16) }.joined(separator: ",")
    }

    /// How many operations can still be recorded before the open graph is cut (a fresh
    /// graph when none is open): negations of a fresh variable are recorded until
    /// `Graph.truncations` moves. Set `Limits.maxOperations` low first. Leaves the graph cut.
    static func room() throws -> Int {
        let before = Graph.truncations
        let probe = Variable(1)
        var x = probe.tensor
        var count = 0
        while Graph.truncations == before {
            guard count <= Limits.maxOperations else {
                Issue.record("no cut after \(count) operations with Limits.maxOperations = \(Limits.maxOperations)")
                break
            }
            x = -x
            count += 1
        }
        return count
    }

    /// `body` with `Limits.maxOperations` at `limit`, restored afterwards.
    static func withOperationLimit<R>(_ limit: Int, _ body: () throws -> R) rethrows -> R {
        let saved = Limits.maxOperations
        defer { Limits.maxOperations = saved }
        Limits.maxOperations = limit
        return try body()
    }
}
