import Diagnostics
import Runtime

extension SliderSpec {
    /// A slider as a page reads it: where its call starts, its default, range, step and label.
    public var json: JSON {
        .object([
            ("line", .number(Double(range.start.line))),
            ("column", .number(Double(range.start.column))),
            ("default", .number(defaultValue)),
            ("from", .number(from)),
            ("to", .number(to)),
            ("step", .number(step)),
            ("label", label.map { .string($0) } ?? .null),
        ])
    }

    /// The slider `json` describes (nil when a field is missing); its range is where the call
    /// starts, which is all a page needs of it.
    public init?(json: JSON) {
        guard let line = json["line"]?.int, let column = json["column"]?.int, let value = json["default"]?.number,
            let from = json["from"]?.number, let to = json["to"]?.number, let step = json["step"]?.number
        else { return nil }
        let start = SourceLocation(line: line, column: column)
        self.init(range: SourceRange(start: start, end: start), defaultValue: value, from: from, to: to, step: step,
                  label: json["label"]?.string)
    }
}
