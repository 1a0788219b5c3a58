extension DefaultTheme {
    /// The site's only script: the menu on a phone, the contents' highlight of the section
    /// being read, and search over `assets/search/` (written at build time, `SearchIndex`; loaded
    /// a part at a time on use, no library, works from `file://`). Results are built as DOM nodes, never as
    /// HTML, so text from a notebook cannot become markup.
    public static let script = #"""
    (function () {
      "use strict";
      var body = document.body;
      var root = body.getAttribute("data-root") || "";

      // The menu on a phone: a drawer over the page. While it is open the rest of the page is
      // inert, so focus and a screen reader stay in it; Escape, the close button or a tap
      // beside it closes it, and the focus goes back to the menu button.
      var menu = document.getElementById("cr_menu");
      var scrim = document.getElementById("cr_scrim");
      var drawer = document.getElementById("cr_sidebar");
      var closeButton = document.getElementById("cr_close");
      var narrow = window.matchMedia("(max-width: 860px)");
      function isOpen() { return body.classList.contains("cr-nav-open"); }
      function setMenu(open, returnFocus) {
        if (open === isOpen()) return;
        body.classList.toggle("cr-nav-open", open);
        if (menu) menu.setAttribute("aria-expanded", open ? "true" : "false");
        if (scrim) scrim.hidden = !open;
        // Everything but the drawer and the scrim that closes it, at each level up to <body>.
        for (var node = drawer; node && node !== body && node.parentNode; node = node.parentNode) {
          Array.prototype.forEach.call(node.parentNode.children, function (sibling) {
            if (sibling !== node && sibling !== scrim) sibling.inert = open;
          });
        }
        if (open && closeButton) closeButton.focus();
        if (!open && returnFocus && menu) menu.focus();
      }
      if (menu) menu.addEventListener("click", function () { setMenu(!isOpen(), true); });
      if (scrim) scrim.addEventListener("click", function () { setMenu(false, true); });
      if (closeButton) closeButton.addEventListener("click", function () { setMenu(false, true); });
      document.addEventListener("keydown", function (event) {
        if (event.key === "Escape" && isOpen() && !event.defaultPrevented) setMenu(false, true);
      });
      // A window made wide while the drawer is open shows the sidebar in place: nothing is inert.
      var onWidth = function () { if (!narrow.matches) setMenu(false, false); };
      if (narrow.addEventListener) narrow.addEventListener("change", onWidth); else if (narrow.addListener) narrow.addListener(onWidth);

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

      // Search: the box is a combobox whose list of results opens under it; arrow keys move
      // through the results (the focus stays in the box), Enter opens one, Escape closes the
      // list and then empties the box. A polite status says how many results there are. The
      // results are links that Tab reaches too, so the list, which may scroll, can be. The
      // index is split (SearchIndex.swift): a query loads the shards of its words, then the
      // pages of the results it shows.
      var input = document.getElementById("cr_search");
      var panel = document.getElementById("cr_results_panel");
      var list = document.getElementById("cr_results");
      var status = document.getElementById("cr_search_status");
      if (!input || !panel || !list) return;
      var keys = null, shards = {}, pages = {}, requested = {}, selected = -1, announcing = null;
      var ideograph = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{2fa1f}]/u;
      var wordPart = /[\p{L}\p{N}_.]/u;

      window.chainruleSearchKeys = function (data) {
        keys = {};
        data.shards.forEach(function (key) { keys[key] = true; });
        keys.sections = data.sections;
        run();
      };
      window.chainruleSearchShard = function (key, entries) {
        var words = new Map();
        entries.forEach(function (entry) { words.set(entry[0], { numbers: entry[1], common: entry[2] === 1 }); });
        shards[key] = words;
        run();
      };
      window.chainruleSearchPage = function (number, page) { pages[number] = page; run(); };

      // Each file once; a file that does not load counts as empty.
      function request(file, failed) {
        if (requested[file]) return;
        requested[file] = true;
        var script = document.createElement("script");
        script.src = root + "assets/search/" + file;
        script.onerror = function () { failed(); run(); };
        document.head.appendChild(script);
      }

      function load() {
        request("keys.js", function () { keys = { sections: [] }; });
      }

      // As SearchWords.split does at build time.
      function words(text) {
        var out = [], word = "", ideographs = [];
        function endWord() {
          var trimmed = word.replace(/^\.+|\.+$/g, "");
          word = "";
          if (!trimmed) return;
          out.push(trimmed);
          if (trimmed.indexOf(".") !== -1) trimmed.split(".").forEach(function (part) { if (part) out.push(part); });
        }
        function endIdeographs() {
          if (ideographs.length === 1) out.push(ideographs[0]);
          for (var i = 0; i + 1 < ideographs.length; i++) out.push(ideographs[i] + ideographs[i + 1]);
          ideographs = [];
        }
        Array.from(text.toLowerCase()).forEach(function (c) {
          if (ideograph.test(c)) { endWord(); ideographs.push(c); }
          else if (wordPart.test(c)) { endIdeographs(); word += c; }
          else { endWord(); endIdeographs(); }
        });
        endWord();
        endIdeographs();
        return out.filter(function (w, i) { return out.indexOf(w) === i; });
      }

      function shardKey(word) {
        var bytes = new TextEncoder().encode(Array.from(word).slice(0, 2).join("")), key = "";
        for (var i = 0; i < bytes.length; i++) key += (bytes[i] < 16 ? "0" : "") + bytes[i].toString(16);
        return key;
      }

      // Every section that holds each word (as the start of one of its words, in its heading,
      // its text or its page's title), best first: a word counts ten times in a heading (at
      // most 3), four times in the title (once), once in the text (at most 10). A word whose
      // every match is a common word (SearchIndex.swift) is left out when others remain.
      function match(terms) {
        var rare = terms.filter(function (w) {
          var shard = shards[shardKey(w)], found = false;
          if (shard) shard.forEach(function (entry, word) { if (word.lastIndexOf(w, 0) === 0 && !entry.common) found = true; });
          return found;
        });
        if (rare.length && rare.length < terms.length) terms = rare;
        var hits = terms.map(function (w) {
          var found = {}, shard = shards[shardKey(w)];
          if (shard) shard.forEach(function (entry, word) {
            if (word.lastIndexOf(w, 0) !== 0) return;
            var numbers = entry.numbers;
            for (var i = 0; i < numbers.length; i += 4) {
              var key = numbers[i] + "," + numbers[i + 1], counts = found[key] || (found[key] = [0, 0]);
              counts[0] += numbers[i + 2];
              counts[1] += numbers[i + 3];
            }
          });
          return found;
        });
        var candidates = {};
        Object.keys(hits[0]).forEach(function (key) {
          var parts = key.split(","), page = +parts[0], section = +parts[1];
          if (section >= 0) candidates[key] = [page, section];
          else for (var s = 0; s < (keys.sections[page] || 0); s++) candidates[page + "," + s] = [page, s];
        });
        var results = [];
        Object.keys(candidates).forEach(function (key) {
          var page = candidates[key][0], section = candidates[key][1], total = 0;
          for (var i = 0; i < hits.length; i++) {
            var here = hits[i][key] || [0, 0], title = (hits[i][page + ",-1"] || [0, 0])[0];
            if (!here[0] && !here[1] && !title) return;
            total += Math.min(here[0], 3) * 10 + Math.min(title, 1) * 4 + Math.min(here[1], 10);
          }
          results.push({ page: page, section: section, score: total });
        });
        return results.sort(function (a, b) { return b.score - a.score || a.page - b.page || a.section - b.section; });
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
        panel.style.left = Math.max(8, rect.left) + "px";
        panel.style.top = rect.bottom + 6 + "px";
        panel.style.width = Math.max(rect.width, Math.min(480, window.innerWidth - rect.left - 16)) + "px";
      }

      // Said once typing pauses, so a screen reader is not read every keystroke's count.
      function announce(text) {
        if (!status) return;
        clearTimeout(announcing);
        announcing = setTimeout(function () { status.textContent = text; }, text ? 400 : 0);
      }

      function close() {
        panel.hidden = true;
        input.setAttribute("aria-expanded", "false");
        input.removeAttribute("aria-activedescendant");
        selected = -1;
      }

      function run() {
        var query = input.value.trim();
        if (!query) { close(); list.textContent = ""; announce(""); return; }
        if (!keys) { load(); return; }
        var terms = words(query);
        var waiting = false;
        terms.forEach(function (w) {
          var key = shardKey(w);
          if (keys[key] && !shards[key]) { waiting = true; request("s-" + key + ".js", function () { shards[key] = new Map(); }); }
        });
        if (waiting) return;
        var found = terms.length ? match(terms) : [], results = found.slice(0, 12);
        results.forEach(function (r) {
          if (!(r.page in pages)) { waiting = true; request("p-" + r.page + ".js", function () { pages[r.page] = null; }); }
        });
        if (waiting) return;
        show(query, terms, results.filter(function (r) { return pages[r.page] && pages[r.page].s[r.section]; }), found.length);
      }

      function show(query, terms, results, total) {
        list.textContent = "";
        var empty = panel.querySelector(".cr-results-empty");
        if (empty) panel.removeChild(empty);
        selected = -1;
        input.removeAttribute("aria-activedescendant");
        results.forEach(function (r, i) {
          var page = pages[r.page], entry = page.s[r.section];
          var section = { heading: entry[1], text: entry[2], lowText: entry[2].toLowerCase() };
          var a = document.createElement("a");
          a.href = root + page.u + (entry[0] ? "#" + entry[0] : "");
          a.id = "cr_result" + i;
          a.setAttribute("role", "option");
          a.setAttribute("aria-selected", "false");
          a.appendChild(span("cr-result-page", page.t));
          a.appendChild(span("cr-result-heading", highlighted(section.heading, terms)));
          a.appendChild(span("cr-result-text", highlighted(snippet(section, terms), terms)));
          list.appendChild(a);
        });
        if (results.length) {
          announce(total === 1 ? "1 result" : total > results.length
            ? total + " results, the best " + results.length + " shown" : total + " results");
        } else {
          var message = document.createElement("p");
          message.className = "cr-results-empty";
          message.textContent = "No results for “" + query + "”";
          panel.appendChild(message);
          announce(message.textContent);
        }
        list.hidden = !results.length;
        input.setAttribute("aria-expanded", results.length ? "true" : "false");
        place();
        panel.hidden = false;
      }

      function move(step) {
        var options = list.querySelectorAll("[role=option]");
        if (!options.length) return;
        if (panel.hidden) { panel.hidden = false; input.setAttribute("aria-expanded", "true"); place(); }
        if (selected >= 0) options[selected].setAttribute("aria-selected", "false");
        selected = (selected + step + options.length) % options.length;
        options[selected].setAttribute("aria-selected", "true");
        options[selected].scrollIntoView({ block: "nearest" });
        input.setAttribute("aria-activedescendant", options[selected].id);
      }

      input.addEventListener("focus", load);
      window.addEventListener("resize", function () { if (!panel.hidden) place(); });
      if (drawer) drawer.addEventListener("scroll", function () { if (!panel.hidden) place(); });
      input.addEventListener("input", run);
      input.addEventListener("keydown", function (event) {
        if (event.key === "ArrowDown") { move(1); event.preventDefault(); }
        else if (event.key === "ArrowUp") { move(-1); event.preventDefault(); }
        else if (event.key === "Enter") {
          var options = list.querySelectorAll("[role=option]");
          var target = options[selected >= 0 ? selected : 0];
          if (target) { window.location.href = target.href; setMenu(false, false); }
        } else if (event.key === "Escape") {
          // First the list closes, then the box empties; a third Escape closes the drawer.
          if (!panel.hidden) { close(); event.preventDefault(); }
          else if (input.value) { input.value = ""; run(); event.preventDefault(); }
        }
      });
      document.addEventListener("keydown", function (event) {
        var tag = document.activeElement && document.activeElement.tagName;
        if (event.key === "/" && tag !== "INPUT" && tag !== "TEXTAREA" && !event.metaKey && !event.ctrlKey) {
          event.preventDefault();
          if (narrow.matches) setMenu(true, false);
          input.focus();
        }
      });
      document.addEventListener("click", function (event) {
        if (!panel.contains(event.target) && event.target !== input) close();
      });
      list.addEventListener("click", function () { close(); setMenu(false, false); });
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
