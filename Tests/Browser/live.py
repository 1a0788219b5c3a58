"""Live blocks in a real browser (test-only; run.py calls it on every site that has the live
module, assets/live/module.js, and skips it, saying so, on one that has not).

On every page with a program (`<script type="application/json" id="cr-live-program">`):
loading it requests nothing of the live machinery but assets/live.js, and every block gets
its controls. On the test notebook `live.md`, from disk (file://) and over http: edit the
first block and run it (its new output, the blocks after it out of date, then run the last
one: its output follows the edit), move the slider (its block and those after it run again),
stop a loop that would not end (the next run starts a fresh worker), let the notebook's time
limit stop one, reset the page, and use the editor from the keyboard. axe-core audits the live state (an editor open, a slider,
a block out of date) in light and dark. Any script error, console error or failed load fails.

The browser keeps the pages' policy here (the other tests bypass it for their own scripts):
what a live page needs, WebAssembly and a worker from a blob: address, must be allowed by
the policy the page carries.
"""
import functools
import http.server
import json
import os
import threading
import time

import access
from cdp import Browser, BrowserError

PROGRAM_ID = 'id="cr-live-program"'
LIVE_PAGE = "live.html"


def has_module(site):
    return os.path.isfile(os.path.join(site, "assets", "live", "module.js"))


def live_pages(site):
    found = []
    for folder, _, files in os.walk(site):
        for name in files:
            if name.endswith(".html"):
                path = os.path.join(folder, name)
                with open(path, encoding="utf-8") as handle:
                    if PROGRAM_ID in handle.read():
                        found.append(path)
    return sorted(found)


class Server:
    """The site over http on a free port, in a thread."""

    def __init__(self, site):
        handler = functools.partial(Quiet, directory=site)
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}/"

    def close(self):
        self.server.shutdown()
        self.server.server_close()


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *arguments):
        pass


class LivePage:
    def __init__(self, browser, url, width=1280, height=900, dark=False):
        self.page = browser.new_page(bypass_csp=False, network=True)
        self.page.emulate(width, height, dark=dark)
        self.page.open(url)

    def js(self, expression, timeout=60):
        return self.page.evaluate(expression, timeout)

    def wait(self, expression, timeout=10):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            value = self.js(expression)
            if value:
                return value
            time.sleep(0.05)
        return None

    def cell(self, index):
        return f'document.querySelector(\'.cr-cell[data-block="{index}"]\')'

    def status(self, index):
        return self.js(f"{self.cell(index)}.querySelector('.cr-live-status').textContent")

    def output(self, index):
        return self.js(f"(function () {{ var o = {self.cell(index)}.querySelector('.cr-output'); return o ? o.textContent.trim() : ''; }})()")

    def click(self, index, control):
        self.js(f"{self.cell(index)}.querySelector('.{control}').click()")

    def run(self, index, timeout=30):
        """Clicks Run; the status when the run ended (None when it did not)."""
        self.click(index, "cr-live-run")
        return self.finished(index, timeout)

    def finished(self, index, timeout=30):
        return self.wait(f"(function () {{ var c = {self.cell(index)}; var s = c.querySelector('.cr-live-status').textContent;"
                         f" return !c.classList.contains('cr-running') && /^(Ran|Failed|Not run|Stopped)/.test(s) && s; }})()",
                         timeout)

    def edit(self, index, code):
        """Opens the editor (when closed) and replaces the code as typing would."""
        if not self.js(f"!!{self.cell(index)}.querySelector('textarea')"):
            self.click(index, "cr-live-edit")
        self.js(f"(function () {{ var a = {self.cell(index)}.querySelector('textarea'); a.focus(); a.select(); }})()")
        self.page.type(code)

    def close(self):
        self.page.send("Target.closeTarget", {"targetId": self.page.target})


