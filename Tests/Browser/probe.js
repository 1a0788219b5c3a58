// Test-only: the browser test inserts this at the top of each page's <head> (in a copy of the
// site, never in the site itself). It records what went wrong and what the page looks like,
// then writes it as JSON into <html data-probe="...">, which `chromium --dump-dom` prints.
(function () {
  "use strict";
  var probe = { errors: [], failedResources: [], consoleErrors: [] };
  window.addEventListener("error", function (event) {
    var target = event.target;
    if (target && target !== window && (target.src || target.href)) {
      probe.failedResources.push(target.tagName + " " + (target.src || target.href));
    } else {
      probe.errors.push(String(event.message) + " at " + event.filename + ":" + event.lineno);
    }
  }, true);
  window.addEventListener("unhandledrejection", function (event) {
    probe.errors.push("unhandled rejection: " + String(event.reason));
  });
  var originalError = console.error;
  console.error = function () {
    probe.consoleErrors.push(Array.prototype.map.call(arguments, String).join(" "));
    return originalError.apply(console, arguments);
  };

  var MATHML = "http://www.w3.org/1998/Math/MathML";

  function box(element) { return element.getBoundingClientRect(); }

  function inspect() {
    var maths = document.getElementsByTagNameNS(MATHML, "math");
    probe.math = maths.length;
    probe.mathDisplay = document.querySelectorAll(".cr-display math").length;
    // A fraction is stacked when its numerator sits above its denominator.
    var fractions = document.getElementsByTagNameNS(MATHML, "mfrac");
    probe.fractions = fractions.length;
    probe.unstackedFractions = 0;
    for (var i = 0; i < fractions.length; i++) {
      var parts = fractions[i].children;
      if (parts.length === 2 && box(parts[0]).bottom > box(parts[1]).top + 1) probe.unstackedFractions++;
    }
    // A subscript sits lower than its base.
    var subscripts = document.getElementsByTagNameNS(MATHML, "msub");
    probe.subscripts = subscripts.length;
    probe.flatSubscripts = 0;
    for (var j = 0; j < subscripts.length; j++) {
      var pieces = subscripts[j].children;
      if (pieces.length === 2 && box(pieces[1]).bottom <= box(pieces[0]).bottom) probe.flatSubscripts++;
    }
    // Markdown or TeX that was not turned into structure shows as literal text outside
    // <math>, code and figures: a TeX command, a `$$`, or the pipes of a table.
    probe.rawTeX = [];
    var walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    var paragraphs = {};
    while (walker.nextNode()) {
      var node = walker.currentNode, parent = node.parentElement;
      if (!parent || parent.closest("math, code, pre, script, style, svg, kbd")) continue;
      if (/\\[A-Za-z]+|\$\$/.test(node.nodeValue)) probe.rawTeX.push(node.nodeValue.trim().slice(0, 60));
      var block = parent.closest("p, li, td, th, h1, h2, h3, h4, h5, h6, blockquote") || parent;
      var text = paragraphs[block.dataset.probeId] || "";
      if (!block.dataset.probeId) block.dataset.probeId = String(Object.keys(paragraphs).length + 1);
      paragraphs[block.dataset.probeId] = text + node.nodeValue;
    }
    Object.keys(paragraphs).forEach(function (id) {
      var text = paragraphs[id];
      if (/(^|\n)\s*\|[^\n]*\|[^\n]*\|/.test(text) || /\|\s*:?-{3,}:?\s*\|/.test(text)) {
        probe.rawTeX.push("table pipes: " + text.trim().slice(0, 60));
      }
    });
    // A plot on its own comes drawn twice, for a column and for a phone: one of them shows.
    var svgs = Array.prototype.filter.call(document.querySelectorAll("svg.cr-fig"), function (svg) {
      return svg.getClientRects().length > 0;
    });
    probe.figures = svgs.length;
    probe.emptyFigures = 0;
    for (var k = 0; k < svgs.length; k++) {
      var rect = box(svgs[k]);
      if (rect.width < 60 || rect.height < 40) probe.emptyFigures++;
    }
    probe.figureKinds = {
      graph: document.querySelectorAll("svg.cr-graph").length,
      panels: document.querySelectorAll(".cr-panels").length,
      regions: document.querySelectorAll("svg.cr-fig .cr-region").length > 0,
      contours: document.querySelectorAll("svg.cr-fig .cr-contour").length > 0,
      lines: document.querySelectorAll("svg.cr-fig .cr-line").length > 0
    };
    probe.tables = document.querySelectorAll("table.cr-table").length;
    probe.rightAligned = Array.prototype.every.call(document.querySelectorAll("td.cr-num"), function (cell) {
      return getComputedStyle(cell).textAlign === "right";
    });
    probe.cells = document.querySelectorAll(".cr-cell").length;
    probe.failedBlocks = document.querySelectorAll(".cr-cell.cr-failed").length;
    probe.scripts = Array.prototype.map.call(document.scripts, function (s) { return s.src || "inline"; });
    // Minus this probe; a live page's program is data (type="application/json"), which no browser runs.
    probe.injected = document.querySelectorAll('script:not([src]):not([type="application/json"])').length - 1;
    probe.headingsWithoutId = document.querySelectorAll(".cr-article h2:not([id]), .cr-article h3:not([id])").length;
    probe.overflowX = document.documentElement.scrollWidth > window.innerWidth + 1;
    // The sidebar's list comes from assets/nav.js.
    probe.navLinks = document.querySelectorAll(".cr-sidebar .cr-nav a").length;
    var current = document.querySelector(".cr-sidebar .cr-nav a[aria-current=page]");
    probe.navCurrent = current ? current.getAttribute("href") : null;
    probe.viewport = window.innerWidth + "x" + window.innerHeight;
    probe.dark = window.matchMedia("(prefers-color-scheme: dark)").matches;
    probe.background = getComputedStyle(document.body).backgroundColor;
    // Everything the page loaded came from the site's own files.
    probe.external = performance.getEntriesByType("resource").map(function (entry) { return entry.name; })
      .filter(function (name) { return !/^file:/.test(name); });
  }

  function search(then) {
    var input = document.getElementById("cr_search");
    if (!input) { probe.search = "none"; then(); return; }
    input.dispatchEvent(new Event("focus"));
    input.value = "gradient";
    input.dispatchEvent(new Event("input"));
    setTimeout(function () {
      input.dispatchEvent(new Event("input"));
      probe.searchResults = document.querySelectorAll("#cr_results a").length;
      var first = document.querySelector("#cr_results a");
      probe.searchFirst = first ? first.getAttribute("href") : null;
      probe.searchMarks = document.querySelectorAll("#cr_results mark").length;
      // A query with a word so common that the index keeps only some of its sections.
      input.value = "the gradient";
      input.dispatchEvent(new Event("input"));
      setTimeout(function () {
        input.dispatchEvent(new Event("input"));
        probe.searchCommon = document.querySelectorAll("#cr_results a").length;
        input.value = "";
        input.dispatchEvent(new Event("input"));
        then();
      }, 400);
    }, 400);
  }

  // On a phone the sidebar is behind the menu button: it must open and close.
  function menu(then) {
    var button = document.getElementById("cr_menu"), sidebar = document.getElementById("cr_sidebar");
    if (!button || !sidebar || box(button).width === 0) { probe.menu = "hidden"; then(); return; }
    // The end state is what matters (headless virtual time does not run CSS transitions).
    var still = document.createElement("style");
    still.textContent = "* { transition: none !important; }";
    document.head.appendChild(still);
    var closedLeft = box(sidebar).right;
    button.click();
    setTimeout(function () {
      var open = box(sidebar);
      probe.menu = closedLeft <= 0 && open.left >= -1 && open.width > 100 && getComputedStyle(sidebar).visibility === "visible"
        ? "works" : "broken (closed right " + closedLeft + ", open left " + open.left + ")";
      button.click();
      then();
    }, 400);
  }

  window.addEventListener("load", function () {
    setTimeout(function () {
      inspect();
      search(function () {
        menu(function () {
          document.documentElement.setAttribute("data-probe", JSON.stringify(probe));
        });
      });
    }, 100);
  });
})();
