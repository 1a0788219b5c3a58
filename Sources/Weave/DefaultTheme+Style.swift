extension DefaultTheme {
    /// The light palette: the page's colours, also used when printing whatever the screen's
    /// setting.
    static let lightColors = """
    --muted: #59636e;
    --faint: #636c76;
    --border: #d1d9e0;
    --control-border: #858d96;
    --rule: #e6eaef;
    --link: #0a5cc2;
    --link-hover: #084a9c;
    --accent: #0a5cc2;
    --code-bg: #f4f6f8;
    --code-border: #e3e7eb;
    --inline-code-bg: rgba(129, 139, 152, 0.14);
    --sidebar-bg: #f8f9fb;
    --output-rule: #6a8fc5;
    --error: #c8251d;
    --error-bg: #fff4f3;
    --mark: #fff3b0;
    --shadow: 0 8px 28px rgba(31, 35, 40, 0.14), 0 1px 3px rgba(31, 35, 40, 0.1);
    --hl-keyword: #c8251d;
    --hl-constant: #0550ae;
    --hl-number: #0550ae;
    --hl-string: #0a3069;
    --hl-function: #6f42c1;
    --hl-label: #8a4600;
    --hl-operator: #8a4600;
    --hl-comment: #656d76;
    --alert-note: #0969da;
    --alert-tip: #1a7f37;
    --alert-important: #8250df;
    --alert-warning: #946200;
    --alert-caution: #d1242f;
    """

    /// The dark palette, under `prefers-color-scheme: dark`.
    static let darkColors = """
    --muted: #9da7b3;
    --faint: #939aa3;
    --border: #363c44;
    --control-border: #6b727b;
    --rule: #2a2f36;
    --link: #6cb1ff;
    --link-hover: #9ccbff;
    --accent: #6cb1ff;
    --code-bg: #1d2026;
    --code-border: #2b3038;
    --inline-code-bg: rgba(157, 167, 179, 0.16);
    --sidebar-bg: #1a1c21;
    --output-rule: #3d6fa8;
    --error: #ff7b72;
    --error-bg: #2a1d1f;
    --mark: #5c4a00;
    --shadow: 0 8px 28px rgba(0, 0, 0, 0.5), 0 1px 3px rgba(0, 0, 0, 0.4);
    --hl-keyword: #ff7b72;
    --hl-constant: #79c0ff;
    --hl-number: #79c0ff;
    --hl-string: #a5d6ff;
    --hl-function: #d2a8ff;
    --hl-label: #ffa657;
    --hl-operator: #ffa657;
    --hl-comment: #8b949e;
    --alert-note: #4493f8;
    --alert-tip: #3fb950;
    --alert-important: #ab7df8;
    --alert-warning: #d29922;
    --alert-caution: #f85149;
    """

    /// The site's stylesheet (the figures' own rules, `FigureRenderer.stylesheet`, are added
    /// after it in `assets/style.css`).
    ///
    /// Light and dark follow the reader's system setting; the page background is the figures'
    /// `--cr-bg`, which their labels are haloed with. Fonts are the reader's own: nothing is
    /// downloaded. Three layouts: sidebar, article and table of contents side by side on a
    /// wide screen; the contents folded above the article on a laptop; on a phone the sidebar
    /// slides in from a menu button.
    public static let stylesheet = #"""
    :root {
      --fg: var(--cr-fg);
      \#(lightColors)      --font-text: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", "DejaVu Sans", Arial, sans-serif;
      --font-code: ui-monospace, "SFMono-Regular", "Cascadia Mono", "JetBrains Mono", Menlo, Consolas, "DejaVu Sans Mono", "Liberation Mono", monospace;
      --font-math: "Latin Modern Math", "STIX Two Math", "Cambria Math", "DejaVu Math TeX Gyre", math;
      --sidebar-width: 16.5rem;
      --toc-width: 14rem;
      --measure: 46rem;
      color-scheme: light dark;
    }
    @media (prefers-color-scheme: dark) {
      :root {
        \#(darkColors)
      }
    }

    *, *::before, *::after { box-sizing: border-box; }
    html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; scroll-padding-top: 1rem; }
    body {
      margin: 0;
      background: var(--cr-bg);
      color: var(--fg);
      font-family: var(--font-text);
      font-size: 1.0625rem;
      line-height: 1.65;
      font-kerning: normal;
      text-rendering: optimizeLegibility;
    }
    a { color: var(--link); text-decoration-thickness: 0.08em; text-underline-offset: 0.18em; }
    a:hover { color: var(--link-hover); }
    :focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; border-radius: 3px; }
    .cr-skip { position: absolute; left: -999px; top: 0.5rem; z-index: 20; background: var(--cr-bg); padding: 0.4rem 0.8rem; }
    .cr-skip:focus { left: 0.5rem; }

    /* Layout: sidebar | article | contents. */
    .cr-layout { display: flex; align-items: flex-start; min-height: 100vh; }
    .cr-sidebar {
      position: sticky; top: 0; flex: 0 0 var(--sidebar-width); width: var(--sidebar-width);
      height: 100vh; overflow-y: auto; padding: 1.5rem 1rem 2rem; z-index: 30;
      background: var(--sidebar-bg); border-right: 1px solid var(--rule);
      font-size: 0.9375rem; line-height: 1.45;
    }
    .cr-main { flex: 1 1 auto; min-width: 0; display: flex; justify-content: center; gap: 3rem; padding: 2.5rem 2.5rem 4rem; }
    .cr-article { flex: 0 1 var(--measure); min-width: 0; max-width: var(--measure); }
    .cr-toc {
      flex: 0 0 var(--toc-width); position: sticky; top: 2.5rem; max-height: calc(100vh - 5rem); overflow-y: auto;
      font-size: 0.84rem; line-height: 1.4; padding-left: 1rem; border-left: 1px solid var(--rule);
    }
    .cr-topbar { display: none; }
    .cr-scrim { display: none; }
    .cr-close { display: none; }
    /* Read by screen readers, not shown. */
    .cr-search-status, .cr-live-announce { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip-path: inset(50%); white-space: nowrap; border: 0; }

    /* Sidebar. */
    .cr-site-title { display: block; font-weight: 700; font-size: 1.08rem; color: var(--fg); text-decoration: none; letter-spacing: -0.01em; padding: 0 0.5rem 0.9rem; }
    .cr-site-title:hover { color: var(--link); }
    .cr-nav { list-style: none; margin: 1rem 0 0; padding: 0; }
    .cr-nav li { margin: 0.1rem 0; }
    .cr-nav a { display: block; padding: 0.32rem 0.5rem; border-radius: 6px; color: var(--fg); text-decoration: none; }
    .cr-nav a:hover { background: var(--inline-code-bg); color: var(--fg); }
    .cr-nav a[aria-current="page"] { background: var(--inline-code-bg); color: var(--link); font-weight: 600; box-shadow: inset 3px 0 0 var(--accent); }

    /* Search. */
    .cr-search { position: relative; }
    .cr-search-input {
      width: 100%; font: inherit; font-size: 0.9rem; color: var(--fg); background: var(--cr-bg);
      border: 1px solid var(--control-border); border-radius: 8px; padding: 0.42rem 2rem 0.42rem 0.7rem;
      -webkit-appearance: none; appearance: none;
    }
    .cr-search-input::placeholder { color: var(--faint); }
    .cr-search-input:focus { outline: 2px solid var(--accent); outline-offset: -1px; border-color: transparent; }
    .cr-search-key {
      position: absolute; right: 0.55rem; top: 50%; transform: translateY(-50%); pointer-events: none;
      font: 0.72rem/1 var(--font-code); color: var(--faint); border: 1px solid var(--border); border-radius: 4px; padding: 0.15rem 0.35rem;
    }
    .cr-search-input:focus + .cr-search-key, .cr-search-input:not(:placeholder-shown) + .cr-search-key { display: none; }
    /* Fixed, so the sidebar does not clip it, and placed under the search box by the script. */
    .cr-results {
      position: fixed; z-index: 40; left: 1rem; top: 6.5rem; width: min(30rem, calc(100vw - 2rem));
      max-height: min(70vh, 34rem); overflow-y: auto; background: var(--cr-bg); border: 1px solid var(--border);
      border-radius: 10px; box-shadow: var(--shadow); padding: 0.35rem;
    }
    .cr-results a { display: block; padding: 0.5rem 0.65rem; border-radius: 7px; color: var(--fg); text-decoration: none; }
    .cr-results a[aria-selected="true"], .cr-results a:hover { background: var(--inline-code-bg); }
    .cr-result-page { display: block; font-size: 0.75rem; color: var(--muted); }
    .cr-result-heading { display: block; font-weight: 600; color: var(--link); }
    .cr-result-text { display: block; font-size: 0.82rem; color: var(--muted); line-height: 1.4; margin-top: 0.1rem; overflow-wrap: anywhere; }
    .cr-results mark { background: var(--mark); color: var(--fg); border-radius: 2px; padding: 0 1px; }
    .cr-results-empty { margin: 0; padding: 0.6rem 0.7rem; color: var(--muted); font-size: 0.88rem; }

    /* Article typography. */
    .cr-page-header { margin-bottom: 2rem; }
    .cr-page-header h1 { font-size: 2.35rem; line-height: 1.15; letter-spacing: -0.022em; margin: 0 0 0.6rem; font-weight: 750; }
    .cr-description { font-size: 1.2rem; line-height: 1.5; color: var(--muted); margin: 0; }
    .cr-article h1, .cr-article h2, .cr-article h3, .cr-article h4, .cr-article h5, .cr-article h6 {
      line-height: 1.25; letter-spacing: -0.012em; scroll-margin-top: 1rem; font-weight: 650;
    }
    .cr-article h2 { font-size: 1.55rem; margin: 2.6rem 0 0.8rem; padding-bottom: 0.3rem; border-bottom: 1px solid var(--rule); }
    .cr-article h3 { font-size: 1.22rem; margin: 2rem 0 0.6rem; }
    .cr-article h4 { font-size: 1.05rem; margin: 1.6rem 0 0.5rem; }
    .cr-article p, .cr-article ul, .cr-article ol, .cr-article blockquote { margin: 0 0 1.05rem; }
    .cr-article ul, .cr-article ol { padding-left: 1.6rem; }
    .cr-article li { margin: 0.25rem 0; }
    .cr-article li > p { margin: 0.4rem 0; }
    .cr-article blockquote { padding: 0.1rem 0 0.1rem 1.1rem; border-left: 3px solid var(--border); color: var(--muted); }
    .cr-article hr { border: 0; border-top: 1px solid var(--rule); margin: 2.5rem 0; }
    .cr-article img { max-width: 100%; height: auto; }
    .cr-anchor { margin-left: 0.4rem; color: var(--faint); text-decoration: none; font-weight: 400; opacity: 0; transition: opacity 0.12s; }
    h1:hover > .cr-anchor, h2:hover > .cr-anchor, h3:hover > .cr-anchor, h4:hover > .cr-anchor, h5:hover > .cr-anchor, h6:hover > .cr-anchor, .cr-anchor:focus { opacity: 1; }
    .cr-anchor:hover { color: var(--link); }

    /* Code: inline, listings, computation blocks. */
    code, pre, kbd { font-family: var(--font-code); }
    :not(pre) > code { font-size: 0.86em; background: var(--inline-code-bg); border-radius: 4px; padding: 0.12em 0.32em; overflow-wrap: break-word; }
    pre { margin: 0; font-size: 0.875rem; line-height: 1.55; tab-size: 4; }
    .cr-listing, .cr-code {
      background: var(--code-bg); border: 1px solid var(--code-border); border-radius: 8px;
      padding: 0.8rem 1rem; overflow-x: auto;
    }
    .cr-listing { margin: 0 0 1.1rem; }
    .cr-cell { margin: 1.4rem 0 1.6rem; }
    .cr-output { margin-top: 0.55rem; padding: 0.15rem 0 0.15rem 1rem; border-left: 3px solid var(--output-rule); }
    .cr-hidden-code .cr-output { margin-top: 0; }
    .cr-output > * + * { margin-top: 0.75rem; }
    .cr-text { white-space: pre; overflow-x: auto; color: var(--fg); padding: 0.2rem 0; }
    .cr-expected-error { color: var(--error); white-space: pre-wrap; }
    .cr-error { margin-top: 0.55rem; border: 1px solid var(--error); border-left-width: 4px; border-radius: 8px; background: var(--error-bg); padding: 0.6rem 1rem 0.8rem; }
    .cr-error-label { font-weight: 650; color: var(--error); font-size: 0.9rem; margin-bottom: 0.35rem; }
    .cr-error pre { white-space: pre; overflow-x: auto; font-size: 0.82rem; }
    .cr-skipped { margin: 0.45rem 0 0; font-size: 0.9rem; color: var(--muted); font-style: italic; }
    .cr-not-run .cr-code { opacity: 0.6; }
    .cr-raw { color: var(--muted); }
    pre.cr-raw { background: var(--code-bg); border-radius: 8px; padding: 0.6rem 1rem; margin: 0 0 1.1rem; overflow-x: auto; }
    .hl-k { color: var(--hl-keyword); }
    .hl-c, .hl-n { color: var(--hl-number); }
    .hl-s { color: var(--hl-string); }
    .hl-f { color: var(--hl-function); }
    .hl-a, .hl-o { color: var(--hl-operator); }
    .hl-cm { color: var(--hl-comment); font-style: italic; }
    .hl-x { color: var(--error); text-decoration: underline wavy; }

    /* Live blocks (assets/live.js, docs/live.md): Edit and Run above each block, the editor
       (a text box over the highlighted code, its own text transparent), sliders, and the
       marks of a block that ran, runs or is out of date. */
    .cr-live-bar { display: flex; flex-wrap: wrap; align-items: center; justify-content: flex-end; gap: 0.4rem; margin: 0 0 0.35rem; font-size: 0.8rem; line-height: 1.4; }
    .cr-live-status { margin-right: auto; color: var(--muted); min-width: 0; overflow-wrap: anywhere; }
    .cr-live-button {
      font: inherit; min-height: 1.75rem; min-width: 2.5rem; padding: 0.15rem 0.7rem; cursor: pointer;
      color: var(--fg); background: var(--cr-bg); border: 1px solid var(--control-border); border-radius: 6px;
    }
    .cr-live-button:hover { border-color: var(--accent); color: var(--link); }
    .cr-live-button[aria-pressed="true"] { background: var(--inline-code-bg); border-color: var(--accent); color: var(--link); }
    .cr-live-button.cr-live-stop { color: var(--error); border-color: var(--error); }
    .cr-live-button[hidden] { display: none; }
    .cr-stale .cr-live-status { color: var(--fg); background: var(--mark); border-radius: 4px; padding: 0 0.4rem; }
    .cr-stale .cr-output { border-left-style: dashed; border-left-color: var(--control-border); }
    .cr-running .cr-output { border-left-color: var(--accent); }
    .cr-editor {
      font-size: 0.875rem; line-height: 1.55; background: var(--code-bg); border: 1px solid var(--code-border);
      border-radius: 8px; overflow-x: auto;
    }
    .cr-editor:focus-within { outline: 2px solid var(--accent); outline-offset: 1px; }
    .cr-editor-inner { position: relative; display: inline-block; min-width: 100%; vertical-align: top; }
    .cr-editor-view, .cr-editor-input {
      display: block; margin: 0; border: 0; padding: 0.8rem 1rem; font-family: var(--font-code); font-size: inherit;
      line-height: inherit; letter-spacing: normal; tab-size: 4; white-space: pre; overflow-wrap: normal;
    }
    /* A little more room at the right than the text box has, so the caret never scrolls it. */
    .cr-editor-view { padding-right: calc(1rem + 4px); }
    .cr-editor-input {
      position: absolute; inset: 0; width: 100%; height: 100%; resize: none; overflow: hidden;
      color: transparent; background: transparent; caret-color: var(--fg); outline: none;
    }
    .cr-editor-input::selection { color: transparent; background: rgba(10, 92, 194, 0.25); }
    .cr-sliders { display: grid; gap: 0.35rem; margin-top: 0.55rem; padding: 0.5rem 0.9rem; border: 1px solid var(--code-border); border-radius: 8px; font-size: 0.9rem; }
    .cr-slider { display: grid; grid-template-columns: minmax(5rem, max-content) minmax(6rem, 1fr) minmax(3.5rem, max-content); align-items: center; gap: 0.75rem; }
    .cr-slider input { width: 100%; margin: 0; min-height: 1.5rem; accent-color: var(--accent); }
    .cr-slider output { font-family: var(--font-code); font-size: 0.85rem; font-variant-numeric: tabular-nums; text-align: right; }

    /* Math: the reader's math font, formulas that scroll rather than overflow. */
    math { font-family: var(--font-math); font-size: 1.08em; }
    .cr-display { display: block; overflow-x: auto; overflow-y: hidden; margin: 1.1rem 0 1.3rem; padding: 0.15rem 0; text-align: center; }
    .cr-display math { font-size: 1.12em; }
    /* A numbered formula spans the column, so its numbers line up at the right margin. */
    .cr-display math:has(.tex-tag), .cr-display math:has(.tex-tag) > semantics { width: 100%; }
    math .tex-unknown { font-family: var(--font-code); font-size: 0.85em; color: var(--error); background: var(--inline-code-bg); border-radius: 3px; }

    /* Figures and tables. */
    .cr-figure { margin: 0.5rem 0; }
    .cr-figure > svg.cr-fig, .cr-figure > .cr-reflow > svg.cr-fig { max-height: 70vh; }
    .cr-table-wrap { overflow-x: auto; }
    .cr-table { border-collapse: collapse; font-size: 0.9rem; font-variant-numeric: tabular-nums; margin: 0.25rem 0; }
    .cr-table caption { caption-side: top; text-align: left; font-weight: 600; padding-bottom: 0.35rem; }
    .cr-table th, .cr-table td { padding: 0.28rem 0.85rem; border-bottom: 1px solid var(--rule); text-align: left; white-space: nowrap; }
    .cr-table thead th, .cr-table thead td { border-bottom: 2px solid var(--border); font-weight: 600; }
    .cr-table tbody th { font-weight: 500; color: var(--muted); }
    .cr-table .cr-num { text-align: right; }
    .cr-figure figcaption { font-size: 0.9rem; color: var(--muted); margin-top: 0.35rem; }
    .cr-table-figure { margin: 0; }
    .cr-table-figure > figcaption { font-size: 0.9rem; color: var(--muted); margin-bottom: 0.35rem; }
    .cr-caption-number { font-weight: 650; color: var(--fg, inherit); }

    /* Prose: pipe tables, alerts, footnotes, tasks, struck text. */
    .cr-prose-table { border-collapse: collapse; margin: 0 0 1.05rem; font-size: 0.95rem; }
    .cr-prose-table caption { caption-side: top; text-align: left; font-size: 0.9rem; color: var(--muted); padding-bottom: 0.35rem; }
    .cr-prose-table th, .cr-prose-table td { padding: 0.35rem 0.8rem; border: 1px solid var(--border); vertical-align: top; text-align: left; }
    .cr-prose-table thead th { background: var(--code-bg); font-weight: 600; }
    .cr-prose-table .cr-align-center { text-align: center; }
    .cr-prose-table .cr-align-right { text-align: right; }
    .cr-alert { --alert: var(--alert-note); border-left: 4px solid var(--alert); padding: 0.55rem 1rem 0.1rem; margin: 0 0 1.05rem; background: var(--code-bg); border-radius: 0 6px 6px 0; }
    .cr-alert-tip { --alert: var(--alert-tip); }
    .cr-alert-important { --alert: var(--alert-important); }
    .cr-alert-warning { --alert: var(--alert-warning); }
    .cr-alert-caution { --alert: var(--alert-caution); }
    .cr-article .cr-alert-title { font-weight: 650; color: var(--alert); margin: 0 0 0.4rem; }
    .cr-article .cr-alert p { margin-bottom: 0.55rem; }
    .cr-fnref { font-size: 0.75em; line-height: 0; margin-left: 0.1em; }
    .cr-fnref a { text-decoration: none; }
    .cr-footnotes { border-top: 1px solid var(--rule); margin-top: 2.2rem; padding-top: 0.8rem; font-size: 0.9rem; color: var(--muted); }
    .cr-footnotes li { margin: 0.3rem 0; }
    .cr-article li:has(> input[type="checkbox"]:first-child) { list-style: none; margin-left: -1.3rem; }
    .cr-article li > input[type="checkbox"] { margin: 0 0.35rem 0 0; vertical-align: -0.1em; }
    .cr-article del { color: var(--muted); }

    /* Contents. */
    .cr-toc h2 { font-size: 0.75rem; text-transform: uppercase; letter-spacing: 0.07em; color: var(--muted); margin: 0.2rem 0 0.7rem; font-weight: 650; }
    .cr-toc ol, .cr-toc-inline ol { list-style: none; margin: 0; padding: 0; }
    .cr-toc ol ol, .cr-toc-inline ol ol { padding-left: 0.85rem; }
    .cr-toc li { margin: 0.35rem 0; }
    .cr-toc a { color: var(--muted); text-decoration: none; display: block; }
    .cr-toc a:hover, .cr-toc a.cr-active { color: var(--link); }
    .cr-toc a.cr-active { font-weight: 600; }
    .cr-toc-inline { display: none; margin: -0.8rem 0 2rem; border: 1px solid var(--rule); border-radius: 8px; padding: 0.55rem 1rem; font-size: 0.92rem; }
    .cr-toc-inline summary { cursor: pointer; color: var(--muted); font-weight: 600; }
    .cr-toc-inline ol { margin-top: 0.5rem; }
    .cr-toc-inline li { margin: 0.25rem 0; }
    .cr-toc-inline a { text-decoration: none; }

    /* Previous and next, the footer, the home page. */
    .cr-pager { display: flex; gap: 1rem; margin-top: 3.5rem; padding-top: 1.5rem; border-top: 1px solid var(--rule); }
    .cr-pager a { flex: 1 1 0; display: block; border: 1px solid var(--border); border-radius: 10px; padding: 0.7rem 1rem; text-decoration: none; }
    .cr-pager a:hover { border-color: var(--accent); }
    .cr-next { text-align: right; margin-left: auto; }
    .cr-pager-label { display: block; font-size: 0.8rem; color: var(--muted); }
    .cr-pager-title { display: block; font-weight: 600; }
    .cr-previous .cr-pager-label::before { content: "← "; }
    .cr-next .cr-pager-label::after { content: " →"; }
    .cr-footer { margin-left: var(--sidebar-width); padding: 1.5rem 2.5rem 2rem; font-size: 0.82rem; color: var(--faint); border-top: 1px solid var(--rule); text-align: center; }
    .cr-footer code { font-size: 0.92em; }
    .cr-list-title { margin-top: 2rem; }
    .cr-article .cr-cards { list-style: none; padding: 0; margin: 0; display: grid; gap: 0.75rem; }
    .cr-article .cr-card { margin: 0; }
    .cr-card a {
      display: grid; grid-template-columns: 2.2rem 1fr; column-gap: 0.5rem; padding: 0.9rem 1.1rem;
      border: 1px solid var(--border); border-radius: 10px; color: var(--fg); text-decoration: none;
      transition: border-color 0.12s, box-shadow 0.12s;
    }
    .cr-card a:hover { border-color: var(--accent); box-shadow: 0 2px 10px rgba(10, 92, 194, 0.1); }
    .cr-card-number { grid-row: span 2; font-weight: 700; color: var(--faint); font-variant-numeric: tabular-nums; }
    .cr-card-title { font-weight: 650; color: var(--link); font-size: 1.08rem; }
    .cr-card-description { color: var(--muted); font-size: 0.95rem; line-height: 1.5; }
    .cr-empty { color: var(--muted); }

    /* A laptop: the contents fold above the article. */
    @media (max-width: 1279px) {
      .cr-toc { display: none; }
      .cr-toc-inline { display: block; }
    }

    /* A phone or a narrow window: the sidebar slides in from a menu button. */
    @media (max-width: 860px) {
      body { font-size: 1rem; }
      html { scroll-padding-top: 3.75rem; }
      .cr-article h1, .cr-article h2, .cr-article h3, .cr-article h4 { scroll-margin-top: 3.75rem; }
      .cr-topbar {
        display: flex; align-items: center; gap: 0.5rem; position: sticky; top: 0; z-index: 15; height: 3rem;
        padding: 0 0.6rem; background: var(--cr-bg); border-bottom: 1px solid var(--rule);
      }
      .cr-topbar-title { font-weight: 700; color: var(--fg); text-decoration: none; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
      .cr-menu { flex: none; width: 2.4rem; height: 2.4rem; border: 0; border-radius: 8px; background: transparent; color: var(--fg); cursor: pointer; display: grid; place-items: center; }
      .cr-menu:hover, .cr-close:hover { background: var(--inline-code-bg); }
      .cr-close {
        display: grid; place-items: center; position: absolute; top: 0.75rem; right: 0.6rem; width: 2.4rem; height: 2.4rem;
        border: 0; border-radius: 8px; background: transparent; color: var(--fg); font: 1.6rem/1 var(--font-text); cursor: pointer;
      }
      .cr-site-title { padding-right: 2.6rem; }
      .cr-menu span, .cr-menu span::before, .cr-menu span::after { display: block; width: 1.15rem; height: 2px; background: currentColor; border-radius: 1px; position: relative; content: ""; }
      .cr-menu span::before { position: absolute; top: -6px; }
      .cr-menu span::after { position: absolute; top: 6px; }
      .cr-layout { display: block; }
      .cr-sidebar {
        position: fixed; z-index: 25; top: 0; left: 0; bottom: 0; height: auto; width: min(20rem, 86vw);
        transform: translateX(-105%); transition: transform 0.2s ease; box-shadow: var(--shadow); visibility: hidden;
      }
      body.cr-nav-open .cr-sidebar { transform: none; visibility: visible; }
      body.cr-nav-open .cr-scrim { display: block; position: fixed; inset: 0; z-index: 20; background: rgba(0, 0, 0, 0.35); }
      .cr-main { display: block; padding: 1.4rem 1.1rem 3rem; }
      .cr-page-header h1 { font-size: 1.85rem; }
      .cr-description { font-size: 1.08rem; }
      .cr-article h2 { font-size: 1.35rem; }
      .cr-code, .cr-listing { border-radius: 6px; padding: 0.7rem 0.8rem; margin-left: -0.3rem; margin-right: -0.3rem; }
      pre { font-size: 0.8125rem; }
      .cr-editor { font-size: 0.8125rem; margin-left: -0.3rem; margin-right: -0.3rem; }
      .cr-slider { grid-template-columns: 1fr minmax(3.5rem, max-content); }
      .cr-slider input { grid-column: 1 / -1; grid-row: 2; }
      .cr-output { padding-left: 0.7rem; }
      /* Figures take the whole width of the screen: every pixel keeps their labels legible. */
      .cr-figure { margin-left: -0.5rem; margin-right: -1.1rem; }
      .cr-search-key { display: none; }
      .cr-pager { flex-direction: column; }
      .cr-next { text-align: left; margin-left: 0; }
      .cr-footer { margin-left: 0; padding: 1.5rem 1rem; }
    }
    @media (prefers-reduced-motion: reduce) {
      .cr-sidebar, .cr-anchor, .cr-card a { transition: none; }
    }

    /* Print: the article alone, in black on white, figures and blocks kept whole. */
    @media print {
      :root {
        \#(lightColors)
        --cr-bg: #ffffff; --cr-fg: #000000; --fg: #000000; --link: #000000;
      }
      body { font-size: 10.5pt; line-height: 1.5; background: #ffffff; color: #000000; }
      .cr-sidebar, .cr-topbar, .cr-toc, .cr-toc-inline, .cr-pager, .cr-skip, .cr-anchor, .cr-scrim, .cr-search, .cr-live-bar, .cr-sliders { display: none !important; }
      .cr-layout, .cr-main { display: block; padding: 0; }
      .cr-article { max-width: none; }
      .cr-footer { margin: 2rem 0 0; padding: 0.5rem 0 0; }
      .cr-cell, .cr-figure, .cr-table-wrap, .cr-display, .cr-error { break-inside: avoid; }
      .cr-article h2, .cr-article h3 { break-after: avoid; }
      .cr-code, .cr-text, .cr-listing, .cr-error pre { white-space: pre-wrap; overflow: visible; }
      .cr-article a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 0.85em; color: #444444; }
    }

    """#
}
