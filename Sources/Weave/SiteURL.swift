import Foundation

/// Where a site is published (`base_url` in `chainrule.yml`, `--base-url`): an absolute
/// `http` or `https` URL, which gives each page a canonical link and the site a
/// `sitemap.xml`. Nothing else uses it; pages link to each other relatively, so a site works
/// at any address and from disk.
public enum SiteURL {
    /// The URL with a final `/`, or nil when it is not an absolute `http`/`https` URL of a
    /// host, without credentials, query or fragment, made of characters a URL may hold as they
    /// are (no spaces, quotes, angle brackets or control characters).
    public static func base(_ text: String) -> String? {
        let allowed = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/%!$&()*+,;=@[]")
        guard !text.isEmpty, text.unicodeScalars.allSatisfy({ allowed.contains($0) }),
              let components = URLComponents(string: text),
              let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = components.host, !host.isEmpty,
              components.user == nil, components.password == nil, components.query == nil, components.fragment == nil
        else { return nil }
        return text.hasSuffix("/") ? text : text + "/"
    }

    /// The page's address: the base for the home page, else the base and the page's path.
    public static func page(_ path: String, base: String) -> String {
        path == "index.html" ? base : base + SitePath.url(path)
    }

    /// The sitemap protocol's file (sitemaps.org): every page's address, the home page first.
    public static func sitemap(pages: [String], base: String) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for path in pages {
            out += "<url><loc>" + HTML.escape(page(path, base: base)) + "</loc></url>\n"
        }
        return out + "</urlset>\n"
    }
}
