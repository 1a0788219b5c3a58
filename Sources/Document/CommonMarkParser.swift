import CCmark

/// A position as cmark reports it: 1-based line, 1-based column counted in UTF-8 bytes.
struct CommonMarkPosition: Sendable, Hashable {
    var line: Int
    var column: Int
}

/// cmark's tree as plain Swift values, freed from C memory as soon as it is read.
struct CommonMarkNode: Sendable, Hashable {
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

    var kind: Kind
    var start: CommonMarkPosition
    var end: CommonMarkPosition
    var children: [CommonMarkNode] = []
}

/// The one place that talks to cmark.
///
/// Source positions are on; `CMARK_OPT_SMART` is never used (it turns `f'` into `f’` and `--`
/// into a dash, inside math too). Containers nested deeper than `maximumDepth` are flattened
/// into their parent, so that hostile input (ten thousand `>`) cannot exhaust the stack of the
/// recursive passes that follow.
enum CommonMarkParser {
    static let maximumDepth = 96

    /// The tree of `bytes`, and whether some nesting had to be flattened.
    static func parse(_ bytes: [UInt8]) -> (root: CommonMarkNode, flattened: Bool) {
        let options = CMARK_OPT_SOURCEPOS
        let document: OpaquePointer? = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                if let base = chars.baseAddress {
                    return cmark_parse_document(base, chars.count, options)
                }
                return cmark_parse_document("", 0, options)
            }
        }
        guard let document else {
            let origin = CommonMarkPosition(line: 1, column: 1)
            return (CommonMarkNode(kind: .document, start: origin, end: origin), false)
        }
        defer { cmark_node_free(document) }
        return convert(document)
    }

    /// Walks cmark's tree with its iterator (no recursion), building ours with a stack.
    private static func convert(_ document: OpaquePointer) -> (CommonMarkNode, Bool) {
        guard let iterator = cmark_iter_new(document) else {
            let origin = CommonMarkPosition(line: 1, column: 1)
            return (CommonMarkNode(kind: .document, start: origin, end: origin), false)
        }
        defer { cmark_iter_free(iterator) }
        var stack: [CommonMarkNode] = []
        var skipped = 0
        var flattened = false
        var root: CommonMarkNode?
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            let container = isContainer(type)
            if event == CMARK_EVENT_ENTER {
                let converted = makeNode(node, type: type)
                if !container {
                    if stack.isEmpty { root = converted } else { stack[stack.count - 1].children.append(converted) }
                } else if stack.count >= maximumDepth, isFlattenable(type) {
                    skipped += 1
                    flattened = true
                } else {
                    stack.append(converted)
                }
            } else if event == CMARK_EVENT_EXIT {
                if skipped > 0 {
                    skipped -= 1
                } else if let finished = stack.popLast() {
                    if stack.isEmpty { root = finished } else { stack[stack.count - 1].children.append(finished) }
                }
            }
        }
        let origin = CommonMarkPosition(line: 1, column: 1)
        return (root ?? CommonMarkNode(kind: .document, start: origin, end: origin), flattened)
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

    private static func makeNode(_ node: OpaquePointer, type: cmark_node_type) -> CommonMarkNode {
        let start = CommonMarkPosition(
            line: Int(cmark_node_get_start_line(node)), column: Int(cmark_node_get_start_column(node)))
        let end = CommonMarkPosition(
            line: Int(cmark_node_get_end_line(node)), column: Int(cmark_node_get_end_column(node)))
        let kind: CommonMarkNode.Kind
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
        return CommonMarkNode(kind: kind, start: start, end: end)
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        guard let pointer else { return "" }
        return String(cString: pointer)
    }
}
