import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// Reading rendered figures back as XML, for tests.
struct SVGInspection {
    let document: XMLDocument

    init(_ markup: String) throws {
        document = try XMLDocument(xmlString: markup, options: [])
    }

    /// One drawing of a plot on its own, which comes drawn twice (`cr-wide` for a column,
    /// `cr-narrow` laid out for a phone); a figure drawn once is read whole.
    init(drawing markup: String, _ layout: String = "cr-wide") throws {
        let whole = try SVGInspection(markup)
        guard (whole.root?.attr("class") ?? "") == "cr-reflow" else {
            self = whole
            return
        }
        let drawing = try #require(try whole.elements(withClass: layout).first)
        document = try XMLDocument(xmlString: drawing.xmlString, options: [])
    }

    var root: XMLElement? { document.rootElement() }

    /// Elements with this local name, anywhere (namespaces ignored).
    func elements(_ name: String) throws -> [XMLElement] {
        try document.nodes(forXPath: "//*[local-name()='\(name)']").compactMap { $0 as? XMLElement }
    }

    /// The first `svg` element (the document root, or inside a wrapper `div`).
    func svg() throws -> XMLElement? {
        try elements("svg").first
    }

    /// Elements whose class list contains `cls`.
    func elements(withClass cls: String) throws -> [XMLElement] {
        try document.nodes(forXPath: "//*[@class]").compactMap { $0 as? XMLElement }.filter {
            ($0.attr("class") ?? "").split(separator: " ").contains(Substring(cls))
        }
    }

    /// Text of `text` elements with class `cls`, without any `title` children.
    func texts(withClass cls: String) throws -> [String] {
        try elements(withClass: cls).filter { $0.localName == "text" }.map(Self.ownText)
    }

    static func ownText(_ element: XMLElement) -> String {
        (element.children ?? []).filter { $0.kind == .text }.map { $0.stringValue ?? "" }.joined()
    }

    static func number(_ element: XMLElement, _ attribute: String) -> Double? {
        element.attr(attribute).flatMap(Double.init)
    }
}

extension XMLElement {
    /// An attribute's value by name. (`attribute(forName:)` finds nothing on Linux for
    /// elements in the SVG namespace.)
    func attr(_ name: String) -> String? {
        attributes?.first { $0.name == name }?.stringValue
    }
}
