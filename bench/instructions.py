"""`make bench-instructions`: where the two scalar workloads spend their instructions.

This machine's virtual CPU has no hardware counters, so `perf` can only sample on a timer,
and it blames whichever instruction is waiting. Valgrind's callgrind counts every
instruction exactly instead. Each workload is run at two sizes and the difference is divided
by the extra work, so start-up and parsing cancel out. Counts are then summed by where the
code lives: the interpreter (Runtime), the engine, reference counting, and the thread's graph
lookup. Instructions are not time, but the same workload's counts are comparable between two
versions of the code, and they are the same on every run.

Usage: bench/instructions.py CHAINRULE CHAINRULE_BENCH, both built with
the normal release builds (valgrind's CPU has no AVX-512, so the kernels take their AVX2 path)."""
import collections
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import language  # noqa: E402

LOOP_STEPS = 200_000
GRAPH_EXPRESSIONS = 20_000
NODES_PER_EXPRESSION = 33   # 16 products, 16 sums and a relu (bench/ChainruleBench)
GRAPH_REPETITIONS = 3       # `chainrule-bench scalar` times the best of three runs


def group(symbol):
    if "7Runtime" in symbol:
        return "interpreter"
    if "6Engine" in symbol:
        return "engine"
    if re.search(r"swift_(nonatomic_)?(retain|release)", symbol):
        return "reference counting"
    if "pthread_getspecific" in symbol or "swift_once" in symbol:
        return "finding the thread's graph"
    return "other"


def profile(command, folder):
    """Instructions by function for one run of `command`."""
    out = os.path.join(folder, "callgrind.out")
    subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}"] + command,
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    text = subprocess.run(["callgrind_annotate", "--threshold=100", out],
                          check=True, capture_output=True, text=True).stdout
    counts = collections.Counter()
    for line in text.splitlines():
        match = re.match(r"\s*([\d,]+) \([^)]*\)\s+(\S+)", line)
        if match and "PROGRAM" not in line:
            counts[match.group(2).split(":", 1)[-1]] += int(match.group(1).replace(",", ""))
    return counts


def per_unit(large, small, units):
    keys = set(large) | set(small)
    return {key: (large[key] - small[key]) / units for key in keys}


def demangle(symbols):
    try:
        output = subprocess.run(["swift", "demangle", "--simplified"], input="\n".join(symbols),
                                check=True, capture_output=True, text=True).stdout
        return output.splitlines()
    except (OSError, subprocess.CalledProcessError):
        return symbols


def report(title, unit, counts):
    groups = collections.Counter()
    for symbol, count in counts.items():
        groups[group(symbol)] += count
    print(f"{title}: {sum(groups.values()):.0f} instructions per {unit}")
    for name, count in groups.most_common():
        print(f"  {name:28} {count:7.0f}")
    top = [symbol for symbol, count in sorted(counts.items(), key=lambda item: -item[1])[:8] if count >= 1]
    print("  largest functions:")
    for symbol, name in zip(top, demangle(top)):
        print(f"    {counts[symbol]:7.0f}  {name[:100]}")
    print()


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    if shutil.which("valgrind") is None:
        sys.exit("bench-instructions needs valgrind (Debian: apt-get install valgrind)")
    with tempfile.TemporaryDirectory() as folder:
        # Valgrind cannot read the debug information Swift writes; the symbols are enough.
        binaries = []
        for path in sys.argv[1:]:
            copy = os.path.join(folder, os.path.basename(path))
            shutil.copy(path, copy)
            subprocess.run(["strip", "--strip-debug", copy], check=True)
            binaries.append(copy)
        chainrule, bench = binaries

        def notebook(write, steps):
            path = os.path.join(folder, f"{write.__name__}{steps}.md")
            with open(path, "w") as f:
                f.write("```backprop\n" + write(steps) + "```\n")
            return path

        for write, shape in [(language.scalar_loop, "top level"), (language.scalar_loop_in_function, "in a function")]:
            loop = per_unit(profile([chainrule, "run", notebook(write, LOOP_STEPS)], folder),
                            profile([chainrule, "run", notebook(write, 1)], folder), LOOP_STEPS - 1)
            report(f"scalar loop, {shape} (x = 3.7 * x * (1 - x))", "step", loop)
        for style in ["program", "recorder", "operators"]:
            graphs = per_unit(profile([bench, "scalar", str(GRAPH_EXPRESSIONS), style], folder),
                              profile([bench, "scalar", "1", style], folder),
                              (GRAPH_EXPRESSIONS - 1) * GRAPH_REPETITIONS * NODES_PER_EXPRESSION)
            report(f"scalar graphs, {style} (relu of a 16-input neuron, built and sent backward)", "node", graphs)


if __name__ == "__main__":
    main()
