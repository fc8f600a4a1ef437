#!/usr/bin/env python3
"""sitegen's built-in search against Pagefind, on the same built corpus.

Usage:
    bench/search-vs-pagefind.py --sitegen PATH [--n 1000 10000] [--runs 3] [--corpus-dir /tmp/bench]
                                [--json OUT] [--keep DIR] [--pagefind PATH] [--config FILE]

For each corpus size N (the shared kit's `gen_corpus.py --n N --seed 42`, reused from
CORPUS_DIR/corpus-N or generated there) the script:

  1. Build time. Writes two copies of the sitegen config into a scratch folder, identical but for the
     top-level key `search: true` / `search: false` (the default config is `markdown: {unsafe_html: true}`,
     because the corpus has raw HTML; `--config` gives another, whose own `search:` line is replaced).
     After `--warmup` untimed builds it runs `sitegen build --quiet --source CORPUS --config CFG --output OUT`
     --runs times per config, alternating (on, off, off, on, on, off, ...: each config goes first in half
     the rounds). OUT is deleted before every run (not timed) and lives in `--out-dir` (default /dev/shm:
     see the shared kit's README about ext4 and deleted files). Wall time (perf_counter around the
     process) and CPU time (user+sys of the child) are recorded; stderr (the corpus triggers thousands of
     warnings) goes to a file. sitegen's indexing time = median(search on) - median(search off), and its
     overhead = that / median(search off).
  2. Pagefind (PyPI `pagefind-bin`: `pip install pagefind-bin`, its binary is found through the
     `pagefind_bin` module, on PATH as `pagefind`, or given with `--pagefind`) indexes the output of the
     last search-on build, --runs times (median reported), into a separate folder (`--output-path`):

         pagefind --site OUT --glob 'posts/*/index.html' --root-selector article.article
                  --exclude-selectors .article-eyebrow --exclude-selectors .article-meta
                  --exclude-selectors .article-hero --output-path PF

     Why: sitegen indexes exactly the published articles, whose pages are `posts/<stem>/index.html`
     (nothing else lives under posts/; the script checks that Pagefind's page count equals the number of
     documents in sitegen's `search/index.json`). Restricting the glob keeps the home page, lists, tag and
     category pages, the archive and the search page out. On an article page the article is the single
     `<article class="article ...">` (the "Related articles" cards after it are `<article class="card ...">`
     and so are not the root). Inside it sitegen indexes the title (the `h1`), the description (the
     lead paragraph), the headings and the body; Pagefind, with that root, reads the header with the h1 and
     the lead, and the prose. The selectors above drop what sitegen does not index: the category link
     above the title (`.article-eyebrow`), the author/date/reading-time line (`.article-meta`) and the hero
     image (`.article-hero`, no text). Pagefind already skips `<nav>` (the table of contents) and `<footer>`
     (the tags and the older/newer links) by itself; so, one difference remains that the HTML cannot
     remove: **Pagefind does not see the tags**, which sitegen indexes (weight 3). The query list below
     avoids words that occur only in tags. Headings: Pagefind weights h1..h6 itself (7, 6, 5, ...), sitegen
     weights title 6, headings 4, tags 3, description 2, body 1, plus a bonus for a word in the title.
  3. Index size: bytes and files of sitegen's `search/` (without the page `search/index.html`), also the
     sum of each file gzipped (level 6, what a static host sends), and its two engine scripts; of Pagefind's
     output folder as a whole and of the part a search can load (without the UI bundles, the highlighter
     and the wasm of languages not on the site); its `.pf_*` and `.pagefind` files are compressed already.
  4. Queries (the fixed list QUERIES: common words, rare words that still occur, two-word queries; all
     occur in the articles' text, not only in tags, at both sizes) run in headless Chromium (Debian's
     chromium and chromedriver, through Selenium) against a loopback HTTP server the script runs
     (127.0.0.1, an ephemeral port). It serves the sitegen output at `/`, Pagefind's folder at
     `/pagefind/` and a harness page at `/__bench/`, logs every request's path and body bytes, sends
     `Cache-Control: no-store` (and the browser's cache is disabled through CDP `Network.setCacheDisabled`),
     so every query is a first visit. Text files (.js .json .html .css ...) are gzipped when the browser
     accepts gzip, for both engines alike (any static host does that); Pagefind's pre-compressed `.pf_*`
     and `.pagefind` files are sent as they are. Per query and engine the harness page
       - sitegen: `new SearchIndex('/search/')` from `/assets/search-engine.js`, `search(q)`, then
         `fragment()` of the first 10 hits (what the search page loads before it shows them);
       - Pagefind: `import('/pagefind/pagefind.js')`, `init()`, `search(q)`, then `data()` of the first 10
         results;
     and returns the URLs in order. Bytes = body bytes of every request the query made except the harness
     page (engine JS and wasm, manifests, shards/chunks, fragments); also the request count and the time
     the harness measured (cold, no cache). Both rankings are kept in full (sitegen's hits as document
     numbers, Pagefind's as page ids, mapped to URLs from the files on disk) so the report can say where one
     engine's top results sit in the other's list.
  5. Top-10 overlap per query = |top10(sitegen) & top10(pagefind)| / min(10, Pagefind's result count), URLs
     compared without '#fragment' and a trailing 'index.html'; queries Pagefind finds nothing for are
     flagged and left out of the mean.

Reading the overlap: the engines rank differently by design. Pagefind 1.5 scores BM25 (k1 1.4, b 0.75) over
the page text with heading weights (h1 7 ... h6 2) and adds a separate title-match bonus on top
(`ranking.metaWeights`, title 5 by default); every query word is matched as a prefix too, and only pages
with all words are results. sitegen scores BM25F (k1 1.2, b 0.75, field weights folded in before
saturation) plus a title bonus, precomputed at build time (each term's idf x 100,000 once, each document's
saturation x 1,000), puts documents with every word first, and matches only the last word as a prefix
(while it may still be typed). The report counts,
per query, how many of sitegen's hits share the 10th hit's score: those ties are ordered by document
number, not by relevance.

Output: Markdown to stdout (per N: build and indexing times, index sizes, per-query bytes/requests/
overlap, the disagreements behind low overlaps, and a PASS/FAIL summary against the goals: sitegen's
indexing adds under 10% to its build time; bytes per query (mean over the list) at most Pagefind's; mean
top-10 overlap at least 70%). Progress goes to stderr. `--json OUT` keeps every number: each build's
times, each request of each query, both full rankings. `--keep DIR` keeps the builds, Pagefind's output
and the harness under DIR (otherwise a scratch folder that is deleted at the end).

Exit status: 0 when the report was made (whatever the goals say), 1 on a failed build, a missing tool or a
query that failed in the browser.

Needs Python 3, selenium (`pip install selenium`), Debian's chromium and chromium-driver, and
`pip install pagefind-bin`.
"""
import argparse
import gzip
import json
import mimetypes
import os
import platform
import posixpath
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# The fixed query list: (query, kind). Document frequencies at N=1000 / N=10000 (share of articles whose
# title, description, headings or body have the word; seed 42) are in the comments. The generator's
# vocabulary is small, so "common" words are in 35-99% of the articles and the rarest words that occur in
# the text (not only in tags) are in about 2.5-4%: author names (blockquote attributions) and title
# qualifiers.
QUERIES = [
    ("latency", "common"),          # 99% / 99%
    ("deployment", "common"),       # 90% / 90%
    ("pipelines", "common"),        # 72% / 71%
    ("inference", "common"),        # 91% / 90%
    ("testing", "common"),          # 38% / 36%
    ("observability", "common"),    # 36% / 36%
    ("legacy", "rare"),             # 2.5% / 2.8%
    ("okafor", "rare"),             # 2.4% / 2.4%
    ("declarative", "rare"),        # 3.0% / 3.2%
    ("hype", "rare"),               # 3.2% / 3.3%
    ("federated", "rare"),          # 3.8% / 3.3%
    ("lindqvist", "rare"),          # 2.8% / 2.6%
    ("tail latency", "two words"),      # both words: 92% / 90%
    ("schema drift", "two words"),      # 92% / 90%
    ("feature flags", "two words"),     # 36% / 37%
    ("query planners", "two words"),    # 39% / 37%
    ("search relevance", "two words"),  # 35% / 36%
    ("rate limiting", "two words"),     # 39% / 36%
    ("legacy monorepos", "two words"),  # rare + common: 1.0% / 1.0%
    ("cheap inference", "two words"),   # rare + common: 2.9% / 2.8%
]
TOP = 10
GOAL_OVERHEAD = 10.0
GOAL_OVERLAP = 0.70
COMPRESSIBLE = {".js", ".mjs", ".json", ".html", ".htm", ".css", ".svg", ".xml", ".txt", ".map"}
PAGEFIND_EXCLUDES = [".article-eyebrow", ".article-meta", ".article-hero"]
PAGEFIND_ROOT = "article.article"
PAGEFIND_GLOB = "posts/*/index.html"


