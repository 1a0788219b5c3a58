/// The scripts of live pages (docs/live.md): a reader edits a computation block, runs it, and
/// sees its outputs drawn as the build draws them, by the same interpreter and engine
/// compiled to WebAssembly.
///
/// Three files under `assets/`, written only when the site has the live module
/// (`Pipeline.LiveModule`):
///
/// - `live.js`, the loader, the one file a live page loads (`defer`): it adds an Edit and a
///   Run button to each block and, on the first click, loads the other two, once per page
///   (the same addresses on every page, so the browser's cache serves them after the first);
/// - `live/worker.js`, the worker's code: a function (`chainruleLiveEngine`) that instantiates
///   the module and answers requests; the loader makes the worker from its source as a
///   `blob:` address (a page opened from disk may not start a worker from a file), and calls
///   it on the page too, for the highlighter;
/// - `live/module.js`, the module as base64 in `chainruleLiveModule` (a page opened from disk
///   may not `fetch` a file, but may load a script), which the loader decodes and posts to
///   the worker.
///
/// The page's program is the JSON of `<script type="application/json" id="cr-live-program">`;
/// each block's `<div class="cr-cell">` has its index in `data-block`.
public enum LiveScript {
    public static let loaderPath = "assets/live.js"
    /// The folder of the files the loader loads on use.
    public static let folder = "assets/live"
    public static let workerPath = "assets/live/worker.js"
    public static let modulePath = "assets/live/module.js"

    /// `assets/live/module.js`: the module's bytes as base64 in a global.
    public static func moduleAsset(base64: String) -> String {
        "// Chainrule's live module (chainrule-live.wasm) as base64, for assets/live.js (docs/live.md).\n"
            + "self.chainruleLiveModule = \"" + base64 + "\";\n"
    }

    /// `assets/live/worker.js`: the module's host, as a function that runs both as the
    /// worker (given its global scope) and on the page (given nothing, for `instantiate`).
    ///
    /// The module is a WASI reactor; of WASI it gets the clock (`clock_time_get`, from
    /// `performance`) and random bytes (`random_get`, from `crypto`), and every other
    /// function answers ENOSYS (52). A request is UTF-8 JSON written at `live_input(n)`,
    /// `live_call(n)` handles it and gives the length of the answer, which is at
    /// `live_output()`. In the worker, messages are `{type: "start", bytes, load}` (answered
    /// with `ready` and the answer to `load`, or `failed`), then `{type: "call", id,
    /// request}` (answered with `reply` or `failed`: a trap leaves the module unusable, and
    /// the page starts a fresh worker).
    public static let workerAsset = #"""
    // Chainrule's live blocks: the worker's code (docs/live.md). assets/live.js makes the worker
    // from this function's source, and calls it on the page for the highlighter.
    self.chainruleLiveEngine = function (scope) {
      "use strict";
      var ENOSYS = 52;

      // The module's imports: the clock and random bytes of WASI, ENOSYS for the rest.
      function imports(module, memory) {
        function view() { return new DataView(memory().buffer); }
        var wasi = {
          clock_time_get: function (id, precision, out) {
            var milliseconds = id === 0 ? performance.timeOrigin + performance.now() : performance.now();
            view().setBigUint64(out >>> 0, BigInt(Math.round(milliseconds * 1e6)), true);
            return 0;
          },
          random_get: function (pointer, length) {
            var bytes = new Uint8Array(memory().buffer, pointer >>> 0, length >>> 0);
            for (var i = 0; i < bytes.length; i += 65536) crypto.getRandomValues(bytes.subarray(i, i + 65536));
            return 0;
          }
        };
        var result = {};
        WebAssembly.Module.imports(module).forEach(function (entry) {
          if (entry.kind !== "function") return;
          var space = result[entry.module] || (result[entry.module] = {});
          space[entry.name] = (entry.module === "wasi_snapshot_preview1" && wasi[entry.name])
            || function () { return ENOSYS; };
        });
        return result;
      }

      // The module, ready: call(request text) gives the answer's text.
      function instantiate(bytes) {
        var exports = null;
        function memory() { return exports.memory; }
        return WebAssembly.compile(bytes).then(function (module) {
          return WebAssembly.instantiate(module, imports(module, memory));
        }).then(function (instance) {
          exports = instance.exports;
          exports._initialize();
          var encoder = new TextEncoder(), decoder = new TextDecoder();
          return {
            call: function (text) {
              var input = encoder.encode(text);
              var pointer = exports.live_input(input.length) >>> 0;
              new Uint8Array(exports.memory.buffer, pointer, input.length).set(input);
              var length = exports.live_call(input.length) >>> 0;
              var output = exports.live_output() >>> 0;
              return decoder.decode(new Uint8Array(exports.memory.buffer, output, length));
            }
          };
        });
      }

      if (scope) {
        var engine = null;
        var message = function (error) { return String(error && error.message || error); };
        scope.onmessage = function (event) {
          var data = event.data;
          if (data.type === "start") {
            instantiate(data.bytes).then(function (ready) {
              engine = ready;
              scope.postMessage({ type: "ready", reply: engine.call(data.load) });
            }).catch(function (error) {
              scope.postMessage({ type: "failed", message: message(error) });
            });
          } else if (data.type === "call") {
            try {
              scope.postMessage({ type: "reply", id: data.id, reply: engine.call(data.request) });
            } catch (error) {
              scope.postMessage({ type: "failed", id: data.id, message: message(error) });
            }
          }
        };
      }
      return { instantiate: instantiate };
    };

