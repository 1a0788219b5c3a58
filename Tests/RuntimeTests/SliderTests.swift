import Diagnostics
import Foundation
import Testing
@testable import Runtime

/// `slider(...)`: its default in the CLI, nothing on the record, validated like the other
/// built-ins, moved by `Configuration.sliderValues`, and remembered in `BlockResult.sliders`.
@Suite struct SliderTests {
    /// Each block's result, run in order in one interpreter.
    func results(_ blocks: String..., sliderValues: [Diagnostics.SourceLocation: Double] = [:]) -> [BlockResult] {
        LargeStack.run {
            let interpreter = Interpreter(configuration: .init(sliderValues: sliderValues))
            return blocks.map { interpreter.run($0) }
        }
    }

    func at(_ line: Int, _ column: Int) -> Diagnostics.SourceLocation { Diagnostics.SourceLocation(line: line, column: column) }

    @Test func givesItsDefaultAsAPlainNumber() {
        #expect(run("lr = slider(0.5, from: 0.01, to: 1, step: 0.01)\nlr, lr * 2").text == "(0.5, 1)")
        #expect(run("slider(3, from: 0, to: 10, step: 1)").text == "3")
        // Bound to a name it is a variable, as a literal would be.
        #expect(run("w = slider(2, from: 0, to: 5, step: 0.5)\nbackward(w^2)\nw.grad").text == "4")
        // Positional arguments and a label are accepted too.
        #expect(run("slider(0.25, 0, 1, 0.05, label: \"rate\")").text == "0.25")
    }

    @Test func displaysNothingSoTheRecordIsTheLiteral() {
        let body = "w = 2\nprint(\"lr is\", lr)\nw - lr * 3\nplot([lr, w], title: \"two\")"
        let withSlider = results("lr = slider(0.5, from: 0.01, to: 1, step: 0.01, label: \"learning rate\")\n" + body)[0]
        let withLiteral = results("lr = 0.5\n" + body)[0]
        #expect(withSlider.errors.isEmpty)
        #expect(withSlider.recordedText == withLiteral.recordedText)
        #expect(withSlider.items == withLiteral.items)
        #expect(withSlider.sliders.count == 1)
        let alone = results("lr = slider(0.5, from: 0.01, to: 1, step: 0.01)")[0]
        #expect(alone.items.isEmpty)
        #expect(alone.recordedText == nil)
    }

    @Test(arguments: [
        ("slider(exp(1000), from: 0, to: 1, step: 0.1)", "'default' of slider must be a finite number, not inf", "1:8"),
        ("slider(0.5, from: -exp(1000), to: 1, step: 0.1)", "'from' of slider must be a finite number, not -inf", "1:19"),
        ("slider(0.5, from: 0, to: 0 * exp(1000), step: 0.1)", "'to' of slider must be a finite number, not nan", "1:26"),
        ("slider(0.5, from: 0, to: 1, step: exp(1000))", "'step' of slider must be a finite number, not inf", "1:35"),
        ("slider(0.5, from: 0, to: \"one\", step: 0.1)", "'to' of slider must be a number, not a string", "1:26"),
        ("slider([0.5, 1], from: 0, to: 1, step: 0.1)", "'default' of slider must be a number, not a tensor of shape [2]", "1:8"),
        ("slider(0.5, from: 1, to: 0, step: 0.1)", "a slider runs from a smaller number to a larger one, but from is 1 and to is 0", "1:26"),
        ("slider(1, from: 1, to: 1, step: 0.1)", "a slider runs from a smaller number to a larger one, but from is 1 and to is 1", "1:24"),
        ("slider(-0.5, from: 0, to: 1, step: 0.1)", "the default -0.5 is outside the slider's range, 0 to 1", "1:8"),
        ("slider(1.5, from: 0, to: 1, step: 0.1)", "the default 1.5 is outside the slider's range, 0 to 1", "1:8"),
        ("slider(0.5, from: 0, to: 1, step: 0)", "a slider's step must be greater than 0, not 0", "1:35"),
        ("slider(0.5, from: 0, to: 1, step: -0.1)", "a slider's step must be greater than 0, not -0.1", "1:35"),
        ("slider(0.5, from: 0, to: 1, step: 2)", "the step 2 is larger than the slider's range, 0 to 1", "1:35"),
        ("slider(0.5, from: 0, to: 1, step: 0.1, label: 3)", "'label' of slider must be a string, not a number", "1:47"),
        ("slider(0.5, from: 0, to: 1)", "slider needs the argument 'step'", "1:1"),
        ("x = 1\ny = slider(0.5, from: 0, to: 1, step: 0.1, lable: \"x\")", "slider has no argument 'lable'", "2:51"),
    ])
    func refusesWhatNoControlCouldShow(code: String, message: String, location: String) {
        let result = results(code)[0]
        let error = result.errors.first
        #expect(error?.message == message)
        #expect(error?.range.map { "\($0.start.line):\($0.start.column)" } == location)
        #expect(result.sliders.isEmpty)
    }

