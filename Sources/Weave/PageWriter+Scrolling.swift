extension PageWriter {
    /// The attributes of a box that scrolls sideways when its content is wider than the
    /// column (`HTML.scrollingRegion`), named `label` made unique on the page: named regions
    /// are landmarks, and landmarks are told apart by their names.
    mutating func scrollable(_ label: String) -> String {
        HTML.scrollingRegion(uniqueLabel(label))
    }

    /// `label`, or with " (2)", " (3)"... when the page has it already.
    mutating func uniqueLabel(_ label: String) -> String {
        var unique = label
        var repeats = 1
        while scrollLabels.contains(unique) {
            repeats += 1
            unique = label + " (\(repeats))"
        }
        scrollLabels.insert(unique)
        return unique
    }
}
