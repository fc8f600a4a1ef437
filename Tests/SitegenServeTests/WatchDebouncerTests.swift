import Testing
@testable import SitegenServe

@Suite("Watch debouncer")
struct WatchDebouncerTests {
    let start = ContinuousClock.now

    func at(_ milliseconds: Int) -> ContinuousClock.Instant {
        start + .milliseconds(milliseconds)
    }

    @Test("a batch is due a quiet period after the last change")
    func quietPeriod() {
        var debouncer = Debouncer(quietPeriod: .milliseconds(20), maxDelay: .milliseconds(200))
        #expect(debouncer.deadline == nil)
        debouncer.add(["a"], at: at(0))
        debouncer.add(["b"], at: at(10))
        #expect(debouncer.deadline == at(30))
        #expect(debouncer.flush(at: at(29)) == nil)
        #expect(debouncer.flush(at: at(30)) == ["a", "b"])
        #expect(debouncer.deadline == nil)
        #expect(debouncer.flush(at: at(100)) == nil)
    }

    @Test("a continuous burst is cut at the maximum delay")
    func cap() {
        var debouncer = Debouncer(quietPeriod: .milliseconds(20), maxDelay: .milliseconds(200))
        for time in stride(from: 0, through: 190, by: 10) { debouncer.add(["p\(time)"], at: at(time)) }
        #expect(debouncer.deadline == at(200))
        #expect(debouncer.flush(at: at(200))?.count == 20)
        debouncer.add(["late"], at: at(205))
        #expect(debouncer.deadline == at(225))
    }

    @Test("while a file is being written the batch waits for it, up to the maximum delay")
    func writers() {
        var debouncer = Debouncer(quietPeriod: .milliseconds(20), maxDelay: .milliseconds(200))
        debouncer.add(["a"], at: at(0))
        debouncer.awaitsWriters = true
        #expect(debouncer.deadline == at(200))
        #expect(debouncer.flush(at: at(100)) == nil)
        debouncer.add(["a"], at: at(120))
        debouncer.awaitsWriters = false
        #expect(debouncer.deadline == at(140))
    }

    @Test("an empty change starts nothing")
    func empty() {
        var debouncer = Debouncer(quietPeriod: .milliseconds(20), maxDelay: .milliseconds(200))
        debouncer.add([], at: at(0))
        #expect(debouncer.deadline == nil)
    }

    @Test("poll timeouts round up to whole milliseconds")
    func timeouts() {
        #expect(WatchLoop.milliseconds(from: at(0), to: nil) == -1)
        #expect(WatchLoop.milliseconds(from: at(5), to: at(0)) == 0)
        #expect(WatchLoop.milliseconds(from: at(0), to: at(20)) == 20)
        #expect(WatchLoop.milliseconds(from: at(0), to: at(20) + .microseconds(1)) == 21)
    }
}
