#!/usr/bin/env python3
"""End-to-end test of `sitegen serve` live reload in a real (headless) Chromium.

Usage: python3 Tests/Browser/serve_reload_test.py SITEGEN_BINARY SITE_DIR

SITE_DIR is a site folder (the repository root works). Its content/, templates/, public/ and sitegen.yaml
are copied into a temporary folder, which `SITEGEN_BINARY serve --source TMP --port 0` serves; the
repository's own files are never touched. The script opens /blog/open-source-vs-proprietary-ai-models/,
scrolls down, and then, without navigating, edits the article's Markdown the way editors save (write a
temporary file, rename it over the original):

  1. a sentence of the first paragraph changes: the page reloads by itself (a marker set on `window`
     is gone), shows the new sentence and keeps its scroll position;
  2. the front matter gets an invalid date (and another sentence changes): the page does not reload, an
     overlay (role="alertdialog") names the file, line and message, and the page behind it is still the
     last good version; a page opened while the build is broken (/ in a second tab) shows the overlay too;
  3. the date is fixed: the pages reload, the overlay is gone and the article shows the fixed text.
  4. with the event stream blocked (DevTools), the article changes and the page misses the reload event;
     when the stream is unblocked and connects, the page finds its entity tag stale and reloads.

Also checks that serve never writes dist/ and that the browser console has no SEVERE entries.
Prints one PASS/FAIL line per check (INFO lines carry timings, for information only); exits 1 if any
check fails. Needs selenium, chromium, chromedriver.
"""

import argparse
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid

from selenium.common.exceptions import TimeoutException, WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from browser_support import Report, check_console, make_driver  # noqa: E402

ARTICLE = "/blog/open-source-vs-proprietary-ai-models/"
ARTICLE_FILE = "content/blog/open-source-vs-proprietary-ai-models.md"
# A sentence of the article's first paragraph, replaced in step 1 and again in step 2.
SENTENCE = "This is not merely a technical distinction."
GOOD_DATE = 'date: "2026-03-16"'
BAD_DATE = 'date: "someday"'
OVERLAY = '[role="alertdialog"]'
OVERLAY_TITLE = "Build failed \u2014 showing the last good version"
SITE_PARTS = ("content", "templates", "public", "sitegen.yaml")
SCROLL_TO = 1500
SCROLL_SLACK = 5      # px
WAIT = 10             # s, for every change the page must show by itself
STARTUP_WAIT = 120    # s, for the first build and the "Serving" line



class ServerDied(Exception):
    pass


