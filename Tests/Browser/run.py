#!/usr/bin/env python3
"""The site in a real browser: builds the shipped notebooks and the test notebooks (with the
fixture that has every kind of figure and formula), loads every page in headless Chromium,
fails on any script error, console error, failed or external request, math that did not
become MathML and figures that did not become SVG, checks accessibility (access.py: axe-core
in light, dark, phone, without the script and with search open, failing on any serious or
critical violation; the keyboard; figure text on a phone), prints a table of axe's findings
by page, and saves screenshots (light, dark and phone-sized) to Tests/Browser/out/ for a
person to look at. On a site built with the live module, live.py checks live blocks: what a
page loads, editing and running a block, a slider, Stop, the time limit, Reset, from disk and
over http; without the module it says that it skipped them.

    Tests/Browser/run.py [--chainrule .build/debug/chainrule] [--live-module M.wasm] [--audit-only]

--audit-only runs the accessibility checks alone. The sites are built with the live module
--live-module names, else CHAINRULE_LIVE_MODULE's, else .build/wasm/chainrule-live.wasm when
wasm/build.sh has made it, else none (unless one is beside the chainrule binary).

Installs Debian's chromium with apt when it is missing (as root, or with sudo). axe-core is
the `axe.min.js` of PyPI's axe-playwright-python, which `make test-deps` installs."""
import argparse
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
HERE = os.path.join(ROOT, "Tests", "Browser")
OUT = os.path.join(HERE, "out")
PROBE = open(os.path.join(HERE, "probe.js"), encoding="utf-8").read()
sys.path.insert(0, HERE)
import access  # noqa: E402 (next to this file)
import live  # noqa: E402
GALLERY = os.path.join(ROOT, "Tests", "PipelineTests", "Fixtures", "site", "gallery", "notebook.md")
# The gallery's one deliberate error: an unknown command, which the page shows as code.
GALLERY_ERRORS = ["notebooks/gallery.md:32:44: error: unknown TeX command \\frob"]
BROWSER_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
                 "--disable-extensions", "--disable-background-networking", "--disable-sync",
                 "--disable-component-update", "--disable-default-apps", "--mute-audio"]


def chromium():
    """The browser, installed with apt when missing."""
    for name in ["chromium", "chromium-browser", "google-chrome"]:
        path = shutil.which(name)
        if path:
            return path
    if not shutil.which("apt-get"):
        sys.exit("browser test: chromium is missing and there is no apt-get; install Chromium and retry")
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    print("browser test: installing chromium with apt (about a minute)", flush=True)
    subprocess.run(sudo + ["apt-get", "update", "-qq", "-o", "DPkg::Lock::Timeout=120"], check=True)
    subprocess.run(sudo + ["apt-get", "install", "-y", "-qq", "-o", "DPkg::Lock::Timeout=120", "chromium"],
                   check=True, stdout=subprocess.DEVNULL)
    return shutil.which("chromium")


def run_browser(browser, arguments, timeout=60):
    # Each run gets its own profile so runs never share state (or a lock).
    with tempfile.TemporaryDirectory(prefix="chainrule-chromium-") as profile:
        return subprocess.run([browser] + BROWSER_FLAGS + [f"--user-data-dir={profile}"] + arguments,
                              capture_output=True, text=True, timeout=timeout)


def build(chainrule, project, paths, expected_errors=(), live_module=None):
    """Builds the site. `expected_errors` are the only errors a build may report (the gallery
    shows how a page draws an unknown TeX command, which is an error): the build must report
    exactly those, and the site is then built with --keep-going to look at the pages."""
    environment = dict(os.environ)
    if live_module:
        environment["CHAINRULE_LIVE_MODULE"] = live_module

    def chainrule_build(flags):
        return subprocess.run([chainrule, "build", "--quiet", "--force"] + flags + paths + ["--out", "site"],
                              cwd=project, capture_output=True, text=True, env=environment)
    result = chainrule_build([])
    errors = sorted(line for line in result.stderr.splitlines() if ": error: " in line)
    if errors != sorted(expected_errors) or result.returncode != (1 if expected_errors else 0):
        sys.exit(f"browser test: chainrule build gave {result.returncode}, expected errors {list(expected_errors)}:\n{result.stderr}")
    if expected_errors:
        result = chainrule_build(["--keep-going"])
        if result.returncode != 0:
            sys.exit(f"browser test: chainrule build --keep-going failed ({result.returncode}):\n{result.stderr}")
    return os.path.join(project, "site")


def pages(site):
    found = []
    for folder, _, files in os.walk(site):
        found += [os.path.join(folder, name) for name in files if name.endswith(".html")]
    return sorted(found)


