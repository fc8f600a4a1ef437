import Foundation
import Glibc
import Testing
@testable import SitegenServe

@Suite("Watch inotify")
struct WatchInotifyTests {
    @Test("records are split with their names, padding dropped")
    func parse() {
        var bytes: [UInt8] = []
        func append(watch: Int32, mask: UInt32, cookie: UInt32, name: String, length: Int) {
            withUnsafeBytes(of: watch.littleEndian) { bytes += $0 }
            withUnsafeBytes(of: mask.littleEndian) { bytes += $0 }
            withUnsafeBytes(of: cookie.littleEndian) { bytes += $0 }
            withUnsafeBytes(of: UInt32(length).littleEndian) { bytes += $0 }
            bytes += Array(name.utf8) + Array(repeating: 0, count: length - name.utf8.count)
        }
        append(watch: 1, mask: UInt32(IN_CREATE), cookie: 0, name: "x.md", length: 16)
        append(watch: 2, mask: UInt32(IN_MOVED_TO | IN_ISDIR), cookie: 7, name: "posts", length: 16)
        append(watch: -1, mask: UInt32(IN_Q_OVERFLOW), cookie: 0, name: "", length: 0)
        let events = bytes.withUnsafeBytes { InotifyEvent.parse($0) }
        #expect(events == [
            InotifyEvent(watch: 1, mask: UInt32(IN_CREATE), cookie: 0, name: "x.md"),
            InotifyEvent(watch: 2, mask: UInt32(IN_MOVED_TO | IN_ISDIR), cookie: 7, name: "posts"),
            InotifyEvent(watch: -1, mask: UInt32(IN_Q_OVERFLOW), cookie: 0, name: ""),
        ])
    }

    @Test("an overflow reports every file known before and found now, and watching goes on")
    func overflow() throws {
        let site = try WatchTestSite(files: ["content/a.md", "content/blog/b.md", "templates/t.mustache"])
        defer { site.delete() }
        let filter = WatchFilter(configPath: "sitegen.yaml", outputPath: "dist")
        var watcher = try InotifyWatcher(scanner: DirectoryScanner(root: site.root.path, filter: filter))
        defer { watcher.close() }
        #expect(watcher.knownFiles == ["content/a.md", "content/blog/b.md", "templates/t.mustache"])
        #expect(watcher.watchedFolders == ["", "content", "content/blog", "templates"])

        try site.remove("content/a.md")
        try site.write("public/new.txt", createFolders: true)
        let overflow = InotifyEvent(watch: -1, mask: UInt32(IN_Q_OVERFLOW), cookie: 0, name: "")
        let reported = try watcher.apply([overflow])
        #expect(reported == ["content/a.md", "content/blog/b.md", "templates/t.mustache", "public/new.txt"])
        #expect(watcher.knownFiles == ["content/blog/b.md", "templates/t.mustache", "public/new.txt"])

        _ = try watcher.readEvents()  // what was queued on the old watches
        try site.write("content/blog/b.md")
        #expect(try watcher.readEvents() == ["content/blog/b.md"])
    }

    @Test("a folder renamed away loses its watches; under its new name it is watched again")
    func renamedFolderWatches() throws {
        let site = try WatchTestSite(files: ["content/drafts/sub/a.md"])
        defer { site.delete() }
        let filter = WatchFilter(configPath: "sitegen.yaml", outputPath: "dist")
        var watcher = try InotifyWatcher(scanner: DirectoryScanner(root: site.root.path, filter: filter))
        defer { watcher.close() }
        try site.rename("content/drafts", to: "content/posts")
        #expect(try watcher.readEvents() == ["content/drafts/sub/a.md", "content/posts/sub/a.md"])
        #expect(watcher.watchedFolders == ["", "content", "content/posts", "content/posts/sub"])
        try site.write("content/posts/sub/a.md")
        #expect(try watcher.readEvents() == ["content/posts/sub/a.md"])
    }

    @Test("a file modified and not yet closed is being written until it is closed")
    func writers() throws {
        let site = try WatchTestSite(files: ["content/x.md"])
        defer { site.delete() }
        let filter = WatchFilter(configPath: "sitegen.yaml", outputPath: "dist")
        var watcher = try InotifyWatcher(scanner: DirectoryScanner(root: site.root.path, filter: filter))
        defer { watcher.close() }
        let start = ContinuousClock.now
        let handle = try FileHandle(forWritingTo: site.url("content/x.md"))
        try handle.write(contentsOf: Data("half".utf8))
        #expect(try watcher.readEvents(at: start) == ["content/x.md"])
        let writing = watcher.hasWriters(at: start, maxAge: .milliseconds(200))
        #expect(writing)
        try handle.close()
        #expect(try watcher.readEvents(at: start) == ["content/x.md"])
        let stillWriting = watcher.hasWriters(at: start, maxAge: .milliseconds(200))
        #expect(!stillWriting)

        try site.write(".x.md.swp")  // outside the site folders: no writer
        try site.write("content/.x.md.swp")
        let handle2 = try FileHandle(forWritingTo: site.url("content/x.md"))
        try handle2.write(contentsOf: Data("never closed".utf8))
        defer { try? handle2.close() }
        _ = try watcher.readEvents(at: start)
        let recentWriter = watcher.hasWriters(at: start + .milliseconds(199), maxAge: .milliseconds(200))
        #expect(recentWriter)
        let expiredWriter = watcher.hasWriters(at: start + .milliseconds(200), maxAge: .milliseconds(200))
        #expect(!expiredWriter)
    }

    @Test("a new folder is listed after its watch is added: files written before the event is read are reported")
    func newFolderScanned() throws {
        let site = try WatchTestSite(files: ["content/x.md"])
        defer { site.delete() }
        let filter = WatchFilter(configPath: "sitegen.yaml", outputPath: "dist")
        var watcher = try InotifyWatcher(scanner: DirectoryScanner(root: site.root.path, filter: filter))
        defer { watcher.close() }
        try site.write("content/new/sub/b.md", createFolders: true)
        try site.write("content/new/a.md")
        try site.write("content/new/.a.md.swp")
        #expect(try watcher.readEvents() == ["content/new/a.md", "content/new/sub/b.md"])
        try site.write("content/new/sub/c.md")
        #expect(try watcher.readEvents() == ["content/new/sub/c.md"])
    }
}
