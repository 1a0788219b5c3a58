@testable import TeXMath

/// The presentation MathML of `tex`: what sits inside `<semantics>`, before the annotation.
/// Expectations compare this, so they stay short.
func body(_ tex: String, display: Bool = false) -> String {
    let mathML = MathRenderer().render(tex, display: display).mathML
    guard let start = mathML.firstRange(of: "<semantics>"), let end = mathML.firstRange(of: "<annotation") else {
        return "no <semantics> in \(mathML)"
    }
    return String(mathML[start.upperBound..<end.lowerBound])
}

/// The warnings for `tex`, as `offset+length: message` strings.
func warnings(_ tex: String) -> [String] {
    MathRenderer().render(tex, display: false).warnings.map(\.description)
}