def probe(browser, page, window):
    """Loads a copy of the page with the probe in its head; returns what the probe saw."""
    text = open(page, encoding="utf-8").read()
    copy = page[:-5] + ".probe.html"
    with open(copy, "w", encoding="utf-8") as handle:
        handle.write(text.replace("<head>", "<head>\n<script>" + PROBE + "</script>", 1))
    try:
        result = run_browser(browser, ["--enable-logging=stderr", "--v=0", "--virtual-time-budget=5000",
                                       f"--window-size={window}", "--dump-dom", "file://" + copy])
    finally:
        os.remove(copy)
    match = re.search(r'data-probe="([^"]*)"', result.stdout)
    if not match:
        return None, result.stderr
    console = [line for line in result.stderr.splitlines() if ":CONSOLE" in line]
    return json.loads(html.unescape(match.group(1))), "\n".join(console)


def audit_site(auditor, site, label):
    """The accessibility checks on every page: the summary's rows, the problems (serious and
    critical violations among them) and every violation as a line."""
    rows, problems, lines = [], [], []
    reached = auditor.boxes_reached
    for page in pages(site):
        name = label + "/" + os.path.relpath(page, site)
        violations, found = auditor.check_page(page, name)
        problems += found
        rows.append((name, violations))
        for column, rules in violations.items():
            for rule in rules:
                line = (f"{name} ({column}): axe {rule['impact']} {rule['id']} on {rule['count']} elements "
                        f"({rule['help']}), first {rule['first']}")
                lines.append(line)
                if rule["impact"] in access.FAILING_IMPACTS:
                    problems.append(line)
    if auditor.boxes_reached == reached:
        problems.append(f"{label}: on no page did Tab reach a box that scrolls (the phone's code blocks should)")
    return rows, problems, lines


def screenshot(browser, page, name, window, dark=False):
    os.makedirs(OUT, exist_ok=True)
    target = os.path.join(OUT, name)
    flags = ["--force-dark-mode"] if dark else []
    run_browser(browser, flags + [f"--screenshot={target}", f"--window-size={window}", "--virtual-time-budget=2000",
                                  "file://" + page])
    return target


