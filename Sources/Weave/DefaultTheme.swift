/// The built-in theme: templates, stylesheet and script, compiled into the binary so that a
/// site needs nothing but `chainrule` to build and nothing but the files it writes to show.
///
/// A project overrides any of these with a file of the same name in its theme folder (see
/// `SiteTheme`).
public enum DefaultTheme {
    /// The file names a theme folder may hold to replace the built-in parts.
    public static let pageTemplateName = "page.mustache"
    public static let indexTemplateName = "index.mustache"
    public static let stylesheetName = "style.css"
    public static let scriptName = "site.js"
    /// Extra CSS added after the stylesheet, for a project that only wants to adjust it.
    public static let customStylesheetName = "custom.css"

    /// What a page may load and run: the site's own files and nothing else, so that raw HTML
    /// let through with `--raw-html`, or markup that escaping missed, cannot run an inline
    /// script, load one from elsewhere, post a form or re-point relative links with `<base>`.
    /// A page needs no more: its scripts and stylesheets are files under `assets/`, its
    /// figures inline SVG and its math MathML. Styles allow `'unsafe-inline'` because both
    /// carry `style` attributes (an SVG's `max-width`, a table cell's alignment in MathML),
    /// which a policy without it blocks; a style cannot run code. Images allow `data:` for
    /// the icons a theme's stylesheet may hold inline.
    ///
    /// The pages carry it in a `<meta>` (for a site opened from disk or published anywhere)
    /// and `chainrule serve` sends it as a header, with `frame-ancestors` added
    /// (`serverContentSecurityPolicy`).
    public static let contentSecurityPolicy = contentSecurityPolicy(live: false)

    /// The policy of a page, which templates get as `content_security_policy`. A page whose
    /// blocks can run in the browser (`live`, docs/live.md) also compiles WebAssembly
    /// (`'wasm-unsafe-eval'`, which allows compiling a module and nothing else: no `eval`,
    /// no inline script) and starts a worker from a `blob:` address made by its own script
    /// (the one way to start a worker from a page opened from disk). A worker made from a
    /// `blob:` address runs under the policy of the page that made it.
    public static func contentSecurityPolicy(live: Bool) -> String {
        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            + (live ? "script-src 'self' 'wasm-unsafe-eval'; worker-src blob:; " : "script-src 'self'; ")
            + "object-src 'none'; base-uri 'none'; form-action 'none'"
    }

    /// The policy as a header: `frame-ancestors` (no page of the preview inside another
    /// site's frame) works only there; browsers ignore it in a `<meta>`, and say so in the
    /// console. A browser enforces both the header and the page's `<meta>`, so the header is
    /// the live pages' policy: a page that is not live is held to its own, stricter one.
    public static let serverContentSecurityPolicy = contentSecurityPolicy(live: true) + "; frame-ancestors 'none'"
}
