import Foundation

/// exp and log under names that do not clash with Tensor's methods of the same name.
@inline(__always) func _exp(_ x: Double) -> Double { ElementaryFunctions.exp(x) }
@inline(__always) func _log(_ x: Double) -> Double { Foundation.log(x) }
