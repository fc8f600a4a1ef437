import SitegenText

/// Small edits to cmark-gfm's HTML so that every reader can use it: a table or code block that scrolls
/// sideways must be reachable by keyboard (it takes focus), and a task-list checkbox needs a label.
/// The tags edited are exactly the ones cmark-gfm writes; text never contains them, since `<` in text is escaped.
enum AccessibleMarkup {
    /// The edits, applied by `CMarkDocument.renderHTML(editing:)` to cmark-gfm's output.
    static let edits = TextReplacement([
        ("<table>", "<table tabindex=\"0\">"),
        ("<pre><code", "<pre tabindex=\"0\"><code"),
        ("<input type=\"checkbox\" checked=\"\" disabled=\"\" />", "<input type=\"checkbox\" checked=\"\" disabled=\"\" aria-label=\"Done\" />"),
        ("<input type=\"checkbox\" disabled=\"\" />", "<input type=\"checkbox\" disabled=\"\" aria-label=\"Not done\" />"),
    ])
}
