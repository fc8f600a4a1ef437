"""What the real-browser tests share: the PASS/FAIL report, headless Chromium, and the console check."""

import shutil
import sys

from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.service import Service


class Report:
    def __init__(self):
        self.failures = 0
        self.passes = 0

    def check(self, name, ok, detail=""):
        if ok:
            self.passes += 1
            print(f"PASS {name}")
        else:
            self.failures += 1
            print(f"FAIL {name}" + (f": {detail}" if detail else ""))
        sys.stdout.flush()
        return ok

    def info(self, text):
        print(f"INFO {text}")
        sys.stdout.flush()


def make_driver(javascript=True):
    """Headless Chromium from Debian with its chromedriver (Selenium must not try to download one)."""
    options = webdriver.ChromeOptions()
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000"):
        options.add_argument(argument)
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if shutil.which(name):
            options.binary_location = shutil.which(name)
            break
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    service = Service(executable_path=shutil.which("chromedriver") or "/usr/bin/chromedriver")
    return webdriver.Chrome(service=service, options=options)


def check_console(report, driver, where):
    """No SEVERE entries in the browser log (the browser's own /favicon.ico 404 aside)."""
    try:
        entries = driver.get_log("browser")
    except WebDriverException as error:
        report.check(f"{where}: browser log readable", False, str(error))
        return
    severe = [e for e in entries if e.get("level") == "SEVERE"
              and not ("favicon.ico" in e.get("message", "") and "404" in e.get("message", ""))]
    report.check(f"{where}: no SEVERE console entries", not severe,
                 "; ".join(e.get("message", "") for e in severe))