class Server:
    """`sitegen serve` in its own process group; its output is collected for the report."""

    def __init__(self, binary, source, log_path):
        self.log_path = log_path
        self.log = open(log_path, "wb")
        self.process = subprocess.Popen([binary, "serve", "--source", source, "--port", "0"],
                                        stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=self.log,
                                        start_new_session=True)
        self.lines = []
        self.url = None
        self.listening = threading.Event()
        threading.Thread(target=self._read_stdout, daemon=True).start()

    def _read_stdout(self):
        for raw in self.process.stdout:  # keep draining, so the pipe never fills up
            line = raw.decode("utf-8", "replace").rstrip("\n")
            self.lines.append(line)
            match = re.match(r"Serving (http://127\.0\.0\.1:\d+)/? ", line)
            if match and not self.url:
                self.url = match.group(1)
                self.listening.set()
        self.listening.set()  # stdout closed: the process is gone

    def wait_listening(self, timeout):
        self.listening.wait(timeout)
        return self.url

    def alive(self):
        return self.process.poll() is None

    def ensure_alive(self):
        if not self.alive():
            raise ServerDied(f"sitegen serve exited with status {self.process.returncode}")

    def stop(self):
        """Ctrl-C to the whole process group, then SIGKILL if it lingers. Returns the exit status."""
        if self.alive():
            for sig, grace in ((signal.SIGINT, 10), (signal.SIGKILL, 5)):
                try:
                    os.killpg(self.process.pid, sig)
                except ProcessLookupError:
                    break
                try:
                    self.process.wait(grace)
                    break
                except subprocess.TimeoutExpired:
                    continue
        else:
            # The server is gone, but anything it started in its group must not outlive the test.
            try:
                os.killpg(self.process.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
        self.log.close()
        return self.process.returncode

    def output(self):
        with open(self.log_path, encoding="utf-8", errors="replace") as handle:
            return "\n".join(self.lines) + "\n" + handle.read()




def wait_for(driver, server, condition, timeout=WAIT):
    """The condition's truthy value, or None after timeout. JavaScript errors while the page is being
    replaced count as "not yet"; the server dying ends the wait at once (ServerDied)."""
    def poll(d):
        server.ensure_alive()
        try:
            return condition(d)
        except WebDriverException:
            return False
    try:
        return WebDriverWait(driver, timeout, poll_frequency=0.05).until(poll)
    except TimeoutException:
        return None


def script(driver, source, *args):
    return driver.execute_script(source, *args)


def page_has(driver, text):
    return script(driver, "return !!document.body && document.readyState !== 'loading' "
                          "&& document.body.textContent.includes(arguments[0]);", text)


def marker(driver):
    return script(driver, "return window.__marker === undefined ? null : window.__marker;")


def scroll_y(driver):
    return script(driver, "return window.scrollY;")


def overlay(driver):
    """The visible overlay element, or None."""
    found = [e for e in driver.find_elements(By.CSS_SELECTOR, OVERLAY) if e.is_displayed()]
    return found[0] if found else None


def text_of(element):
    return " ".join((element.get_attribute("textContent") or "").split())


def save(path, text):
    """As editors save: a temporary file next to the original, renamed over it."""
    folder, name = os.path.split(path)
    temporary = os.path.join(folder, f".{name}.{uuid.uuid4().hex[:8]}.tmp")
    with open(temporary, "w", encoding="utf-8") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)


def read(path):
    with open(path, encoding="utf-8") as handle:
        return handle.read()


def wait_page_ready(driver, server):
    """Loaded, and live.js has run (its EventSource is opened while the deferred script runs, before
    DOMContentLoaded). A short pause then lets the EventSource connect before a file is edited."""
    ready = wait_for(driver, server, lambda d: script(
        d, "return document.readyState === 'complete' "
           "&& !!document.querySelector('script[src=\"/__sitegen/live.js\"]');"))
    time.sleep(0.5)
    return ready


def check_scroll_kept(report, driver, server, before, where):
    """scrollY back near `before`. The theme sets `scroll-behavior: smooth` and live.js restores with
    scrollTo(0, y), so the restore may animate: wait for it to settle instead of reading once."""
    first = scroll_y(driver)
    settled = wait_for(driver, server, lambda d: abs(scroll_y(d) - before) <= SCROLL_SLACK, timeout=3)
    time.sleep(0.3)  # where it comes to rest
    now = scroll_y(driver)
    settled = settled and abs(now - before) <= SCROLL_SLACK
    report.check(f"{where}: scroll position kept (within {SCROLL_SLACK} px of {before})", settled,
                 f"scrollY {now} (right after the reload: {first})")
    if settled and abs(first - before) > SCROLL_SLACK:
        report.info(f"{where}: scrollY was {first} right after the reload and reached {now} later "
                    "(the restore scrolls smoothly)")


