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

      // Search: the index is split (SearchIndex.swift); a query loads the shards of its words,
      // then the pages of the results it shows.
      var input = document.getElementById("cr_search");
      var box = document.getElementById("cr_results");
      if (!input || !box) return;
      var keys = null, shards = {}, pages = {}, requested = {}, selected = -1;
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
      function match(list) {
        var rare = list.filter(function (w) {
          var shard = shards[shardKey(w)], found = false;
          if (shard) shard.forEach(function (entry, word) { if (word.lastIndexOf(w, 0) === 0 && !entry.common) found = true; });
          return found;
        });
        if (rare.length && rare.length < list.length) list = rare;
        var hits = list.map(function (w) {
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
        box.style.left = Math.max(8, rect.left) + "px";
        box.style.top = rect.bottom + 6 + "px";
        box.style.width = Math.max(rect.width, Math.min(480, window.innerWidth - rect.left - 16)) + "px";
      }

      function run() {
        var query = input.value.trim();
        if (!query) { box.hidden = true; box.textContent = ""; return; }
        if (!keys) { load(); return; }
        var list = words(query);
        if (!list.length) { show(query, list, []); return; }
        var waiting = false;
        list.forEach(function (w) {
          var key = shardKey(w);
          if (keys[key] && !shards[key]) { waiting = true; request("s-" + key + ".js", function () { shards[key] = new Map(); }); }
        });
        if (waiting) return;
        var results = match(list).slice(0, 12);
        results.forEach(function (r) {
          if (!(r.page in pages)) { waiting = true; request("p-" + r.page + ".js", function () { pages[r.page] = null; }); }
        });
        if (waiting) return;
        show(query, list, results.filter(function (r) { return pages[r.page] && pages[r.page].s[r.section]; }));
      }

      function show(query, list, results) {
        box.textContent = "";
        selected = -1;
        if (!results.length) {
          box.appendChild(span("cr-results-empty", "No results for “" + query + "”"));
        }
        results.forEach(function (r, i) {
          var page = pages[r.page], entry = page.s[r.section];
          var section = { heading: entry[1], text: entry[2], lowText: entry[2].toLowerCase() };
          var a = document.createElement("a");
          a.href = root + page.u + (entry[0] ? "#" + entry[0] : "");
          a.id = "cr_result" + i;
          a.setAttribute("role", "option");
          a.appendChild(span("cr-result-page", page.t));
          a.appendChild(span("cr-result-heading", highlighted(section.heading, list)));
          a.appendChild(span("cr-result-text", highlighted(snippet(section, list), list)));
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
