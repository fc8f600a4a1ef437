/// The client side of live reload, served at `/__sitegen/live.js`: listens to `/__sitegen/events`, reloads
/// the page on `reload` (keeping the scroll position) or when it (re)connects and finds the page's entity
/// tag changed, and shows the build's problems in an overlay on
/// `failed` or when `/__sitegen/status` says the site is failing.
enum LiveReloadScript {
    static let source = #"""
    // sitegen serve: live reload and build-failure overlay.
    (function () {
      "use strict";
      var scrollKey = "sitegen-scroll:" + location.pathname;
      // The SHA-256 of the page as served; its entity tag now says whether it is still current.
      var ownSHA = document.currentScript ? document.currentScript.getAttribute("data-sha256") : null;
      var overlay = null;
      var lastFocus = null;

      function storage() {
        try { return window.sessionStorage; } catch (error) { return null; }
      }

      function restoreScroll() {
        var store = storage();
        if (!store) { return; }
        var saved = null;
        try { saved = store.getItem(scrollKey); store.removeItem(scrollKey); } catch (error) { return; }
        var y = saved === null ? NaN : Number(saved);
        if (!isFinite(y)) { return; }
        // "instant": a theme's `scroll-behavior: smooth` would otherwise animate from the top after every reload.
        var restore = function () { window.scrollTo({ top: y, left: 0, behavior: "instant" }); };
        if (document.readyState === "complete") { restore(); } else { window.addEventListener("load", restore, { once: true }); }
      }

      function reload() {
        var store = storage();
        if (store) {
          try { store.setItem(scrollKey, String(window.scrollY || window.pageYOffset || 0)); } catch (error) { }
          // The script restores the position itself; the browser's own restore would fight it.
          try { history.scrollRestoration = "manual"; } catch (error) { }
        }
        location.reload();
      }

      function element(tag, text, style) {
        var node = document.createElement(tag);
        if (text !== undefined && text !== null) { node.textContent = String(text); }
        if (style) { for (var key in style) { node.style[key] = style[key]; } }
        return node;
      }

      function place(diagnostic) {
        var place = diagnostic.file || "site";
        if (diagnostic.line !== null && diagnostic.line !== undefined) {
          place += ":" + diagnostic.line;
          if (diagnostic.column !== null && diagnostic.column !== undefined) { place += ":" + diagnostic.column; }
        }
        return place;
      }

      function onKey(event) {
        if (event.key === "Escape" || event.key === "Esc") { hide(); }
      }

      function hide() {
        if (!overlay) { return; }
        overlay.remove();
        overlay = null;
        document.removeEventListener("keydown", onKey);
        if (lastFocus && typeof lastFocus.focus === "function") {
          try { lastFocus.focus({ preventScroll: true }); } catch (error) { }
        }
        lastFocus = null;
      }

      function show(diagnostics) {
        if (!document.body) {
          document.addEventListener("DOMContentLoaded", function () { show(diagnostics); }, { once: true });
          return;
        }
        var previousFocus = overlay ? lastFocus : document.activeElement;
        hide();
        lastFocus = previousFocus;
        var panel = element("div", null, {
          position: "fixed", top: "0", left: "0", right: "0", maxHeight: "70vh", overflow: "auto",
          zIndex: "2147483647", boxSizing: "border-box", padding: "1rem 1.25rem", margin: "0",
          background: "#1d1f24", color: "#f4f4f5", borderBottom: "4px solid #e5484d",
          font: "15px/1.5 system-ui, -apple-system, Segoe UI, sans-serif", textAlign: "left",
          boxShadow: "0 4px 24px rgba(0, 0, 0, 0.4)"
        });
        panel.id = "sitegen-build-failed";
        panel.setAttribute("role", "alertdialog");
        panel.setAttribute("aria-live", "assertive");
        panel.setAttribute("aria-modal", "false");
        panel.setAttribute("aria-labelledby", "sitegen-build-failed-title");
        var header = element("div", null, { display: "flex", alignItems: "flex-start", gap: "1rem", justifyContent: "space-between" });
        var title = element("h2", "Build failed \u2014 showing the last good version", {
          margin: "0 0 0.75rem", font: "600 1.1rem/1.3 system-ui, -apple-system, Segoe UI, sans-serif", color: "#ffffff"
        });
        title.id = "sitegen-build-failed-title";
        var close = element("button", "Close", {
          font: "inherit", color: "#1d1f24", background: "#f4f4f5", border: "2px solid #f4f4f5",
          borderRadius: "4px", padding: "0.15rem 0.75rem", cursor: "pointer", flex: "none"
        });
        close.type = "button";
        close.setAttribute("aria-label", "Close the build failure message (Escape)");
        close.addEventListener("click", hide);
        header.appendChild(title);
        header.appendChild(close);
        panel.appendChild(header);
        var list = element("ol", null, { margin: "0", padding: "0", listStyle: "none" });
        (diagnostics.length ? diagnostics : [{ severity: "error", message: "The build failed." }]).forEach(function (diagnostic) {
          var item = element("li", null, { margin: "0 0 0.75rem", padding: "0" });
          var line = element("p", null, { margin: "0" });
          line.appendChild(element("code", place(diagnostic), { color: "#a5d6ff", font: "14px/1.5 ui-monospace, SFMono-Regular, Menlo, monospace" }));
          line.appendChild(document.createTextNode(" "));
          var severity = diagnostic.severity === "warning" ? "warning" : "error";
          line.appendChild(element("strong", severity, { color: severity === "error" ? "#ff9592" : "#ffe066" }));
          line.appendChild(document.createTextNode(": " + (diagnostic.message || "")));
          item.appendChild(line);
          if (diagnostic.source_line) {
            item.appendChild(element("pre", diagnostic.source_line, {
              margin: "0.25rem 0 0", padding: "0.5rem 0.75rem", overflowX: "auto", whiteSpace: "pre",
              background: "#111215", color: "#f4f4f5", borderRadius: "4px",
              font: "14px/1.4 ui-monospace, SFMono-Regular, Menlo, monospace"
            }));
          }
          list.appendChild(item);
        });
        panel.appendChild(list);
        document.body.appendChild(panel);
        overlay = panel;
        document.addEventListener("keydown", onKey);
        try { close.focus({ preventScroll: true }); } catch (error) { }
      }

      function diagnosticsOf(text) {
        try {
          var data = JSON.parse(text);
          return data && Array.isArray(data.diagnostics) ? data.diagnostics : [];
        } catch (error) {
          return [];
        }
      }

      restoreScroll();

      if (typeof window.fetch === "function") {
        window.fetch("/__sitegen/status", { cache: "no-store" })
          .then(function (response) { return response.ok ? response.text() : null; })
          .then(function (text) {
            if (text === null) { return; }
            var status = null;
            try { status = JSON.parse(text); } catch (error) { return; }
            if (status && status.ok === false) { show(diagnosticsOf(text)); }
          })
          .catch(function () { });
      }

      // A reload event sent while this page was loading, or while it sat in the back-forward cache, never
      // reached it: on every (re)connection, ask whether the page is still the one served now.
      function reloadIfStale() {
        if (!ownSHA || typeof window.fetch !== "function") { return; }
        window.fetch(location.href, { method: "HEAD", cache: "no-store" })
          .then(function (response) {
            var tag = response.headers.get("ETag");
            if (tag && tag.indexOf(ownSHA) === -1) { reload(); }
          })
          .catch(function () { });
      }

      // EventSource reconnects by itself; it is closed while the page is hidden in the back-forward cache.
      var source = null;
      function connect() {
        if (typeof window.EventSource !== "function" || source) { return; }
        source = new EventSource("/__sitegen/events");
        source.addEventListener("hello", reloadIfStale);
        // A connection that could not be made at all is closed for good; try again (then `hello` checks
        // whether this page went stale in the meantime).
        source.addEventListener("error", function () {
          if (source && source.readyState === 2) {
            source.close();
            source = null;
            window.setTimeout(connect, 1000);
          }
        });
        source.addEventListener("reload", reload);
        source.addEventListener("failed", function (event) { show(diagnosticsOf(event.data)); });
      }
      window.addEventListener("pagehide", function () {
        if (source) { source.close(); source = null; }
      });
      window.addEventListener("pageshow", function (event) {
        if (event.persisted) { connect(); }
      });
      connect();
    })();

    """#
}
