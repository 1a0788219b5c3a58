#!/usr/bin/env python3
"""`make bench-site`: how fast `chainrule build` is, and how much memory it takes.

For the shipped site (notebooks/, or the browser test's notebooks while there are none yet)
and for 10 and 100 notebooks generated from them, measures with the release binary:

- a cold build (no site/, no .chainrule/ cache),
- a rebuild with nothing changed (the median of 5),
- a rebuild after editing one block of one notebook (the median of 3),

each in seconds of wall time and peak resident memory, and the size of the site it writes:
in all and per notebook, and what the first search loads at most (the shard list, the largest
shard, and the twelve largest page texts, `SearchIndex.swift`). Targets: a cold build of 10
notebooks at least 20x faster than Jupyter Book's 14 s (so under 0.7 s), and a no-change
rebuild of 100 notebooks under 0.2 s.

    python3 bench/site_builds.py            # prints a Markdown table
    python3 bench/site_builds.py --json     # one JSON object, for bench/run.py

`measure()` returns the same figures as a dict, for a driver that imports this file."""
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BINARY = os.path.join(ROOT, ".build", "release", "chainrule")
JUPYTER_BOOK_COLD_10 = 14.0


def shipped_notebooks():
    """The notebooks the project ships, or the browser test's while there are none."""
    folder = os.path.join(ROOT, "notebooks")
    if os.path.isdir(folder) and any(name.endswith(".md") for name in os.listdir(folder)):
        return folder, "notebooks/"
    return None, "Tests/Browser/notebooks/ and the gallery fixture"


def copy_shipped(target):
    folder, _ = shipped_notebooks()
    if folder:
        shutil.copytree(folder, target)
    else:
        shutil.copytree(os.path.join(ROOT, "Tests", "Browser", "notebooks"), target)
        shutil.copy(os.path.join(ROOT, "Tests", "PipelineTests", "Fixtures", "site", "gallery", "notebook.md"),
                    os.path.join(target, "gallery.md"))


def generate(target, count):
    """`count` notebooks made from the shipped ones: each a copy of one of them with its own
    title, order and numbers (so each runs and draws as a notebook of its own), links between
    notebooks reduced to their text."""
    with tempfile.TemporaryDirectory() as scratch:
        copy_shipped(os.path.join(scratch, "shipped"))
        templates, data = [], []
        shipped = os.path.join(scratch, "shipped")
        for folder, _, files in os.walk(shipped):
            for name in sorted(files):
                path = os.path.join(folder, name)
                if not name.endswith(".md"):
                    data.append((os.path.relpath(path, shipped), open(path, "rb").read()))
                elif name != "index.md":
                    templates.append(open(path, encoding="utf-8").read())
    os.makedirs(target)
    # The data files the notebooks `load`, where they expect them.
    for relative, content in data:
        os.makedirs(os.path.dirname(os.path.join(target, relative)), exist_ok=True)
        with open(os.path.join(target, relative), "wb") as handle:
            handle.write(content)
    for number in range(count):
        text = templates[number % len(templates)]
        text = re.sub(r"\[([^\]]*)\]\((?![a-z]+:)[^)]*\.md(#[^)]*)?\)", r"\1", text)
        text = re.sub(r"(?m)^title: (.*)$", lambda m: f"title: {m.group(1)} ({number + 1})", text, count=1)
        text = re.sub(r"(?m)^order: .*$", f"order: {number + 1}", text, count=1)
        # Equation labels of their own (a label on two pages is a warning); a reference to
        # another notebook's equation becomes plain text, as links between notebooks do.
        own = set(re.findall(r"\\label\{([^}]*)\}", text))
        text = re.sub(r"\\label\{([^}]*)\}", lambda m: f"\\label{{{m.group(1)}-{number + 1}}}", text)
        text = re.sub(r"\\(eqref|ref)\{([^}]*)\}",
                      lambda m: f"\\{m.group(1)}{{{m.group(2)}-{number + 1}}}" if m.group(2) in own else "(1)", text)
        # A distinct number in the first block, so no two notebooks are the same.
        text = text.replace("```backprop\n", f"```backprop\nbench_copy = {number + 1}\n", 1)
        with open(os.path.join(target, f"notebook-{number + 1:03d}.md"), "w", encoding="utf-8") as handle:
            handle.write(text)


def timed(project):
    """Runs one build; wall seconds and peak resident memory in MiB."""
    start = time.perf_counter()
    # stderr to a file, not a pipe: a build with much to say would fill the pipe and wait.
    with tempfile.TemporaryFile() as errors:
        process = subprocess.Popen([BINARY, "build", "--quiet"], cwd=project, stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        errors.seek(0)
        stderr = errors.read().decode()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"bench/site_builds.py: chainrule build failed in {project}:\n{stderr}")
    return seconds, usage.ru_maxrss / 1024


