import CCmark

/// A position as cmark reports it: 1-based line, 1-based column counted in UTF-8 bytes.
struct CommonMarkPosition: Sendable, Hashable {
    var line: Int
    var column: Int
}

/// cmark's tree as plain Swift values, in one flat array in document order (preorder): a
/// node's subtree is `nodes[index..<subtreeEnd]`, so a 10 MB notebook costs no allocation
/// per node beyond its text.
struct CommonMarkTree: Sendable {
    struct Node: Sendable, Hashable {
        var kind: Kind
        var start: CommonMarkPosition
        var end: CommonMarkPosition
        var subtreeEnd: Int
    }

    enum Kind: Sendable, Hashable {
        case document
        case blockQuote
        case list(ordered: Bool, start: Int, tight: Bool)
        case item
        /// Fenced or indented (cmark does not say which; the bytes at `start` do).
        case codeBlock(info: String, literal: String)
        case htmlBlock(String)
        case paragraph
        case heading(level: Int)
        case thematicBreak
        case text(String)
        case softBreak
        case lineBreak
        case code(String)
        case htmlInline(String)
        case emphasis
        case strong
        case link(destination: String, title: String)
        case image(source: String, title: String)
    }

    var nodes: [Node]
    /// Whether nesting deeper than `CommonMarkParser.maximumDepth` was flattened.
    var flattened: Bool

    subscript(index: Int) -> Node { nodes[index] }

    /// The children of the node at `index`, by index.
    func children(of index: Int) -> Children {
        Children(nodes: nodes, cursor: index + 1, end: nodes[index].subtreeEnd)
    }

    struct Children: Sequence, IteratorProtocol {
        let nodes: [Node]
        var cursor: Int
        let end: Int

        mutating func next() -> Int? {
            guard cursor < end else { return nil }
            let current = cursor
            cursor = nodes[current].subtreeEnd
            return current
        }
    }
}

/// The one place that talks to cmark: a parsed document, freed when this object goes.
///
/// Source positions are on; `CMARK_OPT_SMART` is never used (it turns `f'` into `f’` and `--`
/// into a dash, inside math too). Containers nested deeper than `maximumDepth` are flattened
/// into their parent, so that hostile input (ten thousand `>`) cannot exhaust the stack of the
/// recursive passes that follow.
final class CommonMarkParser {
    static let maximumDepth = 96

    private let root: OpaquePointer?
    /// Bytes parsed, to guess how many nodes the tree will have.
    private let size: Int

