"""Accessibility in a real browser (test-only; run.py calls it on every page of each site).

- axe-core on every page in five states: desktop light, desktop dark, a 390x844 phone,
  desktop with the page's script not run, and desktop with the search results open. A
  serious or critical violation fails the test; every violation is listed.
- The keyboard, with real key presses: Tab reaches every box that scrolls (and only those)
  and the arrow keys scroll it; the phone's drawer keeps the focus while it is open, and
  Escape and its close button close it and give the focus back to the menu button; the
  search box is a combobox (its list opens, the arrow keys move through it, a status says
  how many results there are, Escape closes it).
- The size figure text is drawn at on the phone: at least 11 px.

axe-core is the `axe.min.js` that PyPI's axe-playwright-python carries, which `make
test-deps` installs, pinned, into .build/test-deps; the browser is driven over the DevTools
protocol (cdp.py).
"""
import importlib.util
import json
import os
import re
import time

from cdp import Browser, BrowserError

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
# WCAG 2.0 to 2.2, levels A and AA, and axe's best practices.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"]
FAILING_IMPACTS = {"serious", "critical"}
# name, width, height, dark, phone, script runs
MODES = [("light", 1280, 900, False, False, True), ("dark", 1280, 900, True, False, True),
         ("phone", 390, 844, False, True, True), ("no script", 1280, 900, False, False, False)]
SEARCH_MODE = "search open"
COLUMNS = [mode[0] for mode in MODES] + [SEARCH_MODE]
# The smallest figure text a phone may show, in CSS pixels.
LEGIBLE = 11.0

RUN_AXE = """
axe.run(document, { runOnly: { type: "tag", values: %s }, resultTypes: ["violations"] }).then(function (results) {
  return results.violations.map(function (rule) {
    var first = rule.nodes[0] || { target: [""], failureSummary: "" };
    return { id: rule.id, impact: rule.impact, help: rule.help, count: rule.nodes.length,
             first: first.target.join(" ") + ": " + (first.failureSummary || "").replace(/\\s+/g, " ").slice(0, 240) };
  });
})
""" % json.dumps(AXE_TAGS)

# The smallest size, in CSS pixels, at which any text of a figure shown on the page is drawn:
# its font size times the scale its drawing is shown at.
FIGURE_TEXT = """
(function () {
  var smallest = null;
  document.querySelectorAll("svg.cr-fig text").forEach(function (text) {
    if (!text.getClientRects().length || !text.textContent.trim()) return;
    var matrix = text.getScreenCTM();
    if (!matrix) return;
    var size = parseFloat(getComputedStyle(text).fontSize) * Math.sqrt(matrix.a * matrix.a + matrix.b * matrix.b);
    if (smallest === null || size < smallest.size) smallest = { size: size, text: text.textContent.slice(0, 30) };
  });
  return smallest;
})()
"""

# Where the focus is: in the drawer, on the page behind it, or nowhere (the browser's own
# controls, between the page's last element and its first).
FOCUS_PLACE = """
(function () {
  var active = document.activeElement;
  if (!active || active === document.body) return "nowhere";
  return active.closest("#cr_sidebar") ? "drawer" : "page: " + active.tagName.toLowerCase() + "." + active.className;
})()
"""

SCROLLING_BOXES = """
(function () {
  var boxes = Array.prototype.slice.call(document.querySelectorAll('[role="region"][tabindex="0"]'));
  return { named: boxes.length,
           fitting: boxes.filter(function (box) { return box.scrollWidth <= box.clientWidth + 1; })
                         .map(function (box) { return box.getAttribute("aria-label"); }) };
})()
"""


def axe_source():
    """axe-core's script: the one `make test-deps` installs, else an installed
    axe-playwright-python's; None without either."""
    folders = [os.path.join(ROOT, ".build", "test-deps", "axe_playwright_python")]
    spec = importlib.util.find_spec("axe_playwright_python")
    folders += list(spec.submodule_search_locations or []) if spec else []
    for folder in folders:
        path = os.path.join(folder, "axe.min.js")
        if os.path.isfile(path):
            return open(path, encoding="utf-8").read()
    return None


