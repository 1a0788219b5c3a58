import Diagnostics
import Display

extension Builtins {
    static let sliders: [Builtin] = [
        Builtin("slider", [required("default"), required("from"), required("to"), required("step"), optional("label")],
                summary: "its default, a number; on a live page, a control over [from, to] in steps of step, named by label, that re-runs the blocks using it") { (arguments) throws(RuntimeError) in
            let spec = try sliderSpec(arguments)
            let interpreter = arguments.interpreter
            interpreter.noteSlider(spec)
            let moved = interpreter.configuration.sliderValues[spec.range.start]
            return .number(moved.map(spec.value(for:)) ?? spec.defaultValue)
        },
    ]

    /// The slider a call describes, refused before the page would draw a control that
    /// cannot hold its own default, or a step that leaves nothing to slide.
    private static func sliderSpec(_ arguments: Arguments) throws(RuntimeError) -> SliderSpec {
        func finite(_ name: String) throws(RuntimeError) -> Double {
            let x = try arguments.double(name)
            guard x.isFinite else {
                throw RuntimeError.builtin("'\(name)' of slider must be a finite number, not \(ValueFormatter.inline(.number(x)))", argument: .label(name))
            }
            return x
        }
        let (value, from, to, step) = (try finite("default"), try finite("from"), try finite("to"), try finite("step"))
        let label = try arguments.string("label")
        func text(_ x: Double) -> String { ValueFormatter.inline(.number(x)) }
        guard from < to else {
            throw RuntimeError.builtin("a slider runs from a smaller number to a larger one, but from is \(text(from)) and to is \(text(to))",
                               argument: .label("to"))
        }
        guard value >= from, value <= to else {
            throw RuntimeError.builtin("the default \(text(value)) is outside the slider's range, \(text(from)) to \(text(to))",
                               argument: .label("default"))
        }
        guard step > 0 else {
            throw RuntimeError.builtin("a slider's step must be greater than 0, not \(text(step))", argument: .label("step"))
        }
        guard step <= to - from else {
            throw RuntimeError.builtin("the step \(text(step)) is larger than the slider's range, \(text(from)) to \(text(to))",
                               argument: .label("step"))
        }
        return SliderSpec(range: arguments.callRange, defaultValue: value, from: from, to: to, step: step, label: label)
    }
}

extension Interpreter {
    /// Keeps one spec per call site, in the order first reached: a page draws one control
    /// for a slider in a loop or in a function called twice, and moving it sets the value
    /// every evaluation of that call gets.
    func noteSlider(_ spec: SliderSpec) {
        guard !sliders.contains(where: { $0.range.start == spec.range.start }) else { return }
        sliders.append(spec)
    }
}
