extension DefaultTheme {
    /// The page of one notebook. Context: see `SiteTheme` (docs/site.md, "Themes"). The policy
    /// comes right after the charset: a `<meta>` policy covers only what follows it.
    public static let pageTemplate = #"""
    <!doctype html>
    <html lang="{{site.language}}">
    <head>
    <meta charset="utf-8">
    <meta http-equiv="Content-Security-Policy" content="{{{content_security_policy}}}">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="color-scheme" content="light dark">
    <title>{{page.title}} · {{site.title}}</title>
    {{#page.description}}
    <meta name="description" content="{{page.description}}">
    {{/page.description}}
    <meta name="generator" content="Chainrule {{generator}}">
    {{#canonical}}
    <link rel="canonical" href="{{canonical}}">
    {{/canonical}}
    {{#stylesheets}}
    <link rel="stylesheet" href="{{href}}">
    {{/stylesheets}}
    <script src="{{root}}assets/site.js" defer></script>
    {{#live}}
    <script src="{{root}}assets/live.js" defer></script>
    {{/live}}
    </head>
    <body data-root="{{root}}" data-page="{{page_url}}">
    <a class="cr-skip" href="#cr_main">Skip to content</a>
    <header class="cr-topbar">
    <button class="cr-menu" id="cr_menu" type="button" aria-controls="cr_sidebar" aria-expanded="false" aria-label="Notebooks"><span aria-hidden="true"></span></button>
    <a class="cr-topbar-title" href="{{root}}index.html">{{{site.title_html}}}</a>
    </header>
    <div class="cr-layout">
    <nav class="cr-sidebar" id="cr_sidebar" aria-label="Notebooks">
    <button class="cr-close" id="cr_close" type="button" aria-label="Close the menu"><span aria-hidden="true">×</span></button>
    <a class="cr-site-title" href="{{root}}index.html">{{{site.title_html}}}</a>
    <div class="cr-search" role="search">
    <input type="search" id="cr_search" class="cr-search-input" placeholder="Search" aria-label="Search the notebooks" role="combobox" aria-expanded="false" aria-controls="cr_results" aria-autocomplete="list" autocomplete="off" spellcheck="false">
    <kbd class="cr-search-key" aria-hidden="true">/</kbd>
    <div class="cr-results" id="cr_results_panel" hidden><div id="cr_results" role="listbox" aria-label="Search results"></div></div>
    <p class="cr-search-status" id="cr_search_status" role="status"></p>
    </div>
    <script src="{{root}}assets/nav.js"></script>
    <noscript><ol class="cr-nav"><li><a href="{{root}}index.html">All notebooks</a></li></ol></noscript>
    </nav>
    <div class="cr-scrim" id="cr_scrim" hidden></div>
    <main class="cr-main" id="cr_main">
    <article class="cr-article">
    <header class="cr-page-header">
    <h1{{#page.title_anchor}} id="{{page.title_anchor}}"{{/page.title_anchor}}>{{{page.title_html}}}</h1>
    {{#page.description}}
    <p class="cr-description">{{{page.description_html}}}</p>
    {{/page.description}}
    </header>
    {{#page.has_toc}}
    <details class="cr-toc-inline">
    <summary>On this page</summary>
    <ol>
    {{#page.toc}}
    <li><a href="#{{anchor}}">{{{html}}}</a>{{#has_children}}<ol>{{#children}}<li><a href="#{{anchor}}">{{{html}}}</a></li>{{/children}}</ol>{{/has_children}}</li>
    {{/page.toc}}
    </ol>
    </details>
    {{/page.has_toc}}
    {{{page.body}}}
    {{#page.has_pager}}
    <nav class="cr-pager" aria-label="Previous and next notebooks">
    {{#page.previous}}
    <a class="cr-previous" href="{{href}}" rel="prev"><span class="cr-pager-label">Previous</span><span class="cr-pager-title">{{{title_html}}}</span></a>
    {{/page.previous}}
    {{#page.next}}
    <a class="cr-next" href="{{href}}" rel="next"><span class="cr-pager-label">Next</span><span class="cr-pager-title">{{{title_html}}}</span></a>
    {{/page.next}}
    </nav>
    {{/page.has_pager}}
    </article>
    {{#page.has_toc}}
    <aside class="cr-toc" aria-labelledby="cr_toc_title">
    <h2 id="cr_toc_title">On this page</h2>
    <ol>
    {{#page.toc}}
    <li><a href="#{{anchor}}">{{{html}}}</a>{{#has_children}}<ol>{{#children}}<li><a href="#{{anchor}}">{{{html}}}</a></li>{{/children}}</ol>{{/has_children}}</li>
    {{/page.toc}}
    </ol>
    </aside>
    {{/page.has_toc}}
    </main>
    </div>
    <footer class="cr-footer">Built with Chainrule {{generator}} from <code>{{page.source}}</code>.</footer>
    {{#live}}
    <script type="application/json" id="cr-live-program">{{{live_program}}}</script>
    {{/live}}
    </body>
    </html>

    """#
}