class Auditor:
    def __init__(self, executable, axe):
        self.axe = axe
        self.browser = Browser(executable)
        self.page = self.browser.new_page()
        self.version = None
        self.smallest_text = None
        self.boxes_reached = 0

    def close(self):
        self.browser.close()

    def load(self, path, mode):
        _, width, height, dark, phone, script = mode
        self.page.emulate(width, height, dark=dark, mobile=phone)
        if script:
            self.page.open("file://" + path)
            return
        # A copy without the site's scripts, next to the page so that its links still work
        # (turning scripts off in the browser would stop axe too).
        text = open(path, encoding="utf-8").read()
        copy = path[:-5] + ".noscript.html"
        with open(copy, "w", encoding="utf-8") as handle:
            handle.write(re.sub(r'<script src="[^"]*assets/(site|live)\.js" defer></script>\n?', "", text))
        try:
            self.page.open("file://" + copy)
        finally:
            os.remove(copy)

    def run_axe(self):
        if self.page.evaluate("typeof window.axe") != "object":
            self.page.evaluate(self.axe)
            self.version = self.page.evaluate("axe.version")
        return self.page.evaluate(RUN_AXE, timeout=120)

    def wait_for(self, expression, timeout=5):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            value = self.page.evaluate(expression)
            if value:
                return value
            time.sleep(0.05)
        return None

    def check_page(self, path, where):
        """Every check on one page: (violations by column, problems)."""
        violations, problems = {}, []
        for mode in MODES:
            try:
                self.load(path, mode)
                violations[mode[0]] = self.run_axe()
                if mode[0] == "phone":
                    problems += self.figure_text(where)
                    problems += self.scrolling_boxes(where, reachable=True)
                    problems += self.drawer(where)
                elif mode[0] == "light":
                    problems += self.scrolling_boxes(where, reachable=False)
            except BrowserError as error:
                problems.append(f"{where} ({mode[0]}): {error}")
        try:
            self.load(path, MODES[0])
            found, search_problems = self.search(where)
            problems += search_problems
            if found:
                violations[SEARCH_MODE] = self.run_axe()
                problems += self.close_search(where)
        except BrowserError as error:
            problems.append(f"{where} ({SEARCH_MODE}): {error}")
        return violations, problems

    def figure_text(self, where):
        smallest = self.page.evaluate(FIGURE_TEXT)
        if not smallest:
            return []
        if self.smallest_text is None or smallest["size"] < self.smallest_text[0]:
            self.smallest_text = (smallest["size"], where, smallest["text"])
        if smallest["size"] < LEGIBLE - 0.01:
            return [f"{where} (phone): figure text drawn at {smallest['size']:.1f} px ({smallest['text']!r}), under {LEGIBLE:g} px"]
        return []

    def scrolling_boxes(self, where, reachable):
        """Only boxes that scroll are named regions in the tab order; on the phone, Tab
        reaches one from the top of the page and the arrow keys scroll it."""
        boxes = self.page.evaluate(SCROLLING_BOXES)
        problems = [f"{where}: the box '{label}' fits but is a tab stop" for label in boxes["fitting"]]
        if not reachable or not boxes["named"]:
            return problems
        self.page.evaluate("window.scrollTo(0, 0); document.querySelector('.cr-skip').focus()")
        for _ in range(400):
            self.page.press("Tab")
            role = self.page.evaluate("document.activeElement.getAttribute('role') + '|' + document.activeElement.tagName")
            if role.startswith("region|"):
                break
            if role.endswith("|BODY"):
                return problems + [f"{where} (phone): Tab went through the page without reaching a box that scrolls"]
        else:
            return problems + [f"{where} (phone): 400 presses of Tab did not reach a box that scrolls"]
        self.boxes_reached += 1
        for _ in range(3):
            self.page.press("ArrowRight")
        if not self.wait_for("document.activeElement.scrollLeft > 0", timeout=2):
            label = self.page.evaluate("document.activeElement.getAttribute('aria-label')")
            problems.append(f"{where} (phone): the arrow keys do not scroll '{label}', which has the focus")
        return problems

    def drawer(self, where):
        """The menu opens a drawer that keeps the focus; Escape and the close button close it."""
        problems = []
        page = self.page
        page.evaluate("window.scrollTo(0, 0); document.getElementById('cr_menu').focus()")
        page.press("Enter")
        opened = page.evaluate("[document.body.classList.contains('cr-nav-open'), document.getElementById('cr_menu').getAttribute('aria-expanded'),"
                               " document.getElementById('cr_main').inert]")
        if opened != [True, "true", True]:
            return [f"{where} (phone): the menu button does not open the drawer with the rest inert: {opened}"]
        places = []
        for step in range(40):
            places.append(page.evaluate(FOCUS_PLACE))
            page.press("Tab", shift=step >= 30)
        outside = sorted({place for place in places if place not in ("drawer", "nowhere")})
        if places[0] != "drawer" or outside:
            problems.append(f"{where} (phone): the focus leaves the open drawer (first {places[0]}; {outside})")
        page.evaluate("document.getElementById('cr_search').focus()")
        page.press("Escape")
        closed = page.evaluate("[document.body.classList.contains('cr-nav-open'), document.activeElement.id, document.querySelectorAll('[inert]').length]")
        if closed != [False, "cr_menu", 0]:
            problems.append(f"{where} (phone): Escape does not close the drawer and give the focus back to the menu button: {closed}")
        page.press("Enter")
        page.press("Enter")  # on the close button, which has the focus when the drawer opens
        closed = page.evaluate("[document.body.classList.contains('cr-nav-open'), document.activeElement.id]")
        if closed != [False, "cr_menu"]:
            problems.append(f"{where} (phone): the close button does not close the drawer: {closed}")
        return problems

    def search(self, where):
        """Types a query: the combobox opens its list, announces the count, moves with the
        arrows; returns whether results are showing, for axe to look at them."""
        page = self.page
        page.evaluate("document.getElementById('cr_search').focus()")
        page.type("gradient")
        if not self.wait_for("document.getElementById('cr_search').getAttribute('aria-expanded') === 'true'"):
            return False, [f"{where}: searching for 'gradient' opens no list of results"]
        problems = []
        state = page.evaluate("""(function () {
            var input = document.getElementById('cr_search'), list = document.getElementById(input.getAttribute('aria-controls'));
            return { role: input.getAttribute('role'), list: list && list.getAttribute('role'),
                     inLandmark: !!(list && list.closest('[role=search]')),
                     options: list ? list.querySelectorAll('[role=option]').length : 0 };
        })()""")
        if state != {"role": "combobox", "list": "listbox", "inLandmark": True, "options": state["options"]} or not state["options"]:
            problems.append(f"{where}: the search box is not a combobox over a list of results in the search landmark: {state}")
        status = self.wait_for("document.getElementById('cr_search_status').textContent")
        if not status or not any(word in status for word in ["result", "results"]):
            problems.append(f"{where}: the status does not say how many results there are: {status!r}")
        page.press("ArrowDown")
        page.press("ArrowDown")
        active = page.evaluate("""(function () {
            var id = document.getElementById('cr_search').getAttribute('aria-activedescendant'), option = id && document.getElementById(id);
            return [document.activeElement.id, option ? option.getAttribute('aria-selected') : null,
                    Array.prototype.indexOf.call(document.querySelectorAll('#cr_results [role=option]'), option)];
        })()""")
        if active != ["cr_search", "true", 1]:
            problems.append(f"{where}: the arrow keys do not move through the results (focus, selected, index: {active})")
        return True, problems

    def close_search(self, where):
        self.page.press("Escape")
        if self.page.evaluate("document.getElementById('cr_search').getAttribute('aria-expanded')") != "false":
            return [f"{where}: Escape does not close the list of results"]
        return []


def table(rows):
    """The summary: one line per page, a column per state, the number of elements with a
    violation (serious or critical ones in brackets)."""
    width = max([len("page")] + [len(name) for name, _ in rows])
    lines = ["page".ljust(width) + "".join(column.rjust(13) for column in COLUMNS)]
    for name, violations in rows:
        cells = []
        for column in COLUMNS:
            found = violations.get(column)
            if found is None:
                cells.append("-")
                continue
            total = sum(rule["count"] for rule in found)
            failing = sum(rule["count"] for rule in found if rule["impact"] in FAILING_IMPACTS)
            cells.append(f"{total}" + (f" ({failing})" if failing else ""))
        lines.append(name.ljust(width) + "".join(cell.rjust(13) for cell in cells))
    return "\n".join(lines)
