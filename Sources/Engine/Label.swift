import Foundation

/// A name shown for values in graph diagrams (the variable a value was bound to).
///
/// Names are interned once, so labelling a value costs a 4-byte store: an interpreter
/// labels every value it binds to a name, which in a loop is every iteration.
@_spi(Runtime) public struct Label: Hashable, Sendable {
    /// 0 means no label.
    let id: Int32

    public init(_ name: String) {
        id = LabelTable.shared.intern(name)
    }

    init(id: Int32) {
        self.id = id
    }

    public var name: String { LabelTable.shared.name(id) }
}

/// Every name interned so far, for all threads.
final class LabelTable: @unchecked Sendable {
    static let shared = LabelTable()

    private let lock = NSLock()
    private var names: [String] = [""]
    private var ids: [String: Int32] = [:]

    func intern(_ name: String) -> Int32 {
        lock.lock()
        defer { lock.unlock() }
        if let id = ids[name] { return id }
        names.append(name)
        let id = Int32(names.count - 1)
        ids[name] = id
        return id
    }

    func name(_ id: Int32) -> String {
        lock.lock()
        defer { lock.unlock() }
        return names[Int(id)]
    }
}
