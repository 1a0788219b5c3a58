"""`make bench`: runs every workload in Chainrule (release build) and its baseline in the same
invocation, and prints one table of times and ratios. Run from the repository root after
`swift build -c release --product chainrule-bench`."""
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ENGINE = os.path.join(ROOT, ".build", "release", "chainrule-bench")
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
    ratio = scalar["nodes_per_second"] / micrograd["nodes_per_second"]
    print(f"| scalar graphs (nodes/s) | {scalar['nodes_per_second'] / 1e6:.2f} M | micrograd | "
          f"{micrograd['nodes_per_second'] / 1e6:.3f} M | {ratio:.1f}x | |")
    small, large = run([ENGINE, "memory", "100000"]), run([ENGINE, "memory", "1000000"])
    print()
    print(f"Training memory: peak {small['peak_mib']:.1f} MiB after 100,000 steps, "
          f"{large['peak_mib']:.1f} MiB after 1,000,000 steps ({large['seconds']:.1f} s).")


if __name__ == "__main__":
    main()
