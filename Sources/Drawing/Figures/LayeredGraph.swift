/// The layered drawing of a circuit (Sugiyama's method): layers by longest path from the
/// inputs, long edges split by wire slots so every link joins neighbouring layers, and the
/// order within layers chosen by barycentre sweeps to reduce crossings.
///
/// A source that feeds several vertices further right continues as one wire (one slot
/// per layer crossed), which branches where its consumers are: the wire carries one value
/// and one gradient, so it is labelled once.
struct LayeredGraph: Equatable {
    /// A vertex, or a stretch of a long wire from `source` through this layer.
    struct Slot: Equatable {
        var layer: Int
        var vertex: Int?
        var source: Int
    }

    /// A link between neighbouring layers, into argument `port` of `ports` at its target
    /// (a wire slot has one port).
    struct Link: Equatable {
        var from: Int
        var to: Int
        var port: Int
        var ports: Int
    }

    var slots: [Slot]
    var links: [Link]
    /// Slots in each layer, top to bottom.
    var layers: [[Int]]
    /// The slot of each vertex.
    var slotOfVertex: [Int]

    /// `inputs[v]`: the vertices `v` is computed from, with their argument positions.
    init(inputs: [[Int]], ports: [[Int]]? = nil, arity: [Int]? = nil, leafSlack: Int? = nil) {
        let layerOf = LayeredGraph.layers(inputs: inputs, leafSlack: leafSlack)
        var slots = inputs.indices.map { Slot(layer: layerOf[$0], vertex: $0, source: $0) }
        let slotOfVertex = Array(inputs.indices)
        var links: [Link] = []
        // Consumers of each vertex, and the wire slots it needs.
        var farthest = layerOf
        for (v, list) in inputs.enumerated() {
            for u in list { farthest[u] = max(farthest[u], layerOf[v]) }
        }
        var wireSlot: [Int: [Int: Int]] = [:]  // source -> layer -> slot
        for u in inputs.indices where farthest[u] > layerOf[u] + 1 {
            var previous = slotOfVertex[u]
            for layer in (layerOf[u] + 1)..<farthest[u] {
                slots.append(Slot(layer: layer, vertex: nil, source: u))
                let slot = slots.count - 1
                wireSlot[u, default: [:]][layer] = slot
                links.append(Link(from: previous, to: slot, port: 0, ports: 1))
                previous = slot
            }
        }
        for (v, list) in inputs.enumerated() {
            for (position, u) in list.enumerated() {
                let from = layerOf[v] - 1 == layerOf[u] ? slotOfVertex[u] : wireSlot[u]![layerOf[v] - 1]!
                let port = ports?[v][position] ?? position
                let count = arity?[v] ?? list.count
                links.append(Link(from: from, to: slotOfVertex[v], port: port, ports: max(count, port + 1)))
            }
        }
        let layerCount = (layerOf.max() ?? -1) + 1
        var layers = [[Int]](repeating: [], count: layerCount)
        // Initial order: depth-first from the last vertex through inputs in argument order,
        // so `x + y` starts with x above y.
        let rank = LayeredGraph.depthFirstRank(inputs: inputs)
        let key = { (slot: Slot) -> Double in Double(rank[slot.source]) + (slot.vertex == nil ? 0.5 : 0) }
        for (index, slot) in slots.enumerated() {
            layers[slot.layer].append(index)
        }
        for layer in layers.indices {
            layers[layer].sort { (key(slots[$0]), $0) < (key(slots[$1]), $1) }
        }
        self.slots = slots
        self.links = links
        self.layers = layers
        self.slotOfVertex = slotOfVertex
    }

    /// Layer of each vertex: an operation is one more than its deepest input (the longest
    /// path from the inputs); an input is in layer 0, or, when `leafSlack` is given, moved
    /// right to at most `leafSlack` layers before its first use, so an input used deep in
    /// a large graph does not drag a wire across it.
    static func layers(inputs: [[Int]], leafSlack: Int? = nil) -> [Int] {
        var layer = [Int](repeating: 0, count: inputs.count)
        for (v, list) in inputs.enumerated() {
            layer[v] = list.isEmpty ? 0 : (list.map { layer[$0] }.max() ?? 0) + 1
        }
        guard let leafSlack else { return layer }
        var firstUse = [Int?](repeating: nil, count: inputs.count)
        for (v, list) in inputs.enumerated() {
            for u in list { firstUse[u] = min(firstUse[u] ?? layer[v], layer[v]) }
        }
        for v in inputs.indices where inputs[v].isEmpty {
            if let use = firstUse[v] { layer[v] = max(0, use - 1 - leafSlack) }
        }
        return layer
    }