def check_site(browser, site, label, expect_gallery):
    problems = []
    total_math = total_figures = 0
    for page in pages(site):
        name = os.path.relpath(page, site)
        seen = {}
        for window in ["1280,900", "390,844"]:
            result, console = probe(browser, page, window)
            where = f"{label}/{name} at {window.replace(',', 'x')}"
            if result is None:
                problems.append(f"{where}: the probe did not report (page did not load?)\n{console}")
                continue
            seen = result if window == "1280,900" else seen
            for key in ["errors", "failedResources", "consoleErrors", "external"]:
                for item in result[key]:
                    problems.append(f"{where}: {key}: {item}")
            if console.strip():
                problems.append(f"{where}: console output:\n{console}")
            if result["unstackedFractions"]:
                problems.append(f"{where}: {result['unstackedFractions']} fractions are not stacked")
            if result["flatSubscripts"]:
                problems.append(f"{where}: {result['flatSubscripts']} subscripts are not lowered")
            for text in result["rawTeX"]:
                problems.append(f"{where}: literal Markdown or TeX on the page: {text!r}")
            if result["emptyFigures"]:
                problems.append(f"{where}: {result['emptyFigures']} figures have no size")
            if not result["rightAligned"]:
                problems.append(f"{where}: numbers in tables are not right-aligned")
            if result["headingsWithoutId"]:
                problems.append(f"{where}: headings without an id")
            if result["injected"] != 0:
                problems.append(f"{where}: {result['injected']} inline scripts in a built page (serve's reload script?)")
            if result["overflowX"]:
                problems.append(f"{where}: the page scrolls sideways")
            if window == "390,844" and result.get("menu") != "works":
                problems.append(f"{where}: the menu button does not open the sidebar: {result.get('menu')}")
            if window == "1280,900" and result.get("menu") != "hidden":
                problems.append(f"{where}: the menu button shows on a wide screen")
            if not result.get("navLinks"):
                problems.append(f"{where}: the sidebar lists no notebooks (assets/nav.js)")
            elif name != "index.html" and os.path.basename(result.get("navCurrent") or "") != os.path.basename(name):
                problems.append(f"{where}: the sidebar does not mark the page as current: {result.get('navCurrent')}")
            if result.get("search") != "none" and not result.get("searchResults"):
                problems.append(f"{where}: searching for 'gradient' found nothing")
            if result.get("search") != "none" and not result.get("searchCommon"):
                problems.append(f"{where}: searching for 'the gradient' found nothing")
        total_math += seen.get("math", 0)
        total_figures += seen.get("figures", 0)
        if expect_gallery and name == "gallery.html":
            kinds = seen.get("figureKinds", {})
            for kind in ["lines", "regions", "contours"]:
                if not kinds.get(kind):
                    problems.append(f"{label}/{name}: no {kind} in the figures")
            if not kinds.get("graph") or not kinds.get("panels"):
                problems.append(f"{label}/{name}: the computation graph or the panels are missing")
            if seen.get("math", 0) < 10 or seen.get("fractions", 0) < 3 or seen.get("mathDisplay", 0) < 3:
                problems.append(f"{label}/{name}: expected at least 10 formulas, 3 fractions and 3 display formulas, "
                                f"saw {seen.get('math')}, {seen.get('fractions')}, {seen.get('mathDisplay')}")
            if seen.get("figures", 0) < 7:
                problems.append(f"{label}/{name}: expected at least 7 figures, saw {seen.get('figures')}")
            if seen.get("tables", 0) < 1:
                problems.append(f"{label}/{name}: the table is missing")
        base = label + "-" + name.replace("/", "-")[:-5]
        screenshot(browser, page, base + "-light.png", "1280,900")
        screenshot(browser, page, base + "-dark.png", "1280,900", dark=True)
        screenshot(browser, page, base + "-phone.png", "390,844")
        if name == "gallery.html":
            screenshot(browser, page, base + "-full.png", "1280,5200")
    return problems, total_math, total_figures


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--chainrule", default=os.path.join(ROOT, ".build", "debug", "chainrule"))
    parser.add_argument("--audit-only", action="store_true", help="run only the accessibility checks")
    parser.add_argument("--live-module", help="the live module to build with (default: CHAINRULE_LIVE_MODULE, "
                                              "else .build/wasm/chainrule-live.wasm when it exists)")
    arguments = parser.parse_args()
    chainrule = os.path.abspath(arguments.chainrule)
    live_module = arguments.live_module or os.environ.get("CHAINRULE_LIVE_MODULE")
    built_module = os.path.join(ROOT, ".build", "wasm", "chainrule-live.wasm")
    if live_module is None and os.path.isfile(built_module):
        live_module = built_module
    live_module = os.path.abspath(live_module) if live_module else live_module
    if not os.path.exists(chainrule):
        sys.exit(f"browser test: no {chainrule}; build it first (swift build)")
    browser = chromium()
    axe = access.axe_source()
    if axe is None:
        sys.exit("browser test: axe-core is missing; `make test-deps` installs it")
    shutil.rmtree(OUT, ignore_errors=True)
    problems = []
    summary = []
    rows = []
    with tempfile.TemporaryDirectory(prefix="chainrule-browser-") as work:
        tests = os.path.join(work, "tests")
        shutil.copytree(os.path.join(HERE, "notebooks"), os.path.join(tests, "notebooks"))
        shutil.copy(GALLERY, os.path.join(tests, "notebooks", "gallery.md"))
        sites = [("test", build(chainrule, tests, ["notebooks"], GALLERY_ERRORS, live_module), True)]
        shipped = os.path.join(ROOT, "notebooks")
        if os.path.isdir(shipped) and any(name.endswith(".md") for name in os.listdir(shipped)):
            project = os.path.join(work, "shipped")
            os.makedirs(project)
            shutil.copytree(shipped, os.path.join(project, "notebooks"))
            for extra in ["data", "theme"]:
                if os.path.isdir(os.path.join(ROOT, extra)):
                    shutil.copytree(os.path.join(ROOT, extra), os.path.join(project, extra))
            # The project's configuration: its macros and bibliography are the notebooks'.
            if os.path.isfile(os.path.join(ROOT, "chainrule.yml")):
                shutil.copy(os.path.join(ROOT, "chainrule.yml"), os.path.join(project, "chainrule.yml"))
            sites.append(("shipped", build(chainrule, project, ["notebooks"], live_module=live_module), False))
        auditor = access.Auditor(browser, axe)
        try:
            for label, site, _ in sites:
                site_rows, found, lines = audit_site(auditor, site, label)
                rows += site_rows
                problems += found
                for line in lines:
                    print(line)
        finally:
            auditor.close()
        print(f"axe-core {auditor.version}: elements with a violation, by page and state (serious or critical in brackets)")
        print(access.table(rows))
        if auditor.smallest_text:
            size, where, text = auditor.smallest_text
            print(f"smallest figure text on a 390 px phone: {size:.1f} px ({where}, {text!r})")
        if not arguments.audit_only:
            for label, site, gallery in sites:
                found, math, figures = check_site(browser, site, label, gallery)
                problems += found
                summary.append(f"{label}: {len(pages(site))} pages, {math} formulas, {figures} figures")
            for label, site, _ in sites:
                found, skipped = live.check_site(browser, site, label, axe)
                problems += found
                if skipped:
                    print("browser test: " + skipped)
                else:
                    summary.append(f"{label}: live blocks on {len(live.live_pages(site))} pages")
    if problems:
        print("browser test: FAILED", file=sys.stderr)
        for problem in problems:
            print("  " + problem, file=sys.stderr)
        sys.exit(1)
    if arguments.audit_only:
        print("browser test: accessibility ok")
        return
    print("browser test: ok (" + "; ".join(summary) + f"); screenshots in {os.path.relpath(OUT, ROOT)}/")


if __name__ == "__main__":
    main()