def log(message):
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def fail(message):
    print(f"error: {message}", file=sys.stderr)
    sys.exit(1)


# ---------------------------------------------------------------------------------------------
# Tools


def find_pagefind(explicit):
    if explicit:
        if not (os.path.isfile(explicit) and os.access(explicit, os.X_OK)):
            fail(f"--pagefind {explicit} is not an executable")
        return explicit
    try:
        import pagefind_bin  # the PyPI package pagefind-bin

        return str(pagefind_bin.get_executable())
    except Exception:
        pass
    for name in ("pagefind_extended", "pagefind"):
        if shutil.which(name):
            return shutil.which(name)
    fail("Pagefind not found: `pip install pagefind-bin` (or pass --pagefind PATH)")


def check_browser():
    try:
        import selenium  # noqa: F401
    except ImportError:
        fail("selenium is missing: `pip install selenium`")
    chromium = next((shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome") if shutil.which(n)), None)
    if not chromium:
        fail("no Chromium: `apt-get install chromium chromium-driver`")
    driver = shutil.which("chromedriver") or ("/usr/bin/chromedriver" if os.path.exists("/usr/bin/chromedriver") else None)
    if not driver:
        fail("no chromedriver: `apt-get install chromium-driver`")
    return chromium, driver


def make_driver(chromium, chromedriver):
    """Headless Chromium (as Tests/Browser/browser_support.py starts it), HTTP cache off via CDP."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000",
                     "--disable-background-networking", "--disable-extensions", "--no-first-run",
                     "--disable-component-update", "--disable-sync"):
        options.add_argument(argument)
    options.binary_location = chromium
    driver = webdriver.Chrome(service=Service(executable_path=chromedriver), options=options)
    driver.set_script_timeout(300)
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
    return driver


def tool_version(argv):
    try:
        out = subprocess.run(argv, capture_output=True, text=True, timeout=60)
        return (out.stdout or out.stderr).strip().splitlines()[0]
    except Exception as error:  # noqa: BLE001
        return f"unknown ({error})"


# ---------------------------------------------------------------------------------------------
# Corpus, configs, builds


def ensure_corpus(shared, corpus_dir, n):
    out = os.path.join(corpus_dir, f"corpus-{n}")
    posts = os.path.join(out, "content", "posts")
    if os.path.isdir(posts):
        count = sum(1 for name in os.listdir(posts) if name.endswith(".md"))
        if count == n:
            return out
        fail(f"{posts} holds {count} articles, not {n}: remove it or pick another --corpus-dir")
    generator = os.path.join(shared, "bench", "gen_corpus.py")
    if not os.path.isfile(generator):
        fail(f"no {generator} to generate {out} (use --shared)")
    log(f"generating {out} (gen_corpus.py --n {n} --seed 42)")
    subprocess.run([sys.executable, generator, "--n", str(n), "--seed", "42", "--out", out], check=True)
    return out


def write_configs(base_text, folder):
    """Two copies of the config: `search: true` and `search: false` (any top-level search line replaced)."""
    lines = [line for line in base_text.splitlines() if not re.match(r"search\s*:", line)]
    body = "\n".join(lines).rstrip("\n") + "\n"
    paths = {}
    for label, value in (("on", "true"), ("off", "false")):
        path = os.path.join(folder, f"sitegen-search-{label}.yaml")
        with open(path, "w", encoding="utf-8") as f:
            f.write(body + f"search: {value}\n")
        paths[label] = path
    return paths


def timed(argv, stderr_path, cwd=None):
    """Runs argv; returns (wall s, cpu s, exit code)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    with open(stderr_path, "wb") as err:
        t0 = time.perf_counter()
        code = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=err, cwd=cwd).returncode
        wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, code


def tail(path, n=25):
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            return "".join(f.readlines()[-n:])
    except OSError:
        return ""


def sitegen_build(sitegen, corpus, config, out, stderr_path):
    shutil.rmtree(out, ignore_errors=True)
    os.sync()
    wall, cpu, code = timed([sitegen, "build", "--quiet", "--source", corpus, "--config", config, "--output", out],
                            stderr_path)
    if code != 0:
        fail(f"sitegen build failed (exit {code}) with {config}:\n{tail(stderr_path)}")
    return wall, cpu


def pagefind_command(pagefind, site, output):
    argv = [pagefind, "--site", site, "--glob", PAGEFIND_GLOB, "--root-selector", PAGEFIND_ROOT,
            "--output-path", output]
    for selector in PAGEFIND_EXCLUDES:
        argv += ["--exclude-selectors", selector]
    return argv


def pagefind_run(pagefind, site, output, log_path):
    shutil.rmtree(output, ignore_errors=True)
    os.sync()
    argv = pagefind_command(pagefind, site, output)
    wall, cpu, code = timed(argv, log_path)
    if code != 0:
        fail(f"pagefind failed (exit {code}):\n{tail(log_path)}")
    return wall, cpu


def summary(values):
    return {"median": statistics.median(values), "min": min(values), "max": max(values), "runs": values}


# ---------------------------------------------------------------------------------------------
# Index sizes


def gz(data):
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def folder_files(root):
    for folder, _, names in os.walk(root):
        for name in names:
            path = os.path.join(folder, name)
            yield os.path.relpath(path, root).replace(os.sep, "/"), path


def sitegen_sizes(site):
    parts = {"manifest": [0, 0, 0], "terms": [0, 0, 0], "docs": [0, 0, 0]}
    for rel, path in folder_files(os.path.join(site, "search")):
        if rel == "index.html":
            continue
        data = open(path, "rb").read()
        part = "manifest" if rel == "index.json" else rel.split("/")[0]
        entry = parts.setdefault(part, [0, 0, 0])
        entry[0] += 1
        entry[1] += len(data)
        entry[2] += gz(data)
    engine = [0, 0, 0]
    for name in ("search-engine.js", "search-stem.js"):
        path = os.path.join(site, "assets", name)
        if os.path.exists(path):
            data = open(path, "rb").read()
            engine[0] += 1
            engine[1] += len(data)
            engine[2] += gz(data)
    files = sum(p[0] for p in parts.values())
    raw = sum(p[1] for p in parts.values())
    gzipped = sum(p[2] for p in parts.values())
    manifest = json.load(open(os.path.join(site, "search", "index.json"), encoding="utf-8"))
    return {"files": files, "bytes": raw, "gzip_bytes": gzipped, "parts": parts, "engine_js": engine,
            "documents": manifest["documents"], "shards": len(manifest["shards"])}


def pagefind_part(rel, languages):
    name = rel.split("/")[-1]
    if rel.startswith("index/"):
        return "index chunks (.pf_index)"
    if rel.startswith("fragment/"):
        return "fragments (.pf_fragment)"
    if rel.startswith("filter/"):
        return "filters (.pf_filter)"
    if name.endswith(".pf_meta"):
        return "meta (.pf_meta)"
    if name.startswith("wasm."):
        lang = name.split(".")[1]
        return "wasm (site language)" if lang in languages else "wasm (other languages)"
    if name in ("pagefind.js", "pagefind-worker.js", "pagefind-entry.json"):
        return "search API (pagefind.js, worker, entry)"
    return "UI bundles and highlighter"


def pagefind_sizes(folder):
    entry = json.load(open(os.path.join(folder, "pagefind-entry.json"), encoding="utf-8"))
    languages = set(info.get("wasm") or lang for lang, info in entry["languages"].items())
    parts = {}
    for rel, path in folder_files(folder):
        data = open(path, "rb").read()
        part = pagefind_part(rel, languages)
        served = gz(data) if os.path.splitext(rel)[1] in COMPRESSIBLE else len(data)
        e = parts.setdefault(part, [0, 0, 0])
        e[0] += 1
        e[1] += len(data)
        e[2] += served
    searchable = {k: v for k, v in parts.items() if k not in ("UI bundles and highlighter", "wasm (other languages)")}
    pages = sum(info.get("page_count", 0) for info in entry["languages"].values())
    return {
        "files": sum(v[0] for v in parts.values()), "bytes": sum(v[1] for v in parts.values()),
        "served_bytes": sum(v[2] for v in parts.values()),
        "search_files": sum(v[0] for v in searchable.values()), "search_bytes": sum(v[1] for v in searchable.values()),
        "search_served_bytes": sum(v[2] for v in searchable.values()),
        "parts": parts, "pages": pages, "version": entry.get("version"), "languages": sorted(entry["languages"]),
    }


# ---------------------------------------------------------------------------------------------
# Loopback server with a request log


class RequestLog:
    def __init__(self):
        self.lock = threading.Lock()
        self.entries = []
        self.inflight = 0
        self.last = time.monotonic()

    def start(self):
        with self.lock:
            self.inflight += 1
            self.last = time.monotonic()

    def done(self, entry):
        with self.lock:
            self.inflight -= 1
            self.entries.append(entry)
            self.last = time.monotonic()

    def reset(self):
        with self.lock:
            self.entries = []

    def settle(self, quiet=0.15, timeout=10.0):
        """Waits until no request is being served and none arrived for `quiet` seconds; returns the log."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self.lock:
                if self.inflight == 0 and time.monotonic() - self.last >= quiet:
                    return list(self.entries)
            time.sleep(0.02)
        with self.lock:
            return list(self.entries)


class Server:
    """Serves `mounts` (URL prefix -> folder, longest prefix first) on 127.0.0.1 at an ephemeral port."""

    def __init__(self, mounts):
        self.mounts = sorted(mounts.items(), key=lambda item: -len(item[0]))
        self.log = RequestLog()
        self.cache = {}
        self.cache_lock = threading.Lock()
        outer = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def do_GET(self):
                outer.handle(self)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    @property
    def origin(self):
        return f"http://127.0.0.1:{self.port}"

    def resolve(self, url_path):
        path = posixpath.normpath(urllib.parse.unquote(url_path))
        if url_path.endswith("/") and not path.endswith("/"):
            path += "/"
        for prefix, root in self.mounts:
            if path == prefix.rstrip("/") or path.startswith(prefix):
                rel = path[len(prefix):] if path.startswith(prefix) else ""
                full = os.path.realpath(os.path.join(root, rel))
                if not (full == os.path.realpath(root) or full.startswith(os.path.realpath(root) + os.sep)):
                    return None
                if os.path.isdir(full):
                    full = os.path.join(full, "index.html")
                return full if os.path.isfile(full) else None
        return None

    def body(self, full, gzip_ok):
        ext = os.path.splitext(full)[1].lower()
        compress = gzip_ok and ext in COMPRESSIBLE
        key = (full, compress)
        mtime = os.stat(full).st_mtime_ns
        with self.cache_lock:
            hit = self.cache.get(key)
            if hit and hit[0] == mtime:
                return hit[1], compress
        data = open(full, "rb").read()
        if compress:
            data = gzip.compress(data, compresslevel=6, mtime=0)
        with self.cache_lock:
            self.cache[key] = (mtime, data)
        return data, compress

    def handle(self, request):
        self.log.start()
        url = urllib.parse.urlsplit(request.path)
        entry = {"path": request.path, "status": 404, "bytes": 0, "gzip": False, "t": time.monotonic()}
        try:
            full = self.resolve(url.path)
            if full is None:
                data = b"not found\n"
                request.send_response(404)
                request.send_header("Content-Type", "text/plain")
                request.send_header("Content-Length", str(len(data)))
                request.send_header("Cache-Control", "no-store")
                request.end_headers()
                request.wfile.write(data)
                entry["bytes"] = len(data)
                return
            gzip_ok = "gzip" in (request.headers.get("Accept-Encoding") or "")
            data, compressed = self.body(full, gzip_ok)
            ext = os.path.splitext(full)[1].lower()
            ctype = {".js": "text/javascript", ".mjs": "text/javascript", ".json": "application/json",
                     ".wasm": "application/wasm", ".html": "text/html; charset=utf-8"}.get(ext)
            ctype = ctype or mimetypes.guess_type(full)[0] or "application/octet-stream"
            request.send_response(200)
            request.send_header("Content-Type", ctype)
            request.send_header("Content-Length", str(len(data)))
            request.send_header("Cache-Control", "no-store")
            if compressed:
                request.send_header("Content-Encoding", "gzip")
            request.send_header("Vary", "Accept-Encoding")
            request.end_headers()
            request.wfile.write(data)
            entry.update(status=200, bytes=len(data), gzip=compressed)
        except (BrokenPipeError, ConnectionResetError):
            entry["status"] = -1
        finally:
            self.log.done(entry)

    def stop(self):
        self.httpd.shutdown()
        self.httpd.server_close()


# ---------------------------------------------------------------------------------------------
# Harness pages

HARNESS_SITEGEN = """<!doctype html>
<html><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>sitegen search bench</title></head>
<body><script type="module">
const params = new URLSearchParams(location.search);
const q = params.get('q');
const TOP = %(top)d;
try {
  const t0 = performance.now();
  const { SearchIndex } = await import('/assets/search-engine.js');
  const index = new SearchIndex('/search/');
  const result = await index.search(q);
  const top = result.hits.slice(0, TOP);
  const fragments = await Promise.all(top.map((hit) => index.fragment(hit.doc)));
  const ms = performance.now() - t0;
  window.__result = {
    ok: true, ms, total: result.hits.length, complete: result.complete,
    stems: result.query.stems, prefix: result.query.prefix,
    top: fragments.map((f, i) => ({ url: f.url, title: f.title, score: top[i].score, doc: top[i].doc })),
    ranking: result.hits.map((hit) => [hit.doc, hit.score]),
  };
} catch (error) {
  window.__result = { ok: false, error: String(error && error.stack || error) };
}
</script></body></html>
"""

HARNESS_PAGEFIND = """<!doctype html>
<html><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>pagefind bench</title></head>
<body><script type="module">
const params = new URLSearchParams(location.search);
const q = params.get('q');
const TOP = %(top)d;
try {
  const t0 = performance.now();
  const pf = await import('/pagefind/pagefind.js');
  await pf.init?.();
  const r = await pf.search(q);
  const top = r.results.slice(0, TOP);
  const data = await Promise.all(top.map((x) => x.data()));
  const ms = performance.now() - t0;
  window.__result = {
    ok: true, ms, total: r.results.length, unfiltered: r.unfilteredResultCount,
    top: data.map((d, i) => ({ url: d.url, title: (d.meta && d.meta.title) || '', score: top[i].score, id: top[i].id })),
    ranking: r.results.map((x) => [x.id, x.score]),
  };
} catch (error) {
  window.__result = { ok: false, error: String(error && error.stack || error) };
}
</script></body></html>
"""


def write_harness(folder):
    os.makedirs(folder, exist_ok=True)
    for name, text in (("sitegen.html", HARNESS_SITEGEN), ("pagefind.html", HARNESS_PAGEFIND)):
        with open(os.path.join(folder, name), "w", encoding="utf-8") as f:
            f.write(text % {"top": TOP})


def run_query(driver, server, engine, query, timeout):
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get("about:blank")
    server.log.settle(quiet=0.05, timeout=5)
    server.log.reset()
    url = f"{server.origin}/__bench/{engine}.html?q={urllib.parse.quote(query)}"
    driver.get(url)
    result = WebDriverWait(driver, timeout, poll_frequency=0.05).until(
        lambda d: d.execute_script("return window.__result || null"))
    entries = server.log.settle()
    requests = [e for e in entries if not e["path"].startswith("/__bench/")]
    result["requests"] = [{"path": e["path"], "status": e["status"], "bytes": e["bytes"], "gzip": e["gzip"]}
                          for e in requests]
    result["bytes"] = sum(e["bytes"] for e in requests)
    result["request_count"] = len(requests)
    result["errors"] = [e["path"] for e in requests if e["status"] != 200]
    return result


# ---------------------------------------------------------------------------------------------
# Rankings


def norm_url(url):
    url = url.split("#", 1)[0].split("?", 1)[0]
    if url.endswith("index.html"):
        url = url[: -len("index.html")]
    if not url.endswith("/"):
        url += "/"
    return url


def sitegen_doc_urls(site):
    urls = {}
    for rel, path in folder_files(os.path.join(site, "search", "docs")):
        number = int(rel.split(".")[0])
        with open(path, encoding="utf-8") as f:
            fragment = json.load(f)
        urls[number] = (norm_url(fragment["url"]), fragment["title"])
    return urls


def pagefind_page_urls(folder):
    urls = {}
    for rel, path in folder_files(os.path.join(folder, "fragment")):
        page_id = rel.rsplit(".", 1)[0]
        raw = gzip.decompress(open(path, "rb").read())
        start = raw.index(b"{")  # after the "pagefind_dcd" signature
        fragment = json.loads(raw[start:])
        urls[page_id] = (norm_url(fragment["url"]), fragment.get("meta", {}).get("title", ""))
    return urls


def ties_at(ranking, k=TOP):
    """How many results share the k-th result's score (1 = no tie): ties are broken arbitrarily."""
    if len(ranking) < k:
        return 0
    score = ranking[k - 1][1]
    return sum(1 for _, other in ranking if other == score)


def byte_kind(path):
    """What a request of either engine fetched."""
    path = path.split("?", 1)[0]
    if path.endswith((".js", ".mjs")):
        return "code (JS)"
    if path.endswith(".pagefind") or path.endswith(".wasm"):
        return "code (wasm)"
    if path in ("/search/index.json",) or path.endswith((".pf_meta", "pagefind-entry.json")):
        return "manifest / meta"
    if path.startswith("/search/terms/") or "/index/" in path:
        return "index shards / chunks"
    if path.startswith("/search/docs/") or "/fragment/" in path:
        return "result fragments"
    return "other"


def compare(query, kind, s, p, doc_urls, page_urls):
    s_top = [norm_url(h["url"]) for h in s["top"]]
    p_top = [norm_url(h["url"]) for h in p["top"]]
    s_rank = {doc_urls[doc][0]: i + 1 for i, (doc, _) in enumerate(s["ranking"]) if doc in doc_urls}
    p_rank = {page_urls[pid][0]: i + 1 for i, (pid, _) in enumerate(p["ranking"]) if pid in page_urls}
    denominator = min(TOP, p["total"])
    overlap = len(set(s_top) & set(p_top)) / denominator if denominator else None
    return {
        "query": query, "kind": kind, "overlap": overlap, "common": len(set(s_top) & set(p_top)),
        "sitegen_ties_at_10": ties_at(s["ranking"]), "pagefind_ties_at_10": ties_at(p["ranking"]),
        "sitegen_top_in_pagefind": [p_rank.get(u) for u in s_top],
        "pagefind_top_in_sitegen": [s_rank.get(u) for u in p_top],
        "sitegen_top": [(norm_url(h["url"]), h["title"], h["score"]) for h in s["top"]],
        "pagefind_top": [(norm_url(h["url"]), h["title"], h["score"]) for h in p["top"]],
    }


# ---------------------------------------------------------------------------------------------
# One corpus size


def run_size(n, args, work, tools):
    corpus = ensure_corpus(args.shared, args.corpus_dir, n)
    folder = os.path.join(work, f"n{n}")
    os.makedirs(folder, exist_ok=True)
    outs = os.path.join(args.out_dir_resolved, f"n{n}")
    os.makedirs(outs, exist_ok=True)
    configs = write_configs(args.config_text, folder)
    site = {"on": os.path.join(outs, "site-search-on"), "off": os.path.join(outs, "site-search-off")}
    stderr_path = os.path.join(folder, "sitegen-stderr.txt")
    builds = {"on": [], "off": []}

    for i in range(args.warmup):
        log(f"N={n}: warm-up build {i + 1}/{args.warmup} (search off, not counted)")
        sitegen_build(args.sitegen, corpus, configs["off"], site["off"], stderr_path)
    for i in range(args.runs):
        order = ("on", "off") if i % 2 == 0 else ("off", "on")
        for label in order:
            wall, cpu = sitegen_build(args.sitegen, corpus, configs[label], site[label], stderr_path)
            builds[label].append({"wall": wall, "cpu": cpu})
            log(f"N={n}: build {i + 1}/{args.runs} search {label}: {wall:.2f} s wall, {cpu:.2f} s CPU")
    warnings = sum(1 for line in open(stderr_path, encoding="utf-8", errors="replace") if ": warning:" in line)

    pf_out = os.path.join(outs, "pagefind")
    pf_log = os.path.join(folder, "pagefind-log.txt")
    pagefind_runs = []
    for i in range(args.runs):
        wall, cpu = pagefind_run(tools["pagefind"], site["on"], pf_out, pf_log)
        pagefind_runs.append({"wall": wall, "cpu": cpu})
        log(f"N={n}: pagefind {i + 1}/{args.runs}: {wall:.2f} s wall, {cpu:.2f} s CPU")
    pagefind_output = open(pf_log, encoding="utf-8", errors="replace").read()

    s_size = sitegen_sizes(site["on"])
    p_size = pagefind_sizes(pf_out)
    notes = []
    if p_size["pages"] != s_size["documents"]:
        notes.append(f"Pagefind indexed {p_size['pages']} pages but sitegen {s_size['documents']} documents")
    if "data-pagefind-body" in pagefind_output and "Did not find" not in pagefind_output:
        notes.append("Pagefind found data-pagefind-body elements: the root selector may not apply")

    harness = os.path.join(folder, "harness")
    write_harness(harness)
    doc_urls = sitegen_doc_urls(site["on"])
    page_urls = pagefind_page_urls(pf_out)
    server = Server({"/": site["on"], "/pagefind/": pf_out, "/__bench/": harness})
    driver = None
    queries = []
    try:
        driver = make_driver(tools["chromium"], tools["chromedriver"])
        log(f"N={n}: serving {server.origin}; {len(QUERIES)} queries x 2 engines")
        for query, kind in QUERIES:
            results = {}
            for engine in ("sitegen", "pagefind"):
                r = run_query(driver, server, engine, query, args.query_timeout)
                if not r.get("ok"):
                    fail(f"N={n} {engine} query {query!r} failed in the browser: {r.get('error')}")
                if r["errors"]:
                    fail(f"N={n} {engine} query {query!r}: requests failed: {r['errors']}")
                results[engine] = r
            c = compare(query, kind, results["sitegen"], results["pagefind"], doc_urls, page_urls)
            for engine in ("sitegen", "pagefind"):
                r = results[engine]
                c[engine] = {k: r[k] for k in ("bytes", "request_count", "ms", "total", "requests")}
            c["sitegen"]["complete"] = results["sitegen"]["complete"]
            c["sitegen"]["stems"] = results["sitegen"]["stems"]
            c["sitegen"]["prefix"] = results["sitegen"]["prefix"]
            c["pagefind"]["unfiltered"] = results["pagefind"].get("unfiltered")
            queries.append(c)
            ov = "n/a" if c["overlap"] is None else f"{c['overlap']:.0%}"
            log(f"N={n}: {query!r}: sitegen {c['sitegen']['bytes']} B/{c['sitegen']['request_count']} req, "
                f"pagefind {c['pagefind']['bytes']} B/{c['pagefind']['request_count']} req, overlap {ov}")
    finally:
        if driver is not None:
            driver.quit()
        server.stop()

    on = summary([b["wall"] for b in builds["on"]])
    off = summary([b["wall"] for b in builds["off"]])
    indexing = on["median"] - off["median"]
    return {
        "n": n, "corpus": corpus, "warnings_per_build": warnings,
        "builds": builds, "search_on": on, "search_off": off,
        "search_on_cpu": summary([b["cpu"] for b in builds["on"]]),
        "search_off_cpu": summary([b["cpu"] for b in builds["off"]]),
        "indexing_s": indexing, "overhead_pct": 100 * indexing / off["median"],
        "pagefind": summary([r["wall"] for r in pagefind_runs]),
        "pagefind_cpu": summary([r["cpu"] for r in pagefind_runs]),
        "pagefind_command": pagefind_command("pagefind", site["on"], pf_out),
        "sitegen_index": s_size, "pagefind_index": p_size, "queries": queries, "notes": notes,
    }


# ---------------------------------------------------------------------------------------------
# Report


def kb(b):
    return f"{b / 1024:,.1f} KB" if b < 1024 * 1024 else f"{b / 1024 / 1024:,.2f} MB"


def fmt_s(x):
    return f"{x:.2f}"


def report(result):
    n = result["n"]
    out = []
    w = out.append
    s_idx, p_idx = result["sitegen_index"], result["pagefind_index"]
    w(f"## N = {n:,} ({s_idx['documents']:,} articles indexed; {len(result['builds']['on'])} runs each)\n")
    w("### Build and indexing time (wall s)\n")
    w("| what | median | min | max | CPU median |")
    w("| --- | ---: | ---: | ---: | ---: |")
    for label, key in (("sitegen build, search on", "search_on"), ("sitegen build, search off", "search_off")):
        s, c = result[key], result[key + "_cpu"]
        w(f"| {label} | {fmt_s(s['median'])} | {fmt_s(s['min'])} | {fmt_s(s['max'])} | {fmt_s(c['median'])} |")
    cpu_delta = result["search_on_cpu"]["median"] - result["search_off_cpu"]["median"]
    w(f"| sitegen indexing (on - off medians) | {fmt_s(result['indexing_s'])} | | | {fmt_s(cpu_delta)} |")
    p, pc = result["pagefind"], result["pagefind_cpu"]
    w(f"| Pagefind indexing the search-on output | {fmt_s(p['median'])} | {fmt_s(p['min'])} | {fmt_s(p['max'])} | {fmt_s(pc['median'])} |")
    w(f"\nsitegen's indexing adds **{result['overhead_pct']:.1f}%** to its search-off build "
      f"(CPU: {100 * cpu_delta / result['search_off_cpu']['median']:.1f}%).")
    noisy = [label for label, key in (("search on", "search_on"), ("search off", "search_off"), ("Pagefind", "pagefind"))
             if result[key]["min"] > 0 and result[key]["max"] / result[key]["min"] > 1.3]
    if noisy:
        w(f"Noisy: max/min above 1.3 for {', '.join(noisy)}; the machine is shared, rerun with more --runs "
          "before trusting the difference.")
    w("")

    w("### Index size\n")
    w("| index | files | bytes | as served (gzip for text) |")
    w("| --- | ---: | ---: | ---: |")
    w(f"| sitegen `search/` (without index.html) | {s_idx['files']:,} | {kb(s_idx['bytes'])} | {kb(s_idx['gzip_bytes'])} |")
    for part, (files, raw, gzipped) in sorted(s_idx["parts"].items()):
        w(f"| - {part} | {files:,} | {kb(raw)} | {kb(gzipped)} |")
    e = s_idx["engine_js"]
    w(f"| sitegen engine JS (search-engine.js, search-stem.js) | {e[0]} | {kb(e[1])} | {kb(e[2])} |")
    w(f"| Pagefind output folder, all | {p_idx['files']:,} | {kb(p_idx['bytes'])} | {kb(p_idx['served_bytes'])} |")
    w(f"| Pagefind, what a search can load (no UI, no other-language wasm) | {p_idx['search_files']:,} | {kb(p_idx['search_bytes'])} | {kb(p_idx['search_served_bytes'])} |")
    for part, (files, raw, served) in sorted(p_idx["parts"].items()):
        w(f"| - {part} | {files:,} | {kb(raw)} | {kb(served)} |")
    w(f"\nsitegen: {s_idx['shards']} term shards. Pagefind {p_idx['version']}: {p_idx['pages']:,} pages, "
      f"languages {', '.join(p_idx['languages'])}.\n")

    w("### Queries (cold browser, no cache; bytes = response bodies as sent)\n")
    w("| query | kind | sitegen hits | sitegen bytes | req | ms | Pagefind results | Pagefind bytes | req | ms | top-10 overlap | sitegen #1 in Pagefind | Pagefind #1 in sitegen |")
    w("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for q in result["queries"]:
        s, pf = q["sitegen"], q["pagefind"]
        hits = f"{s['total']:,}" + ("" if s["complete"] else " (partial)")
        ov = "n/a (Pagefind: 0)" if q["overlap"] is None else f"{q['overlap']:.0%}"
        s1 = q["sitegen_top_in_pagefind"][0] if q["sitegen_top_in_pagefind"] else None
        p1 = q["pagefind_top_in_sitegen"][0] if q["pagefind_top_in_sitegen"] else None
        w(f"| `{q['query']}` | {q['kind']} | {hits} | {s['bytes']:,} | {s['request_count']} | {s['ms']:.0f} | "
          f"{pf['total']:,} | {pf['bytes']:,} | {pf['request_count']} | {pf['ms']:.0f} | {ov} | "
          f"{s1 if s1 else '-'} | {p1 if p1 else '-'} |")
    sb = [q["sitegen"]["bytes"] for q in result["queries"]]
    pb = [q["pagefind"]["bytes"] for q in result["queries"]]
    sr = [q["sitegen"]["request_count"] for q in result["queries"]]
    pr = [q["pagefind"]["request_count"] for q in result["queries"]]
    overlaps = [q["overlap"] for q in result["queries"] if q["overlap"] is not None]
    w(f"| **median** | | | {statistics.median(sb):,.0f} | {statistics.median(sr):.0f} | | | {statistics.median(pb):,.0f} | {statistics.median(pr):.0f} | | {statistics.median(overlaps):.0%} | | |")
    w(f"| **mean** | | | {statistics.mean(sb):,.0f} | {statistics.mean(sr):.1f} | | | {statistics.mean(pb):,.0f} | {statistics.mean(pr):.1f} | | {statistics.mean(overlaps):.0%} | | |")
    by_kind = {}
    for q in result["queries"]:
        if q["overlap"] is not None:
            by_kind.setdefault(q["kind"], []).append(q["overlap"])
    w("\nMean overlap by kind: " + ", ".join(f"{k} {statistics.mean(v):.0%}" for k, v in by_kind.items()) + ".")
    skipped = [q["query"] for q in result["queries"] if q["overlap"] is None]
    if skipped:
        w(f"Left out of the overlap (Pagefind found nothing): {', '.join(skipped)}.")
    cheaper = sum(1 for a, b in zip(sb, pb) if a <= b)
    w(f"sitegen downloads no more than Pagefind for {cheaper} of {len(sb)} queries.\n")

    kinds = ["code (JS)", "code (wasm)", "manifest / meta", "index shards / chunks", "result fragments", "other"]
    w("Where the bytes go (mean per query):\n")
    w("| engine | " + " | ".join(kinds) + " | total |")
    w("| --- |" + " ---: |" * (len(kinds) + 1))
    for engine, label in (("sitegen", "sitegen"), ("pagefind", "Pagefind")):
        sums = dict.fromkeys(kinds, 0)
        for q in result["queries"]:
            for r in q[engine]["requests"]:
                sums[byte_kind(r["path"])] += r["bytes"]
        count = len(result["queries"])
        w(f"| {label} | " + " | ".join(f"{sums[k] / count:,.0f}" for k in kinds)
          + f" | {sum(sums.values()) / count:,.0f} |")
    tied = [q for q in result["queries"] if q["sitegen_ties_at_10"] > 1]
    if tied:
        w(f"\nsitegen's 10th hit shares its score with other hits for {len(tied)} of {len(result['queries'])} queries "
          "(hits tied at the 10th score: " + ", ".join(f"`{q['query']}` {q['sitegen_ties_at_10']}" for q in tied)
          + "); ties are ordered by document number. Pagefind: "
          + (", ".join(f"`{q['query']}` {q['pagefind_ties_at_10']}" for q in result["queries"] if q["pagefind_ties_at_10"] > 1) or "none")
          + ".")
    w("")

    low = [q for q in result["queries"] if q["overlap"] is not None and q["overlap"] < GOAL_OVERLAP]
    if low:
        w(f"### Where the top 10s differ (overlap under {GOAL_OVERLAP:.0%}; top 3 of each, rank in the other engine's list)\n")
        w("| query | sitegen top 3 (score; Pagefind rank) | Pagefind top 3 (score; sitegen rank) |")
        w("| --- | --- | --- |")
        for q in low:
            st = "<br>".join(f"{t} ({sc:.2f}; {r if r else '-'})" for (u, t, sc), r in
                             zip(q["sitegen_top"][:3], q["sitegen_top_in_pagefind"][:3]))
            pt = "<br>".join(f"{t} ({sc:.2f}; {r if r else '-'})" for (u, t, sc), r in
                             zip(q["pagefind_top"][:3], q["pagefind_top_in_sitegen"][:3]))
            w(f"| `{q['query']}` | {st} | {pt} |")
        w("")

    w("### Goals\n")
    w("| goal | measured | target | result |")
    w("| --- | ---: | ---: | --- |")
    ok1 = result["overhead_pct"] < GOAL_OVERHEAD
    w(f"| sitegen's indexing adds to its build time | {result['overhead_pct']:.1f}% | < {GOAL_OVERHEAD:.0f}% | {'PASS' if ok1 else 'FAIL'} |")
    ok2 = statistics.mean(sb) <= statistics.mean(pb)
    w(f"| bytes per query (mean), sitegen vs Pagefind | {statistics.mean(sb):,.0f} vs {statistics.mean(pb):,.0f} (median {statistics.median(sb):,.0f} vs {statistics.median(pb):,.0f}) | sitegen <= Pagefind | {'PASS' if ok2 else 'FAIL'} |")
    ok3 = statistics.mean(overlaps) >= GOAL_OVERLAP
    w(f"| top-10 overlap (mean over {len(overlaps)} queries) | {statistics.mean(overlaps):.0%} | >= {GOAL_OVERLAP:.0%} | {'PASS' if ok3 else 'FAIL'} |")
    for note in result["notes"]:
        w(f"\nNote: {note}")
    result["goals"] = {"overhead": ok1, "bytes": ok2, "overlap": ok3}
    w("")
    return "\n".join(out)


# ---------------------------------------------------------------------------------------------


def print_report(versions, results):
    print("# sitegen search vs Pagefind\n")
    print(f"sitegen `{versions['sitegen']}`, {versions['pagefind']}, {versions['chromium']}, "
          f"{versions['machine']}. Pagefind command: `pagefind --site OUT --glob '{PAGEFIND_GLOB}' "
          f"--root-selector {PAGEFIND_ROOT} " + " ".join(f"--exclude-selectors {s}" for s in PAGEFIND_EXCLUDES)
          + " --output-path PF`.\n")
    for result in results:
        print(report(result))
    sys.stdout.flush()


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sitegen", default=os.path.join(REPO, ".build", "release", "sitegen"), help="the sitegen binary")
    ap.add_argument("--corpus-dir", default="/tmp/bench", help="holds corpus-N (generated when missing)")
    ap.add_argument("--n", type=int, nargs="+", default=[1000, 10000], help="corpus sizes")
    ap.add_argument("--runs", type=int, default=3, help="timed builds per config, and Pagefind runs")
    ap.add_argument("--warmup", type=int, default=1, help="untimed search-off builds first (default 1)")
    ap.add_argument("--json", help="write every number to this file")
    ap.add_argument("--keep", help="keep builds, Pagefind output and harness in this folder")
    ap.add_argument("--out-dir", help="where builds go (default: /dev/shm when writable, else the scratch folder)")
    ap.add_argument("--pagefind", help="the pagefind binary (default: from the pagefind-bin package or PATH)")
    ap.add_argument("--config", help="base sitegen config (default: `markdown: {unsafe_html: true}`)")
    ap.add_argument("--shared", default=os.path.join(REPO, "..", "shared"), help="the shared kit (default ../shared)")
    ap.add_argument("--query-timeout", type=float, default=120, help="seconds per query in the browser")
    ap.add_argument("--from-json", metavar="FILE", help="only print the report of an earlier --json file")
    args = ap.parse_args()
    if args.from_json:
        with open(args.from_json, encoding="utf-8") as f:
            saved = json.load(f)
        print_report(saved["versions"], saved["results"])
        return

    args.sitegen = os.path.abspath(args.sitegen)
    if not (os.path.isfile(args.sitegen) and os.access(args.sitegen, os.X_OK)):
        fail(f"no sitegen binary at {args.sitegen} (build one: swift build -c release --product sitegen)")
    if args.runs < 1:
        fail("--runs must be at least 1")
    args.shared = os.path.abspath(args.shared)
    if not os.path.isdir(args.shared) and os.path.isdir("/work/shared"):
        args.shared = "/work/shared"
    args.corpus_dir = os.path.abspath(args.corpus_dir)
    os.makedirs(args.corpus_dir, exist_ok=True)
    if args.config:
        args.config_text = open(args.config, encoding="utf-8").read()
    else:
        args.config_text = "markdown:\n  unsafe_html: true\n"
    chromium, chromedriver = check_browser()
    tools = {"pagefind": find_pagefind(args.pagefind), "chromium": chromium, "chromedriver": chromedriver}

    if args.keep:
        work = os.path.abspath(args.keep)
        os.makedirs(work, exist_ok=True)
    else:
        work = tempfile.mkdtemp(prefix="search-vs-pagefind.")
    scratch_out = None
    if args.out_dir:
        args.out_dir_resolved = os.path.abspath(args.out_dir)
    elif args.keep:
        args.out_dir_resolved = work
    elif os.path.isdir("/dev/shm") and os.access("/dev/shm", os.W_OK):
        scratch_out = tempfile.mkdtemp(prefix="search-vs-pagefind.", dir="/dev/shm")
        args.out_dir_resolved = scratch_out
    else:
        args.out_dir_resolved = work
    os.makedirs(args.out_dir_resolved, exist_ok=True)

    versions = {
        "sitegen": tool_version([args.sitegen, "--version"]),
        "pagefind": tool_version([tools["pagefind"], "--version"]),
        "chromium": tool_version([chromium, "--version"]),
        "python": platform.python_version(),
        "machine": f"{os.cpu_count()} cores, {platform.system()} {platform.release()}",
    }
    log(f"tools: {versions}")
    results = []
    try:
        for n in args.n:
            results.append(run_size(n, args, work, tools))
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
        if scratch_out:
            shutil.rmtree(scratch_out, ignore_errors=True)

    print_report(versions, results)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump({"versions": versions, "queries": QUERIES, "results": results}, f, indent=1)
        log(f"wrote {args.json}")


if __name__ == "__main__":
    main()
