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
}
