import Diagnostics

/// A value the notebook computes, shown in its prose: `<!--= x.grad -->-4<!--/-->`.
///
/// The expression sits in an HTML comment, so GitHub and any Markdown viewer hide it and
/// show the recorded value between the two comments; `chainrule update` rewrites that value
/// (and nothing else), `check` fails when it is stale, and the site shows the value the code
/// gives. The expression is evaluated after the computation blocks above it have run.
public struct ComputedValue: Sendable, Hashable {
    /// Its place among the notebook's computed values, in document order.
    public let index: Int
    public let expression: String
    /// Where the expression starts in the file.
    public let location: SourceLocation
    /// The value as recorded in the file (Markdown, with its special characters escaped).
    public let recorded: String
    /// Where the recorded value lies in the file.
    public let recordedRange: Range<Int>
    /// How many computation blocks come before it.
    public let afterBlock: Int

    public init(index: Int, expression: String, location: SourceLocation, recorded: String, recordedRange: Range<Int>, afterBlock: Int) {
        self.index = index
        self.expression = expression
        self.location = location
        self.recorded = recorded
        self.recordedRange = recordedRange
        self.afterBlock = afterBlock
    }

    /// A value's text as it is recorded in Markdown: the characters Markdown would read as
    /// syntax inside a line (`*`, `_`, `` ` ``, `<`, `$`, `|`, `~`, `\`) escaped with a
    /// backslash, so that a viewer shows the value as it is. (Brackets stay: without a link
    /// after them, `[1, 2]` is text.)
    public static func recordedText(_ value: String) -> String {
        var out = ""
        for character in value {
            if "\\`*_<>|$~".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }

    /// The value a recorded text stands for (backslash escapes resolved).
    public static func unescaped(_ recorded: String) -> String {
        var out = ""
        var escaping = false
        for character in recorded {
            if character == "\\" && !escaping {
                escaping = true
                continue
            }
            escaping = false
            out.append(character)
        }
        return out
    }
}
