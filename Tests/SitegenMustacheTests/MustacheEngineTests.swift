import PropertyBased
import SitegenMustache
import Testing

@Suite("Mustache engine")
struct MustacheEngineTests {
    static let data = TestData.object([
        "title": .text("Tom & \"Jerry\" <b>'s</b>"),
        "count": .number(3),
        "zero": .number(0),
        "yes": .flag(true),
        "no": .flag(false),
        "empty": .text(""),
        "none": .list([]),
        "tags": .list([
            .object(["name": .text("swift"), "url": .text("/tags/swift/")]),
            .object(["name": .text("c++"), "url": .text("/tags/c++/"), "title": .text("inner")]),
            .object(["name": .text("go")]),
        ]),
        "words": .list([.text("b"), .text("a"), .text("c")]),
        "page": .object(["title": .text("Page"), "next": .object(["url": .text("/2/")])]),
    ])

    @Test("interpolation, escaping, sections, inverted sections, dotted names and the stack")
    func examples() {
        let cases: [(String, String)] = [
            ("{{title}}", "Tom &amp; &quot;Jerry&quot; &lt;b&gt;&#39;s&lt;/b&gt;"),
            ("{{{title}}}|{{&title}}", "Tom & \"Jerry\" <b>'s</b>|Tom & \"Jerry\" <b>'s</b>"),
            ("{{count}} {{yes}} {{no}} [{{missing}}]", "3 true false []"),
            ("{{#tags}}{{name}}:{{title}};{{/tags}}", "swift:Tom &amp; &quot;Jerry&quot; &lt;b&gt;&#39;s&lt;/b&gt;;c++:inner;go:Tom &amp; &quot;Jerry&quot; &lt;b&gt;&#39;s&lt;/b&gt;;"),
            ("{{#tags}}{{.title}}|{{/tags}}", "|inner||"),
            ("{{page.next.url}} {{#page}}{{next.url}}{{/page}}", "/2/ /2/"),
            ("{{#yes}}Y{{/yes}}{{#no}}N{{/no}}{{^no}}n{{/no}}{{^none}}empty{{/none}}{{#none}}x{{/none}}", "Yn" + "empty"),
            ("{{#zero}}zero is truthy{{/zero}}{{#empty}}so is ''{{/empty}}", "zero is truthy" + "so is ''"),
            ("{{#words}}{{.}}{{/words}} {{#sorted(words)}}{{.}}{{/sorted(words)}} {{count(words)}}", "bac abc 3"),
            ("{{#tags}}{{#first()}}first {{/first()}}{{index()}}{{#last()}} last{{/last()}},{{/tags}}", "first 0,1,2 last,"),
            ("{{#empty(none)}}none{{/empty(none)}}{{^empty(tags)}} some{{/empty(tags)}} {{uppercased(page.title)}} {{plusone(count)}}", "none some PAGE 4"),
            ("{{=<% %>=}}<% count %> {{count}}", "3 {{count}}"),
            ("{{%CONTENT_TYPE: TEXT}}{{title}}", "Tom & \"Jerry\" <b>'s</b>"),
        ]
        for (template, expected) in cases {
            #expect(Engines.ours(["main": template], Self.data) == expected, "\(template)")
        }
    }

    @Test("standalone lines vanish; partials are indented; parents take block overrides, outer ones first")
    func whitespaceAndInheritance() {
        let templates = [
            "main": "<ul>\n  {{#tags}}\n  <li>\n    {{>item}}\n  </li>\n  {{/tags}}\n</ul>\n",
            "item": "<a>{{name}}</a>\n<b>x</b>\n",
            "base": "<title>{{$title}}Default{{/title}}</title>\n{{$body}}\nno body\n{{/body}}\n",
            "page": "{{<base}}\n{{$title}}Page {{count}}{{/title}}\n{{/base}}\n",
            "twice": "{{<page}}{{$title}}Outer{{/title}}{{/page}}",
        ]
        #expect(Engines.ours(templates, Self.data) == "<ul>\n  <li>\n    <a>swift</a>\n    <b>x</b>\n  </li>\n  <li>\n    <a>c++</a>\n    <b>x</b>\n  </li>\n  <li>\n    <a>go</a>\n    <b>x</b>\n  </li>\n</ul>\n")
        #expect(Engines.ours(templates, Self.data, name: "page") == "<title>Page 3</title>\nno body\n")
        #expect(Engines.ours(templates, Self.data, name: "twice") == "<title>Outer</title>\nno body\n")
        let dynamic = ["main": "[{{>*which}}][{{>*missing}}]", "item": "{{count}}"]
        #expect(Engines.ours(dynamic, .object(["which": .text("item"), "count": .number(2)])) == "[2][]")
        let windows = ["main": "<p>\r\n  {{>item}}\r\n</p>\r\n", "item": "a\r\nb\r\n"]
        #expect(Engines.ours(windows, Self.data) == "<p>\r\n  a\r\n  b\r\n</p>\r\n")
    }

