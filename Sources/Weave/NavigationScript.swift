/// The sidebar's list of notebooks as one script for the whole site (`assets/nav.js`).
///
/// Written into every page, the list made a site grow with the square of its notebooks (a
/// thousand notebooks meant a thousand links on each of a thousand pages); shared, a page
/// carries one `<script>` tag, and the browser loads the list once for all pages. Pages load
/// it synchronously where the list goes, so it is drawn before the page is shown, without a
/// flash. Without JavaScript, the sidebar links to the home page, which lists every
/// notebook, and each page keeps its previous and next links.
///
/// The script replaces its own `<script>` element with `<ol class="cr-nav">`, links made
/// relative with the page's `data-root`, and `aria-current="page"` on the entry whose path is
/// the page's `data-page`. Titles are the same HTML the page itself would hold
/// (`TitleText.html`, escaped), carried in JSON strings whose `<`, `>` and `&` are escaped.
public enum NavigationScript {
    /// The script's path in the site.
    public static let path = "assets/nav.js"

    public static func script(_ nav: [NavItem]) -> String {
        var out = """
        (function () {
          "use strict";
          var items = [

        """
        for (number, item) in nav.enumerated() {
            out += "    [" + SearchIndex.json(SitePath.url(item.page)) + ", " + SearchIndex.json(TitleText.html(item.title)) + "]"
            out += number + 1 < nav.count ? ",\n" : "\n"
        }
        out += """
          ];
          var script = document.currentScript, body = document.body;
          if (!script || !body) return;
          var root = body.getAttribute("data-root") || "", current = body.getAttribute("data-page");
          var html = "";
          for (var i = 0; i < items.length; i++) {
            var href = root + items[i][0];
            html += "<li><a href=\\"" + href.replace(/&/g, "&amp;").replace(/"/g, "&quot;") + "\\""
              + (items[i][0] === current ? " aria-current=\\"page\\"" : "") + ">" + items[i][1] + "</a></li>";
          }
          var list = document.createElement("ol");
          list.className = "cr-nav";
          list.innerHTML = html;
          script.parentNode.replaceChild(list, script);
        })();

        """
        return out
    }
}