def edit_one_block(project):
    """Changes the number this script put in the first block of the first notebook (or adds
    a line to its first block)."""
    folder = os.path.join(project, "notebooks")
    first = sorted(name for name in os.listdir(folder) if name.endswith(".md") and name != "index.md")[0]
    path = os.path.join(folder, first)
    text = open(path, encoding="utf-8").read()
    match = re.search(r"bench_copy = (\d+)", text)
    if match:
        text = text.replace(match.group(0), f"bench_copy = {int(match.group(1)) + 1000}", 1)
    else:
        text = text.replace("```backprop\n", "```backprop\nbench_edit = 1\n", 1)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)


def site_size(project):
    """Bytes of the site, and the most a first search can load: the list of shards, the
    largest shard (one per word of the query) and the twelve largest page texts (results)."""
    site = os.path.join(project, "site")
    total = sum(os.path.getsize(os.path.join(folder, name)) for folder, _, files in os.walk(site) for name in files)
    search = os.path.join(site, "assets", "search")
    sizes = {name: os.path.getsize(os.path.join(search, name)) for name in os.listdir(search)}
    shards = [size for name, size in sizes.items() if name.startswith("s-")]
    page_texts = sorted((size for name, size in sizes.items() if name.startswith("p-")), reverse=True)
    return total, sizes.get("keys.js", 0) + max(shards, default=0) + sum(page_texts[:12])


def scenario(name, make_notebooks):
    with tempfile.TemporaryDirectory(prefix="chainrule-bench-site-") as project:
        make_notebooks(os.path.join(project, "notebooks"))
        # The project's configuration (macros, bibliography), as the shipped site is built.
        if os.path.exists(os.path.join(ROOT, "chainrule.yml")):
            shutil.copy(os.path.join(ROOT, "chainrule.yml"), project)
        count = sum(1 for _, _, files in os.walk(os.path.join(project, "notebooks")) for f in files if f.endswith(".md"))
        cold = timed(project)
        site_bytes, first_search = site_size(project)
        unchanged = [timed(project) for _ in range(5)]
        edited = []
        for _ in range(3):
            edit_one_block(project)
            edited.append(timed(project))
        return {
            "name": name, "notebooks": count, "site_bytes": site_bytes, "first_search_bytes": first_search,
            "cold_seconds": cold[0], "cold_mib": cold[1],
            "unchanged_seconds": statistics.median(s for s, _ in unchanged), "unchanged_mib": max(m for _, m in unchanged),
            "edited_seconds": statistics.median(s for s, _ in edited), "edited_mib": max(m for _, m in edited),
        }


def measure():
    if not os.path.exists(BINARY):
        sys.exit("bench/site_builds.py: build the release binary first: swift build -c release --product chainrule")
    _, shipped_label = shipped_notebooks()
    return {
        "shipped": shipped_label,
        "results": [
            scenario("shipped site", copy_shipped),
            scenario("10 generated", lambda target: generate(target, 10)),
            scenario("100 generated", lambda target: generate(target, 100)),
            scenario("1000 generated", lambda target: generate(target, 1000)),
        ],
    }


def print_table(figures):
    """The site rows of `make bench`: a table, then the figures against their targets."""
    print(f"Site builds (`chainrule build`, release; shipped = {figures['shipped']}): wall time, peak memory.")
    print()
    print("| notebooks | cold build | no-change rebuild | one block edited | site | per notebook | first search at most |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for row in figures["results"]:
        print(f"| {row['name']} ({row['notebooks']}) | {row['cold_seconds']:.3f} s, {row['cold_mib']:.0f} MiB | "
              f"{row['unchanged_seconds']:.3f} s, {row['unchanged_mib']:.0f} MiB | "
              f"{row['edited_seconds']:.3f} s, {row['edited_mib']:.0f} MiB | "
              f"{row['site_bytes'] / 2**20:.1f} MiB | {row['site_bytes'] / row['notebooks'] / 1024:.0f} KiB | "
              f"{row['first_search_bytes'] / 1024:.0f} KiB |")
    ten = next(row for row in figures["results"] if row["name"] == "10 generated")
    hundred = next(row for row in figures["results"] if row["name"] == "100 generated")
    thousand = next(row for row in figures["results"] if row["name"] == "1000 generated")
    print()
    print(f"Cold build of 10 notebooks: {JUPYTER_BOOK_COLD_10 / ten['cold_seconds']:.0f}x faster than "
          f"Jupyter Book's {JUPYTER_BOOK_COLD_10:.0f} s (notes; target 20x). "
          f"No-change rebuild of 100 notebooks: {hundred['unchanged_seconds']:.3f} s (target under 0.2 s).")
    # A site grows linearly: per notebook, 1,000 notebooks cost about what 100 do.
    time_ratio = (thousand["cold_seconds"] / thousand["notebooks"]) / (hundred["cold_seconds"] / hundred["notebooks"])
    size_ratio = (thousand["site_bytes"] / thousand["notebooks"]) / (hundred["site_bytes"] / hundred["notebooks"])
    print(f"Per notebook, 1000 against 100: cold build {time_ratio:.2f}x, site size {size_ratio:.2f}x (target at most 1.5x).")


def main():
    figures = measure()
    if "--json" in sys.argv:
        print(json.dumps(figures))
        return
    print_table(figures)


if __name__ == "__main__":
    main()
