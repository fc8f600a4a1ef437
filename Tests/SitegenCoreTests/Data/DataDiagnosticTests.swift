import Testing
@testable import SitegenCore

/// Broken data files and embeds: each fails the build with the exact file, line, column and message.
@Suite("Diagnostics for data files and embeds")
struct DataDiagnosticTests {
    private func errors(_ files: [String: String]) async -> [String] {
        await TestSite.failure(files).filter { $0.severity == .error }.map(\.summary)
    }

    private func comparison(replacing old: String, with new: String) -> String {
        let text = DataFixtures.comparison.replacingOccurrences(of: old, with: new)
        #expect(text != DataFixtures.comparison, "the fixture has no '\(old)'")
        return text
    }

    private func decision(replacing old: String, with new: String) -> String {
        let text = DataFixtures.decision.replacingOccurrences(of: old, with: new)
        #expect(text != DataFixtures.decision, "the fixture has no '\(old)'")
        return text
    }

    @Test("a missing cell names the criterion and the option")
    func missingCell() async {
        let site = DataFixtures.site(comparison: comparison(replacing: "values: {cloud: 4, own: 2.5}", with: "values: {cloud: 4}"))
        #expect(await errors(site) == [
            "content/data/comparisons/hosting.yaml:16:5: error: criterion 'Speed' has no value for option 'own' (add one, or set 'missing: allowed')",
        ])
    }

    @Test("a rating out of range")
    func badRating() async {
        let site = DataFixtures.site(comparison: comparison(replacing: "own: 2.5}", with: "own: 7}"))
        #expect(await errors(site) == [
            "content/data/comparisons/hosting.yaml:16:29: error: the value of 'own' for 'Speed' must be a rating from 0 to 5 in steps of 0.5, found 7",
        ])
    }

    @Test("a value of the wrong kind")
    func wrongKind() async {
        let site = DataFixtures.site(comparison: comparison(replacing: "cloud: yes", with: "cloud: maybe"))
        #expect(await errors(site) == [
            "content/data/comparisons/hosting.yaml:20:14: error: the value of 'cloud' for 'Backups' must be yes, no or partial, found the text 'maybe'",
        ])
    }

    @Test("an unknown option id in a row")
    func unknownOption() async {
        let site = DataFixtures.site(comparison: comparison(replacing: "values: {cloud: 120, own: 35}", with: "values: {cloud: 120, own: 35, owm: 3}"))
        #expect(await errors(site) == [
            "content/data/comparisons/hosting.yaml:26:35: error: unknown option 'owm' in criterion 'Latency' (options: cloud, own); did you mean 'own'?",
        ])
    }

    @Test("duplicate option and criterion ids")
    func duplicateIDs() async {
        var text = comparison(replacing: "  - id: own\n    name: Own servers", with: "  - id: cloud\n    name: Own servers")
        text = text.replacingOccurrences(of: "  - name: Latency", with: "  - name: Speed")
        let found = await errors(DataFixtures.site(comparison: text))
        #expect(found.contains("content/data/comparisons/hosting.yaml:10:9: error: duplicate option id 'cloud' (first used on line 7)"))
        #expect(found.contains("content/data/comparisons/hosting.yaml:22:5: error: duplicate criterion id 'speed' (first used on line 13)"))
    }

    @Test("an unknown kind and a 'better' that does not fit")
    func unknownKind() async {
        var text = comparison(replacing: "kind: rating", with: "kind: ratin")
        text = text.replacingOccurrences(of: "kind: number\n    unit: ms\n    better: lower", with: "kind: number\n    unit: ms\n    better: yes")
        #expect(await errors(DataFixtures.site(comparison: text)) == [
            "content/data/comparisons/hosting.yaml:14:11: error: unknown kind 'ratin': use rating, yes-no, number or text; did you mean 'rating'?",
            "content/data/comparisons/hosting.yaml:25:13: error: 'better: yes' does not fit a number criterion (use higher or lower)",
        ])
    }

    @Test("an unknown top-level key is an error with a suggestion")
    func unknownKey() async {
        let site = DataFixtures.site(comparison: comparison(replacing: "criteria:", with: "critera:"))
        let found = await errors(site)
        #expect(found.contains("content/data/comparisons/hosting.yaml:12:1: error: unknown key 'critera'; did you mean 'criteria'?"))
        #expect(found.contains("content/data/comparisons/hosting.yaml:1:1: error: missing 'criteria' (the table's rows)"))
    }

    @Test("a YAML syntax error in a data file")
    func yamlSyntax() async {
        let site = DataFixtures.site(comparison: comparison(replacing: "values: {cloud: 4, own: 2.5}", with: "values: {cloud: 4, own: 2.5"))
        #expect(await errors(site) == [
            "content/data/comparisons/hosting.yaml:17:9: error: YAML syntax error: did not find expected ',' or '}' (while parsing a flow mapping)",
        ])
    }

    @Test("an unknown outcome in the scores")
    func unknownOutcomeInScores() async {
        let site = DataFixtures.site(decision: decision(replacing: "scores: {own: 2}", with: "scores: {owm: 2}"))
        let found = await errors(site)
        #expect(found.first == "content/data/decisions/where.yaml:20:18: error: unknown outcome 'owm' in the scores of question 'team' (outcomes: cloud, own); did you mean 'own'?")
    }

    @Test("rules that name an unknown outcome, question or answer")
    func badRules() async {
        let site = DataFixtures.site(decision: decision(
            replacing: "  - when: {data: must-stay}\n    rule_out: cloud",
            with: "  - when: {data: must-sty, budget: low}\n    rule_out: [clod]"))
        #expect(await errors(site) == [
            "content/data/decisions/where.yaml:32:18: error: question 'data' has no answer 'must-sty' (answers: may-leave, must-stay); did you mean 'must-stay'?",
            "content/data/decisions/where.yaml:32:28: error: unknown question 'budget' in a rule (questions: team, data)",
            "content/data/decisions/where.yaml:33:16: error: unknown outcome 'clod' in a rule (outcomes: cloud, own); did you mean 'cloud'?",
        ])
    }

    @Test("duplicate ids in a decision")
    func duplicateDecisionIDs() async {
        let site = DataFixtures.site(decision: decision(replacing: "  - id: data\n", with: "  - id: team\n"))
        #expect(await errors(site).first == "content/data/decisions/where.yaml:21:9: error: duplicate question id 'team' (first used on line 12)")
    }

    @Test("an outcome no answers can reach")
    func unreachableOutcome() async {
        let site = DataFixtures.site(decision: decision(replacing: "scores: {own: 2}", with: "scores: {cloud: 3}")
            .replacingOccurrences(of: "scores: {own: 1}", with: "scores: {cloud: 1}")
            .replacingOccurrences(of: "rules:\n  - when: {data: must-stay}\n    rule_out: cloud\n    reason: The data must stay here.\n", with: ""))
        #expect(await errors(site) == [
            "content/data/decisions/where.yaml:8:9: error: outcome 'own' is never recommended: no combination of answers gives it the highest score without a rule ruling it out",
        ])
    }

    @Test("an unknown comparison id in an article points at the id")
    func unknownTableID() async {
        let site = DataFixtures.site(body: "Text.\n\n```comparison hostin\n```\n")
        #expect(await errors(site) == [
            "content/a.md:7:15: error: unknown comparison 'hostin': no content/data/comparisons/hostin.yaml; did you mean 'hosting'?",
        ])
    }

    @Test("an unknown decision id and an unknown option in an embed's settings")
    func unknownEmbedSettings() async {
        let body = "```comparison hosting\noptions: own, clowd\ncolumns: x\n```\n\n```decision-helper were\n```\n"
        #expect(await errors(DataFixtures.site(body: body)) == [
            "content/a.md:6:15: error: comparison 'hosting' has no option 'clowd' (cloud, own); did you mean 'cloud'?",
            "content/a.md:7:1: error: unknown setting 'columns': use options or criteria",
            "content/a.md:10:20: error: unknown decision helper 'were': no content/data/decisions/were.yaml; did you mean 'where'?",
        ])
    }

    @Test("a CSV row without a value and a CSV quote left open")
    func csvProblems() async {
        var site = DataFixtures.site(body: "```comparison tools\n```\n")
        site["content/data/comparisons/tools.csv"] = "criterion,kind,A,B\nSpeed,rating,4,\nNotes,text,\"open,x\n"
        #expect(await errors(site) == ["content/data/comparisons/tools.csv:3:12: error: unclosed quote: this field has no closing \""])
        site["content/data/comparisons/tools.csv"] = "criterion,kind,A,B\nSpeed,rating,4,\nFree,,yes,\"no\"\n"
        #expect(await errors(site) == ["content/data/comparisons/tools.csv:2:16: error: criterion 'Speed' has no value for option 'B' (add one, or put 'allowed' in a 'missing' column)"])
    }

    @Test("options_from: a missing fact and a bad fact are reported in the article")
    func factProblems() async {
        let comparison = "title: Models\noptions_from: {tag: models}\ncriteria:\n  - {id: size, name: Size, kind: number}\n  - {id: open, name: Open, kind: yes-no}\n"
        let site = [
            "content/data/comparisons/models.yaml": comparison,
            "content/m1.md": TestSite.article("M1", extra: "tags: [models]\nfacts:\n  size: 7\n  open: sometimes"),
            "content/m2.md": TestSite.article("M2", extra: "tags: [models]\nfacts: {open: yes}"),
        ]
        #expect(await errors(site) == [
            "content/m1.md:7:9: error: fact 'open' must be yes, no or partial, found the text 'sometimes' (comparison 'models' reads it as a yes-no)",
            "content/m2.md:5:1: error: 'facts' has no 'size', which comparison 'models' needs for its row 'Size' (add it, or set 'missing: allowed' on the criterion)",
        ])
    }

    @Test("a data file name that is not an id, and two files with one id")
    func fileIDs() async {
        var site = DataFixtures.site()
        site["content/data/comparisons/My Table.yaml"] = DataFixtures.comparison
        site["content/data/comparisons/hosting.csv"] = "criterion,A\nX,1\n"
        #expect(await errors(site) == [
            "content/data/comparisons/My Table.yaml: error: the file name 'My Table' is the data's id: use lowercase letters, digits, '-' and '_'",
            "content/data/comparisons/hosting.yaml: error: duplicate id 'hosting': content/data/comparisons/hosting.csv has it too",
        ])
    }

    @Test("an embed linking to a #fragment that is no heading of the page is a warning")
    func brokenFragment() async throws {
        let site = try await TestSite.build(DataFixtures.site(body: "## Cloud\n\n```decision-helper where\n```\n"))
        #expect(site.warnings.isEmpty)
        let broken = try await TestSite.build(DataFixtures.site(body: "## Elsewhere\n\n```decision-helper where\n```\n"))
        #expect(broken.warnings == ["content/a.md:7:20: warning: decision helper 'where' links to '#cloud', which is not a heading on this page"])
    }

    @Test("a decision helper may not be called 'schema'")
    func reservedID() async {
        var site = DataFixtures.site(body: "Text.")
        site["content/data/decisions/schema.yaml"] = DataFixtures.decision
        #expect(await errors(site) == [
            "content/data/decisions/schema.yaml: error: the id 'schema' is taken: /data/decision-helper/schema.json is the format's JSON Schema",
        ])
    }
}
