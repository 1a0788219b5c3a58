import Diagnostics
import Document

extension PageWriter {
    /// A link: to another notebook it becomes a link to its page (`xor.md?x=1#loss` is
    /// `xor.html?x=1#loss`), recorded for the build to check; to the web it stays as written
    /// (percent-encoded); with a scheme a page should not follow (`javascript:`) it is
    /// dropped, keeping its text. Empty link text stays empty, as in CommonMark.
    mutating func link(destination: String, title: String, content: [Markup.Inline], location: SourceLocation) -> String {
        let inner = inlines(content)
        guard let href = resolve(destination, location: location) else { return inner }
        let titleAttribute = title.isEmpty ? "" : " title=\"" + HTML.escape(title) + "\""
        return "<a href=\"" + href + "\"" + titleAttribute + ">" + inner + "</a>"
    }

    mutating func image(source: String, title: String, alt: [Markup.Inline], location: SourceLocation) -> String {
        let altText = HTML.escape(AnchorNamer.plainText(alt))
        let trimmed = source.trimmingWhitespace
        if HTML.browserScheme(trimmed) != nil || trimmed.hasPrefix("//") {
            // The site loads nothing from elsewhere (its pages' policy would block the
            // image anyway): the reader gets a link to it instead.
            guard let href = resolve(source, location: location) else { return altText }
            diagnostics.append(.warning("an image from the network is shown as a link", file: notebook.path, at: SourceRange(at: location),
                                        notes: [.init("a site loads nothing from elsewhere; save the image next to the notebook to show it")]))
            return "<a href=\"" + href + "\">" + (altText.isEmpty ? HTML.escape(trimmed) : altText) + "</a>"
        }
        guard let src = resolve(source, location: location) else { return altText }
        let titleAttribute = title.isEmpty ? "" : " title=\"" + HTML.escape(title) + "\""
        return "<img src=\"" + src + "\" alt=\"" + altText + "\"" + titleAttribute + " loading=\"lazy\">"
    }

    /// The escaped `href` for a destination, recording links into the project; nil when the
    /// destination must not be followed (its text stays).
    mutating func resolve(_ destination: String, location: SourceLocation) -> String? {
        let trimmed = destination.trimmingWhitespace
        if trimmed.isEmpty { return "" }
        if let scheme = HTML.browserScheme(trimmed) {
            guard let href = HTML.href(trimmed) else {
                diagnostics.append(.warning("a \(scheme): link is shown as text", file: notebook.path, at: SourceRange(at: location),
                                            notes: [.init("a page never links to \(HTML.forbiddenSchemes.sorted().joined(separator: ":, ")): URLs")]))
                return nil
            }
            return href
        }
        if trimmed.hasPrefix("//") { return HTML.href(trimmed) }
        // A browser drops control characters from a URL, so the link it follows would not be
        // the file the build checked.
        if trimmed.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            diagnostics.append(.error("a link destination holds a control character", file: notebook.path, at: SourceRange(at: location),
                                      notes: [.init("remove it, or percent-encode it if it is meant to be there")]))
            return nil
        }
        var path = trimmed
        var fragment: String?
        if let hash = path.firstIndex(of: "#") {
            fragment = String(path[path.index(after: hash)...])
            path = String(path[..<hash])
        }
        var query = ""
        if let mark = path.firstIndex(of: "?") {
            query = String(path[mark...])
            path = String(path[..<mark])
        }
        let decodedFragment = fragment.map(Self.percentDecoded)
        if path.isEmpty {
            links.append(PageLink(destination: trimmed, target: .samePage, fragment: decodedFragment, location: location))
            return HTML.href(trimmed)
        }
        let decoded = Self.percentDecoded(path)
        let target = SitePath.join(SitePath.directory(of: renderer.source), decoded)
        if decoded.hasSuffix(".md") {
            links.append(PageLink(destination: trimmed, target: .notebook(target), fragment: decodedFragment, location: location))
            let targetPage = renderer.siteMap.entry(target)?.page ?? SitePath.page(forNotebook: SitePath.join(SitePath.directory(of: renderer.page), decoded))
            var href = SitePath.url(SitePath.relative(from: renderer.page, to: targetPage)) + query
            if let fragment { href += "#" + fragment }
            return HTML.href(href)
        }
        let sitePath = SitePath.join(SitePath.directory(of: renderer.page), decoded)
        links.append(PageLink(destination: trimmed, target: .file(source: target, sitePath: sitePath),
                              fragment: decodedFragment, location: location))
        // The file's own name, encoded (a `:` in it must not read as a scheme), then the rest.
        return HTML.href(SitePath.url(SitePath.relative(from: renderer.page, to: sitePath)) + query + (fragment.map { "#" + $0 } ?? ""))
    }

    /// Raw HTML in a paragraph: as written when the builder allows it, else as text (an HTML
    /// comment, meant for authors only, is dropped).
    mutating func rawInline(_ raw: String) -> String {
        if renderer.options.rawHTML { return raw }
        if raw.hasPrefix("<!--") { return "" }
        warnRawHTML(line: currentLine)
        return "<code class=\"cr-raw\">" + HTML.escape(raw) + "</code>"
    }

    mutating func rawBlock(_ raw: String, line: Int) {
        if renderer.options.rawHTML {
            html += raw + "\n"
            return
        }
        let trimmed = raw.trimmingWhitespace
        if trimmed.hasPrefix("<!--") && trimmed.hasSuffix("-->") { return }
        warnRawHTML(line: line)
        html += "<pre class=\"cr-raw\"><code>" + HTML.escape(raw) + "</code></pre>\n"
    }

    /// One warning per page, at the first raw HTML, so the author knows why it shows as text.
    mutating func warnRawHTML(line: Int) {
        guard !warnedAboutRawHTML else { return }
        warnedAboutRawHTML = true
        diagnostics.append(.warning(
            "raw HTML is shown as text", file: notebook.path, at: SourceRange(at: SourceLocation(line: line, column: 1)),
            notes: [.init("pass --raw-html to `chainrule build` to let raw HTML through (only for notebooks you trust)")]))
    }

    /// `https:`, `mailto:`, `javascript:`... (a scheme is letters, digits, `+ - .` before `:`).
    static func hasScheme(_ url: String) -> Bool {
        guard let colon = url.firstIndex(of: ":"), colon != url.startIndex else { return false }
        let scheme = url[..<colon]
        guard let first = scheme.first, first.isASCII, first.isLetter else { return false }
        return scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") }
    }

    /// `%20` as a space; malformed escapes stay as written.
    static func percentDecoded(_ text: String) -> String {
        guard text.contains("%") else { return text }
        var bytes: [UInt8] = []
        let utf8 = Array(text.utf8)
        var index = 0
        while index < utf8.count {
            if utf8[index] == 0x25, index + 2 < utf8.count,
               let high = hexValue(utf8[index + 1]), let low = hexValue(utf8[index + 2]) {
                bytes.append(high << 4 | low)
                index += 3
            } else {
                bytes.append(utf8[index])
                index += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: return byte - 0x30
        case 0x41...0x46: return byte - 0x41 + 10
        case 0x61...0x66: return byte - 0x61 + 10
        default: return nil
        }
    }
}
