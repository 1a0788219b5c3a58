/// A YAML value from the front matter, typed by the YAML 1.2 core schema: `yes` stays a
/// string, `2024-01-05` stays a string (never a date), `1e3` is a number.
public indirect enum FrontMatterValue: Sendable, Hashable {
    case string(String)
    case number(Double)
    case bool(Bool)
    case list([FrontMatterValue])
    case map([String: FrontMatterValue])
    case null

    /// The text of a string value.
    public var string: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The value of a number.
    public var number: Double? {
        if case .number(let value) = self { return value }
        return nil
    }

    /// The value of a boolean.
    public var bool: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }
}
