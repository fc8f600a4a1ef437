import CCmarkGFM
import CCmarkGFMGate
import Foundation
import SitegenText

/// A document parsed by cmark-gfm. The only type that touches the C API: everything it hands out is plain Swift.
///
/// Parses run in parallel once cmark-gfm's process-wide inline tables are guarded (`CCmarkGFMGate`), and
/// one at a time where they cannot be (see `parseLock`); walking, editing and rendering an instance touch
/// only its own memory, so separate instances may be used on separate threads.
struct CMarkDocument: ~Copyable {
    private let parser: OpaquePointer
    private let root: OpaquePointer
    private let renderFlags: Int32
    /// The links and headings the edits below change, found by `walk`, so that no edit walks the tree
    /// again (each walk reads every node of it). No edit adds or removes a node of another edit's kind:
    /// code blocks hold no children, and headings are replaced last.
    private var links: [OpaquePointer] = []
    private var headings: [OpaquePointer] = []

    /// libcmark-gfm 0.29 keeps process-wide state that is not thread-safe: `SPECIAL_CHARS` and `SKIP_CHARS`
    /// in inlines.c, which every parse with inline extensions (e.g. strikethrough, autolink) switches on
    /// and off again, and the unguarded "registered" flag of the core extensions. Unguarded, concurrent
    /// parses silently lose `~~…~~` or change emphasis. Registration always holds this lock; a parse holds
    /// it until the gate in `CCmarkGFMGate` has been seen to guard the tables (from the first parse on, on
    /// Linux), and never after. Rendering HTML reads no such state and runs unlocked.
    private static let parseLock = NSLock()

    /// Whether parses may overlap: the gate has been seen to guard cmark-gfm's inline tables.
    static var parsesConcurrently: Bool { sitegen_cmark_gate_intercepts() != 0 }

    /// Registers cmark-gfm's core extensions and checks that each named one exists.
    static func registerExtensions(named names: [String]) throws(MarkdownError) {
        let missing = parseLock.withLock {
            cmark_gfm_core_extensions_ensure_registered()
            return names.first { cmark_find_syntax_extension($0) == nil }
        }
        if let missing { throw .missingExtension(missing) }
    }

    /// Parses `markdown` with the extensions and parse options of `options`.
    init(parsing markdown: String, options: MarkdownOptions) {
        renderFlags = Self.flags(for: options)
        // SOURCEPOS only at parse time: without it inline line numbers go stale after a span that
        // crosses a newline (inlines.c `adjust_subj_node_newlines`); it must not reach the HTML.
        let parseFlags = renderFlags | CMARK_OPT_SOURCEPOS
        if Self.parsesConcurrently {
            (parser, root) = Self.parse(markdown, options: options, flags: parseFlags)
        } else {
            (parser, root) = Self.parseLock.withLock { Self.parse(markdown, options: options, flags: parseFlags) }
        }
    }

    deinit {
        cmark_node_free(root)
        cmark_parser_free(parser)
    }

    /// Visits the tree depth first, in document order, and asks `replacement` for each fenced code block
    /// as it meets it (so in document order, before anything else looks at the document): a replaced
    /// block is visited as its replacement's text, and after the walk its HTML takes the block's place, in
    /// a custom block that cmark-gfm writes verbatim even in safe mode.
    mutating func walk(replacingFencedBlocks replacement: (FencedBlock) -> BlockReplacement?, _ visit: (DocumentEvent) -> Void) {
        var replaced: [(node: OpaquePointer, html: String)] = []
        var links: [OpaquePointer] = [], headings: [OpaquePointer] = []
        forEachNode { node, entering in
            if entering {
                switch cmark_node_get_type(node) {
                case CMARK_NODE_CODE_BLOCK:
                    if let block = Self.fencedBlock(node), let blockReplacement = replacement(block) {
                        replaced.append((node, blockReplacement.html))
                        // As the custom block in its place would be visited: its text, then its end.
                        if blockReplacement.text.isEmpty {
                            visit(.blockBoundary)
                        } else {
                            var text = blockReplacement.text
                            text.withUTF8 { visit(.codeBlock($0)) }
                        }
                        visit(.blockBoundary)
                        return
                    }
                case CMARK_NODE_LINK, CMARK_NODE_IMAGE: links.append(node)
                case CMARK_NODE_HEADING: headings.append(node)
                default: break
                }
            }
            Self.visitEvent(of: node, entering: entering, visit)
        }
        // Replaced after the walk: the iterator would step from a node freed under it.
        for (node, html) in replaced { replace(node, withHTML: html) }
        self.links = links
        self.headings = headings
    }

