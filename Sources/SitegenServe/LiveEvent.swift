import SitegenCore

/// What the preview server tells open pages over Server-Sent Events (`/__sitegen/events`).
public enum LiveEvent: Sendable, Equatable {
    /// A rebuild succeeded: every open page reloads; `changed` holds the site paths whose bytes changed
    /// (`/blog/x/`, `/assets/site.css`), so a page can tell whether its own content changed.
    case reload(changed: [String])
    /// A rebuild failed: the last good site is still served and pages show these problems in an overlay.
    case failed([Diagnostic])
}
