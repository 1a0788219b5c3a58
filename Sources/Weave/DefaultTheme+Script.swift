extension DefaultTheme {
    /// The site's only script: the menu on a phone, the contents' highlight of the section
    /// being read, and search over `assets/search-index.js` (written at build time, loaded on
    /// first use, no library, works from `file://`). Results are built as DOM nodes, never as
    /// HTML, so text from a notebook cannot become markup.
    public static let script = #"""
    (function () {
      "use strict";
      var body = document.body;
      var root = body.getAttribute("data-root") || "";

      // The menu on a phone.
      var menu = document.getElementById("cr_menu");
      var scrim = document.getElementById("cr_scrim");
      function setMenu(open) {
        body.classList.toggle("cr-nav-open", open);
        if (menu) menu.setAttribute("aria-expanded", open ? "true" : "false");
        if (scrim) scrim.hidden = !open;
      }
      if (menu) menu.addEventListener("click", function () { setMenu(!body.classList.contains("cr-nav-open")); });
      if (scrim) scrim.addEventListener("click", function () { setMenu(false); });
      document.addEventListener("keydown", function (event) {
        if (event.key === "Escape" && body.classList.contains("cr-nav-open")) { setMenu(false); if (menu) menu.focus(); }
      });

      // Boxes that scroll sideways (code, output, formulas, tables, wide circuits) come as
      // named regions in the tab order, so that a keyboard can scroll them even without this
      // script. Those that fit the column leave the tab order and stop being regions, and
      // come back when a narrower window makes them scroll.
      var boxes = Array.prototype.slice.call(document.querySelectorAll('[role="region"][tabindex="0"][aria-label]'));
      var boxNames = boxes.map(function (box) { return box.getAttribute("aria-label"); });
      function markScrollingBoxes() {
        boxes.forEach(function (box, i) {
          if (box.scrollWidth > box.clientWidth + 1) {
            box.setAttribute("tabindex", "0");
            box.setAttribute("role", "region");
            box.setAttribute("aria-label", boxNames[i]);
          } else if (document.activeElement !== box) {
            box.removeAttribute("tabindex");
            box.removeAttribute("role");
            box.removeAttribute("aria-label");
          }
        });
      }
      if (boxes.length) {
        markScrollingBoxes();
        var resizing = false;
        window.addEventListener("resize", function () {
          if (resizing) return;
          resizing = true;
          window.requestAnimationFrame(function () { resizing = false; markScrollingBoxes(); });
        });
        window.addEventListener("load", markScrollingBoxes);
        if (document.fonts && document.fonts.ready) document.fonts.ready.then(markScrollingBoxes);
      }

      // The contents: mark the section being read.
      var tocLinks = Array.prototype.slice.call(document.querySelectorAll(".cr-toc a"));
      if (tocLinks.length && "IntersectionObserver" in window) {
        var byId = {};
        tocLinks.forEach(function (a) { byId[decodeURIComponent(a.hash.slice(1))] = a; });
        var headings = tocLinks.map(function (a) { return document.getElementById(decodeURIComponent(a.hash.slice(1))); })
          .filter(function (h) { return h; });
        var visible = {};
        var observer = new IntersectionObserver(function (entries) {
          entries.forEach(function (entry) { visible[entry.target.id] = entry.isIntersecting; });
          var current = null;
          for (var i = 0; i < headings.length; i++) {
            if (visible[headings[i].id]) { current = headings[i]; break; }
            if (headings[i].getBoundingClientRect().top < 0) current = headings[i];
          }
          tocLinks.forEach(function (a) { a.classList.remove("cr-active"); });
          if (current && byId[current.id]) byId[current.id].classList.add("cr-active");
        }, { rootMargin: "0px 0px -60% 0px" });
        headings.forEach(function (h) { observer.observe(h); });
      }

      // Search.
      var input = document.getElementById("cr_search");
      var box = document.getElementById("cr_results");
      if (!input || !box) return;
      var index = null, loading = false, selected = -1, pending = false;

      function load() {
        if (index || loading) return;
        loading = true;
        var script = document.createElement("script");
        script.src = root + "assets/search-index.js";
        script.onload = function () {
          index = prepare(window.chainruleSearchIndex || { pages: [], sections: [] });
          if (pending) run();
        };
        document.head.appendChild(script);
      }

      function prepare(data) {
        return data.sections.map(function (s) {
          var page = data.pages[s[0]];
          return { page: page.t, url: root + page.u + (s[1] ? "#" + s[1] : ""), heading: s[2], text: s[3],
                   lowHeading: s[2].toLowerCase(), lowText: s[3].toLowerCase(), lowPage: page.t.toLowerCase(), top: !s[1] };
        });
      }

      function terms(query) {
        return query.toLowerCase().split(/[^\p{L}\p{N}_.]+/u).filter(function (t) { return t.length > 0; });
      }

      function count(haystack, term, limit) {
        var n = 0, at = haystack.indexOf(term);
        while (at !== -1 && n < limit) { n++; at = haystack.indexOf(term, at + term.length); }
        return n;
      }

      function score(section, words) {
        var total = 0;
        for (var i = 0; i < words.length; i++) {
          var w = words[i];
          var inHeading = count(section.lowHeading, w, 3), inText = count(section.lowText, w, 10), inPage = count(section.lowPage, w, 1);
          if (!inHeading && !inText && !inPage) return 0;
          total += inHeading * 10 + inPage * 4 + inText;
        }
        return total + (section.top ? 0.5 : 0);
      }

      function snippet(section, words) {
        var text = section.text, low = section.lowText, at = -1;
        for (var i = 0; i < words.length && at === -1; i++) at = low.indexOf(words[i]);
        if (at === -1) return text.slice(0, 140);
        var start = Math.max(0, at - 50), end = Math.min(text.length, at + 110);
        return (start > 0 ? "…" : "") + text.slice(start, end) + (end < text.length ? "…" : "");
      }

      // Text with the query's words in <mark>, as nodes.
      function highlighted(text, words) {
        var fragment = document.createDocumentFragment(), low = text.toLowerCase(), position = 0;
        while (position < text.length) {
          var best = -1, length = 0;
          for (var i = 0; i < words.length; i++) {
            var at = low.indexOf(words[i], position);
            if (at !== -1 && (best === -1 || at < best)) { best = at; length = words[i].length; }
          }
          if (best === -1) break;
          if (best > position) fragment.appendChild(document.createTextNode(text.slice(position, best)));
          var mark = document.createElement("mark");
          mark.textContent = text.slice(best, best + length);
          fragment.appendChild(mark);
          position = best + length;
        }
        fragment.appendChild(document.createTextNode(text.slice(position)));
        return fragment;
      }

      function span(className, content) {
        var element = document.createElement("span");
        element.className = className;
        if (typeof content === "string") element.textContent = content; else element.appendChild(content);
        return element;
      }

      // Under the search box, as wide as the window allows.
      function place() {
        var rect = input.getBoundingClientRect();
        box.style.left = Math.max(8, rect.left) + "px";
        box.style.top = rect.bottom + 6 + "px";
        box.style.width = Math.max(rect.width, Math.min(480, window.innerWidth - rect.left - 16)) + "px";
      }

      function run() {
        var query = input.value.trim();
        if (!query) { box.hidden = true; box.textContent = ""; return; }
        if (!index) { pending = true; load(); return; }
        var words = terms(query);
        var results = index.map(function (s) { return { section: s, score: score(s, words) }; })
          .filter(function (r) { return r.score > 0; })
          .sort(function (a, b) { return b.score - a.score; })
          .slice(0, 12);
        box.textContent = "";
        selected = -1;
        if (!results.length) {
          box.appendChild(span("cr-results-empty", "No results for “" + query + "”"));
        }
        results.forEach(function (r, i) {
          var a = document.createElement("a");
          a.href = r.section.url;
          a.id = "cr_result" + i;
          a.setAttribute("role", "option");
          a.appendChild(span("cr-result-page", r.section.page));
          a.appendChild(span("cr-result-heading", highlighted(r.section.heading, words)));
          a.appendChild(span("cr-result-text", highlighted(snippet(r.section, words), words)));
          box.appendChild(a);
        });
        place();
        box.hidden = false;
      }

      function move(step) {
        var links = box.querySelectorAll("a");
        if (!links.length) return;
        if (selected >= 0) links[selected].setAttribute("aria-selected", "false");
        selected = (selected + step + links.length) % links.length;
        links[selected].setAttribute("aria-selected", "true");
        links[selected].scrollIntoView({ block: "nearest" });
        input.setAttribute("aria-activedescendant", links[selected].id);
      }

      input.addEventListener("focus", load);
      window.addEventListener("resize", function () { if (!box.hidden) place(); });
      var sidebar = document.getElementById("cr_sidebar");
      if (sidebar) sidebar.addEventListener("scroll", function () { if (!box.hidden) place(); });
      input.addEventListener("input", run);
      input.addEventListener("keydown", function (event) {
        if (event.key === "ArrowDown") { move(1); event.preventDefault(); }
        else if (event.key === "ArrowUp") { move(-1); event.preventDefault(); }
        else if (event.key === "Enter") {
          var links = box.querySelectorAll("a");
          var target = links[selected >= 0 ? selected : 0];
          if (target) { window.location.href = target.href; setMenu(false); }
        } else if (event.key === "Escape") { input.value = ""; run(); input.blur(); }
      });
      document.addEventListener("keydown", function (event) {
        var tag = document.activeElement && document.activeElement.tagName;
        if (event.key === "/" && tag !== "INPUT" && tag !== "TEXTAREA" && !event.metaKey && !event.ctrlKey) {
          event.preventDefault();
          if (window.matchMedia("(max-width: 860px)").matches) setMenu(true);
          input.focus();
        }
      });
      document.addEventListener("click", function (event) {
        if (!box.contains(event.target) && event.target !== input) box.hidden = true;
      });
      box.addEventListener("click", function () { box.hidden = true; setMenu(false); });
    })();

    """#

    /// Served by `chainrule serve` only (at `/__chainrule/reload.js`, loaded by a `<script
    /// src>` it adds to each page as it serves it), never written to the site: it asks the
    /// server for the build's version every half second and reloads the page when it changes.
    /// A file rather than an inline script because the pages' policy allows scripts only
    /// from the site's own files (`contentSecurityPolicy`).
    public static let reloadScript = #"""
    (function () {
      "use strict";
      var known = null;
      function poll() {
        fetch("/__chainrule/version", { cache: "no-store" }).then(function (r) { return r.text(); }).then(function (v) {
          if (known !== null && v !== known) { location.reload(); return; }
          known = v;
          setTimeout(poll, 500);
        }).catch(function () { setTimeout(poll, 1500); });
      }
      poll();
    })();

    """#
}