def check_site(executable, site, label, axe=None):
    """Every live check on a site with the live module: the problems found."""
    if not has_module(site):
        return [], f"{label}: live blocks not tested (no assets/live/module.js; wasm/build.sh builds the module)"
    pages = live_pages(site)
    if not pages:
        return [f"{label}: the site has the live module but no page has a program ({PROGRAM_ID})"], None
    problems = []
    browser = Browser(executable)
    server = Server(site)
    try:
        for path in pages:
            problems += check_loading(browser, site, path, f"{label}/{os.path.relpath(path, site)}")
        scenario = os.path.join(site, LIVE_PAGE)
        if scenario in pages:
            for base in ["file://" + os.path.abspath(site) + "/", server.base]:
                where = f"{label}/{LIVE_PAGE} ({'file' if base.startswith('file') else 'http'})"
                try:
                    problems += check_scenario(browser, base + LIVE_PAGE, where)
                except BrowserError as error:
                    problems.append(f"{where}: {error}")
            if axe:
                problems += audit_live(browser, axe, "file://" + os.path.abspath(scenario), f"{label}/{LIVE_PAGE}")
    finally:
        server.close()
        browser.close()
    return problems, None


def check_loading(browser, site, path, where):
    """A page as loaded: the loader alone of the live files, controls on every block."""
    page = LivePage(browser, "file://" + os.path.abspath(path))
    try:
        problems = []
        live = [url for url in page.page.requests() if "/assets/live" in url]
        if [url.rsplit("/assets/", 1)[1] for url in live] != ["live.js"]:
            problems.append(f"{where}: loading the page requested {live}, not assets/live.js alone")
        state = page.js("[document.querySelectorAll('.cr-cell[data-block]').length, document.querySelectorAll('.cr-live-bar').length,"
                        " document.querySelectorAll('.cr-live-run').length]")
        if state[0] == 0 or state != [state[0]] * 3:
            problems.append(f"{where}: blocks, control bars and Run buttons: {state}")
        problems += [f"{where}: {error}" for error in page.page.errors()]
        return problems
    finally:
        page.close()


