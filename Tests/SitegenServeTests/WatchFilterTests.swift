import Testing
@testable import SitegenServe

@Suite("Watch filter")
struct WatchFilterTests {
    let filter = WatchFilter(configPath: "sitegen.yaml", outputPath: "public/_site")

    @Test("editor swap, backup, lock and temporary files are leftovers", arguments: [
        ".x.md.swp", "x.md.swp", "x.swx", ".x.md.swo", ".x.md.swn", "x.md~", "4913", ".#x.md", "#x.md#",
        "x.md.tmp", ".x.md.tmp", ".DS_Store", ".~lock.x.odt#", "x.md.kate-swp", "x.md___jb_tmp___",
        ".goutputstream-ABC123",
    ])
    func leftovers(name: String) {
        #expect(WatchFilter.isEditorLeftover(name))
        #expect(!filter.includes("content/blog/" + name, isDirectory: false))
    }

    @Test("ordinary names are not leftovers", arguments: [
        "x.md", "swap.md", "x.sw", "4914", "#tag.md", "x.swpx", "notes~.md", "index.html", "tmp.md",
    ])
    func ordinaryNames(name: String) {
        #expect(!WatchFilter.isEditorLeftover(name))
        #expect(filter.includes("content/" + name, isDirectory: false))
    }

    @Test("the three site folders and the config file are watched, nothing else")
    func scope() {
        #expect(filter.includes("content/blog/x.md", isDirectory: false))
        #expect(filter.includes("templates/article.mustache", isDirectory: false))
        #expect(filter.includes("public/img/a.png", isDirectory: false))
        #expect(filter.includes("content", isDirectory: true))
        #expect(filter.includes("sitegen.yaml", isDirectory: false))
        #expect(!filter.includes("sitegen.yaml", isDirectory: true))
        #expect(!filter.includes("README.md", isDirectory: false))
        #expect(!filter.includes("dist/index.html", isDirectory: false))
        #expect(!filter.includes("contents/x.md", isDirectory: false))
        #expect(!filter.includes(".git/index", isDirectory: false))
    }

    @Test("hidden names: skipped in content and templates, kept in public except tool folders")
    func hidden() {
        #expect(!filter.includes("content/.git", isDirectory: true))
        #expect(!filter.includes("content/.drafts/x.md", isDirectory: false))
        #expect(!filter.includes("templates/.hidden.mustache", isDirectory: false))
        #expect(filter.includes("public/.well-known/security.txt", isDirectory: false))
        #expect(filter.includes("public/.htaccess", isDirectory: false))
        #expect(!filter.includes("public/.git/HEAD", isDirectory: false))
        #expect(!filter.includes("public/.build-x/a", isDirectory: false))
        #expect(!filter.includes("public/.sitegen/OUTPUT", isDirectory: false))
    }

    @Test("nothing under the output folder")
    func output() {
        #expect(!filter.includes("public/_site", isDirectory: true))
        #expect(!filter.includes("public/_site/index.html", isDirectory: false))
        #expect(filter.includes("public/_site.txt", isDirectory: false))
    }

    @Test("the config file's folder")
    func configFolder() {
        #expect(filter.configFolder == "")
        #expect(WatchFilter(configPath: "config/site.yaml", outputPath: nil).configFolder == "config")
        #expect(WatchFilter(configPath: "/etc/site/site.yaml", outputPath: nil).configFolder == "/etc/site")
        let outside = WatchFilter(configPath: "/etc/site/site.yaml", outputPath: nil)
        #expect(outside.includes("/etc/site/site.yaml", isDirectory: false))
        #expect(!outside.includes("/etc/site/other.yaml", isDirectory: false))
    }
}
