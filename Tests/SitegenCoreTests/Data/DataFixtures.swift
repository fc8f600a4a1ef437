/// Small data files shared by the data tests.
enum DataFixtures {
    static let comparison = """
        title: Hosting
        caption: Where to run it.
        sources:
          - title: A survey
            url: https://example.org/survey
        options:
          - id: cloud
            name: Cloud
            link: /blog/cloud/
          - id: own
            name: Own servers
        criteria:
          - name: Speed
            kind: rating
            better: higher
            values: {cloud: 4, own: 2.5}
          - name: Backups
            kind: yes-no
            values:
              cloud: yes
              own: {value: partial, note: Only nightly.}
          - name: Latency
            kind: number
            unit: ms
            better: lower
            values: {cloud: 120, own: 35}
          - name: Licence
            kind: text
            missing: allowed
            values: {cloud: Proprietary}

        """

    static let decision = """
        title: Where to host?
        intro: Two questions.
        outcomes:
          - id: cloud
            title: The cloud
            summary: Someone else runs it.
            link: "#cloud"
          - id: own
            title: Your own servers
            summary: You run it.
        questions:
          - id: team
            text: Do you have an ops team?
            answers:
              - id: "no"
                label: "No"
                scores: {cloud: 2}
              - id: "yes"
                label: "Yes"
                scores: {own: 2}
          - id: data
            text: May data leave the building?
            help: Think of the law.
            answers:
              - id: may-leave
                label: It may leave
                scores: {cloud: 1}
              - id: must-stay
                label: It must stay
                scores: {own: 1}
        rules:
          - when: {data: must-stay}
            rule_out: cloud
            reason: The data must stay here.

        """

    /// A site with the fixtures and one article embedding both.
    static func site(comparison: String = comparison, decision: String = decision, body: String? = nil) -> [String: String] {
        let embed = body ?? "Intro.\n\n```comparison hosting\n```\n\n```decision-helper where\n```\n"
        return [
            "content/data/comparisons/hosting.yaml": comparison,
            "content/data/decisions/where.yaml": decision,
            "content/a.md": TestSite.article("A", body: embed),
        ]
    }
}