def check_scenario(browser, url, where):
    """Edit, run, slider, Stop, the time limit and Reset on live.md's page."""
    page = LivePage(browser, url)
    problems = []

    def expect(condition, message):
        if not condition:
            problems.append(f"{where}: {message}")
        return condition

    try:
        original = [page.output(index) for index in range(3)]
        expect(original == ["6", "rate 0.1", "4"], f"the built outputs are {original}")

        # Edit the first block: the editor is a labelled text box over the highlighted code.
        page.click(0, "cr-live-edit")
        focus = page.js("[document.activeElement.tagName, document.activeElement.getAttribute('aria-label')]")
        expect(focus == ["TEXTAREA", "Code, block 1"], f"Edit does not focus a labelled text box: {focus}")
        expect(page.wait(f"!!{page.cell(0)}.querySelector('.cr-editor-view span.hl-n')"),
               "the editor's code is not highlighted by the module")
        page.edit(0, "x = 5\nx * 2")
        expect(page.wait(f"{page.cell(2)}.classList.contains('cr-stale')"), "an edit does not mark the blocks after it out of date")
        status = page.run(0)
        expect(status and status.startswith("Ran"), f"running the edited block ended with {status!r}")
        expect(page.output(0) == "10", f"the edited block shows {page.output(0)!r}, not 10")
        stale = page.js("Array.prototype.map.call(document.querySelectorAll('.cr-cell.cr-stale'), function (c) { return c.getAttribute('data-block'); })")
        expect(stale == ["1", "2"], f"after running block 1, the blocks out of date are {stale}, not 2 and 3")
        expect(page.status(2) == "Out of date", f"a block out of date says {page.status(2)!r}")
        status = page.run(2)
        expect(status and status.startswith("Ran") and page.output(2) == "6",
               f"the last block after the edit: {status!r}, {page.output(2)!r} (expected 6)")
        expect(not page.js(f"{page.cell(2)}.classList.contains('cr-stale')"), "a block that ran is still out of date")

        # The slider: a labelled range input; moving it runs its block and those after it.
        slider = f"{page.cell(1)}.querySelector('input[type=range]')"
        if not page.js(f"!!{slider}"):
            page.run(1)
        label = page.js(f"(function () {{ var s = {slider}; return s && s.labels.length ? [s.labels[0].textContent, s.value] : null; }})()")
        expect(label == ["learning rate", "0.1"], f"the slider (label, value): {label}")
        page.js(f"(function () {{ var s = {slider}; s.value = '0.25'; s.dispatchEvent(new Event('input', {{ bubbles: true }})); }})()")
        expect(page.wait(f"{page.cell(1)}.querySelector('output').textContent === '0.25'"), "the slider does not show its value")
        expect(page.wait(f"{page.cell(1)}.querySelector('.cr-output') && {page.cell(1)}.querySelector('.cr-output').textContent.trim() === 'rate 0.25'", 30),
               f"moving the slider gave {page.output(1)!r}, not 'rate 0.25'")
        expect(page.finished(2) and page.output(2) == "6" and not page.js(f"{page.cell(2)}.classList.contains('cr-stale')"),
               "moving the slider does not run the blocks after it")

        # Stop: a loop that would not end, stopped; the next run starts a fresh worker.
        page.edit(2, "while true { x = x + 1 }")
        page.click(2, "cr-live-run")
        expect(page.wait(f"{page.cell(2)}.querySelector('.cr-live-run').textContent === 'Stop'"), "a running block has no Stop button")
        time.sleep(0.5)
        expect(page.js("1 + 1") == 2, "the page froze while a block ran")
        page.click(2, "cr-live-run")
        expect(page.status(2) == "Stopped.", f"Stop left the status {page.status(2)!r}")
        expect(page.js(f"{page.cell(2)}.querySelector('.cr-live-run').textContent") == "Run", "Stop does not give Run back")
        status = page.run(0)
        expect(status and status.startswith("Ran") and page.output(0) == "10", f"a run after Stop: {status!r}, {page.output(0)!r}")

        # The notebook's time limit (10 s) ends a loop without a click.
        page.click(2, "cr-live-run")
        status = page.finished(2, timeout=40)
        expect(status and not status.startswith("Ran"), f"the time limit did not end the loop: {status!r}")

        # Reset: the page as built.
        page.js("document.querySelector('.cr-live-reset:not([hidden])').click()")
        after = [page.output(index) for index in range(3)]
        expect(after == original, f"Reset shows {after}, not {original}")
        state = page.js("[document.querySelectorAll('.cr-stale, .cr-running, .cr-editor').length,"
                        f" {slider} ? {slider}.value : null,"
                        f" {page.cell(0)}.querySelector('pre.cr-code').textContent]")
        expect(state[0] == 0 and state[1] in (None, "0.1") and state[2].startswith("x = 3"),
               f"after Reset (marks and editors, slider, first code): {state}")
        status = page.run(2)
        expect(status and status.startswith("Ran") and page.output(2) == "4", f"a run after Reset: {status!r}, {page.output(2)!r}")

        # The keyboard: Enter on Edit opens the editor, Ctrl+Enter runs, Escape closes it.
        page.js(f"{page.cell(0)}.querySelector('.cr-live-edit').focus()")
        page.page.press("Enter")
        expect(page.js("document.activeElement.tagName") == "TEXTAREA", "Enter on Edit does not open the editor")
        page.page.press("Enter", control=True)
        status = page.finished(0)
        expect(status and status.startswith("Ran") and page.output(0) == "6", f"Ctrl+Enter in the editor: {status!r}, {page.output(0)!r}")
        page.page.press("Escape")
        closed = page.js(f"[!!{page.cell(0)}.querySelector('.cr-editor'), document.activeElement.className]")
        expect(closed == [False, "cr-live-button cr-live-edit"], f"Escape does not close the editor and go back to Edit: {closed}")
        problems += [f"{where}: {error}" for error in page.page.errors() if not error.endswith("/favicon.ico")]
    finally:
        page.close()
    return problems


def audit_live(browser, axe, url, where):
    """axe-core on the page in its live state, in light and dark."""
    problems = []
    for dark in (False, True):
        page = LivePage(browser, url, dark=dark)
        try:
            page.click(0, "cr-live-edit")
            page.edit(0, "x = 4\nx * 2")
            page.run(0)
            page.wait(f"!!{page.cell(1)}.querySelector('input[type=range]')", timeout=2) or page.run(1)
            page.page.send("Page.setBypassCSP", {"enabled": True})
            page.js(axe)
            for rule in page.js(access.RUN_AXE, timeout=120):
                if rule["impact"] in access.FAILING_IMPACTS:
                    problems.append(f"{where} (live, {'dark' if dark else 'light'}): axe {rule['impact']} {rule['id']} on "
                                    f"{rule['count']} elements ({rule['help']}), first {rule['first']}")
        except BrowserError as error:
            problems.append(f"{where} (live audit): {error}")
        finally:
            page.close()
    return problems
