"""The baselines of `make bench`: the same work as each engine workload, in plain numpy with
hand-written backprop, in micrograd, and in CPython. Each command prints one JSON object;
times are the best of three runs, in seconds."""
import json
import sys
import time

import numpy as np

PRESETS = {
    # sizes, hidden activation, output sigmoid?, loss, batch, samples, steps, learning rate
    "xor": ([2, 4, 1], "sigmoid", True, "mse", 4, 4, 10_000, 0.5),
    "tiny": ([3, 4, 3], "sigmoid", True, "mse", 1, 10, 10_000, 0.5),
    "digits": ([64, 32, 10], "tanh", False, "ce", 32, 320, 2_000, 0.1),
    "wide": ([784, 256, 10], "relu", False, "ce", 64, 1_280, 200, 0.01),
}


def best_of(repetitions, body):
    fastest = float("inf")
    result = None
    for _ in range(repetitions):
        start = time.perf_counter()
        result = body()
        fastest = min(fastest, time.perf_counter() - start)
    return fastest, result


def numpy_preset(name):
    sizes, hidden, output_sigmoid, loss, batch, samples, steps, lr = PRESETS[name]
    rng = np.random.default_rng(2024)
    x = rng.uniform(-1, 1, (samples, sizes[0]))
    if loss == "ce":
        y = rng.integers(0, sizes[2], samples)
        onehot = np.eye(sizes[2])[y]
    else:
        onehot = rng.uniform(0, 1, (samples, sizes[2]))

    def run():
        init = np.random.default_rng(1)
        def glorot(o, i):
            limit = np.sqrt(6 / (i + o))
            return init.uniform(-limit, limit, (o, i))
        w1, b1 = glorot(sizes[1], sizes[0]), np.zeros(sizes[1])
        w2, b2 = glorot(sizes[2], sizes[1]), np.zeros(sizes[2])
        batches = samples // batch
        value = 0.0
        for step in range(steps):
            start = (step % batches) * batch
            xb, tb = x[start:start + batch], onehot[start:start + batch]
            z1 = xb @ w1.T + b1
            if hidden == "sigmoid":
                a1 = 1 / (1 + np.exp(-z1))
            elif hidden == "tanh":
                a1 = np.tanh(z1)
            else:
                a1 = np.maximum(z1, 0)
            z2 = a1 @ w2.T + b2
            if loss == "mse":
                a2 = 1 / (1 + np.exp(-z2)) if output_sigmoid else z2
                diff = a2 - tb
                value = np.mean(diff * diff)
                dz2 = 2 * diff / diff.size
                if output_sigmoid:
                    dz2 = dz2 * a2 * (1 - a2)
            else:
                shifted = z2 - z2.max(axis=1, keepdims=True)
                e = np.exp(shifted)
                p = e / e.sum(axis=1, keepdims=True)
                value = -np.sum(tb * (shifted - np.log(e.sum(axis=1, keepdims=True)))) / len(xb)
                dz2 = (p - tb) / len(xb)
            dw2, db2 = dz2.T @ a1, dz2.sum(axis=0)
            da1 = dz2 @ w2
            if hidden == "sigmoid":
                dz1 = da1 * a1 * (1 - a1)
            elif hidden == "tanh":
                dz1 = da1 * (1 - a1 * a1)
            else:
                dz1 = da1 * (z1 > 0)
            dw1, db1 = dz1.T @ xb, dz1.sum(axis=0)
            w1 -= lr * dw1
            b1 -= lr * db1
            w2 -= lr * dw2
            b2 -= lr * db2
        return value

    seconds, value = best_of(3, run)
    return {"preset": name, "seconds": seconds, "loss": float(value)}


def micrograd_scalar(expressions=20_000):
    """micrograd's Value graphs: a neuron of 16 inputs, relu(sum w_i x_i + b), built and sent
    backward again and again: 33 operation nodes per expression."""
    from micrograd.engine import Value

    weights = [Value(i * 0.01 - 0.05) for i in range(16)]
    inputs = [Value(i * 0.02 - 0.1) for i in range(16)]
    bias = Value(0.1)

    def run():
        for _ in range(expressions):
            total = bias
            for w, x in zip(weights, inputs):
                total = total + w * x
            out = total.relu()
            out.backward()
            for w in weights:
                w.grad = 0.0

    seconds, _ = best_of(3, run)
    return {"nodes_per_second": expressions * 33 / seconds}


if __name__ == "__main__":
    command = sys.argv[1]
    if command == "preset":
        print(json.dumps(numpy_preset(sys.argv[2])))
    elif command == "micrograd":
        print(json.dumps(micrograd_scalar()))
    else:
        sys.exit(f"unknown command {command}")
