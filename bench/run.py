"""`make bench`: runs every workload in Chainrule (release build) and its baseline in the same
invocation, and prints one table of times and ratios. Run from the repository root after
`swift build -c release --product chainrule-bench`.

`--build DIR` times the binaries in DIR instead of .build/release (another checkout's, say,
to compare two versions of the code in one run); `--no-site` leaves out the site builds.
bench/compare_builds.py sets two builds side by side, alternating, best of N."""
import argparse
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import check  # noqa: E402
import language  # noqa: E402
import live  # noqa: E402
import site_builds as sitebench  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ENGINE = os.path.join(ROOT, ".build", "release", "chainrule-bench")
CHAINRULE = os.path.join(ROOT, ".build", "release", "chainrule")
# pytest --nbval on ten comparable numpy notebooks, measured on this machine (platform notes).
NBVAL_TEN_NOTEBOOKS = 8.6
BASELINES = [sys.executable, os.path.join(ROOT, "bench", "baselines.py")]


def run(command):
    output = subprocess.run(command, check=True, capture_output=True, text=True, cwd=ROOT).stdout
    return json.loads(output.strip().splitlines()[-1])


def machine_peak():
    """Cores x clock x 32 FLOP per cycle (two AVX-512 FMA units), from /proc/cpuinfo."""
    try:
        with open("/proc/cpuinfo") as info:
            text = info.read()
    except OSError:
        return "unknown"
    cores = text.count("processor\t:")
    mhz = [float(line.split(":")[1]) for line in text.splitlines() if line.startswith("cpu MHz")]
    width = 32 if " avx512f" in text else (16 if " fma" in text else 4)
    if not mhz:
        return "unknown"
    return f"{cores * mhz[0] / 1000 * width:.0f} GFLOP/s ({cores} cores x {mhz[0] / 1000:.1f} GHz x {width})"


def main():
    rows = []
    peak = run([ENGINE, "peak"])
    for name in ["xor", "tiny", "digits", "wide"]:
        ours, numpy = run([ENGINE, "preset", name]), run(BASELINES + ["preset", name])
        note = ""
        if name == "wide":
            note = (f"{ours['gflops']:.1f} GFLOP/s; our 512x512 product {peak['matmul_gflops']:.1f} GFLOP/s; "
                    f"machine peak {machine_peak()}")
        rows.append((f"{name} ({ours['steps']} steps)", ours["seconds"], "numpy", numpy["seconds"],
                     numpy["seconds"] / ours["seconds"], note))
    scalar, micrograd = run([ENGINE, "scalar"]), run(BASELINES + ["micrograd"])
    print(f"| workload | chainrule | baseline | baseline | speed-up | note |")
    print(f"|---|---:|---|---:|---:|---|")
    for label, ours, baseline, theirs, ratio, note in rows:
        print(f"| {label} | {ours:.4f} s | {baseline} | {theirs:.4f} s | {ratio:.1f}x | {note} |")
    for key, label, note in [
        ("nodes_per_second", "scalar graphs (nodes/s)", "one ScalarProgram per sum, the interpreter's path for arithmetic on numbers"),
        ("recorder_nodes_per_second", "scalar graphs, one operation at a time (nodes/s)", "ScalarRecorder.record per operation"),
        ("operators_nodes_per_second", "scalar graphs, tensor operators (nodes/s)", "a counted handle per result"),
    ]:
        ratio = scalar[key] / micrograd["nodes_per_second"]
        print(f"| {label} | {scalar[key] / 1e6:.2f} M | micrograd | "
              f"{micrograd['nodes_per_second'] / 1e6:.3f} M | {ratio:.1f}x | {note} |")
    table, (short_time, short_memory, long_time, long_memory) = language.rows(CHAINRULE)
    for label, ours, baseline, theirs, note in table:
        print(f"| {label} | {ours:.4f} s | {baseline} | {theirs:.4f} s | {theirs / ours:.1f}x | {note} |")
    report = check.rows(CHAINRULE)
    per_notebook = report["two_cores"] / report["count"]
    nbval = NBVAL_TEN_NOTEBOOKS / 10
    print(f"| check, {report['count']} notebooks, 1 core | {report['one_core']:.3f} s | | | | "
          f"{report['one_core'] / report['count'] * 1000:.1f} ms per notebook |")
    print(f"| check, {report['count']} notebooks, 2 cores | {report['two_cores']:.3f} s | pytest --nbval (notes: 8.6 s / 10) | "
          f"{nbval * report['count']:.1f} s | {nbval / per_notebook:.0f}x | speed-up from 2 cores "
          f"{report['one_core'] / report['two_cores']:.2f}x; peak {report['peak_mib']:.0f} MiB |")
    print(f"| check --fast, {report['count']} notebooks | {report['fast']:.3f} s | | | | runs nothing |")
    for label, ours, baseline, theirs, ratio, note in live.rows(CHAINRULE):
        if theirs:
            print(f"| {label} | {ours:.4f} s | {baseline} | {theirs:.4f} s | {ratio:.2f}x | {note} |")
        else:
            print(f"| {label} | {ours:.4f} s | | | | {note} |")
    small, large = run([ENGINE, "memory", "100000"]), run([ENGINE, "memory", "1000000"])
    print()
    print(f"Training memory: peak {small['peak_mib']:.1f} MiB after 100,000 steps, "
          f"{large['peak_mib']:.1f} MiB after 1,000,000 steps ({large['seconds']:.1f} s); "
          "the difference is the loss history, one number per epoch.")
    print(f"Gradient descent by hand (w = w - lr * derivative(loss, w)): peak {short_memory:.1f} MiB "
          f"after 100,000 steps ({short_time:.2f} s), {long_memory:.1f} MiB after 1,000,000 steps ({long_time:.2f} s).")


def site_rows():
    print()
    sitebench.print_table(sitebench.measure())


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="The benchmark table.")
    parser.add_argument("--build", help="folder holding the release chainrule and chainrule-bench")
    parser.add_argument("--no-site", action="store_true", help="leave out the site builds' rows")
    arguments = parser.parse_args()
    if arguments.build:
        ENGINE = os.path.join(os.path.abspath(arguments.build), "chainrule-bench")
        CHAINRULE = sitebench.BINARY = os.path.join(os.path.abspath(arguments.build), "chainrule")
    main()
    if not arguments.no_site:
        site_rows()
