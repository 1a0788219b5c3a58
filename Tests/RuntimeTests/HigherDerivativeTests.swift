import Testing
@testable import Runtime

/// Derivatives of derivatives, Hessians, Jacobians and gradient checks of functions, as a
/// notebook writes them, against closed forms.
@Suite struct HigherDerivativeTests {
    @Test(arguments: [
        // d²/dx² x³ = 6x; d³/dx³ x⁴ = 24x; (e^x)'' = e^x.
        ("fn f(x) { x^3 }\nderivative(fn(t) { derivative(f, t) }, 2)", "12"),
        ("fn f(x) { x^4 }\nfn d1(x) { derivative(f, x) }\nfn d2(x) { derivative(d1, x) }\nderivative(d2, 1.5)", "36"),
        ("derivative(fn(t) { derivative(exp, t) }, 0)", "1"),
        // σ'' at 0 is 0; σ'(x) = σ(1 − σ), so σ'' = σ'(1 − 2σ).
        ("s = sigmoid(1)\nassert_close(derivative(fn(t) { derivative(sigmoid, t) }, 1), s * (1 - s) * (1 - 2 * s))\n\"ok\"", "ok"),
        // A slope a function computes with backward(create_graph: true) differentiates again.
        ("fn slope(w) { y = w^3\n backward(y, create_graph: true)\n w.grad }\nderivative(slope, 2)", "12"),
        ("w = 3\ny = 2 * w^2\nbackward(y, create_graph: true)\ng = w.grad\nzero_grad(w)\nbackward(g)\ng, w.grad", "(12, 4)"),
        // The Hessian of ½(x² + 25y²) is diag(1, 25) everywhere; of a dot product with itself, 2I.
        ("hessian(fn(w) { 0.5 * (w[0]^2 + 25 * w[1]^2) }, [3, -1])", "[[1, 0],\n [0, 25]]"),
        ("hessian(fn(v) { v @ v }, [1, 2, 3])", "[[2, 0, 0],\n [0, 2, 0],\n [0, 0, 2]]"),
        // Mixed partials: f = x y² has H = [[0, 2y], [2y, 2x]].
        ("hessian(fn(p) { p[0] * p[1]^2 }, [2, 5])", "[[0, 10],\n [10, 4]]"),
        // softmax's Jacobian is diag(p) − p pᵀ; a linear map's is its matrix.
        ("z = [1, 2, 3]\np = softmax(z)\nassert_close(jacobian(softmax, z), eye(3) * p - outer(p, p))\n\"ok\"", "ok"),
        ("A = [[1, 2], [3, 4], [5, 6]]\njacobian(fn(x) { A @ x }, [1, 1])", "[[1, 2],\n [3, 4],\n [5, 6]]"),
        // gradcheck of any function of a tensor.
        ("gradcheck(fn(x) { sum(tanh(x) * x^2) }, [0.5, -1, 2])", "true"),
    ])
    func closedForms(_ source: String, _ expected: String) {
        let outcome = run(source)
        #expect(outcome.error == nil, "\(source): \(outcome.error ?? "")")
        #expect(outcome.text == expected, "\(source)")
    }

    @Test func aWrongGradientIsCaughtAndTheFormsAreExplained() {
        // gradcheck compares backward with central differences: a hand-made "gradient" that
        // is wrong cannot be built in the language, so check the function form's messages.
        #expect(run("gradcheck(fn(x) { x }, [1, 2])").error?.contains("needs a function that returns a number") == true)
        #expect(run("gradcheck(fn(x) { sum(x) }, [1, 2], [3])").error?.contains("takes no Y and no loss") == true)
        #expect(run("hessian(fn(x) { x * 2 }, [1, 2])").error?.contains("hessian needs a function that returns a number; the anonymous function returned a tensor of shape [2]") == true,
                "\(run("hessian(fn(x) { x * 2 }, [1, 2])").error ?? "")")
        #expect(run("derivative(fn(x) { [x, x] }, 1)").errors.first?.notes.map(\.message) == ["for a function with a vector result, jacobian(f, x)"])
    }
}
