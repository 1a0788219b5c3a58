import Foundation
import Testing
@testable import Weave
@testable import Drawing

/// The colours of the built-in theme meet WCAG 2.2 AA in both themes: 4.5:1 for text
/// (1.4.3) and 3:1 for the lines and marks that carry meaning (1.4.11), each against every
/// surface it is drawn on. The colours are read from the stylesheet a site ships
/// (`SiteTheme().stylesheet`: the page's rules, then the figures'), so changing a colour
/// there is checked here; a colour added to the theme fails `everyColourHasAPlace` until it
/// is given its pairs below (or said to be decorative).
@Suite struct ThemeContrastTests {
    /// Where text and marks sit. A surface is a list of colours, the first drawn over the
    /// next: `inline-code-bg` is translucent, so inline code on the page is it over `cr-bg`.
    static let page = ["--cr-bg"]
    static let code = ["--code-bg"]
    static let sidebar = ["--sidebar-bg"]
    static let inlineCode = ["--inline-code-bg", "--cr-bg"]
    static let inlineInSidebar = ["--inline-code-bg", "--sidebar-bg"]
    static let inlineInCode = ["--inline-code-bg", "--code-bg"]

    struct Pair {
        var colour: String
        var surfaces: [[String]]
        var minimum: Double
        var use: String
    }

    static let text = 4.5
    static let graphic = 3.0

    /// Every colour that draws something, each with every surface it is drawn on.
    static let pairs: [Pair] = [
        Pair(colour: "--cr-fg", surfaces: [page, code, sidebar, inlineCode, inlineInSidebar, inlineInCode, ["--error-bg"], ["--mark"], ["--cr-node-fill"]],
             minimum: text, use: "text everywhere, a search match, a node's label, a live block's 'Out of date'"),
        Pair(colour: "--muted", surfaces: [page, code, inlineCode], minimum: text,
             use: "descriptions, contents, quotes, search results (selected ones too), raw HTML shown as code, a live block's status"),
        Pair(colour: "--faint", surfaces: [page, inlineCode], minimum: text,
             use: "the footer and its code, card numbers, the search box's placeholder and '/' hint, heading anchors"),
        Pair(colour: "--link", surfaces: [page, code, sidebar, inlineCode, inlineInSidebar], minimum: text,
             use: "links, in alerts, the sidebar, the current notebook, a selected search result, a pressed Edit button"),
        Pair(colour: "--link-hover", surfaces: [page, code, sidebar, inlineInSidebar], minimum: text, use: "a link under the pointer"),
        Pair(colour: "--error", surfaces: [page, code, inlineCode, ["--error-bg"]], minimum: text,
             use: "expected errors, a lexer error in code, an unknown TeX command, a failed block's label, Stop"),
        Pair(colour: "--hl-keyword", surfaces: [code], minimum: text, use: "code"),
        Pair(colour: "--hl-constant", surfaces: [code], minimum: text, use: "code"),
        Pair(colour: "--hl-number", surfaces: [code], minimum: text, use: "code"),
        Pair(colour: "--hl-string", surfaces: [code], minimum: text, use: "code"),
        Pair(colour: "--hl-function", surfaces: [code], minimum: text, use: "code"),
        Pair(colour: "--hl-label", surfaces: [code], minimum: text, use: "code"),
        Pair(colour: "--hl-operator", surfaces: [code], minimum: text, use: "code"),
        Pair(colour: "--hl-comment", surfaces: [code], minimum: text, use: "code"),
        Pair(colour: "--alert-note", surfaces: [code], minimum: text, use: "an alert's title"),
        Pair(colour: "--alert-tip", surfaces: [code], minimum: text, use: "an alert's title"),
        Pair(colour: "--alert-important", surfaces: [code], minimum: text, use: "an alert's title"),
        Pair(colour: "--alert-warning", surfaces: [code], minimum: text, use: "an alert's title"),
        Pair(colour: "--alert-caution", surfaces: [code], minimum: text, use: "an alert's title"),
        Pair(colour: "--cr-muted", surfaces: [page], minimum: text, use: "ticks, notes, contour labels, names in a circuit"),
        Pair(colour: "--cr-forward", surfaces: [page], minimum: text, use: "a circuit's forward values and their key"),
        Pair(colour: "--cr-gradient", surfaces: [page], minimum: text, use: "a circuit's gradients and their key"),
        Pair(colour: "--accent", surfaces: [page, code, sidebar, inlineInSidebar], minimum: graphic,
             use: "the focus ring, the current notebook's bar"),
        Pair(colour: "--control-border", surfaces: [page, sidebar], minimum: graphic, use: "the search box's edge, a live block's buttons, the rule beside an output out of date"),
        Pair(colour: "--output-rule", surfaces: [page], minimum: graphic, use: "the bar that marks a block's output"),
        Pair(colour: "--cr-axis", surfaces: [page], minimum: graphic, use: "axes"),
        Pair(colour: "--cr-boundary", surfaces: [page], minimum: graphic, use: "a classifier's decision boundary"),
        Pair(colour: "--cr-contour", surfaces: [page], minimum: graphic, use: "level curves"),
        Pair(colour: "--cr-wire", surfaces: [page], minimum: graphic, use: "a circuit's wires and inputs"),
        Pair(colour: "--cr-node-stroke", surfaces: [page], minimum: graphic, use: "a circuit's nodes"),
    ] + Palette.colours.indices.map {
        Pair(colour: "--cr-series-\($0)", surfaces: [page], minimum: graphic, use: "lines, points, paths and classes")
    }