    init(_ bytes: [UInt8]) {
        size = bytes.count
        let options = CMARK_OPT_SOURCEPOS
        root = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                if let base = chars.baseAddress {
                    return cmark_parse_document(base, chars.count, options)
                }
                return cmark_parse_document("", 0, options)
            }
        }
    }

    deinit {
        if let root { cmark_node_free(root) }
    }

    /// The tree, with the content of paragraphs and headings or (for the first pass, which
    /// only needs to know where blocks are) without it.
    func tree(includingInlines: Bool) -> CommonMarkTree {
        let origin = CommonMarkPosition(line: 1, column: 1)
        let empty = CommonMarkTree(
            nodes: [.init(kind: .document, start: origin, end: origin, subtreeEnd: 1)], flattened: false)
        guard let root, let iterator = cmark_iter_new(root) else { return empty }
        defer { cmark_iter_free(iterator) }
        var nodes: [CommonMarkTree.Node] = []
        nodes.reserveCapacity(size / (includingInlines ? 24 : 48) + 16)
        // Open containers: their index in `nodes`, or nil for one flattened away.
        var open: [Int?] = []
        var depth = 0
        var flattened = false
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if event == CMARK_EVENT_EXIT {
                if let entry = open.popLast(), let index = entry {
                    nodes[index].subtreeEnd = nodes.count
                    depth -= 1
                }
                continue
            }
            guard event == CMARK_EVENT_ENTER else { continue }
            if Self.isContainer(type) {
                if depth >= Self.maximumDepth, Self.isFlattenable(type) {
                    flattened = true
                    open.append(nil)
                    continue
                }
                if !includingInlines, type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING {
                    nodes.append(Self.makeNode(node, type: type, subtreeEnd: nodes.count + 1))
                    cmark_iter_reset(iterator, node, CMARK_EVENT_EXIT)
                    continue
                }
                open.append(nodes.count)
                depth += 1
                nodes.append(Self.makeNode(node, type: type, subtreeEnd: nodes.count + 1))
            } else {
                nodes.append(Self.makeNode(node, type: type, subtreeEnd: nodes.count + 1))
            }
        }
        guard !nodes.isEmpty else { return empty }
        return CommonMarkTree(nodes: nodes, flattened: flattened)
    }

    /// Containers that may be dropped when too deep, their children kept: not paragraphs and
    /// headings, which the math scanner and the site need as such.
    private static func isFlattenable(_ type: cmark_node_type) -> Bool {
        switch type {
        case CMARK_NODE_BLOCK_QUOTE, CMARK_NODE_LIST, CMARK_NODE_ITEM, CMARK_NODE_EMPH, CMARK_NODE_STRONG,
            CMARK_NODE_LINK, CMARK_NODE_IMAGE:
            return true
        default:
            return false
        }
    }

    /// Node types that the iterator enters and exits (the others it only enters).
    private static func isContainer(_ type: cmark_node_type) -> Bool {
        switch type {
        case CMARK_NODE_DOCUMENT, CMARK_NODE_BLOCK_QUOTE, CMARK_NODE_LIST, CMARK_NODE_ITEM,
            CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING, CMARK_NODE_EMPH, CMARK_NODE_STRONG,
            CMARK_NODE_LINK, CMARK_NODE_IMAGE, CMARK_NODE_CUSTOM_BLOCK, CMARK_NODE_CUSTOM_INLINE:
            return true
        default:
            return false
        }
    }

    private static func makeNode(_ node: OpaquePointer, type: cmark_node_type, subtreeEnd: Int) -> CommonMarkTree.Node {
        // Positions are read for blocks, links and images only: nothing uses those of text.
        var start = CommonMarkPosition(line: 0, column: 0)
        var end = start
        switch type {
        case CMARK_NODE_TEXT, CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK, CMARK_NODE_CODE, CMARK_NODE_HTML_INLINE,
            CMARK_NODE_EMPH, CMARK_NODE_STRONG:
            break
        default:
            start = CommonMarkPosition(
                line: Int(cmark_node_get_start_line(node)), column: Int(cmark_node_get_start_column(node)))
            end = CommonMarkPosition(
                line: Int(cmark_node_get_end_line(node)), column: Int(cmark_node_get_end_column(node)))
        }
        let kind: CommonMarkTree.Kind
        switch type {
        case CMARK_NODE_DOCUMENT: kind = .document
        case CMARK_NODE_BLOCK_QUOTE: kind = .blockQuote
        case CMARK_NODE_LIST:
            kind = .list(
                ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
                start: Int(cmark_node_get_list_start(node)),
                tight: cmark_node_get_list_tight(node) != 0)
        case CMARK_NODE_ITEM: kind = .item
        case CMARK_NODE_CODE_BLOCK:
            kind = .codeBlock(
                info: string(cmark_node_get_fence_info(node)), literal: string(cmark_node_get_literal(node)))
        case CMARK_NODE_HTML_BLOCK: kind = .htmlBlock(string(cmark_node_get_literal(node)))
        case CMARK_NODE_PARAGRAPH: kind = .paragraph
        case CMARK_NODE_HEADING: kind = .heading(level: Int(cmark_node_get_heading_level(node)))
        case CMARK_NODE_THEMATIC_BREAK: kind = .thematicBreak
        case CMARK_NODE_TEXT: kind = .text(string(cmark_node_get_literal(node)))
        case CMARK_NODE_SOFTBREAK: kind = .softBreak
        case CMARK_NODE_LINEBREAK: kind = .lineBreak
        case CMARK_NODE_CODE: kind = .code(string(cmark_node_get_literal(node)))
        case CMARK_NODE_HTML_INLINE: kind = .htmlInline(string(cmark_node_get_literal(node)))
        case CMARK_NODE_EMPH: kind = .emphasis
        case CMARK_NODE_STRONG: kind = .strong
        case CMARK_NODE_LINK:
            kind = .link(destination: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)))
        case CMARK_NODE_IMAGE:
            kind = .image(source: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)))
        // The parser makes no custom nodes; were one to appear, its children still count.
        case CMARK_NODE_CUSTOM_INLINE: kind = .emphasis
        default: kind = .blockQuote
        }
        return CommonMarkTree.Node(kind: kind, start: start, end: end, subtreeEnd: subtreeEnd)
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        guard let pointer else { return "" }
        return String(cString: pointer)
    }
}
