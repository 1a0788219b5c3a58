"""The language rows of `make bench`: notebooks written in Chainrule's language, run by the
release binary, against the same loops in numpy and in CPython, measured in the same run.

The baselines are timed inside Python, so the notebooks' times leave out what `chainrule
run` spends before its first block runs (process start-up and reading the notebook): the
best time of an empty notebook, measured in the same run and subtracted. The scalar loop
is measured in both of the shapes it can take on either side: at the top level (a
notebook's globals; a Python module's) and inside a function (locals on both sides)."""
import os
import subprocess
import sys
import tempfile
import time

MAZUR_SETUP = """net = Sequential(Linear(2, 2), Sigmoid(), Linear(2, 2), Sigmoid())
net[0].weight = [[0.15, 0.20], [0.25, 0.30]]
net[0].bias = [0.35, 0.35]
net[2].weight = [[0.40, 0.45], [0.50, 0.55]]
net[2].bias = [0.60, 0.60]
x = [0.05, 0.10]
y = [0.01, 0.99]
opt = SGD(net, lr: 0.5)
"""

NOTEBOOKS = {
    # The Mazur 2-2-2 network trained for 10,000 steps by a for loop in the language.
    "mazur": MAZUR_SETUP + """for step in 0..<10000 {
  E = half_sse(net(x), y)
  opt.zero_grad()
  backward(E)
  opt.step()
}
E
""",
}


def scalar_loop(steps):
    """Arithmetic steps on one number (the logistic map): three operations a step."""
    return f"""x = 0.5
for i in 0..<{steps} {{
  x = 3.7 * x * (1 - x)
}}
x
"""


def scalar_loop_in_function(steps):
    """The same loop on a local of a function."""
    return f"""fn logistic(steps) {{
  x = 0.5
  for i in 0..<steps {{
    x = 3.7 * x * (1 - x)
  }}
  x
}}
logistic({steps})
"""


# A million arithmetic steps on one number.
NOTEBOOKS["scalar"] = scalar_loop(1_000_000)
NOTEBOOKS["scalar_function"] = scalar_loop_in_function(1_000_000)


def gradient_descent(steps):
    return f"""fn loss(w) {{ (12 - 3 * w)^2 }}
w = 0
for step in 0..<{steps} {{
  w = w - 0.001 * derivative(loss, w)
}}
w
"""


HESSIAN_SETUP = """seed(1)
X = randn(32, 10)
fn objective(w) {
  W = reshape(w, 10, 10)
  sum(tanh(X @ W)^2) / 32
}
w = randn(100) * 0.3
"""
# The Hessian of a 100-parameter function, and 100 gradients of it for comparison.
NOTEBOOKS["hessian"] = HESSIAN_SETUP + "H = hessian(objective, w)\nH.shape\n"
NOTEBOOKS["gradients"] = HESSIAN_SETUP + "for i in 0..<100 {\n  g = derivative(objective, w)\n}\ng.shape\n"


def numpy_hessian():
    """The same Hessian by central differences of the analytic gradient: 200 gradients."""
    import numpy as np
    rng = np.random.default_rng(1)
    X = rng.standard_normal((32, 10))
    w = rng.standard_normal(100) * 0.3

    def gradient(v):
        t = np.tanh(X @ v.reshape(10, 10))
        return (X.T @ (2 * t * (1 - t * t))).reshape(100) / 32

    h = 1e-5
    H = np.empty((100, 100))
    for i in range(100):
        e = np.zeros(100)
        e[i] = h
        H[i] = (gradient(w + e) - gradient(w - e)) / (2 * h)
    return H