def run(report, driver, server, base, article_path):
    original = read(article_path)
    lines = original.splitlines()
    report.check(f"site: the article's first paragraph has “{SENTENCE}”", SENTENCE in original)
    report.check(f"site: the article's front matter has {GOOD_DATE}", GOOD_DATE in lines)
    if SENTENCE not in original or GOOD_DATE not in lines:
        return
    token = uuid.uuid4().hex[:10]
    first_text = f"Live reload check {token} one."
    broken_text = f"Live reload check {token} two."

    # --- the page as served ---
    driver.get(base + ARTICLE)
    loaded = wait_page_ready(driver, server)
    report.check("page: article loaded with /__sitegen/live.js", loaded)
    report.check("page: shows the original first paragraph", page_has(driver, SENTENCE))
    report.check("page: no overlay while the build is good", overlay(driver) is None)
    check_console(report, driver, "article on load")
    script(driver, "document.documentElement.style.scrollBehavior = 'auto';"
                   "window.scrollTo({top: arguments[0], behavior: 'instant'});", SCROLL_TO)
    before = scroll_y(driver)
    report.check(f"page: scrolled down to {SCROLL_TO}", abs(before - SCROLL_TO) <= 1, f"scrollY {before}")
    # Chromium restores the scroll position of a reloaded page by itself; switch that off (it sticks to the
    # history entry across reloads) so that the first reload shows live.js's own restore. The fix below
    # reloads with the browser's default ('auto') again.
    script(driver, "history.scrollRestoration = 'manual';")
    script(driver, "window.__marker = 1;")

    # --- 1: an edit reloads the page ---
    edited = original.replace(SENTENCE, first_text, 1)
    started = time.monotonic()
    save(article_path, edited)
    seen = wait_for(driver, server, lambda d: page_has(d, first_text))
    elapsed = time.monotonic() - started
    if not report.check(f"edit: the page shows the new sentence within {WAIT} s, without navigating", seen):
        report.info(f"page text starts: {script(driver, 'return document.body.innerText.slice(0, 300);')!r}")
        return
    report.info(f"edit -> new text seen: {elapsed * 1000:.0f} ms")
    report.check("edit: the page really reloaded (window.__marker is gone)", marker(driver) is None,
                 f"window.__marker = {marker(driver)!r}")
    report.check("edit: the old sentence is gone", not page_has(driver, SENTENCE))
    report.check("edit: still on the article", driver.current_url == base + ARTICLE, driver.current_url)
    check_scroll_kept(report, driver, server, before, "edit (history.scrollRestoration = 'manual')")
    report.check("edit: live.js removed its saved scroll position from sessionStorage",
                 script(driver, "return sessionStorage.getItem('sitegen-scroll:' + location.pathname);") is None)
    report.check("edit: no overlay", overlay(driver) is None)
    # The new page must not keep reloading (e.g. a replayed event on reconnect).
    wait_page_ready(driver, server)
    script(driver, "window.__marker = 2;")
    time.sleep(1.5)
    report.check("edit: the reloaded page stays put (no second reload)", marker(driver) == 2,
                 f"window.__marker = {marker(driver)!r}")
    check_console(report, driver, "article after the edit")

    # --- 2: a broken build shows the overlay over the last good version ---
    script(driver, "document.documentElement.style.scrollBehavior = 'auto'; history.scrollRestoration = 'auto';")
    before = scroll_y(driver)
    broken = edited.replace(first_text, broken_text, 1).replace(GOOD_DATE, BAD_DATE, 1)
    bad_line = broken.splitlines().index(BAD_DATE) + 1
    started = time.monotonic()
    save(article_path, broken)
    shown = wait_for(driver, server, lambda d: overlay(d))
    elapsed = time.monotonic() - started
    if not report.check(f"broken: an overlay ({OVERLAY}) appears within {WAIT} s", shown):
        return
    report.info(f"broken edit -> overlay seen: {elapsed * 1000:.0f} ms")
    check_overlay(report, driver, bad_line, "broken")
    report.check("broken: the page did not reload (window.__marker still set)", marker(driver) == 2,
                 f"window.__marker = {marker(driver)!r}")
    report.check("broken: the page behind shows the last good version (the first edit)",
                 page_has(driver, first_text))
    report.check("broken: the page behind does not show the broken version's text",
                 not page_has(driver, broken_text))
    now = scroll_y(driver)
    report.check("broken: scroll position unchanged", abs(now - before) <= SCROLL_SLACK, f"{before} -> {now}")
    check_console(report, driver, "article while broken")

    # A page opened while the build is broken shows the overlay on load.
    article_window = driver.current_window_handle
    driver.switch_to.new_window("tab")
    home_window = driver.current_window_handle
    driver.get(base + "/")
    wait_page_ready(driver, server)
    report.check("broken, new tab: / loaded (the last good site is served)",
                 driver.find_elements(By.CSS_SELECTOR, "main") and driver.current_url == base + "/",
                 driver.current_url)
    if report.check("broken, new tab: the overlay appears on load", wait_for(driver, server, overlay)):
        check_overlay(report, driver, bad_line, "broken, new tab")
    check_console(report, driver, "/ while broken")
    script(driver, "window.__marker = 3;")

    # --- 3: the fix reloads the pages and the overlay goes ---
    driver.switch_to.window(article_window)
    fixed = broken.replace(BAD_DATE, GOOD_DATE, 1)
    started = time.monotonic()
    save(article_path, fixed)
    seen = wait_for(driver, server, lambda d: page_has(d, broken_text) and overlay(d) is None)
    elapsed = time.monotonic() - started
    if report.check(f"fixed: within {WAIT} s the overlay is gone and the article shows the fixed text", seen,
                    f"overlay {'shown' if overlay(driver) else 'gone'}, "
                    f"fixed text {'shown' if page_has(driver, broken_text) else 'missing'}"):
        report.info(f"fix -> fixed text seen, overlay gone: {elapsed * 1000:.0f} ms")
        report.check("fixed: the page reloaded (window.__marker is gone)", marker(driver) is None,
                     f"window.__marker = {marker(driver)!r}")
        report.check("fixed: the previous text is gone", not page_has(driver, first_text))
        report.check("fixed: the article shows its date again",
                     script(driver, "return !!document.querySelector('time[datetime^=\"2026-03-16\"]');"))
        check_scroll_kept(report, driver, server, before, "fixed (history.scrollRestoration = 'auto')")
        wait_page_ready(driver, server)
        report.check("fixed: the overlay stays gone after load", overlay(driver) is None)
    check_console(report, driver, "article after the fix")
    driver.switch_to.window(home_window)
    report.check("fixed, second tab: / reloaded and its overlay is gone",
                 wait_for(driver, server, lambda d: marker(d) is None and overlay(d) is None),
                 f"window.__marker = {marker(driver)!r}, overlay {'shown' if overlay(driver) else 'gone'}")
    check_console(report, driver, "/ after the fix")

    # --- 4: a page that missed its reload event reloads as soon as it connects ---
    # The event stream is blocked while the page loads and the article changes, as when a save lands
    # while a page is loading or sits in the back-forward cache.
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.setBlockedURLs", {"urls": ["*/__sitegen/events*"]})
    driver.get(base + ARTICLE)
    wait_page_ready(driver, server)
    script(driver, "window.__marker = 4;")
    missed_text = f"Live reload check {token} three."
    save(article_path, fixed.replace(broken_text, missed_text, 1))
    time.sleep(1.5)  # rebuilt by now; the reload event reached no one
    report.check("missed: without its event stream the page still shows the previous text",
                 page_has(driver, broken_text) and marker(driver) == 4, f"window.__marker = {marker(driver)!r}")
    # The blocked stream's own errors are expected; anything else is not.
    unexpected = [e.get("message", "") for e in driver.get_log("browser")
                  if e.get("level") == "SEVERE" and "__sitegen/events" not in e.get("message", "")]
    report.check("missed: no SEVERE console entries but the blocked stream's", not unexpected, "; ".join(unexpected))
    driver.execute_cdp_cmd("Network.setBlockedURLs", {"urls": []})
    seen = wait_for(driver, server, lambda d: page_has(d, missed_text))
    report.check("missed: once the stream connects, the page sees it is stale and reloads",
                 seen and marker(driver) is None, f"window.__marker = {marker(driver)!r}")
    wait_page_ready(driver, server)
    script(driver, "window.__marker = 5;")
    time.sleep(1.5)
    report.check("missed: the current page, connected, does not reload again", marker(driver) == 5,
                 f"window.__marker = {marker(driver)!r}")
    driver.execute_cdp_cmd("Network.disable", {})
    check_console(report, driver, "article after the missed event")


