/// A function with parameters: the building block of networks.
public protocol Layer: AnyObject {
    /// The layer's variables, in a fixed order (weights before biases, layer by layer).
    var parameters: [Variable] { get }
    /// The same variables with the path a notebook reaches them by (`[0].weight`).
    var namedParameters: [(name: String, variable: Variable)] { get }
    /// Applies the layer to one sample (a vector) or to a batch (one sample per row).
    func callAsFunction(_ input: Tensor) throws(EngineError) -> Tensor
    /// Draws fresh initial parameters.
    func initialize(using generator: inout RandomGenerator)
    /// How the layer is written in a notebook: `Linear(2, 4)`, `Sigmoid()`.
    var description: String { get }
}

extension Layer {
    public var namedParameters: [(name: String, variable: Variable)] {
        parameters.enumerated().map { (index, variable) in (variable.name.map { "." + $0 } ?? "parameter \(index)", variable) }
    }

    /// Names each parameter by the path a notebook reaches it by from `name`
    /// (`net[0].weight`), so a graph diagram tells one layer's weight from another's. A
    /// parameter that a path names already keeps that name, as a variable keeps the first
    /// name it is bound to: putting `layer` into `net` leaves `layer.weight` as it was.
    public func nameParameters(after name: String) {
        for (path, variable) in namedParameters where path.hasPrefix(".") || path.hasPrefix("[") {
            // Layers name their parameters with a bare word (`weight`); only a path has a dot.
            if let current = variable.name, current.contains(".") { continue }
            variable.name = name + path
        }
    }

    public func zeroGrad() {
        for parameter in parameters { parameter.zeroGrad() }
    }

    /// The number of scalar parameters.
    public var parameterCount: Int { parameters.reduce(0) { $0 + $1.value.count } }
}
