/// One value of a data file or of an article's `facts:`, as written and before its criterion gives it a type.
public struct DataValue: Sendable, Hashable {
    /// How the source wrote the value.
    public enum Form: Sendable, Hashable {
        case text, number, boolean, empty
    }

    public var text: String
    public var form: Form
    public var note: String?
    /// Where the value is, in the file that holds it.
    public var position: FilePosition

    public init(text: String, form: Form, note: String? = nil, position: FilePosition) {
        self.text = text
        self.form = form
        self.note = note
        self.position = position
    }
}
