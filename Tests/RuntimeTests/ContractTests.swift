import Testing
@testable import Runtime

/// Every example of the notebook contract (design/language.md), with the outputs it promises.
@Suite struct ContractTests {
    @Test func scalarsAndTheChainRule() {
        let outcome = run("""
            x = -2
            y = 5
            z = -4
            q = x + y
            f = q * z
            f
            backward(f)
            x.grad, y.grad, z.grad
            """)
        #expect(outcome.text == "-12\n(-4, -4, 3)")
    }

    @Test func sigmoidNeuron() {
        let outcome = run("""
            w0 = 2
            w1 = -3
            w2 = -3
            x0 = -1
            x1 = -2
            out = sigmoid(w0 * x0 + w1 * x1 + w2)
            out
            backward(out)
            x0.grad, x1.grad
            w0.grad, w1.grad, w2.grad
            """)
        #expect(outcome.text == "0.731059\n(0.393224, -0.589836)\n(-0.196612, -0.393224, 0.196612)")
    }

    @Test func functionsLoopsDerivative() {
        let outcome = run("""
            fn loss(w) { (12 - 3 * w)^2 }
            w = 0
            for step in 0..<100 {
              w = w - 0.01 * derivative(loss, w)
            }
            w
            loss(w) < 1e-12
            """)
        #expect(outcome.text == "4\ntrue")
    }

    @Test func tensorsAndNetworks() {
        let outcome = run("""
            net = Sequential(Linear(2, 2), Sigmoid(), Linear(2, 2), Sigmoid())
            net[0].weight = [[0.15, 0.20], [0.25, 0.30]]
            net[0].bias = [0.35, 0.35]
            net[2].weight = [[0.40, 0.45], [0.50, 0.55]]
            net[2].bias = [0.60, 0.60]
            x = [0.05, 0.10]
            y = [0.01, 0.99]
            out = net(x)
            E = 0.5 * sum((y - out)^2)
            E
            """, """
            backward(E)
            net[2].weight.grad
            opt = SGD(net, lr: 0.5)
            opt.step()
            net[2].weight
            """)
        #expect(outcome.text == """
            0.298371
            [[0.082167, 0.0826676],
             [-0.0226025, -0.0227402]]
            [[0.358916, 0.408666],
             [0.511301, 0.56137]]
            """)
    }

    @Test func training() {
        let outcome = run("""
            X = [[0, 0], [0, 1], [1, 0], [1, 1]]
            Y = [[0], [1], [1], [0]]
            net = Sequential(Linear(2, 8), Tanh(), Linear(8, 1), Sigmoid(), seed: 1)
            history = train(net, X, Y, loss: mse, optimizer: SGD(net, lr: 0.5, momentum: 0.9), epochs: 2000)
            history.loss[-1] < 0.01
            round(net(X))
            plot(history.loss, title: "XOR training loss", xlabel: "epoch", ylog: true)
            """)
        let lines = outcome.text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0...4].joined(separator: "\n") == "true\n[[0],\n [1],\n [1],\n [0]]")
        #expect(lines[5].hasPrefix("plot \"XOR training loss\": 1 series of 2000 points; y: 0.25"))
        #expect(lines[5] == "plot \"XOR training loss\": 1 series of 2000 points; y: 0.25285 -> 3.40826e-05; log y #62dab3291854")
    }

    @Test func checkingADerivation() {
        let outcome = run("""
            net = Sequential(Linear(3, 4), Sigmoid(), Linear(4, 3), Sigmoid(), seed: 3)
            x = [1.0, 0.5, -1.0]
            y = [0.0, 1.0, 0.5]
            g = net(x)
            E = 0.5 * sum((g - y)^2)
            backward(E)
            delta = (g - y) * g * (1 - g)
            assert_close(net[2].bias.grad, delta)
            assert_close(net[2].weight.grad, outer(delta, sigmoid(net[0](x))))
            gradcheck(net, [x], [y], loss: mse)
            """)
        // The contract wrote `gradcheck(...) < 1e-6`, when gradcheck returned the largest
        // relative error. It now checks every element against a tolerance itself, as
        // assert_close does, and gives true or an error naming the worst element.
        #expect(outcome.text == "true")
        #expect(outcome.errors.isEmpty)
    }

    @Test func expectedErrorsNameBothShapes() {
        let outcome = run("[[1, 2], [3, 4]] @ [1, 2, 3]")
        #expect(outcome.error?.contains("[2, 2]") == true)
        #expect(outcome.error?.contains("[3]") == true)
    }
}
