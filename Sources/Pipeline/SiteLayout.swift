import Digest
import Weave

/// The shape of a site: its title, the order of its pages, the sidebar, and the map links
/// are resolved against. Computed from the outlines alone, before any page is drawn.
struct SiteLayout {
    let site: SiteInfo
    /// The notebooks in the sidebar, in order (the home page is not one of them).
    let nav: [NavItem]
    /// Source indices in sidebar order.
    let navOrder: [Int]
    /// Source indices in search-index order: the home page first, then the sidebar's order.
    let searchOrder: [Int]
    let siteMap: SiteMap
    /// A digest of all of the above: what every page shows of the others.
    let digest: String

    /// `equations` holds each page's labelled equations and their tags.
    init(sources: [SiteSource], outlines: [PageOutline], equations: [[String: String]], options: SiteBuildOptions) {
        let home = sources.firstIndex(where: \.isHome)
        // By `order` from the front matter (notebooks without one last), then by file name.
        navOrder = sources.indices.filter { !sources[$0].isHome }.sorted { a, b in
            let left = outlines[a].order ?? .infinity, right = outlines[b].order ?? .infinity
            if left != right { return left < right }
            return sources[a].relative < sources[b].relative
        }
        searchOrder = (home.map { [$0] } ?? []) + navOrder
        nav = navOrder.map { NavItem(title: outlines[$0].title, page: sources[$0].page, description: outlines[$0].description) }
        let homeOutline = home.map { outlines[$0] }
        site = SiteInfo(title: options.title ?? homeOutline?.title ?? "Notebooks",
                        description: options.configuration?.description ?? homeOutline?.description,
                        language: homeOutline?.language ?? options.configuration?.language ?? "en", generator: options.toolVersion,
                        baseURL: options.baseURL ?? options.configuration?.baseURL)
        siteMap = SiteMap(sources.indices.map {
            SiteMap.Entry(source: sources[$0].key, page: sources[$0].page, title: outlines[$0].title,
                          anchors: Set(outlines[$0].anchors), equations: equations[$0])
        })
        var digest = SHA256()
        digest.update(site.title)
        digest.update(site.description ?? "")
        digest.update(site.language)
        digest.update(site.baseURL ?? "")
        for index in searchOrder {
            digest.update(sources[index].key)
            digest.update(sources[index].page)
            digest.update(outlines[index].title)
            digest.update(outlines[index].description ?? "")
        }
        // A reference to another page's equation shows its number.
        for (index, labels) in equations.enumerated() {
            for name in labels.keys.sorted() {
                digest.update(sources[index].key)
                digest.update(name)
                digest.update(labels[name]!)
            }
        }
        self.digest = digest.hex
    }

    /// The notebooks before and after one in the sidebar.
    func neighbours(of index: Int) -> (previous: NavItem?, next: NavItem?) {
        guard let position = navOrder.firstIndex(of: index) else { return (nil, nav.first) }
        return (position > 0 ? nav[position - 1] : nil, position + 1 < nav.count ? nav[position + 1] : nil)
    }
}
