extension DefaultTheme {
    /// The site's home page: an optional introduction (from `index.md`), then every notebook
    /// with its description, in order. Context: see `SiteTheme`.
    public static let indexTemplate = #"""
    <!doctype html>
    <html lang="{{site.language}}">
    <head>
    <meta charset="utf-8">
    <meta http-equiv="Content-Security-Policy" content="{{{content_security_policy}}}">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="color-scheme" content="light dark">
    <title>{{site.title}}</title>
    {{#site.description}}
    <meta name="description" content="{{site.description}}">
    {{/site.description}}
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
    <body data-root="{{root}}" data-page="{{page_url}}" class="cr-home">
    <a class="cr-skip" href="#cr_main">Skip to content</a>
    <header class="cr-topbar">
    <button class="cr-menu" id="cr_menu" type="button" aria-controls="cr_sidebar" aria-expanded="false" aria-label="Notebooks"><span aria-hidden="true"></span></button>
    <a class="cr-topbar-title" href="{{root}}index.html">{{{site.title_html}}}</a>
    </header>
    <div class="cr-layout">
    <nav class="cr-sidebar" id="cr_sidebar" aria-label="Notebooks">
    <button class="cr-close" id="cr_close" type="button" aria-label="Close the menu"><span aria-hidden="true">×</span></button>
    <a class="cr-site-title" href="{{root}}index.html" aria-current="page">{{{site.title_html}}}</a>
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
    <h1>{{{site.title_html}}}</h1>
    {{#site.description}}
    <p class="cr-description">{{{site.description_html}}}</p>
    {{/site.description}}
    </header>
    {{{intro}}}
    {{#has_notebooks}}
    {{#has_intro}}
    <h2 class="cr-list-title" id="cr_notebooks">Notebooks</h2>
    {{/has_intro}}
    <ol class="cr-cards">
    {{#notebooks}}
    <li class="cr-card"><a href="{{href}}"><span class="cr-card-number">{{number}}</span><span class="cr-card-title">{{{title_html}}}</span>{{#description}}<span class="cr-card-description">{{{description_html}}}</span>{{/description}}</a></li>
    {{/notebooks}}
    </ol>
    {{/has_notebooks}}
    {{^has_notebooks}}
    <p class="cr-empty">No notebooks yet: add a Markdown file to the notebooks folder and build again.</p>
    {{/has_notebooks}}
    </article>
    </main>
    </div>
    <footer class="cr-footer">Built with Chainrule {{generator}}.</footer>
    {{#live}}
    <script type="application/json" id="cr-live-program">{{{live_program}}}</script>
    {{/live}}
    </body>
    </html>

    """#
}