def numpy_mazur():
    import numpy as np
    w1 = np.array([[0.15, 0.20], [0.25, 0.30]]); b1 = np.array([0.35, 0.35])
    w2 = np.array([[0.40, 0.45], [0.50, 0.55]]); b2 = np.array([0.60, 0.60])
    x = np.array([0.05, 0.10]); y = np.array([0.01, 0.99])
    error = 0.0
    for _ in range(10_000):
        h = 1 / (1 + np.exp(-(w1 @ x + b1)))
        o = 1 / (1 + np.exp(-(w2 @ h + b2)))
        error = 0.5 * np.sum((o - y) ** 2)
        d2 = (o - y) * o * (1 - o)
        d1 = (w2.T @ d2) * h * (1 - h)
        w2 -= 0.5 * np.outer(d2, h); b2 -= 0.5 * d2
        w1 -= 0.5 * np.outer(d1, x); b1 -= 0.5 * d1
    return error


def cpython_scalar():
    x = 0.5
    for _ in range(1_000_000):
        x = 3.7 * x * (1 - x)
    return x


CPYTHON_MODULE_LOOP = compile("""x = 0.5
for i in range(1_000_000):
    x = 3.7 * x * (1 - x)
""", "<module>", "exec")


def cpython_scalar_module():
    """The loop as a module's top-level code, whose names are globals."""
    exec(CPYTHON_MODULE_LOOP, {})


def best_of(repetitions, body):
    fastest = float("inf")
    for _ in range(repetitions):
        start = time.perf_counter()
        body()
        fastest = min(fastest, time.perf_counter() - start)
    return fastest


def run_notebook(binary, text, repetitions=3):
    """Best wall time of `chainrule run` on a notebook, and the peak memory of its runs (MiB)."""
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "bench.md")
        with open(path, "w") as f:
            f.write("```backprop\n" + text + "```\n")
        fastest, peak = float("inf"), 0.0
        for _ in range(repetitions):
            start = time.perf_counter()
            process = subprocess.Popen([binary, "run", path], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            _, _, usage = os.wait4(process.pid, 0)
            fastest = min(fastest, time.perf_counter() - start)
            peak = max(peak, usage.ru_maxrss / 1024)
            process.communicate()
        return fastest, peak


def rows(binary):
    startup, _ = run_notebook(binary, "", repetitions=5)
    mazur, _ = run_notebook(binary, NOTEBOOKS["mazur"])
    mazur_numpy = best_of(3, numpy_mazur)
    scalar, scalar_memory = run_notebook(binary, NOTEBOOKS["scalar"])
    scalar_module = best_of(3, cpython_scalar_module)
    scalar_function, _ = run_notebook(binary, NOTEBOOKS["scalar_function"])
    scalar_python = best_of(3, cpython_scalar)
    hessian, _ = run_notebook(binary, NOTEBOOKS["hessian"])
    gradients, _ = run_notebook(binary, NOTEBOOKS["gradients"])
    hessian_numpy = best_of(3, numpy_hessian)
    short_time, short_memory = run_notebook(binary, gradient_descent(100_000), repetitions=1)
    long_time, long_memory = run_notebook(binary, gradient_descent(1_000_000), repetitions=1)
    whole = f"whole run {{:.4f}} s less start-up {startup:.4f} s"
    return [
        ("Mazur 2-2-2, 10,000 steps in a notebook loop", mazur - startup, "numpy", mazur_numpy, whole.format(mazur)),
        ("scalar loop, 1,000,000 steps, top level", scalar - startup, "CPython, module level", scalar_module,
         whole.format(scalar) + f"; peak {scalar_memory:.0f} MiB"),
        ("scalar loop, 1,000,000 steps, in a function", scalar_function - startup, "CPython, in a function",
         scalar_python, whole.format(scalar_function)),
        ("Hessian of a 100-parameter function (exact, recorded backward)", hessian - startup,
         "numpy, central differences of the analytic gradient", hessian_numpy,
         f"{(hessian - startup) / (gradients - startup):.2f}x the time of 100 gradients by derivative "
         f"({gradients - startup:.4f} s); " + whole.format(hessian)),
    ], (short_time, short_memory, long_time, long_memory)


if __name__ == "__main__":
    binary = sys.argv[1]
    table, memory = rows(binary)
    for row in table:
        print(row)
    print(memory)
