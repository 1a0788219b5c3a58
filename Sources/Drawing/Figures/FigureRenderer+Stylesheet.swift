extension FigureRenderer {
    /// The CSS a page includes once for its figures.
    ///
    /// Colours are custom properties on `:root`, light by default and dark under
    /// `prefers-color-scheme: dark`; a site with its own theme switch can set the same
    /// properties (for example under `[data-theme=dark]`). `--cr-bg` must match the page's
    /// background: labels are haloed with it so they stay legible over lines.
    ///
    /// Series, classes and paths take their colours from `Palette`, one list for every figure
    /// kind: an element's class `cr-sN` sets `--cr-colour`, and each kind of mark strokes or
    /// fills with it. The forward-value green and gradient red of circuit diagrams are text
    /// and reach 4.5:1 in both themes. Text takes the page's font; sizes are set on the
    /// elements, in the figure's own units, so text scales with the figure.
    public static let stylesheet: String = """
    :root {
      --cr-bg: #ffffff;
      --cr-fg: #1f2328;
      --cr-muted: #57606a;
      --cr-axis: #57606a;
      --cr-grid: #d8dee4;
      --cr-grid-minor: #eef1f4;
      \(Palette.properties(dark: false, indent: "  "))
      --cr-region-opacity: 0.13;
      --cr-boundary: #6e7781;
      --cr-contour: #8c959f;
      --cr-contour-fill: #3f6685;
      --cr-contour-fill-opacity: 0.06;
      --cr-forward: #1a7f37;
      --cr-gradient: #c8251d;
      --cr-wire: #6e7781;
      --cr-node-fill: #f6f8fa;
      --cr-node-stroke: #57606a;
      --cr-shade: rgba(31, 35, 40, 0.22);
      --cr-scroll-hint: \(scrollHint(colour: "#57606a"));
    }
    @media (prefers-color-scheme: dark) {
      :root {
        --cr-bg: #16181d;
        --cr-fg: #e6edf3;
        --cr-muted: #9da7b3;
        --cr-axis: #9da7b3;
        --cr-grid: #30363d;
        --cr-grid-minor: #21262d;
        \(Palette.properties(dark: true, indent: "    "))
        --cr-region-opacity: 0.16;
        --cr-boundary: #a3adb8;
        --cr-contour: #6e7681;
        --cr-contour-fill: #8fb8dc;
        --cr-contour-fill-opacity: 0.07;
        --cr-forward: #4ac26b;
        --cr-gradient: #ff7b72;
        --cr-wire: #8b949e;
        --cr-node-fill: #22272e;
        --cr-node-stroke: #9da7b3;
        --cr-shade: rgba(230, 237, 243, 0.2);
        --cr-scroll-hint: \(scrollHint(colour: "#9da7b3"));
      }
    }
    .cr-fig { --cr-colour: var(--cr-series-0); display: block; margin: 0 auto; height: auto; font-family: inherit; overflow: visible; }
    .cr-fig text { fill: var(--cr-fg); }
    .cr-fig .cr-title { font-weight: 600; }
    .cr-fig .cr-tick text, .cr-fig text.cr-note { fill: var(--cr-muted); font-variant-numeric: tabular-nums; }
    .cr-fig text.cr-note { font-style: italic; }
    .cr-fig .cr-grid { fill: none; stroke: var(--cr-grid); stroke-width: 1; }
    .cr-fig .cr-grid-minor { fill: none; stroke: var(--cr-grid-minor); stroke-width: 1; }
    .cr-fig .cr-axis { fill: none; stroke: var(--cr-axis); stroke-width: 1; }
    .cr-fig .cr-line { fill: none; stroke: var(--cr-colour); stroke-width: 2; stroke-linejoin: round; stroke-linecap: round; }
    .cr-fig .cr-dots { fill: none; stroke: var(--cr-colour); stroke-width: 5; stroke-linecap: round; }
    /* Dashes and dots are measured with the round caps, which lengthen each dash by the width. */
    .cr-fig .cr-dashed { stroke-dasharray: 6 6; }
    .cr-fig .cr-dotted { stroke-dasharray: 0 5; stroke-width: 2.5; }
    \(Palette.slotRules)
    .cr-fig .cr-point { fill: var(--cr-colour); stroke: var(--cr-bg); stroke-width: 0.8; }
    .cr-fig .cr-region { fill: var(--cr-colour); stroke: none; fill-opacity: var(--cr-region-opacity); }
    .cr-fig .cr-boundary { fill: none; stroke: var(--cr-boundary); stroke-width: 1.5; stroke-linejoin: round; }
    .cr-fig .cr-contour-fill { fill: var(--cr-contour-fill); fill-opacity: var(--cr-contour-fill-opacity); stroke: none; }
    .cr-fig .cr-contour { fill: none; stroke: var(--cr-contour); stroke-width: 1; stroke-linejoin: round; }
    .cr-fig .cr-contour-labelled { stroke-width: 1.5; }
    .cr-fig text.cr-contour-label { fill: var(--cr-muted); font-variant-numeric: tabular-nums; }
    .cr-fig .cr-halo { paint-order: stroke; stroke: var(--cr-bg); stroke-width: 3.5px; stroke-linejoin: round; }
    .cr-fig .cr-descent { fill: none; stroke: var(--cr-colour); stroke-width: 2; stroke-linejoin: round; stroke-linecap: round; }
    .cr-fig .cr-descent-dots { fill: none; stroke: var(--cr-colour); stroke-width: 5.5; stroke-linecap: round; }
    .cr-fig .cr-arrow { fill: var(--cr-colour); stroke: none; }
    .cr-fig .cr-start { fill: var(--cr-bg); stroke: var(--cr-colour); stroke-width: 2.5; }
    .cr-fig .cr-wire { fill: none; stroke: var(--cr-wire); stroke-width: 1.5; stroke-linecap: round; }
    .cr-fig .cr-node { fill: var(--cr-node-fill); stroke: var(--cr-node-stroke); stroke-width: 1.5; }
    .cr-fig .cr-input { fill: var(--cr-wire); }
    .cr-fig text.cr-var { font-style: italic; }
    .cr-fig text.cr-name { fill: var(--cr-muted); font-style: italic; }
    .cr-fig text.cr-fwd, .cr-fig tspan.cr-fwd { fill: var(--cr-forward); font-variant-numeric: tabular-nums; }
    .cr-fig text.cr-grad, .cr-fig tspan.cr-grad { fill: var(--cr-gradient); font-variant-numeric: tabular-nums; }
    .cr-fig .cr-edge { fill: none; stroke: var(--cr-colour); stroke-linecap: round; }
    .cr-fig .cr-edge-zero { stroke: var(--cr-wire); stroke-dasharray: 4 4; }
    .cr-fig text.cr-layer, .cr-fig text.cr-bias { fill: var(--cr-muted); }
    .cr-fig text.cr-weight { font-variant-numeric: tabular-nums; }
    .cr-fig .cr-weight-ground { fill: var(--cr-bg); }
    .cr-diagram-title { text-align: center; font-weight: 600; margin-bottom: 0.3em; }
    .cr-diagram-key { text-align: center; font-size: 0.8em; color: var(--cr-muted); }
    .cr-diagram-key .cr-fwd { color: var(--cr-forward); }
    .cr-diagram-key .cr-grad { color: var(--cr-gradient); }
    /* A circuit wider than the column scrolls: a shade at each edge with more beyond it, and
       "scroll sideways" under its right end. Covers in the page's colour move with the
       circuit (attachment local) and hide them at its ends, so a circuit that fits shows
       neither. The hint is an image, one per theme (`--cr-scroll-hint`), in the muted grey of
       the figures' text. */
    .cr-scroll {
      overflow-x: auto; max-width: 100%; padding-bottom: 1.1em;
      background:
        linear-gradient(var(--cr-bg), var(--cr-bg)) left / 2em 100% no-repeat local,
        linear-gradient(var(--cr-bg), var(--cr-bg)) right / 10em 100% no-repeat local,
        var(--cr-scroll-hint) right 0.3em bottom 0 / 8.75em 1.125em no-repeat scroll,
        radial-gradient(farthest-side at 0 50%, var(--cr-shade), transparent) left / 0.8em 100% no-repeat scroll,
        radial-gradient(farthest-side at 100% 50%, var(--cr-shade), transparent) right / 0.8em 100% no-repeat scroll;
    }
    /* A circuit shrinks to fit the column down to the width at which its text is still
       legible (see FigureRenderer.diagram), which is larger on a phone. */
    .cr-fig.cr-graph { min-width: var(--cr-min-width, 0); }
    @media (max-width: 860px) { .cr-fig.cr-graph { min-width: var(--cr-phone-min-width, 0); } }
    .cr-fig.cr-network { min-width: var(--cr-min-width, 0); }
    /* A plot on its own comes drawn twice (see FigureRenderer.render): laid out again for a
       phone when its box is too narrow for the wide drawing's smallest text to stay legible. */
    .cr-reflow { container-type: inline-size; }
    .cr-reflow > .cr-narrow { display: none; }
    @container (width < \(SVGWriter.n(FigureMetrics.standard.narrowestLegibleBox))px) {
      .cr-reflow > .cr-wide { display: none; }
      .cr-reflow > .cr-narrow { display: block; }
    }
    .cr-panels { margin: 1em 0; }
    .cr-panels-title { text-align: center; font-weight: 600; margin-bottom: 0.25em; }
    .cr-panels-row { display: flex; flex-wrap: wrap; justify-content: center; gap: 0.5em 1em; }
    /* Side by side while each panel keeps its smallest text legible; else one to a row. */
    .cr-panels-row > .cr-fig, .cr-panels-row > .cr-diagram, .cr-panels-row > .cr-panels, .cr-panels-row > .cr-reflow {
      flex: 1 1 \(SVGWriter.n(FigureMetrics.narrow.narrowestLegibleBox.rounded(.up)))px; min-width: 0; margin: 0;
    }
    """

    /// "scroll sideways →" as an image for the background of `.cr-scroll`, drawn in `colour`
    /// (a custom property cannot reach inside a data URL, so each theme has its own).
    static func scrollHint(colour: String) -> String {
        let fill = colour.replacingScalar("#", with: "%23")
        return "url(\"data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 140 18'%3E%3Ctext x='137' y='13' "
            + "text-anchor='end' font-family='system-ui, sans-serif' font-size='12.5' fill='\(fill)'%3Escroll sideways %E2%86%92%3C/text%3E%3C/svg%3E\")"
    }
}