    /// Post-order rank from the last vertex (the root, by topological order), inputs in
    /// argument order; vertices it does not reach come after, in index order.
    static func depthFirstRank(inputs: [[Int]]) -> [Int] {
        var rank = [Int](repeating: -1, count: inputs.count)
        var next = 0
        var stack: [(Int, Int)] = []
        for start in inputs.indices.reversed() where rank[start] < 0 {
            stack.append((start, 0))
            var onStack = Set([start])
            while let (v, child) = stack.popLast() {
                if child < inputs[v].count {
                    stack.append((v, child + 1))
                    let u = inputs[v][child]
                    if rank[u] < 0, !onStack.contains(u) {
                        onStack.insert(u)
                        stack.append((u, 0))
                    }
                } else if rank[v] < 0 {
                    rank[v] = next
                    next += 1
                }
            }
        }
        return rank
    }

    // MARK: Crossings

    /// Position of every slot within its layer.
    func positions() -> [Int] {
        var position = [Int](repeating: 0, count: slots.count)
        for layer in layers {
            for (index, slot) in layer.enumerated() { position[slot] = index }
        }
        return position
    }

    /// Number of pairs of links that cross. Links leaving one slot start at one point and
    /// never cross each other; links into one vertex arrive at its ports in argument
    /// order (top to bottom), so sources in the wrong order count as crossings.
    func crossings() -> Int {
        let position = positions()
        var byLayer = [[(Int, Int)]](repeating: [], count: layers.count)
        for link in links {
            let layer = slots[link.from].layer
            byLayer[layer].append((position[link.from], position[link.to] * 64 + min(link.port, 63)))
        }
        var total = 0
        for pairs in byLayer {
            let sorted = pairs.sorted { $0 < $1 }
            for i in sorted.indices {
                for j in (i + 1)..<sorted.count where sorted[i].0 < sorted[j].0 && sorted[i].1 > sorted[j].1 {
                    total += 1
                }
            }
        }
        return total
    }

    /// Barycentre sweeps, left to right then right to left, keeping the order with the
    /// fewest crossings (the first found among equals). Deterministic: ties keep the
    /// current order.
    mutating func reduceCrossings(sweeps: Int = 12) {
        var best = layers
        var bestCount = crossings()
        guard bestCount > 0, layers.count > 1 else { return }
        var incoming = [[Link]](repeating: [], count: slots.count)
        var outgoing = [[Link]](repeating: [], count: slots.count)
        for link in links {
            incoming[link.to].append(link)
            outgoing[link.from].append(link)
        }
        for _ in 0..<sweeps {
            for downward in [true, false] {
                let order = downward ? Array(1..<layers.count) : Array((0..<(layers.count - 1)).reversed())
                for layer in order {
                    let position = positions()
                    let barycentre = { (slot: Int) -> Double in
                        if downward {
                            let sources = incoming[slot]
                            guard !sources.isEmpty else { return Double(position[slot]) }
                            return sources.map { Double(position[$0.from]) }.reduce(0, +) / Double(sources.count)
                        } else {
                            let targets = outgoing[slot]
                            guard !targets.isEmpty else { return Double(position[slot]) }
                            // A small shift by port keeps a vertex's arguments in order.
                            return targets.map { Double(position[$0.to]) + 0.1 * (Double($0.port) / Double(max(1, $0.ports)) - 0.5) }
                                .reduce(0, +) / Double(targets.count)
                        }
                    }
                    let values = layers[layer].map { ($0, barycentre($0), position[$0]) }
                    layers[layer] = values.sorted { ($0.1, $0.2) < ($1.1, $1.2) }.map { $0.0 }
                }
                let count = crossings()
                if count < bestCount {
                    bestCount = count
                    best = layers
                }
                if bestCount == 0 { break }
            }
            if bestCount == 0 { break }
        }
        layers = best
    }

    // MARK: Coordinates

    /// Positions for one layer's slots, in order, as close as possible (least squares) to
    /// `desired` while consecutive slots keep at least `gaps[i]` between slot i and i + 1:
    /// pool-adjacent-violators on the positions minus their minimal offsets.
    static func place(desired: [Double], gaps: [Double], weights: [Double]? = nil) -> [Double] {
        guard !desired.isEmpty else { return [] }
        var offset = [0.0]
        for gap in gaps.prefix(desired.count - 1) { offset.append(offset[offset.count - 1] + gap) }
        // Blocks of (weighted mean, weight, count).
        var blocks: [(mean: Double, weight: Double, count: Int)] = []
        for index in desired.indices {
            let weight = weights?[index] ?? 1
            blocks.append((desired[index] - offset[index], weight, 1))
            while blocks.count > 1, blocks[blocks.count - 2].mean > blocks[blocks.count - 1].mean {
                let b = blocks.removeLast()
                let a = blocks.removeLast()
                let weight = a.weight + b.weight
                blocks.append(((a.mean * a.weight + b.mean * b.weight) / weight, weight, a.count + b.count))
            }
        }
        var out: [Double] = []
        for block in blocks {
            for _ in 0..<block.count { out.append(block.mean + offset[out.count]) }
        }
        return out
    }
}
