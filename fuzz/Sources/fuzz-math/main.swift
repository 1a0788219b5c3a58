import TeXMath

/// libFuzzer's entry: TeX to MathML on any text. Rendering never fails; it must not trap,
/// hang or produce a document that is not one `<math>` element.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMath(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let tex = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let renderer = MathRenderer()
    for display in [false, true] {
        let math = renderer.render(tex, display: display)
        precondition(math.mathML.hasPrefix("<math") && math.mathML.hasSuffix("</math>"), "not one <math> element")
        precondition(math.warnings.count <= MathRenderer.maximumWarnings, "too many warnings")
    }
    return 0
}