    @Test("syntax errors say what and where")
    func errors() {
        func error(_ source: String) -> MustacheSyntaxError? {
            do {
                _ = try MustacheTemplate(source)
                return nil
            } catch {
                return error
            }
        }
        #expect(error("a\n  {{#open}}\nb\n") == MustacheSyntaxError(.unclosedSection(name: "open"), line: 2, column: 3))
        #expect(error("{{#a}}{{/b}}") == MustacheSyntaxError(.closingTagMismatch(expected: "a", found: "b"), line: 1, column: 10))
        #expect(error("x {{/b}}") == MustacheSyntaxError(.closingTagMismatch(expected: "", found: "b"), line: 1, column: 6))
        #expect(error("é{{name") == MustacheSyntaxError(.unfinishedTag, line: 1, column: 8))
        #expect(error("<p>{{}}</p>") == MustacheSyntaxError(.unfinishedTag, line: 1, column: 6))
        #expect(error("{{#  }}{{/}}") == MustacheSyntaxError(.unfinishedTag, line: 1, column: 4))
        #expect(error("{{=<% =}}") == MustacheSyntaxError(.invalidSetDelimiter, line: 1, column: 4))
        #expect(error("{{<base}}{{name}}{{/base}}") == MustacheSyntaxError(.illegalTokenInParent, line: 1, column: 1))
        #expect(error("{{%CONTENT_TYPE: XML}}") == MustacheSyntaxError(.invalidPragma, line: 1, column: 4))
        #expect(error("{{$b(x)}}{{/b(x)}}") == MustacheSyntaxError(.transformOnBlock, line: 1, column: 4))
    }

    @Test("a partial or block that includes itself without end is an error, not a crash; recursion that ends renders")
    func endlessNesting() throws {
        func render(_ templates: [String: String], _ data: TestData = Self.data) throws(MustacheRenderError) -> String? {
            var library = MustacheLibrary()
            for (name, source) in templates { library.register(try! MustacheTemplate(source), named: name) }
            return try library.render("main", data.value).map { String(decoding: $0, as: UTF8.self) }
        }
        #expect(throws: MustacheRenderError.tooDeep(name: "loop", isBlock: false)) { try render(["main": "a{{>loop}}", "loop": "x{{>loop}}"]) }
        // Twice per level: without stopping at the first failure this would take 2^64 partials.
        #expect(throws: MustacheRenderError.tooDeep(name: "loop", isBlock: false)) {
            try render(["main": "{{>loop}}", "loop": "{{>loop}}\n{{#words}}{{>loop}}{{/words}}"])
        }
        #expect(throws: MustacheRenderError.tooDeep(name: "loop", isBlock: false)) {
            try render(["main": "{{>loop}}", "loop": "{{#page}}{{>loop}}{{/page}}"])
        }
        #expect(throws: MustacheRenderError.tooDeep(name: "a", isBlock: true)) {
            try render(["main": "{{<base}}{{$a}}[{{$a}}{{/a}}]{{/a}}{{/base}}", "base": "{{$a}}{{/a}}"])
        }
        let tree = TestData.object(["name": .text("1"), "kids": .list([
            .object(["name": .text("2"), "kids": .list([.object(["name": .text("3"), "kids": .list([])])])]),
        ])])
        #expect(try render(["main": "{{>node}}", "node": "{{name}}({{#kids}}{{>node}}{{/kids}})"], tree) == "1(2(3()))")
    }

    @Test("property: any text either fails to parse or renders, with partials and parents that may name themselves")
    func anyTextIsSafe() async {
        let pieces = ["{{", "}}", "{{{", "}}}", "#", "^", "/", "&", ">", "<", "$", "!", "=", "%", ".", "a", "main", "part",
                      "words", "page", "(", ")", " ", "\n", "\r\n", "|", "é", "*", "{{>part}}", "{{<main}}", "{{$a}}", "{{/a}}"]
        let text = Gen.int(in: 0..<pieces.count).array(of: 0...24).map { $0.map { pieces[$0] }.joined() }
        await propertyCheck(count: 3000, input: text, text) { main, part in
            var library = MustacheLibrary()
            for (name, source) in ["main": main, "part": part] {
                guard let template = try? MustacheTemplate(source) else { return }
                library.register(template, named: name)
            }
            do {
                _ = try library.render("main", Self.data.value)
            } catch {
                #expect(error is MustacheRenderError)
            }
        }
    }
}