    /// Replaces each link and image destination for which `rewrite` returns a value, in document order.
    /// Needs `walk` first, which finds them.
    mutating func rewriteLinks(_ rewrite: (LinkReference) -> String?) {
        for node in links {
            if let replacement = rewrite(Self.linkReference(node)) { cmark_node_set_url(node, replacement) }
        }
    }

    /// Replaces each heading by the HTML `makeHTML` builds from its index and inner HTML; `nil` keeps it.
    /// Needs `walk` first, which finds them.
    ///
    /// The HTML goes into a custom block, which cmark-gfm writes verbatim even in safe mode.
    mutating func replaceHeadings(_ makeHTML: (_ index: Int, _ innerHTML: String) -> String?) {
        for (index, heading) in headings.enumerated() {
            if let html = makeHTML(index, innerHTML(of: heading)) { replace(heading, withHTML: html) }
        }
    }

    /// The whole document as HTML's UTF-8, exactly as `cmark_render_html` writes it, then through `edits`
    /// when given: applied to cmark-gfm's buffer, and no String is made of it.
    func renderHTML(editing edits: TextReplacement? = nil) -> [UInt8] {
        render(root, editing: edits)
    }

    // MARK: - C details

    private static func parse(
        _ markdown: String, options: MarkdownOptions, flags: Int32
    ) -> (parser: OpaquePointer, root: OpaquePointer) {
        let parser: OpaquePointer = cmark_parser_new(flags)
        // Fixed order, like a command line: a Set's order changes between runs.
        for name in MarkdownOptions.Extension.allCases where options.extensions.contains(name) {
            if let extensionPointer = cmark_find_syntax_extension(name.rawValue) {
                cmark_parser_attach_syntax_extension(parser, extensionPointer)
            }
        }
        var text = markdown
        text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
        }
        return (parser, cmark_parser_finish(parser))
    }

    private static func flags(for options: MarkdownOptions) -> Int32 {
        var flags = CMARK_OPT_DEFAULT
        if options.footnotes { flags |= CMARK_OPT_FOOTNOTES }
        if options.smartPunctuation { flags |= CMARK_OPT_SMART }
        if options.unsafeHTML { flags |= CMARK_OPT_UNSAFE }
        if options.tableStyleAttributes { flags |= CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES }
        return flags
    }

    /// The block to hand to a replacement, when `node` is a fenced code block.
    private static func fencedBlock(_ node: OpaquePointer) -> FencedBlock? {
        var length: Int32 = 0, offset: Int32 = 0, character: CChar = 0
        guard cmark_node_get_fenced(node, &length, &offset, &character) != 0 else { return nil }
        let info = cmark_node_get_fence_info(node).map { String(cString: $0) } ?? ""
        return FencedBlock(info: info, literal: literal(of: node), position: position(of: node))
    }

    private func forEachNode(_ body: (_ node: OpaquePointer, _ entering: Bool) -> Void) {
        let iterator = cmark_iter_new(root)
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            guard event == CMARK_EVENT_ENTER || event == CMARK_EVENT_EXIT else { return }
            body(cmark_iter_get_node(iterator), event == CMARK_EVENT_ENTER)
        }
    }

    private func render(_ node: OpaquePointer, editing edits: TextReplacement? = nil) -> [UInt8] {
        guard let html = cmark_render_html(node, renderFlags, cmark_parser_get_syntax_extensions(parser)) else { return [] }
        defer { free(html) }
        let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(html).assumingMemoryBound(to: UInt8.self), count: strlen(html))
        return edits?.applyBytes(toUTF8: bytes) ?? Array(bytes)
    }

    /// The heading's HTML without its `<hN>` and `</hN>\n`, compared as bytes so no grapheme can straddle a tag.
    private func innerHTML(of heading: OpaquePointer) -> String {
        let html = render(heading)
        let level = cmark_node_get_heading_level(heading)
        let open = Array("<h\(level)>".utf8), close = Array("</h\(level)>\n".utf8)
        guard html.count >= open.count + close.count, html.starts(with: open),
            html.suffix(close.count).elementsEqual(close)
        else { return String(decoding: html, as: UTF8.self) }
        return String(decoding: html[open.count..<(html.count - close.count)], as: UTF8.self)
    }

    /// The custom block now in the tree, or nil when the replacement failed.
    @discardableResult
    private func replace(_ node: OpaquePointer, withHTML html: String) -> OpaquePointer? {
        let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK)
        var detached = block  // whichever node ends up outside the tree
        defer { cmark_node_free(detached) }
        cmark_node_set_on_enter(block, html)
        guard cmark_node_replace(node, block) == 1 else { return nil }
        detached = node
        return block
    }

    /// Visits the event of `node`, if it has one; a text's bytes are cmark-gfm's own, valid during the visit.
    private static func visitEvent(of node: OpaquePointer, entering: Bool, _ visit: (DocumentEvent) -> Void) {
        let type = cmark_node_get_type(node)
        switch type {
        case CMARK_NODE_HEADING:
            visit(entering ? .headingStart(level: Int(cmark_node_get_heading_level(node))) : .headingEnd)
        case CMARK_NODE_TEXT, CMARK_NODE_CODE:
            visit(.text(literalBytes(of: node)))
        case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
            visit(.lineBreak)
        case CMARK_NODE_CODE_BLOCK:
            visit(.codeBlock(literalBytes(of: node)))
        case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
            if entering { visit(.link(linkReference(node))) }
        case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
            visit(.rawHTML(position(of: node)))
        default:
            if isBlock(type) { visit(.blockBoundary) }
        }
    }

    private static func linkReference(_ node: OpaquePointer) -> LinkReference {
        let kind: LinkReference.Kind = cmark_node_get_type(node) == CMARK_NODE_IMAGE ? .image : .link
        return LinkReference(kind: kind, destination: url(of: node), position: position(of: node))
    }

    private static func isBlock(_ type: cmark_node_type) -> Bool {
        // Extension blocks (tables, rows, cells) are numbered after the core ones, so test the type bits.
        type.rawValue & UInt32(CMARK_NODE_TYPE_MASK) == UInt32(CMARK_NODE_TYPE_BLOCK)
    }

    private static func literal(of node: OpaquePointer) -> String {
        cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
    }

    /// The node's literal as cmark-gfm holds it, valid until the node changes.
    private static func literalBytes(of node: OpaquePointer) -> UnsafeBufferPointer<UInt8> {
        guard let literal = cmark_node_get_literal(node) else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: UnsafeRawPointer(literal).assumingMemoryBound(to: UInt8.self), count: strlen(literal))
    }

    private static func url(of node: OpaquePointer) -> String {
        cmark_node_get_url(node).map { String(cString: $0) } ?? ""
    }

    /// The node's start, or its nearest positioned ancestor's: some inlines (e.g. extension autolinks) report 0.
    private static func position(of node: OpaquePointer) -> SourcePosition {
        var current: OpaquePointer? = node
        while let candidate = current {
            let line = cmark_node_get_start_line(candidate), column = cmark_node_get_start_column(candidate)
            if line > 0 && column > 0 { return SourcePosition(line: Int(line), column: Int(column)) }
            current = cmark_node_parent(candidate)
        }
        return SourcePosition(line: 1, column: 1)
    }
}