def check_overlay(report, driver, line, where):
    panel = overlay(driver)
    if panel is None:
        report.check(f"{where}: overlay still shown", False)
        return
    text = text_of(panel)
    titles = panel.find_elements(By.CSS_SELECTOR, "#sitegen-build-failed-title")
    report.check(f"{where}: overlay title “{OVERLAY_TITLE}”",
                 titles and text_of(titles[0]) == OVERLAY_TITLE, text_of(titles[0]) if titles else "no title")
    places = re.findall(re.escape(ARTICLE_FILE) + r":(\d+)(?::\d+)?", text)
    report.check(f"{where}: overlay names {ARTICLE_FILE}:{line}", str(line) in places, repr(text))
    report.check(f"{where}: overlay has the message (not a valid date: 'someday')",
                 "not a valid date" in text and "someday" in text, repr(text))
    sources = [text_of(pre) for pre in panel.find_elements(By.TAG_NAME, "pre")]
    report.check(f"{where}: overlay quotes the source line {BAD_DATE}", BAD_DATE in sources, repr(sources))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sitegen", help="the sitegen binary")
    parser.add_argument("site_dir", help="a site folder to copy (content/, templates/, public/, sitegen.yaml)")
    args = parser.parse_args()
    report = Report()
    binary = os.path.abspath(args.sitegen)
    if not report.check(f"sitegen binary {binary} is executable", os.access(binary, os.X_OK)):
        return 1
    work = tempfile.mkdtemp(prefix="sitegen-serve-test-")
    site = os.path.join(work, "site")
    os.mkdir(site)
    server = driver = None
    try:
        for part in SITE_PARTS:
            source = os.path.join(args.site_dir, part)
            if os.path.isdir(source):
                shutil.copytree(source, os.path.join(site, part))
            elif os.path.isfile(source):
                shutil.copy2(source, os.path.join(site, part))
        article_path = os.path.join(site, ARTICLE_FILE)
        if not report.check(f"site: {ARTICLE_FILE} copied", os.path.isfile(article_path)):
            return 1
        server = Server(binary, site, os.path.join(work, "serve.log"))
        started = time.monotonic()
        base = server.wait_listening(STARTUP_WAIT)
        if not report.check("serve: prints 'Serving http://127.0.0.1:PORT/'", base,
                            f"output so far: {server.output()!r}"):
            return 1
        report.info(f"serving {site} at {base}/ (ready after {(time.monotonic() - started) * 1000:.0f} ms)")
        driver = make_driver()
        try:
            run(report, driver, server, base, article_path)
        except ServerDied as error:
            report.check("serve: stays up during the test", False, str(error))
        except Exception as error:  # a broken page must fail the run, not crash it
            report.check("no unexpected exception", False, f"{type(error).__name__}: {error}")
        report.check("serve: still running at the end", server.alive(),
                     f"exit status {server.process.returncode}")
        report.check("serve: no dist/ in the site folder", not os.path.exists(os.path.join(site, "dist")))
    finally:
        if driver is not None:
            try:
                driver.quit()
            except Exception:
                pass
        if server is not None:
            status = server.stop()
            report.info(f"serve stopped (exit status {status})")
            if report.failures:
                report.info("serve output:\n" + server.output())
        shutil.rmtree(work, ignore_errors=True)
    print(f"{report.passes} passed, {report.failures} failed")
    return 1 if report.failures else 0


if __name__ == "__main__":
    sys.exit(main())
