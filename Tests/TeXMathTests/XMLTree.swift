/// A tiny XML reader, enough to check that the renderer's output is well formed and to compare
/// its structure with KaTeX's: elements, attributes, text, the five named entities and numeric
/// character references. It rejects what XML forbids (mismatched tags, stray `<` or `&`, text
/// outside the root, control characters), which is what a well-formedness check needs; it
/// does not know comments, CDATA or DTDs, which the renderer never writes.
///
/// Iterative, so that deeply nested output cannot overflow the stack of the test.
indirect enum XMLTree: Equatable {
    case element(name: String, attributes: [String: String], children: [XMLTree])
    case text(String)

    struct ParseError: Error, CustomStringConvertible {
        var description: String
    }

    var name: String? {
        if case .element(let name, _, _) = self { return name }
        return nil
    }

    var children: [XMLTree] {
        if case .element(_, _, let children) = self { return children }
        return []
    }

    var attributes: [String: String] {
        if case .element(_, let attributes, _) = self { return attributes }
        return [:]
    }

    /// All text below this node, in document order.
    var textContent: String {
        switch self {
        case .text(let text): return text
        case .element(_, _, let children): return children.map(\.textContent).joined()
        }
    }

    /// The first element named `name` in document order, this one included.
    func first(named name: String) -> XMLTree? {
        var stack = [self]
        while let node = stack.popLast() {
            if node.name == name { return node }
            stack.append(contentsOf: node.children.reversed())
        }
        return nil
    }

    static func parse(_ text: String) throws -> XMLTree {
        let scalars = Array(text.unicodeScalars)
        var index = 0
        // Open elements: name, attributes, children so far.
        var stack: [(name: String, attributes: [String: String], children: [XMLTree])] = []
        var root: XMLTree?
        var pendingText = ""

        func fail(_ message: String) -> ParseError {
            ParseError(description: "\(message) at scalar \(index)")
        }
        func flushText() throws {
            guard !pendingText.isEmpty else { return }
            guard !stack.isEmpty else {
                if pendingText.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) {
                    pendingText = ""
                    return
                }
                throw fail("text outside the root element")
            }
            stack[stack.count - 1].children.append(.text(pendingText))
            pendingText = ""
        }
        func readName() throws -> String {
            var name = String.UnicodeScalarView()
            while index < scalars.count, isNameCharacter(scalars[index]) {
                name.append(scalars[index])
                index += 1
            }
            guard !name.isEmpty else { throw fail("expected a name") }
            return String(name)
        }
        func skipWhitespace() {
            while index < scalars.count, scalars[index].properties.isWhitespace { index += 1 }
        }
        func readEntity() throws -> String {
            // At "&".
            index += 1
            var name = ""
            while index < scalars.count, scalars[index] != ";" {
                name.unicodeScalars.append(scalars[index])
                index += 1
                if name.count > 10 { throw fail("unterminated entity") }
            }
            guard index < scalars.count else { throw fail("unterminated entity") }
            index += 1
            switch name {
            case "amp": return "&"
            case "lt": return "<"
            case "gt": return ">"
            case "quot": return "\""
            case "apos": return "'"
            default:
                let value: UInt32?
                if name.hasPrefix("#x") {
                    value = UInt32(name.dropFirst(2), radix: 16)
                } else if name.hasPrefix("#") {
                    value = UInt32(name.dropFirst(1))
                } else {
                    value = nil
                }
                guard let value, let scalar = Unicode.Scalar(value), isXMLCharacter(scalar) else {
                    throw fail("bad entity &\(name);")
                }
                return String(scalar)
            }
        }

        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "<" {
                try flushText()
                index += 1
                guard index < scalars.count else { throw fail("unterminated tag") }
                if scalars[index] == "/" {
                    index += 1
                    let name = try readName()
                    skipWhitespace()
                    guard index < scalars.count, scalars[index] == ">" else { throw fail("bad end tag") }
                    index += 1
                    guard let open = stack.popLast(), open.name == name else {
                        throw fail("end tag </\(name)> does not match")
                    }
                    let element = XMLTree.element(name: open.name, attributes: open.attributes, children: open.children)
                    if stack.isEmpty {
                        guard root == nil else { throw fail("two root elements") }
                        root = element
                    } else {
                        stack[stack.count - 1].children.append(element)
                    }
                    continue
                }
                let name = try readName()
                var attributes: [String: String] = [:]
                while true {
                    skipWhitespace()
                    guard index < scalars.count else { throw fail("unterminated tag") }
                    if scalars[index] == ">" || scalars[index] == "/" { break }
                    let attribute = try readName()
                    skipWhitespace()
                    guard index < scalars.count, scalars[index] == "=" else { throw fail("expected =") }
                    index += 1
                    skipWhitespace()
                    guard index < scalars.count, scalars[index] == "\"" || scalars[index] == "'" else {
                        throw fail("expected a quoted value")
                    }
                    let quote = scalars[index]
                    index += 1
                    var value = ""
                    while index < scalars.count, scalars[index] != quote {
                        if scalars[index] == "<" { throw fail("< in attribute") }
                        if scalars[index] == "&" {
                            value += try readEntity()
                        } else {
                            value.unicodeScalars.append(scalars[index])
                            index += 1
                        }
                    }
                    guard index < scalars.count else { throw fail("unterminated attribute") }
                    index += 1
                    guard attributes[attribute] == nil else { throw fail("duplicate attribute \(attribute)") }
                    attributes[attribute] = value
                }
                if scalars[index] == "/" {
                    index += 1
                    guard index < scalars.count, scalars[index] == ">" else { throw fail("bad empty tag") }
                    index += 1
                    let element = XMLTree.element(name: name, attributes: attributes, children: [])
                    if stack.isEmpty {
                        guard root == nil else { throw fail("two root elements") }
                        root = element
                    } else {
                        stack[stack.count - 1].children.append(element)
                    }
                } else {
                    index += 1
                    guard root == nil else { throw fail("content after the root element") }
                    stack.append((name, attributes, []))
                }
            } else if scalar == "&" {
                pendingText += try readEntity()
            } else {
                guard isXMLCharacter(scalar) else { throw fail("character U+\(String(scalar.value, radix: 16)) not allowed in XML") }
                pendingText.unicodeScalars.append(scalar)
                index += 1
            }
        }
        try flushText()
        guard stack.isEmpty else { throw fail("unclosed <\(stack.last!.name)>") }
        guard let root else { throw fail("no root element") }
        return root
    }

    private static func isNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", "-", "_", ":", ".": return true
        default: return false
        }
    }

    private static func isXMLCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }
}
