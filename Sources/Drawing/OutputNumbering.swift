import Display

/// What one block's output area takes from the page around it: the numbers and ids of its
/// captioned figures and tables, and how many figures come before it. The build has them from
/// the whole page; a live page, from what the built page says of the blocks above.
public struct OutputNumbering: Sendable, Hashable {
    /// The block's captioned figures and tables, in the order it shows them, numbered as on
    /// the page (`FigureNumbering.entries`, from the block's first); a captioned item past
    /// the end is drawn without a number.
    public var entries: [FigureNumbering.Entry]
    /// How many figures the page shows before the block. Figure n of a page has the id
    /// `cr_fig<n>`, which prefixes the ids inside its SVG (its clip paths), so that no two
    /// figures of a page share one.
    public var figuresBefore: Int

    public init(entries: [FigureNumbering.Entry] = [], figuresBefore: Int = 0) {
        self.entries = entries
        self.figuresBefore = figuresBefore
    }

    /// How far a block that shows `items` moves its page's counts: the captioned figures
    /// and tables it numbers, and the figures it draws.
    public static func counts(of items: [DisplayItem]) -> (numbered: Int, figures: Int) {
        var numbered = 0, figures = 0
        for item in items {
            switch item {
            case .figure(let figure):
                figures += 1
                if figure.caption != nil { numbered += 1 }
            case .table(let table):
                if table.caption != nil { numbered += 1 }
            case .text, .abridged:
                continue
            }
        }
        return (numbered, figures)
    }
}
