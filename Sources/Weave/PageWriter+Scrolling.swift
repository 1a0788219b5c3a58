extension PageWriter {
    /// The attributes of a box that scrolls sideways when its content is wider than the
    /// column (`HTML.scrollingRegion`), named `label` made unique on the page.
    mutating func scrollable(_ label: String) -> String {
        HTML.scrollingRegion(label, uniqueAmong: &scrollLabels)
    }
}