    """#

    /// `assets/live.js`, the loader and the page's controls.
    public static let loader = #"""
    // Chainrule's live blocks (docs/live.md): Edit and Run on each computation block. Nothing
    // else is loaded until the reader asks: then live/worker.js and live/module.js, once.
    (function () {
      "use strict";
      var data = document.getElementById("cr-live-program");
      var script = document.currentScript;
      var cells = Array.prototype.slice.call(document.querySelectorAll(".cr-cell[data-block]"));
      if (!data || !script || !cells.length || !window.WebAssembly || !window.Worker) return;
      var base = script.src;
      var program = null, programError = null;
      var blocks = [];
      var sliderValues = {};
      var changed = false;
      // The module's bytes and the highlighter on the page, once loaded; the worker and the
      // run under way; the run asked for while another was going.
      var loading = null, bytes = null, workerURL = null, highlighter = null, highlighterFailures = 0;
      var worker = null, starting = null, calls = {}, nextCall = 1, busy = false, current = null, queued = null, watchdog = null;
      var sliderTimer = null, uid = 0;

      // What a screen reader says when a run starts and ends (inside <main>, as all content is).
      var announcer = element("div", "cr-live-announce");
      announcer.setAttribute("role", "status");
      (document.getElementById("cr_main") || document.body).appendChild(announcer);
      function announce(text) { announcer.textContent = text; }

      function element(tag, className, text) {
        var node = document.createElement(tag);
        if (className) node.className = className;
        if (text !== undefined) node.textContent = text;
        return node;
      }
      function button(text, className, action) {
        var node = element("button", "cr-live-button " + className, text);
        node.type = "button";
        node.addEventListener("click", action);
        return node;
      }
      function escape(text) {
        return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
      }

      function readProgram() {
        if (program || programError) return program;
        try { program = JSON.parse(data.textContent); } catch (error) { programError = "the page's program does not read: " + error.message; }
        if (program && !Array.isArray(program.blocks)) { program = null; programError = "the page's program has no blocks"; }
        return program;
      }

      // Each block: its controls, its original code and output (for Reset), its edits.
      cells.forEach(function (cell) {
        var index = Number(cell.getAttribute("data-block"));
        var pre = cell.querySelector(":scope > pre.cr-code");
        var number = index + 1;
        var b = { index: index, number: number, cell: cell, pre: pre, edited: null, editor: null, sliders: null,
                  originalClass: cell.className, originalCode: pre ? pre.firstChild.innerHTML : null,
                  originalOutput: outputNodes(cell) };
        var bar = element("div", "cr-live-bar");
        bar.setAttribute("role", "group");
        bar.setAttribute("aria-label", "Block " + number);
        b.status = element("span", "cr-live-status");
        bar.appendChild(b.status);
        if (pre) {
          b.editButton = button("Edit", "cr-live-edit", function () { toggleEditor(b); });
          b.editButton.setAttribute("aria-pressed", "false");
          bar.appendChild(b.editButton);
        }
        b.runButton = button("Run", "cr-live-run", function () {
          if (current && current.block === b) stop("Stopped."); else run([b.index]);
        });
        bar.appendChild(b.runButton);
        b.resetButton = button("Reset page", "cr-live-reset", reset);
        b.resetButton.hidden = true;
        bar.appendChild(b.resetButton);
        cell.insertBefore(bar, cell.firstChild);
        blocks[index] = b;
      });
      function each(action) { blocks.forEach(function (b) { if (b) action(b); }); }

      // What a cell shows after its code and sliders: outputs, errors, "not run".
      function outputNodes(cell) {
        return Array.prototype.filter.call(cell.children, function (node) {
          return node.matches(".cr-output, .cr-error, .cr-skipped");
        });
      }

      // Loading: the worker's code and the module, as scripts (which a page opened from disk
      // may load, where it may not fetch them), once per page.
      function loadScript(path) {
        return new Promise(function (resolve, reject) {
          var tag = document.createElement("script");
          tag.src = new URL(path, base).href;
          tag.onload = resolve;
          tag.onerror = function () { reject(new Error("cannot load " + path)); };
          document.head.appendChild(tag);
        });
      }
      function load() {
        if (loading) return loading;
        if (!readProgram()) return Promise.reject(new Error(programError));
        loading = Promise.all([loadScript("live/worker.js"), loadScript("live/module.js")]).then(function () {
          if (typeof self.chainruleLiveEngine !== "function" || typeof self.chainruleLiveModule !== "string") {
            throw new Error("the live scripts did not load");
          }
          var text = atob(self.chainruleLiveModule);
          self.chainruleLiveModule = null;
          bytes = new Uint8Array(text.length);
          for (var i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
          var source = "(" + self.chainruleLiveEngine.toString() + ")(self);\n";
          workerURL = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
          document.body.classList.add("cr-live-on");
          each(function (b) {
            var spec = program.blocks[b.index];
            if (spec && Array.isArray(spec.sliders)) showSliders(b, spec.sliders);
          });
          startHighlighter();
        });
        loading.catch(function () { loading = null; });
        return loading;
      }

      // The highlighter: the module on the page, for the language's own lexer; as plain
      // text until it is ready or if it fails.
      function startHighlighter() {
        if (highlighter || highlighterFailures > 2) return;
        highlighter = self.chainruleLiveEngine(null).instantiate(bytes).then(function (engine) {
          highlighter = engine;
          each(function (b) { if (b.editor) paint(b); });
          return engine;
        }, function () { highlighter = null; highlighterFailures++; });
      }
      function highlight(code) {
        if (highlighter && typeof highlighter.call === "function") {
          try {
            var answer = JSON.parse(highlighter.call(JSON.stringify({ highlight: code })));
            if (typeof answer.html === "string") return answer.html;
          } catch (error) {
            highlighter = null;
            highlighterFailures++;
            startHighlighter();
          }
        }
        return escape(code);
      }

      // The code to edit; the line break that ends the last line, which a <pre> does not show,
      // is left out, so the editor opens on the code as it was shown.
      function currentCode(b) {
        if (b.edited !== null) return b.edited;
        var code = program.blocks[b.index] ? String(program.blocks[b.index].code) : "";
        return code.slice(-1) === "\n" ? code.slice(0, -1) : code;
      }
      // The editor: a textarea over the highlighted code, same font and size, its text
      // transparent, so the reader types into a real text box and sees the colours.
      function toggleEditor(b) {
        if (b.editor) { closeEditor(b, true); return; }
        if (!readProgram()) { setStatus(b, "Cannot edit: " + programError); return; }
        var wrap = element("div", "cr-editor");
        var inner = element("div", "cr-editor-inner");
        var view = element("pre", "cr-editor-view");
        view.setAttribute("aria-hidden", "true");
        var code = element("code", "language-backprop");
        view.appendChild(code);
        var area = element("textarea", "cr-editor-input");
        area.id = "cr_live_code" + b.number;
        area.setAttribute("aria-label", "Code, block " + b.number);
        area.setAttribute("spellcheck", "false");
        area.setAttribute("autocapitalize", "off");
        area.setAttribute("autocomplete", "off");
        area.setAttribute("autocorrect", "off");
        area.setAttribute("wrap", "off");
        area.value = currentCode(b);
        inner.appendChild(view);
        inner.appendChild(area);
        wrap.appendChild(inner);
        b.editor = { wrap: wrap, view: code, area: area, frame: 0 };
        b.pre.hidden = true;
        b.pre.parentNode.insertBefore(wrap, b.pre.nextSibling);
        paint(b);
        area.addEventListener("input", function () {
          b.edited = area.value;
          modified(b.index);
          if (!b.editor.frame) b.editor.frame = requestAnimationFrame(function () { if (b.editor) { b.editor.frame = 0; paint(b); } });
        });
        // The box grows with the code, so it never scrolls itself (the view would not follow).
        area.addEventListener("scroll", function () { area.scrollTop = 0; area.scrollLeft = 0; });
        area.addEventListener("keydown", function (event) {
          if (event.key === "Enter" && (event.ctrlKey || event.metaKey || event.shiftKey)) {
            event.preventDefault();
            run([b.index]);
          } else if (event.key === "Escape") {
            event.preventDefault();
            closeEditor(b, true);
          }
        });
        b.editButton.setAttribute("aria-pressed", "true");
        area.focus();
        load().catch(function (error) { setStatus(b, "Live blocks cannot start: " + error.message); });
      }
      function paint(b) {
        var text = b.editor.area.value;
        // A last empty line takes room in the text box: a space gives it room in the view.
        b.editor.view.innerHTML = highlight(text) + (text === "" || text.slice(-1) === "\n" ? " " : "");
      }
      function closeEditor(b, focus) {
        if (!b.editor) return;
        if (b.editor.frame) cancelAnimationFrame(b.editor.frame);
        b.editor.wrap.parentNode.removeChild(b.editor.wrap);
        b.editor = null;
        b.pre.firstChild.innerHTML = b.edited !== null ? highlight(b.edited) : b.originalCode;
        b.pre.hidden = false;
        b.editButton.setAttribute("aria-pressed", "false");
        if (focus) b.editButton.focus();
      }

      // Out of date: a block whose code changed, or that comes after one that ran or changed.
      function setStatus(b, text) { b.status.textContent = text; }
      function markStale(from) {
        each(function (b) {
          if (b.index < from || (current && current.block === b)) return;
          b.cell.classList.add("cr-stale");
          setStatus(b, "Out of date");
        });
      }
      function modified(index) {
        markStale(index);
        showReset();
      }
      function showReset() {
        if (!changed) {
          changed = true;
          each(function (b) { b.resetButton.hidden = false; });
        }
      }

      // The worker: started on demand, given the module's bytes and the page's program;
      // stopped (terminated) by Stop, a trap or the time limit, after which the next run
      // starts a fresh one.
      function startWorker() {
        if (starting) return starting;
        starting = new Promise(function (resolve, reject) {
          worker = new Worker(workerURL);
          var own = worker;
          worker.onmessage = function (event) {
            var message = event.data;
            if (message.type === "ready") {
              var answer = parse(message.reply);
              if (answer.error) { reject(new Error(answer.error)); terminate(); } else resolve(own);
            } else if (message.type === "failed" && message.id === undefined) {
              reject(new Error(message.message));
              terminate();
            } else if (calls[message.id]) {
              var call = calls[message.id];
              delete calls[message.id];
              if (message.type === "reply") call.resolve(parse(message.reply)); else { call.reject(new Error(message.message)); terminate(); }
            }
          };
          worker.onerror = function (event) {
            event.preventDefault();
            var error = new Error(event.message || "the worker failed");
            reject(error);
            failCalls(error);
            terminate();
          };
          worker.postMessage({ type: "start", bytes: bytes, load: JSON.stringify({ load: program }) });
        });
        return starting;
      }
      function parse(text) {
        try { return JSON.parse(text); } catch (error) { return { error: "the module's answer does not read: " + error.message }; }
      }
      function failCalls(error) {
        Object.keys(calls).forEach(function (id) { calls[id].reject(error); });
        calls = {};
      }
      function terminate() {
        if (worker) worker.terminate();
        worker = null;
        starting = null;
      }
      function call(request) {
        return startWorker().then(function (own) {
          return new Promise(function (resolve, reject) {
            var id = nextCall++;
            calls[id] = { resolve: resolve, reject: reject };
            own.postMessage({ type: "call", id: id, request: JSON.stringify(request) });
          });
        });
      }
      // The notebook's time limit, for the watchdog that stops a run the module did not.
      function seconds() {
        var limits = program.limits || {};
        var candidates = [limits.timeout, limits.seconds, limits.timeBudget, limits.time];
        for (var i = 0; i < candidates.length; i++) {
          if (typeof candidates[i] === "number" && candidates[i] > 0) return candidates[i];
        }
        return 60;
      }

      // Runs: a list of blocks run one after another (a slider runs its block and those after
      // it), one request each; a run asked for while another goes waits, the latest only.
      function run(list) {
        if (busy) { queued = list; return; }
        busy = true;
        load().then(function () { next(list); }, function (error) {
          busy = false;
          queued = null;
          var b = blocks[list[0]];
          if (b) setStatus(b, "Live blocks cannot start: " + error.message);
          announce("Live blocks cannot start: " + error.message);
        });
      }
      function next(list) {
        if (queued) { list = queued; queued = null; }
        if (!list.length) { current = null; busy = false; return; }
        var b = blocks[list[0]], rest = list.slice(1);
        showReset();
        current = { block: b, token: {} };
        var token = current.token;
        b.cell.classList.add("cr-running");
        b.cell.setAttribute("aria-busy", "true");
        b.runButton.textContent = "Stop";
        b.runButton.classList.add("cr-live-stop");
        setStatus(b, worker ? "Running…" : "Starting…");
        announce("Running block " + b.number);
        var edits = {};
        each(function (other) {
          var original = program.blocks[other.index];
          if (other.edited !== null && (!original || other.edited !== original.code)) edits[other.index] = other.edited;
        });
        var request = { run: b.index, code: edits, sliders: sliderValues };
        var ready = startWorker();
        ready.then(function () {
          if (current && current.token === token) {
            setStatus(b, "Running…");
            watchdog = setTimeout(function () { stop("Stopped: past the notebook's time limit (" + seconds() + " s)."); }, (seconds() + 5) * 1000);
          }
        }, function () {});
        call(request).then(function (answer) {
          if (!current || current.token !== token) return;
          finish(b);
          if (answer.error) {
            setStatus(b, "Not run: " + answer.error);
            announce("Block " + b.number + " was not run: " + answer.error);
            next([]);
            return;
          }
          var results = Array.isArray(answer.blocks) ? answer.blocks : [];
          results.forEach(show);
          markStale(b.index + 1);
          var mine = results.filter(function (r) { return r.index === b.index; })[0];
          var time = typeof answer.seconds === "number" ? " in " + formatSeconds(answer.seconds) : "";
          var failed = !mine || mine.failed || mine.skipped;
          var text = !mine ? "Not run." : mine.skipped ? "Not run: an earlier block failed." : mine.failed ? "Failed" + time + "." : "Ran" + time + ".";
          setStatus(b, text);
          announce("Block " + b.number + ": " + text);
          next(failed ? [] : rest);
        }, function (error) {
          if (!current || current.token !== token) return;
          finish(b);
          b.cell.classList.add("cr-stale");
          setStatus(b, "Not run: " + error.message);
          announce("Block " + b.number + " was not run: " + error.message);
          next([]);
        });
      }
      function finish(b) {
        clearTimeout(watchdog);
        b.cell.classList.remove("cr-running");
        b.cell.removeAttribute("aria-busy");
        b.runButton.textContent = "Run";
        b.runButton.classList.remove("cr-live-stop");
      }
      function stop(text) {
        if (!current) return;
        var b = current.block;
        current = null;
        busy = false;
        queued = null;
        failCalls(new Error("stopped"));
        terminate();
        finish(b);
        b.cell.classList.add("cr-stale");
        setStatus(b, text);
        announce("Block " + b.number + ": " + text);
      }
      function formatSeconds(value) {
        return value < 0.01 ? "under 0.01 s" : value < 10 ? value.toFixed(2) + " s" : value.toFixed(1) + " s";
      }

      // A block's new output, in place of the one it showed.
      function show(result) {
        var b = blocks[result.index];
        if (!b) return;
        outputNodes(b.cell).forEach(function (node) { node.parentNode.removeChild(node); });
        var holder = document.createElement("template");
        holder.innerHTML = typeof result.html === "string" ? result.html : "";
        var boxes = Array.prototype.slice.call(holder.content.querySelectorAll('[role="region"][tabindex="0"]'));
        b.cell.appendChild(holder.content);
        b.cell.classList.toggle("cr-failed", !!result.failed && !result.expectedError);
        b.cell.classList.toggle("cr-not-run", !!result.skipped);
        b.cell.classList.remove("cr-stale");
        if (current && current.block !== b) setStatus(b, "");
        if (Array.isArray(result.sliders)) showSliders(b, result.sliders);
        // Boxes that fit their column are not tab stops (as the site's script does at load).
        boxes.forEach(function (box) {
          if (box.scrollWidth <= box.clientWidth + 1) {
            box.removeAttribute("tabindex");
            box.removeAttribute("role");
            box.removeAttribute("aria-label");
          }
        });
      }

      // Sliders: one range input per slider(...) of the block, with its label and value;
      // moving one runs its block and those after it again (debounced). A control that
      // stays is kept as it is, so that a drag goes on while its block runs.
      function sliderKey(spec) { return spec.line + ":" + spec.column; }
      function decimals(step) {
        var text = String(step);
        var e = text.indexOf("e-");
        if (e >= 0) return Number(text.slice(e + 2));
        var dot = text.indexOf(".");
        return dot < 0 ? 0 : text.length - dot - 1;
      }
      function showSliders(b, specs) {
        var valid = specs.filter(function (spec) {
          return [spec.line, spec.column, spec["default"], spec.from, spec.to, spec.step].every(function (x) { return typeof x === "number" && isFinite(x); });
        });
        if (!valid.length) {
          if (b.sliders) { b.sliders.box.parentNode.removeChild(b.sliders.box); b.sliders = null; }
          return;
        }
        if (!b.sliders) {
          var box = element("div", "cr-sliders");
          box.setAttribute("role", "group");
          box.setAttribute("aria-label", "Sliders, block " + b.number);
          var after = outputNodes(b.cell)[0] || null;
          b.cell.insertBefore(box, after);
          b.sliders = { box: box, controls: {} };
        }
        var keep = {};
        valid.forEach(function (spec) {
          var key = sliderKey(spec);
          keep[key] = true;
          var control = b.sliders.controls[key];
          if (!control) {
            uid++;
            var row = element("div", "cr-slider");
            var label = element("label");
            var input = element("input");
            input.type = "range";
            input.id = "cr_live_slider" + uid;
            input.min = String(spec.from);
            input.max = String(spec.to);
            input.step = String(spec.step);
            input.value = String(sliderValues[key] !== undefined ? sliderValues[key] : spec["default"]);
            label.htmlFor = input.id;
            var output = element("output");
            output.setAttribute("for", input.id);
            row.appendChild(label);
            row.appendChild(input);
            row.appendChild(output);
            b.sliders.box.appendChild(row);
            control = b.sliders.controls[key] = { row: row, label: label, input: input, output: output, spec: spec };
            input.addEventListener("input", function () {
              var value = Number(input.value);
              sliderValues[key] = value;
              output.textContent = value.toFixed(decimals(control.spec.step));
              modified(b.index);
              clearTimeout(sliderTimer);
              sliderTimer = setTimeout(function () {
                var list = [];
                each(function (other) { if (other.index >= b.index) list.push(other.index); });
                run(list);
              }, 150);
            });
          }
          control.spec = spec;
          control.label.textContent = spec.label || "Slider, line " + spec.line;
          control.input.min = String(spec.from);
          control.input.max = String(spec.to);
          control.input.step = String(spec.step);
          control.output.textContent = Number(control.input.value).toFixed(decimals(spec.step));
        });
        Object.keys(b.sliders.controls).forEach(function (key) {
          if (!keep[key]) {
            var row = b.sliders.controls[key].row;
            row.parentNode.removeChild(row);
            delete b.sliders.controls[key];
          }
        });
      }

      // Reset: the page as it was built, its code, outputs and sliders; a fresh worker next time.
      function reset() {
        if (current) stop("");
        terminate();
        queued = null;
        clearTimeout(sliderTimer);
        sliderValues = {};
        changed = false;
        var focus = document.activeElement && document.activeElement.classList.contains("cr-live-reset");
        each(function (b) {
          closeEditor(b, false);
          b.edited = null;
          if (b.pre) b.pre.firstChild.innerHTML = b.originalCode;
          outputNodes(b.cell).forEach(function (node) { node.parentNode.removeChild(node); });
          b.originalOutput.forEach(function (node) { b.cell.appendChild(node); });
          b.cell.className = b.originalClass;
          b.resetButton.hidden = true;
          setStatus(b, "");
          if (b.sliders) {
            Object.keys(b.sliders.controls).forEach(function (key) {
              var control = b.sliders.controls[key];
              control.input.value = String(control.spec["default"]);
              control.output.textContent = Number(control.input.value).toFixed(decimals(control.spec.step));
            });
          }
        });
        announce("The page is as it was built.");
        if (focus) {
          var first = blocks.filter(function (b) { return b; })[0];
          if (first) first.runButton.focus();
        }
      }
    })();

    """#
}