    /// Colours that only separate or tint what is also told apart otherwise (by space, a
    /// background or text), which WCAG does not ask to reach 3:1, and the surfaces above.
    static let decorative: Set<String> = [
        "--border", "--rule", "--code-border", "--cr-grid", "--cr-grid-minor", "--cr-contour-fill", "--cr-shade", "--shadow",
        "--cr-bg", "--code-bg", "--sidebar-bg", "--inline-code-bg", "--error-bg", "--mark", "--cr-node-fill",
    ]

    /// The custom properties of `:root` in one theme, as written: the light ones, with the
    /// dark ones of `@media (prefers-color-scheme: dark)` over them.
    static func declarations(dark: Bool) throws -> [String: String] {
        var light: [String: String] = [:], darkOnly: [String: String] = [:]
        for block in CSSBlocks(try SiteTheme().stylesheet).rootBlocks {
            if block.media == nil { light.merge(block.declarations) { $1 } }
            if block.media == "(prefers-color-scheme: dark)" { darkOnly.merge(block.declarations) { $1 } }
        }
        return dark ? light.merging(darkOnly) { $1 } : light
    }

    /// The same with `var(--x)` resolved.
    static func properties(dark: Bool) throws -> [String: String] {
        let all = try declarations(dark: dark)
        func resolve(_ value: String, depth: Int = 0) -> String {
            guard depth < 8, value.hasPrefix("var("), value.hasSuffix(")") else { return value }
            let name = String(value.dropFirst(4).dropLast()).split(separator: ",")[0].trimmingCharacters(in: .whitespaces)
            return all[name].map { resolve($0, depth: depth + 1) } ?? value
        }
        return all.mapValues { resolve($0) }
    }

    static func colour(_ name: String, in properties: [String: String]) throws -> Colour {
        let value = try #require(properties[name], "\(name) is defined")
        return try #require(Colour(css: value), "\(name): \(value) is a colour")
    }

    /// The colour a stack of layers shows (the first over the next; the last must be opaque).
    static func surface(_ layers: [String], in properties: [String: String]) throws -> Colour {
        var colours = try layers.map { try colour($0, in: properties) }
        var result = colours.removeLast()
        #expect(result.alpha == 1, "\(layers.last!) is opaque")
        for layer in colours.reversed() { result = layer.over(result) }
        return result
    }

    @Test(arguments: [false, true])
    func everyPairMeetsAA(dark: Bool) throws {
        let properties = try Self.properties(dark: dark)
        let theme = dark ? "dark" : "light"
        for pair in Self.pairs {
            let foreground = try Self.colour(pair.colour, in: properties)
            for layers in pair.surfaces {
                let background = try Self.surface(layers, in: properties)
                let ratio = foreground.over(background).contrast(with: background)
                #expect(ratio >= pair.minimum, "\(theme): \(pair.colour) on \(layers.joined(separator: " over ")) is \((ratio * 100).rounded() / 100):1, under \(pair.minimum):1 (\(pair.use))")
            }
        }
    }

    /// "scroll sideways" under a wide circuit is text in an image, one per theme.
    @Test(arguments: [false, true])
    func scrollHintIsLegible(dark: Bool) throws {
        let properties = try Self.properties(dark: dark)
        let hint = try #require(properties["--cr-scroll-hint"])
        let fill = try #require(hint.range(of: #"fill='%23[0-9a-fA-F]{6}'"#, options: .regularExpression))
        let colour = try #require(Colour(css: "#" + hint[fill].dropFirst(9).prefix(6)))
        let ratio = colour.contrast(with: try Self.colour("--cr-bg", in: properties))
        #expect(ratio >= Self.text, "\(dark ? "dark" : "light"): the scroll hint is \(ratio):1")
    }

    /// A colour the theme defines is checked above or named decorative: a new one cannot
    /// slip in unchecked.
    @Test(arguments: [false, true])
    func everyColourHasAPlace(dark: Bool) throws {
        let declarations = try Self.declarations(dark: dark)
        let placed = Set(Self.pairs.map(\.colour)).union(Self.decorative)
        // Another name for a colour (`--fg: var(--cr-fg)`) is checked as that colour.
        for (name, value) in declarations where Colour(css: value) != nil || value.contains("rgba(") {
            #expect(placed.contains(name), "\(name) (\(value)) is neither checked for contrast nor called decorative")
        }
    }

