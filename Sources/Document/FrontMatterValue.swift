/// A YAML value from the front matter, typed by the YAML 1.2 core schema: `yes` stays a
/// string, `2024-01-05` stays a string (never a date), `1e3` is a number.
public indirect enum FrontMatterValue: Sendable, Hashable {
    /// Text, including anything the core schema does not type (dates, `yes`).
    case string(String)
    /// An integer or a float (`30`, `1e-6`, `0x1F`, `.inf`).
    case number(Double)
    /// `true` or `false` (in any of the core schema's three spellings).
    case bool(Bool)
    /// A YAML sequence.
    case list([FrontMatterValue])
    /// A YAML mapping (keys as text).
    case map([String: FrontMatterValue])
    /// `null`, `~` or nothing at all.
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