    @Test func aMovedSliderIsClampedAndSnappedToItsSteps() {
        let code = "lr = 0\nlr = slider(0.5, from: 0.01, to: 1, step: 0.01)\nprint(format(lr, digits: 17))"
        func moved(to value: Double) -> String {
            results(code, sliderValues: [at(2, 6): value])[0].recordedText ?? ""
        }
        // A value on a step is used as given.
        #expect(moved(to: 0.25) == "0.25")
        #expect(moved(to: 1) == "1")
        #expect(moved(to: 0.01) == "0.01")
        // Past either end, the end.
        #expect(moved(to: 7) == "1")
        #expect(moved(to: -3) == "0.01")
        #expect(moved(to: .infinity) == "1")
        // Between steps, the nearest step from `from`: 0.01 + 22 × 0.01, as the language computes it.
        #expect(moved(to: 0.2345) == run("print(format(0.01 + 22 * 0.01, digits: 17))").text)
        // NaN means nothing a control can set: the default.
        #expect(moved(to: .nan) == "0.5")
        // Another location leaves the slider at its default.
        #expect(results(code, sliderValues: [at(2, 1): 0.25])[0].recordedText == "0.5")
        // The spec still reports the default.
        let spec = results(code, sliderValues: [at(2, 6): 0.25])[0].sliders.first
        #expect(spec?.defaultValue == 0.5)
    }

    @Test func aStepThatDoesNotDivideTheRangeStopsAtTheLastStepBeforeTheEnd() {
        let spec = SliderSpec(range: SourceRange(at: at(1, 1)), defaultValue: 0, from: 0, to: 1, step: 0.3)
        #expect(abs(spec.value(for: 1) - 0.9) < 1e-15)
        #expect(spec.value(for: 0.44) == 0.3)
        #expect(abs(spec.value(for: 0.46) - 0.6) < 1e-15)
        // A whole-number slider gives whole numbers: a seed.
        let seed = SliderSpec(range: SourceRange(at: at(1, 1)), defaultValue: 7, from: 0, to: 20, step: 1)
        #expect(seed.value(for: 4.4) == 4)
        #expect(seed.value(for: 12.5) == 13)
        #expect(seed.value(for: 25) == 20)
    }

    @Test func aWholeNumberSliderIsAcceptedWhereAWholeNumberIsRequired() {
        let fromSlider = run("net = Sequential(Linear(2, 2), seed: slider(4, from: 0, to: 20, step: 1))\nnet[0].weight")
        let fromLiteral = run("net = Sequential(Linear(2, 2), seed: 4)\nnet[0].weight")
        #expect(fromSlider.error == nil)
        #expect(fromSlider.text == fromLiteral.text)
        let moved = results("s = slider(4, from: 0, to: 20, step: 1)\nseed(s)\nrandn(2)", sliderValues: [at(1, 5): 9.2])[0]
        #expect(moved.errors.isEmpty)
        #expect(moved.recordedText == run("seed(9)\nrandn(2)").text)
    }

    @Test func specsAreKeptOncePerCallSiteInTheOrderFirstReached() {
        let blocks = results(
            "fn rate() { slider(0.1, from: 0, to: 1, step: 0.1, label: \"rate\") }",
            "a = slider(2, from: 0, to: 10, step: 1)\nb = rate() + rate()\nfor i in 0..<3 { c = slider(0.5, from: 0, to: 1, step: 0.5) }\nd = rate()",
            "rate()")
        // Defining the function evaluates no slider.
        #expect(blocks[0].sliders.isEmpty)
        #expect(blocks[1].sliders.map(\.range.start) == [at(1, 5), at(1, 13), at(3, 22)])
        #expect(blocks[1].sliders.map(\.label) == [nil, "rate", nil])
        #expect(blocks[1].sliders[0] == SliderSpec(range: SourceRange(start: at(1, 5), end: at(1, 40)), defaultValue: 2, from: 0, to: 10, step: 1))
        #expect(blocks[1].sliders[1].defaultValue == 0.1)
        #expect(blocks[1].sliders[2].step == 0.5)
        // Each block reports the sliders it evaluated itself, wherever they are written.
        #expect(blocks[2].sliders.map(\.range.start) == [at(1, 13)])
    }

    @Test func aFailedBlockStillReportsTheSlidersItReached() {
        let result = results("n = slider(3, from: 1, to: 5, step: 1)\nzeros(n) + zeros(2)\nm = slider(1, from: 0, to: 2, step: 1)")[0]
        #expect(result.failed)
        #expect(result.sliders.map(\.defaultValue) == [3])
    }

    @Test func slidersSurviveTheCodableRoundTrip() throws {
        let result = results("lr = slider(0.5, from: 0.01, to: 1, step: 0.01, label: \"η\")\nk = slider(3, from: 0, to: 9, step: 1)\nlr * k")[0]
        #expect(result.sliders.count == 2)
        let data = try JSONEncoder().encode(result)
        let decoded = try JSONDecoder().decode(BlockResult.self, from: data)
        #expect(decoded == result)
        #expect(decoded.sliders == result.sliders)
        #expect(decoded.sliders[0].label == "η")
        #expect(decoded.recordedText == "1.5")
        // A result encoded before sliders existed decodes with none.
        var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        object["sliders"] = nil
        let older = try JSONDecoder().decode(BlockResult.self, from: try JSONSerialization.data(withJSONObject: object))
        #expect(older.sliders.isEmpty)
        #expect(older.items == result.items)
    }
}