    /// Every `color:` of the stylesheet that names a theme colour names one checked as text,
    /// so no rule can set text in a colour meant for lines.
    @Test func textIsSetOnlyInTextColours() throws {
        let css = try SiteTheme().stylesheet
        let properties = try Self.properties(dark: false)
        let textColours = Set(Self.pairs.filter { $0.minimum >= Self.text }.map(\.colour) + ["--fg"])
        let pattern = try NSRegularExpression(pattern: #"(?<![-\w])(color|fill):\s*var\((--[\w-]+)"#)
        for rule in CSSBlocks(css).rules {
            let textRule = rule.selector.contains("text") || rule.selector.contains("tspan") || !rule.selector.contains(".cr-fig")
            let body = rule.body as NSString
            for match in pattern.matches(in: rule.body, range: NSRange(location: 0, length: body.length)) {
                let property = body.substring(with: match.range(at: 1)), name = body.substring(with: match.range(at: 2))
                guard properties[name] != nil, property == "color" || textRule else { continue }
                #expect(textColours.contains(name), "\(rule.selector) sets \(property) to \(name), which is not checked as a text colour")
            }
        }
    }

    @Test func contrastMatchesWCAGExamples() throws {
        let white = try #require(Colour(css: "#ffffff")), black = try #require(Colour(css: "#000000"))
        #expect(abs(white.contrast(with: black) - 21) < 1e-9)
        let grey = try #require(Colour(css: "#767676"))
        #expect((grey.contrast(with: white) * 100).rounded() / 100 == 4.54)
        let translucent = try #require(Colour(css: "rgba(0, 0, 0, 0.5)"))
        #expect(translucent.over(white) == Colour(red: 127.5, green: 127.5, blue: 127.5))
    }
}

/// An sRGB colour, with the relative luminance and contrast ratio of WCAG 2.
struct Colour: Equatable {
    var red: Double, green: Double, blue: Double
    var alpha = 1.0

    init(red: Double, green: Double, blue: Double, alpha: Double = 1) {
        (self.red, self.green, self.blue, self.alpha) = (red, green, blue, alpha)
    }

    /// `#rrggbb` or `rgba(r, g, b, a)`.
    init?(css: String) {
        let value = css.trimmingCharacters(in: .whitespaces)
        if value.hasPrefix("#"), value.count == 7, let number = Int(value.dropFirst(), radix: 16) {
            self.init(red: Double(number >> 16 & 255), green: Double(number >> 8 & 255), blue: Double(number & 255))
        } else if value.hasPrefix("rgba("), value.hasSuffix(")") {
            let parts = value.dropFirst(5).dropLast().split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
            guard parts.count == 4 else { return nil }
            self.init(red: parts[0], green: parts[1], blue: parts[2], alpha: parts[3])
        } else {
            return nil
        }
    }

    /// This colour painted over an opaque one.
    func over(_ base: Colour) -> Colour {
        Colour(red: red * alpha + base.red * (1 - alpha), green: green * alpha + base.green * (1 - alpha),
               blue: blue * alpha + base.blue * (1 - alpha))
    }

    var luminance: Double {
        func linear(_ channel: Double) -> Double {
            let c = channel / 255
            return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
    }

    func contrast(with other: Colour) -> Double {
        let (a, b) = (luminance, other.luminance)
        return (max(a, b) + 0.05) / (min(a, b) + 0.05)
    }
}

/// The rules of a stylesheet, and its `:root` blocks with the `@media` they sit in: enough
/// CSS for the theme's own stylesheet, which has no strings holding braces.
struct CSSBlocks {
    struct Rule {
        var selector: String
        var body: String
        var media: String?
    }

    var rules: [Rule] = []

    init(_ css: String) {
        // Comments out first: they may hold braces in prose.
        let text = css.replacingOccurrences(of: #"/\*[\s\S]*?\*/"#, with: "", options: .regularExpression)
        var media: String?
        var selector: String?
        var start = text.startIndex
        for index in text.indices where text[index] == "{" || text[index] == "}" {
            if text[index] == "{" {
                let head = text[start..<index].trimmingCharacters(in: .whitespacesAndNewlines)
                if head.hasPrefix("@media") { media = head.dropFirst(6).trimmingCharacters(in: .whitespaces) } else { selector = head }
            } else if let open = selector {
                rules.append(Rule(selector: open, body: String(text[start..<index]), media: media))
                selector = nil
            } else {
                media = nil
            }
            start = text.index(after: index)
        }
    }

    /// `:root` rules as their declarations.
    var rootBlocks: [(media: String?, declarations: [String: String])] {
        rules.filter { $0.selector == ":root" }.map { rule in
            var declarations: [String: String] = [:]
            for declaration in rule.body.split(separator: ";") {
                let parts = declaration.split(separator: ":", maxSplits: 1)
                guard parts.count == 2 else { continue }
                let name = parts[0].trimmingCharacters(in: .whitespacesAndNewlines)
                guard name.hasPrefix("--") else { continue }
                declarations[name] = parts[1].trimmingCharacters(in: .whitespacesAndNewlines)
            }
            return (rule.media, declarations)
        }
    }
}
