#!/usr/bin/env python3
"""Two builds of Chainrule side by side, in one session: each workload of `make bench` runs on
build A, then on build B, alternately, REPEAT times, and the best time of each is compared.
Alternating and taking the best keeps a busy machine from favouring whichever build ran
first or alone.

    python3 bench/compare_builds.py BASE_BUILD NEW_BUILD [--repeat 5]

A build is a folder holding `chainrule` and `chainrule-bench` (a checkout's .build/release).
Prints a Markdown table: the workload, each build's best, and NEW / BASE (above 1 is slower).
The numpy and CPython baselines of `make bench` need not run again: the ratio of the two
builds is the figure."""
import argparse
import json
import math
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import language  # noqa: E402


def engine(build, *arguments):
    output = subprocess.run([os.path.join(build, "chainrule-bench"), *arguments], check=True,
                            capture_output=True, text=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def workloads():
    """(label, function of a build giving seconds; lower is better)."""
    rows = [(f"preset {name}", lambda build, name=name: engine(build, "preset", name)["seconds"])
            for name in ["xor", "tiny", "digits", "wide"]]
    # Nodes per second, as seconds per million nodes.
    for key, label in [("nodes_per_second", "scalar graphs, programs"),
                       ("recorder_nodes_per_second", "scalar graphs, one operation at a time"),
                       ("operators_nodes_per_second", "scalar graphs, tensor operators")]:
        rows.append((f"{label} (s per M nodes)", lambda build, key=key: 1e6 / engine(build, "scalar")[key]))
    rows.append(("512x512 product (s per GFLOP)", lambda build: 1 / engine(build, "peak")["matmul_gflops"]))
    for name, label in [("mazur", "Mazur 2-2-2, 10,000 steps in a notebook"),
                        ("scalar", "scalar loop, 1,000,000 steps"),
                        ("scalar_function", "scalar loop in a function"),
                        ("hessian", "Hessian of 100 parameters")]:
        rows.append((label, lambda build, name=name: language.run_notebook(
            os.path.join(build, "chainrule"), language.NOTEBOOKS[name], repetitions=1)[0]))
    return rows


def main():
    parser = argparse.ArgumentParser(description="Two builds of Chainrule side by side.")
    parser.add_argument("base", help="the baseline's build folder (chainrule and chainrule-bench)")
    parser.add_argument("new", help="the build folder to compare with it")
    parser.add_argument("--repeat", type=int, default=5, help="runs of each workload on each build (default 5)")
    arguments = parser.parse_args()
    base, new = arguments.base, arguments.new
    print(f"| workload | {base} | {new} | new / base |")
    print("|---|---:|---:|---:|")
    ratios = []
    for label, measure in workloads():
        best = {base: float("inf"), new: float("inf")}
        for _ in range(arguments.repeat):
            for build in (base, new):
                best[build] = min(best[build], measure(build))
        ratio = best[new] / best[base]
        ratios.append(ratio)
        print(f"| {label} | {best[base]:.4f} | {best[new]:.4f} | {ratio:.3f} |", flush=True)
    print(f"\nworst new / base: {max(ratios):.3f}; geometric mean: {math.prod(ratios) ** (1 / len(ratios)):.3f}")


if __name__ == "__main__":
    main()
