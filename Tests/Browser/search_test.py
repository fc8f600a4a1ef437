#!/usr/bin/env python3
"""End-to-end test of search in a real (headless) Chromium, on the bundled site.

Usage: python3 Tests/Browser/search_test.py SITE_DIR

SITE_DIR is a built site published at "/". The script serves it on 127.0.0.1 and checks that:
- the header's search box on the home page leads to /search/?q=… (a plain GET form, no script needed);
- the search page runs the query in ?q=, announces the count in its live region, and lists the expected
  first result with the query words marked and a link to the matching section;
- typing a new query updates the results and the URL;
- the arrow keys move from the box through the results, Enter follows the focused result, Escape clears;
- the page downloads only the manifest, the shards of the query's terms and the fragments it shows;
- no console errors anywhere.
Prints one PASS/FAIL line per check; exits 1 if any check fails. Needs selenium, chromium, chromedriver.
"""

import functools
import http.server
import json
import os
import sys
import threading
import urllib.parse

from selenium.common.exceptions import TimeoutException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from browser_support import Report, check_console, make_driver  # noqa: E402

# Chosen from the bundled content/: the only article whose title has both words, and whose
# "A decision process" section has the most of them.
QUERY = "vector database"
FIRST_TITLE = "Choosing a Vector Database"
FIRST_URL = "/blog/vector-databases-compared/"
SECOND_QUERY = "documentation"
SECOND_FIRST_TITLE = "Writing Good Technical Documentation"


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    requested = []

    def log_message(self, *args):
        pass

    def do_GET(self):
        QuietHandler.requested.append(urllib.parse.urlsplit(self.path).path)
        super().do_GET()

    def end_headers(self):
        # Nothing from an earlier page may come from the browser's cache: the test counts what a query loads.
        self.send_header("Cache-Control", "no-store")
        super().end_headers()


def serve(folder):
    handler = functools.partial(QuietHandler, directory=folder)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def wait(driver, condition, seconds=10):
    try:
        return WebDriverWait(driver, seconds).until(lambda d: condition(d))
    except TimeoutException:
        return None


def result_titles(driver):
    return [a.text for a in driver.find_elements(By.CSS_SELECTOR, "#search-results a.search-result-title")]


def main():
    site = sys.argv[1]
    report = Report()
    server = serve(site)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    driver = make_driver()
    try:
        manifest = json.load(open(os.path.join(site, "search/index.json")))
        report.check("the index has documents", manifest["documents"] > 0, str(manifest["documents"]))

        driver.get(base + "/")
        box = driver.find_element(By.CSS_SELECTOR, "header form[role=search] input[name=q]")
        box.send_keys(QUERY + Keys.ENTER)
        landed = wait(driver, lambda d: "/search/" in d.current_url)
        query = urllib.parse.parse_qs(urllib.parse.urlsplit(driver.current_url).query).get("q", [""])[0]
        report.check("the header box opens the search page with the query", bool(landed) and query == QUERY, driver.current_url)
        # That page's own fetches must be over before counting the next page's: its results show only once
        # every fragment they need has arrived.
        wait(driver, lambda d: result_titles(d) or None)

        QuietHandler.requested.clear()
        driver.get(base + "/search/?q=" + urllib.parse.quote(QUERY))
        titles = wait(driver, lambda d: result_titles(d) or None)
        report.check("?q= runs the query", bool(titles), str(titles))
        report.check("the expected first result", bool(titles) and titles[0] == FIRST_TITLE, str(titles))
        status = driver.find_element(By.ID, "search-status")
        report.check("the live region announces the count",
                     status.get_attribute("aria-live") == "polite" and "result" in status.text, status.text)
        first = driver.find_elements(By.CSS_SELECTOR, "#search-results li")[0] if titles else None
        marks = [m.text.lower() for m in first.find_elements(By.TAG_NAME, "mark")] if first else []
        report.check("the query words are marked in the first result",
                     any(m.startswith("vector") for m in marks) and any(m.startswith("database") for m in marks), str(marks))
        href = first.find_element(By.CSS_SELECTOR, "a.search-result-title").get_attribute("href") if first else ""
        report.check("the first result links to its matching section",
                     urllib.parse.urlsplit(href).path == FIRST_URL and "#" in href, href)
        if "#" in href and first is not None:
            anchor = href.split("#", 1)[1]
            report.check("the section link names the section shown",
                         bool(first.find_elements(By.CSS_SELECTOR, ".search-result-section")), anchor)

        loaded = [path for path in QuietHandler.requested if path.startswith("/search/") and path.endswith(".json")]
        shards = [path for path in loaded if path.startswith("/search/terms/")]
        docs = [path for path in loaded if path.startswith("/search/docs/")]
        report.check("only the manifest, the query's shards and the shown fragments are loaded",
                     "/search/index.json" in loaded and 1 <= len(shards) <= 4 and len(docs) == len(titles)
                     and len(loaded) == 1 + len(shards) + len(docs), str(loaded))

        field = driver.find_element(By.ID, "search-input")
        report.check("the box holds the query from the URL", field.get_attribute("value") == QUERY)
        field.clear()
        field.send_keys(SECOND_QUERY)
        changed = wait(driver, lambda d: (result_titles(d) or [None])[0] == SECOND_FIRST_TITLE)
        report.check("typing runs the new query", bool(changed), str(result_titles(driver)))
        report.check("the URL keeps the query", urllib.parse.parse_qs(urllib.parse.urlsplit(driver.current_url).query).get("q") == [SECOND_QUERY],
                     driver.current_url)

        field.send_keys(Keys.ARROW_DOWN)
        active = driver.switch_to.active_element
        report.check("ArrowDown moves from the box to the first result", active.text == SECOND_FIRST_TITLE, active.text)
        count = len(result_titles(driver))
        if count > 1:
            active.send_keys(Keys.ARROW_DOWN)
            report.check("ArrowDown moves to the next result", driver.switch_to.active_element.text == result_titles(driver)[1])
            driver.switch_to.active_element.send_keys(Keys.ARROW_UP)
        driver.switch_to.active_element.send_keys(Keys.ARROW_UP)
        report.check("ArrowUp from the first result returns to the box", driver.switch_to.active_element.get_attribute("id") == "search-input")
        driver.switch_to.active_element.send_keys(Keys.ESCAPE)
        cleared = wait(driver, lambda d: not result_titles(d) and d.find_element(By.ID, "search-input").get_attribute("value") == "" or None)
        report.check("Escape clears the box and the results", bool(cleared))
        report.check("Escape clears the query from the URL", "q=" not in driver.current_url, driver.current_url)

        field = driver.find_element(By.ID, "search-input")
        field.send_keys(QUERY)
        wait(driver, lambda d: (result_titles(d) or [None])[0] == FIRST_TITLE)
        field.send_keys(Keys.ARROW_DOWN)
        driver.switch_to.active_element.send_keys(Keys.ENTER)
        followed = wait(driver, lambda d: urllib.parse.urlsplit(d.current_url).path == FIRST_URL)
        report.check("Enter follows the focused result", bool(followed), driver.current_url)
        check_console(report, driver, "search")

        driver.get(base + "/search/?q=" + urllib.parse.quote("qwxzv"))
        empty = wait(driver, lambda d: d.find_element(By.ID, "search-status").text or None)
        report.check("a query without matches says so", empty == "No results.", str(empty))
        check_console(report, driver, "no results")
    finally:
        driver.quit()
        server.shutdown()
    print(f"{report.passes} passed, {report.failures} failed")
    sys.exit(1 if report.failures else 0)


if __name__ == "__main__":
    main()
