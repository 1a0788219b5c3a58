"""The live module's rows of `make bench` (docs/live.md): the contract's XOR training in the
module against the same program natively, in one run, and course notebooks' blocks run in the
module as a page runs them (bench/live.mjs). Needs node, the modules of wasm/build.sh and the
native probe (wasm/EngineProbe, release)."""
import json
import os
import re
import subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WASM = os.path.join(ROOT, ".build", "wasm")
PROBE = os.path.join(ROOT, "wasm", "EngineProbe", ".build", "release", "engine-probe")
COURSE = ["notebooks/chain-rule.md", "notebooks/gradient-descent.md", "notebooks/loss-landscape.md",
          "notebooks/worked-example.md"]


def build():
    subprocess.run([os.path.join(ROOT, "wasm", "build.sh")], check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
    subprocess.run(["swift", "build", "-c", "release", "-Xswiftc", "-enforce-exclusivity=unchecked",
                    "--package-path", "wasm/EngineProbe"], check=True, cwd=ROOT, stdout=subprocess.DEVNULL)


def seconds(command):
    text = subprocess.run(command, check=True, capture_output=True, text=True, cwd=ROOT).stdout
    return float(re.search(r"best of \d+ ([0-9.e-]+) s", text).group(1))


def rows(chainrule, steps=2000, repeats=5):
    """(label, ours, baseline, theirs, ratio, note) rows: the module against native code."""
    build()
    native = seconds([PROBE, "time", str(steps), str(repeats)])
    module = seconds(["node", "Tests/Wasm/run.mjs", os.path.join(WASM, "engine-probe.wasm"), "time", str(steps), str(repeats)])
    table = [(f"XOR in the live module ({steps} steps)", module, "native", native, native / module,
              f"{module / native:.2f}x the native time (at most 3x)")]
    for notebook in COURSE:
        out = subprocess.run(["node", "bench/live.mjs", chainrule, os.path.join(WASM, "chainrule-live.wasm"), notebook],
                             check=True, capture_output=True, text=True, cwd=ROOT).stdout
        result = json.loads(out.strip().splitlines()[-1])
        table.append((f"live {os.path.basename(notebook)}: a block run in order (median)", result["in_order_median_ms"] / 1000,
                      "", 0, 0, f"{result['blocks']} blocks; module loaded in {result['load_ms']:.0f} ms; "
                      f"first block {result['first_ms']:.0f} ms; a block run again, its state rebuilt: median "
                      f"{result['again_median_ms']:.0f} ms, at most {result['again_max_ms']:.0f} ms"))
    return table


if __name__ == "__main__":
    import sys
    for row in rows(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build", "release", "chainrule")):
        print(row)
