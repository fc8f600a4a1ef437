#!/usr/bin/env python3
"""Save-to-reload latency of `sitegen serve` (and optionally `hugo server`) on a generated corpus.

Usage:
    bench/serve-latency.py [--sitegen PATH] [--hugo] [--wrk] [--n 1000 10000] [--runs 15]
                           [--corpus-dir DIR] [--shared ../shared] [--json FILE]

For each corpus size N the script
  1. generates OUT=CORPUS_DIR/corpus-N with `SHARED/bench/gen_corpus.py --n N --seed 42 --out OUT`,
     or reuses it when it already holds N articles (e.g. `--corpus-dir /tmp/bench`);
  2. copies the corpus to a scratch folder per server session, so edits never touch the shared corpus;
  3. starts `sitegen serve --source COPY --config CFG --port 0` (CFG: `markdown: {unsafe_html: true}`,
     because the corpus has raw HTML), waits for its `Serving http://...` line, opens the
     Server-Sent-Events stream `/__sitegen/events` on a raw socket and reads `event: hello`;
  4. article edits: per run, appends a unique line to a different published article (written to a
     hidden temp file in the same folder, then `os.replace`d over the article, as editors do; t0 is
     taken just before the replace) and waits for the first `event: reload` whose `changed` list
     holds the article's URL (`/posts/<stem>/`). Latency = arrival of that event - t0. The page is
     then fetched to check that it already carries the new line;
  5. template edits: creates `templates/partials/footer.mustache` in the copy (the built-in footer
     plus an HTML comment; this first run only overrides the built-in theme and is discarded), then
     appends one more HTML comment per run and waits for the next reload event;
  6. records the server's own `Rebuilt after <paths> in N ms: K files changed` lines (stderr);
  7. with --wrk: `wrk -t2 -c1000 -d10s --latency` against an article page and against `/`
     (requests/s, latency p50/p99, socket errors and non-2xx/3xx responses, which must be 0);
  8. with --hugo: the same edits against `hugo server` (Hugo 0.111 here), once with
     --disableFastRender and once in its default fast-render mode, on a copy prepared with
     `SHARED/bench/hugo_adapter.py`; the event is Hugo's LiveReload `{"command":"reload",...}`
     message on the WebSocket `ws://127.0.0.1:P/livereload` (a minimal stdlib client: Upgrade
     handshake, masked `hello`, unmasked server frames). The template edit appends an HTML comment
     to the adapter's `layouts/_default/baseof.html` (every page, like sitegen's footer); its first
     edit is discarded as well. Hugo's own figure is the `Total in N ms` line of its log.

Before every edit the edited page is requested once, as a browser showing it would have done (Hugo's
fast render only re-renders pages that were recently requested). Between runs the script waits until
the server has logged its rebuild and gone quiet, then --pause seconds more.

Output: one table (median, p90, min, max of the save-to-event latency in ms, and the median of the
server's own rebuild time), goal checks, the wrk results, and any anomalies (missing events, reload
events without the edited page, stale pages, extra events). --json FILE keeps every raw number.
Every server is started in its own process group and killed on exit, Ctrl-C or error.
Python 3 standard library only.
"""
import argparse
import base64
import hashlib
import json
import os
import queue
import re
import resource
import shutil
import signal
import socket
import statistics
import struct
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from datetime import date

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
NOFILE_WANTED = 65536
GOALS_MS = {1000: 50, 10000: 150}  # article edit, median save-to-reload (GitHub issue 5)
SERVERS = []  # every process started, for the cleanup
FEED_URL = re.compile(r"(^|/)(atom\.xml|feed\.xml|feed\.json)$")


# ---------------------------------------------------------------------------------------------
# Processes


def raise_nofile():
    """Raises this process's open-file limit (inherited by servers and wrk) as far as allowed."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    want = NOFILE_WANTED if hard == resource.RLIM_INFINITY else min(NOFILE_WANTED, hard)
    if soft == resource.RLIM_INFINITY or soft >= want:
        return soft
    try:
        resource.setrlimit(resource.RLIMIT_NOFILE, (want, hard))
    except (ValueError, OSError):
        return soft
    return want


def child_setup():
    """preexec_fn of every server: enough descriptors for 1,000 connections."""
    raise_nofile()


class Server:
    """A server process in its own process group; stdout and stderr read line by line by threads,
    each line stamped with time.perf_counter() on arrival."""

    def __init__(self, name, argv, cwd=None):
        self.name = name
        self.argv = argv
        self.lines = []  # (t, stream, text) of interesting lines
        self.line_count = {"stdout": 0, "stderr": 0}
        self.last_line_at = time.perf_counter()
        self.lock = threading.Lock()
        self.cond = threading.Condition(self.lock)
        self.proc = subprocess.Popen(argv, cwd=cwd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, start_new_session=True, preexec_fn=child_setup)
        SERVERS.append(self)
        self.threads = [threading.Thread(target=self._read, args=(self.proc.stdout, "stdout"), daemon=True),
                        threading.Thread(target=self._read, args=(self.proc.stderr, "stderr"), daemon=True)]
        for thread in self.threads:
            thread.start()

    def keep(self, stream, text):
        """Whether a line is kept in self.lines (all others are only counted)."""
        return True

    def _read(self, pipe, stream):
        for raw in iter(pipe.readline, b""):
            now = time.perf_counter()
            text = raw.decode("utf-8", "replace").rstrip("\n")
            with self.cond:
                self.line_count[stream] += 1
                self.last_line_at = now
                if self.keep(stream, text):
                    self.lines.append((now, stream, text))
                self.cond.notify_all()
        with self.cond:
            self.cond.notify_all()

    def wait_line(self, pattern, timeout, since=0.0):
        """The first kept line after `since` matching `pattern`: (t, match), or None on timeout/exit."""
        regex = re.compile(pattern)
        deadline = time.perf_counter() + timeout
        with self.cond:
            while True:
                for t, _, text in self.lines:
                    if t >= since:
                        m = regex.search(text)
                        if m:
                            return t, m
                remaining = deadline - time.perf_counter()
                if remaining <= 0 or self.proc.poll() is not None:
                    return None
                self.cond.wait(min(remaining, 0.5))

    def lines_since(self, since, pattern=None):
        regex = re.compile(pattern) if pattern else None
        with self.lock:
            return [(t, s, x) for t, s, x in self.lines if t >= since and (regex is None or regex.search(x))]

    def wait_quiet(self, quiet=0.25, timeout=60.0):
        """Waits until no output line arrived for `quiet` seconds (e.g. sitegen's diagnostic dump)."""
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            with self.lock:
                idle = time.perf_counter() - self.last_line_at
            if idle >= quiet:
                return True
            time.sleep(max(0.02, quiet - idle))
        return False

    def tail(self, n=15):
        with self.lock:
            return [x for _, _, x in self.lines[-n:]]

    def nofile_limit(self):
        try:
            with open(f"/proc/{self.proc.pid}/limits") as f:
                for line in f:
                    if line.startswith("Max open files"):
                        return int(line.split()[3])
        except (OSError, ValueError, IndexError):
            pass
        return None

    def rss_mb(self):
        """Resident memory of the process group's leader, in MB (from /proc)."""
        try:
            with open(f"/proc/{self.proc.pid}/status") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        return round(int(line.split()[1]) / 1024)
        except (OSError, ValueError):
            pass
        return None

    def stop(self):
        if self.proc.poll() is None:
            for sig, wait in ((signal.SIGTERM, 10), (signal.SIGKILL, 10)):
                try:
                    os.killpg(self.proc.pid, sig)
                except ProcessLookupError:
                    break
                try:
                    self.proc.wait(wait)
                    break
                except subprocess.TimeoutExpired:
                    continue
        else:
            try:  # the leader is gone; make sure nothing of its group is left
                os.killpg(self.proc.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
        for thread in self.threads:
            thread.join(2)
        if self in SERVERS:
            SERVERS.remove(self)


class SitegenServer(Server):
    SERVING = r"Serving http://[^:/]+:(\d+)/"
    REBUILT = r"^(?:Rebuilt after (?P<paths>.*)|Built) in (?P<ms>\d+) ms: (?P<files>\d+) files? changed"

    def keep(self, stream, text):
        # Every rebuild re-logs the diagnostics of the whole site (thousands of lines): only count them.
        return not (text.startswith("    ") or ": warning: " in text)


class HugoServer(Server):
    READY = r"Web Server is available at"
    TOTAL = r"Total in (\d+) ms"
    BUILT = r"Built in (\d+) ms"
    DETECTED = r"Change detected, rebuilding site"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# ---------------------------------------------------------------------------------------------
# Event clients: Server-Sent Events (sitegen) and LiveReload over WebSocket (Hugo)


class Event:
    __slots__ = ("t", "kind", "data")

    def __init__(self, t, kind, data):
        self.t, self.kind, self.data = t, kind, data

    def brief(self, limit=6):
        if isinstance(self.data, dict) and "changed" in self.data:
            changed = self.data["changed"]
            more = f" +{len(changed) - limit} more" if len(changed) > limit else ""
            return f"{self.kind} changed={changed[:limit]}{more}"
        return f"{self.kind} {json.dumps(self.data)[:300]}"


class EventClient:
    """Base: a socket read by a thread; events go to a queue with their arrival time."""

    def __init__(self):
        self.events = queue.Queue()
        self.closed = threading.Event()
        self.sock = None

    def _recv_loop(self, leftover):
        if leftover:
            self._feed(leftover, time.perf_counter())
        while True:
            try:
                data = self.sock.recv(65536)
            except OSError:
                break
            now = time.perf_counter()
            if not data:
                break
            self._feed(data, now)
        self.closed.set()
        self.events.put(Event(time.perf_counter(), "__closed__", None))

    def drain(self):
        out = []
        while True:
            try:
                event = self.events.get_nowait()
            except queue.Empty:
                return out
            if event.kind != "__closed__":
                out.append(event)

    def next(self, timeout):
        try:
            return self.events.get(timeout=max(0.0, timeout))
        except queue.Empty:
            return None

    def close(self):
        if self.sock is not None:
            try:
                self.sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            self.sock.close()


def read_http_head(sock, timeout):
    """Reads an HTTP response head; returns (status, headers dict lower-case, leftover bytes)."""
    sock.settimeout(timeout)
    buf = b""
    while b"\r\n\r\n" not in buf:
        chunk = sock.recv(4096)
        if not chunk:
            raise ConnectionError("connection closed before the response head")
        buf += chunk
    head, _, rest = buf.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    sock.settimeout(None)
    return status, headers, rest


class SSEClient(EventClient):
    """GET /__sitegen/events on a raw socket; decodes chunked transfer encoding and SSE frames."""

    def __init__(self, port, path="/__sitegen/events", host="127.0.0.1"):
        super().__init__()
        self.sock = socket.create_connection((host, port), timeout=10)
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.sock.sendall(f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nAccept: text/event-stream\r\n"
                          f"Cache-Control: no-cache\r\n\r\n".encode())
        status, headers, rest = read_http_head(self.sock, 10)
        if status != 200:
            raise ConnectionError(f"{path}: HTTP {status}")
        self.chunked = "chunked" in headers.get("transfer-encoding", "").lower()
        self.raw = b""   # undecoded transfer bytes
        self.chunk_left = 0  # bytes left in the current chunk (-1: expect the CRLF after a chunk)
        self.text = ""   # decoded, unparsed SSE text
        threading.Thread(target=self._recv_loop, args=(rest,), daemon=True).start()

    def _feed(self, data, now):
        if not self.chunked:
            self._sse(data.decode("utf-8", "replace"), now)
            return
        self.raw += data
        body = b""
        while True:
            if self.chunk_left > 0:
                take = self.raw[:self.chunk_left]
                body += take
                self.raw = self.raw[len(take):]
                self.chunk_left -= len(take)
                if self.chunk_left > 0:
                    break
                self.chunk_left = -1
            if self.chunk_left == -1:
                if len(self.raw) < 2:
                    break
                self.raw = self.raw[2:]
                self.chunk_left = 0
            line, sep, rest = self.raw.partition(b"\r\n")
            if not sep:
                break
            size = int(line.split(b";")[0].strip() or b"0", 16)
            self.raw = rest
            if size == 0:
                break
            self.chunk_left = size
        if body:
            self._sse(body.decode("utf-8", "replace"), now)

    def _sse(self, text, now):
        self.text += text.replace("\r\n", "\n")
        while "\n\n" in self.text:
            block, self.text = self.text.split("\n\n", 1)
            kind, data = "message", []
            for line in block.split("\n"):
                if line.startswith(":"):
                    continue
                name, _, value = line.partition(":")
                value = value[1:] if value.startswith(" ") else value
                if name == "event":
                    kind = value
                elif name == "data":
                    data.append(value)
            if not data and kind == "message":
                continue  # a retry: line alone, or a comment
            payload = "\n".join(data)
            try:
                payload = json.loads(payload)
            except ValueError:
                pass
            self.events.put(Event(now, kind, payload))


class LiveReloadClient(EventClient):
    """A minimal RFC 6455 client for Hugo's LiveReload endpoint: text frames only, masked sends."""

    GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"

    def __init__(self, port, path="/livereload", host="127.0.0.1"):
        super().__init__()
        self.send_lock = threading.Lock()
        self.sock = socket.create_connection((host, port), timeout=10)
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall((f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nUpgrade: websocket\r\n"
                           f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n").encode())
        status, headers, rest = read_http_head(self.sock, 10)
        accept = base64.b64encode(hashlib.sha1((key + self.GUID).encode()).digest()).decode()
        if status != 101 or headers.get("sec-websocket-accept") != accept:
            raise ConnectionError(f"WebSocket handshake failed: HTTP {status}, accept {headers.get('sec-websocket-accept')}")
        self.buf = b""
        self.fragments = None
        threading.Thread(target=self._recv_loop, args=(rest,), daemon=True).start()

    def send(self, payload, opcode=0x1):
        data = payload.encode() if isinstance(payload, str) else payload
        head = bytes([0x80 | opcode])
        if len(data) < 126:
            head += bytes([0x80 | len(data)])
        elif len(data) < 1 << 16:
            head += bytes([0x80 | 126]) + struct.pack("!H", len(data))
        else:
            head += bytes([0x80 | 127]) + struct.pack("!Q", len(data))
        mask = os.urandom(4)
        masked = bytes(b ^ mask[i % 4] for i, b in enumerate(data))
        with self.send_lock:
            self.sock.sendall(head + mask + masked)

    def hello(self):
        # Hugo answers only when the text holds `"command":"hello"` exactly (no space): compact JSON.
        self.send(json.dumps({"command": "hello", "protocols": ["http://livereload.com/protocols/official-7"]},
                             separators=(",", ":")))

    def _feed(self, data, now):
        self.buf += data
        while len(self.buf) >= 2:
            b0, b1 = self.buf[0], self.buf[1]
            length, pos = b1 & 0x7F, 2
            if length == 126:
                if len(self.buf) < 4:
                    return
                length, pos = struct.unpack("!H", self.buf[2:4])[0], 4
            elif length == 127:
                if len(self.buf) < 10:
                    return
                length, pos = struct.unpack("!Q", self.buf[2:10])[0], 10
            mask = None
            if b1 & 0x80:
                mask, pos = self.buf[pos:pos + 4], pos + 4
            if len(self.buf) < pos + length:
                return
            payload = self.buf[pos:pos + length]
            self.buf = self.buf[pos + length:]
            if mask:
                payload = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
            fin, opcode = b0 & 0x80, b0 & 0x0F
            if opcode == 0x9:
                self.send(payload, opcode=0xA)
            elif opcode == 0x8:
                self.events.put(Event(now, "__closed__", None))
            elif opcode in (0x1, 0x2, 0x0):
                self.fragments = payload if opcode else (self.fragments or b"") + payload
                if fin:
                    text, self.fragments = self.fragments.decode("utf-8", "replace"), None
                    try:
                        message = json.loads(text)
                    except ValueError:
                        message = {"command": "?", "raw": text}
                    kind = message.get("command", "?") if isinstance(message, dict) else "?"
                    self.events.put(Event(now, kind, message))


# ---------------------------------------------------------------------------------------------
# Corpus and articles


def ensure_corpus(shared, corpus_dir, n):
    out = os.path.join(corpus_dir, f"corpus-{n}")
    posts = os.path.join(out, "content", "posts")
    if os.path.isdir(posts):
        count = sum(1 for name in os.listdir(posts) if name.endswith(".md"))
        if count == n:
            return out
        sys.exit(f"{posts} holds {count} articles, not {n}: remove it or pick another --corpus-dir")
    log(f"generating {out} (gen_corpus.py --n {n} --seed 42)")
    subprocess.run([sys.executable, os.path.join(shared, "bench", "gen_corpus.py"), "--n", str(n),
                    "--seed", "42", "--out", out], check=True)
    return out


def published_stems(content):
    """Stems of content/posts/*.md that every generator publishes: not drafts, not dated in the future."""
    posts = os.path.join(content, "posts")
    today = date.today().isoformat()
    stems = []
    for name in sorted(os.listdir(posts)):
        if not name.endswith(".md"):
            continue
        with open(os.path.join(posts, name), encoding="utf-8") as f:
            head = f.read(4096).split("\n---", 1)[0]
        if re.search(r"^draft:\s*true\s*$", head, re.M):
            continue
        m = re.search(r'^date:\s*"?(\d{4}-\d{2}-\d{2})', head, re.M)
        if m and m.group(1) > today:
            continue
        stems.append(name[:-3])
    return stems


def pick(stems, count):
    """`count` different stems spread evenly over the sorted list."""
    if count > len(stems):
        sys.exit(f"need {count} articles, the corpus has {len(stems)}")
    step = len(stems) / count
    return [stems[int(i * step + step / 2)] for i in range(count)]


def copy_site(src, dst):
    t = time.perf_counter()
    shutil.copytree(src, dst)
    return time.perf_counter() - t


def atomic_write(path, text):
    """Writes `text` to a hidden temp file beside `path` (ignored by both watchers) and returns the temp
    path; the caller os.replace()s it, so that t0 can be taken just before the rename."""
    folder, name = os.path.split(path)
    tmp = os.path.join(folder, f".{name}.bench-{os.getpid()}.tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
    return tmp


def http_get(port, path, timeout=30):
    url = f"http://127.0.0.1:{port}{path}"
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace")


# ---------------------------------------------------------------------------------------------
# The measurement loop


def log(message):
    print(f"[serve-latency {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


class Target:
    """What differs between tools: how to recognise the event of an edit and the server's own time."""

    def __init__(self, tool, server, client, port, own_time_pattern, own_time_group):
        self.tool, self.server, self.client, self.port = tool, server, client, port
        self.own_time_pattern, self.own_time_group = own_time_pattern, own_time_group
        self.detect_pattern = None  # a log line the server prints when it notices a change (Hugo)

    def matches(self, event, url):
        raise NotImplementedError


class SitegenTarget(Target):
    def matches(self, event, url):
        return event.kind == "reload" and (url is None or url in event.data.get("changed", []))


class HugoTarget(Target):
    def matches(self, event, url):
        return event.kind == "reload"


def one_edit(target, path, new_text, url, check_url, token, timeout, pause, server_path_hint):
    """Replaces `path` with `new_text` and waits for the reload event. Returns the run's record."""
    record = {"file": os.path.relpath(path, target.root), "url": url}
    if check_url:
        target.client.drain()
        http_get(target.port, check_url)  # the page is open in a browser
    early = target.client.drain()
    if early:
        record["events_before_edit"] = [e.brief() for e in early]
    tmp = atomic_write(path, new_text)
    t0 = time.perf_counter()
    os.replace(tmp, path)
    deadline = t0 + timeout
    other = []
    event = None
    while True:
        got = target.client.next(deadline - time.perf_counter())
        if got is None:
            break
        if got.kind == "__closed__":
            record["error"] = "event stream closed"
            break
        if got.kind == "failed":
            other.append(got)
            record["error"] = "build failed: " + json.dumps(got.data)[:500]
            break
        if target.matches(got, url):
            event = got
            break
        other.append(got)
    if event is None:
        record.setdefault("error", f"no reload event naming {url} within {timeout:.0f} s")
        record["latency_ms"] = None
    else:
        record["latency_ms"] = round((event.t - t0) * 1000, 2)
        record["event"] = event.data
        if isinstance(event.data, dict) and "changed" in event.data:
            record["changed_count"] = len(event.data["changed"])
    if other:
        record["other_events"] = [e.brief() for e in other]
    # Is the new content served right after the event?
    if event is not None and check_url and token:
        status, body = http_get(target.port, check_url)
        record["fetched_ms"] = round((time.perf_counter() - t0) * 1000, 2)
        record["fresh"] = status == 200 and token in body
        record["fetch_status"] = status
    # The server's own figure: its rebuild log line after t0.
    own = target.server.wait_line(target.own_time_pattern, 60 if event else 1, since=t0)
    if own:
        record["server_ms"] = int(own[1].group(target.own_time_group))
        record["server_line"] = own[1].group(0)[:300]
        record["server_line_delay_ms"] = round((own[0] - t0) * 1000, 2)
    if target.detect_pattern:
        detected = target.server.lines_since(t0, target.detect_pattern)
        if detected:
            record["detect_ms"] = round((detected[0][0] - t0) * 1000, 2)
    if record.get("latency_ms") is not None and record.get("server_ms") is not None:
        record["overhead_ms"] = round(record["latency_ms"] - record["server_ms"], 2)
    target.server.wait_quiet(0.25, timeout=120)
    time.sleep(pause)
    rebuilds = target.server.lines_since(t0, target.own_time_pattern)
    if len(rebuilds) > 1:
        record["server_rebuilds"] = [x for _, _, x in rebuilds]
    late = target.client.drain()
    if late:
        record["events_after"] = [e.brief() for e in late]
    if server_path_hint and own and server_path_hint not in own[1].group(0):
        record["note"] = f"server log line does not name {server_path_hint}"
    return record


def article_runs(target, stems, runs, warmup, timeout, pause, url_of):
    records = []
    for i, stem in enumerate(stems[:warmup + runs]):
        path = os.path.join(target.root, "content", "posts", stem + ".md")
        with open(path, encoding="utf-8") as f:
            text = f.read()
        token = f"serve-latency edit {i} {os.getpid()}-{time.time_ns() % 10**9}"
        if not text.endswith("\n"):
            text += "\n"
        text += f"\n{token}\n"
        url = url_of(stem)
        record = one_edit(target, path, text, url, url, token, timeout, pause,
                          server_path_hint=f"content/posts/{stem}.md" if target.tool == "sitegen" else None)
        record["warmup"] = i < warmup
        records.append(record)
        show(target, "article", i, record)
    return records


def template_runs(target, template_path, seed_text, runs, timeout, pause, probe_url, match_url, check_token=True):
    """Run 0 creates/first-edits the template (discarded), runs 1..R append a comment each."""
    records = []
    text = seed_text
    if not text.endswith("\n"):
        text += "\n"
    os.makedirs(os.path.dirname(template_path), exist_ok=True)
    for i in range(runs + 1):
        token = f"serve-latency template {i} {os.getpid()}-{time.time_ns() % 10**9}"
        text += f"<!-- {token} -->\n"
        record = one_edit(target, template_path, text, match_url, probe_url, token if check_token else None, timeout, pause,
                          server_path_hint=os.path.relpath(template_path, target.root) if target.tool == "sitegen" else None)
        record["warmup"] = i == 0
        records.append(record)
        show(target, "template", i, record)
    return records


def show(target, kind, i, record):
    extra = ""
    if record.get("server_ms") is not None:
        extra += f", server {record['server_ms']} ms"
    if record.get("changed_count") is not None:
        extra += f", {record['changed_count']} changed"
    if record.get("fresh") is False:
        extra += ", STALE page after event"
    if record.get("error"):
        extra += f", ERROR {record['error']}"
    if record.get("other_events") or record.get("events_after") or record.get("server_rebuilds"):
        extra += ", extra events/rebuilds"
    lat = record.get("latency_ms")
    lat = f"{lat:.1f} ms" if lat is not None else "-"
    log(f"  {target.label} {kind} #{i}{' (warm-up)' if record.get('warmup') else ''}: {lat}{extra}")


# ---------------------------------------------------------------------------------------------
# Sessions


def sitegen_session(args, n, corpus, stems, scratch, config, result):
    root = os.path.join(scratch, f"sitegen-{n}")
    took = copy_site(corpus, root)
    log(f"sitegen N={n}: copied corpus to {root} ({took:.1f} s); starting sitegen serve")
    server = SitegenServer("sitegen", [args.sitegen, "serve", "--source", root, "--config", config, "--port", "0"])
    client = None
    try:
        t = time.perf_counter()
        ready = server.wait_line(SitegenServer.SERVING, args.start_timeout)
        if not ready:
            raise RuntimeError(f"sitegen serve did not start: {server.tail()}")
        port = int(ready[1].group(1))
        built = server.wait_line(SitegenServer.REBUILT, args.start_timeout)
        result["startup_s"] = round(time.perf_counter() - t, 2)
        result["serving_after_s"] = round(ready[0] - t, 2)
        result["initial_build"] = built[1].group(0) if built else None
        result["server_nofile"] = server.nofile_limit()
        server.wait_quiet(0.5, timeout=300)
        log(f"sitegen N={n}: serving on port {port} after {result['serving_after_s']} s; {result['initial_build']}; "
            f"nofile {result['server_nofile']}")
        status, _ = http_get(port, f"/posts/{stems[0]}/")
        if status != 200:
            raise RuntimeError(f"/posts/{stems[0]}/ answers {status}")
        client = SSEClient(port)
        hello = client.next(10)
        if hello is None or hello.kind != "hello":
            raise RuntimeError(f"expected event: hello, got {hello.brief() if hello else 'nothing'}")
        target = SitegenTarget("sitegen", server, client, port, SitegenServer.REBUILT, "ms")
        target.root, target.label = root, f"sitegen N={n}"
        url_of = lambda stem: f"/posts/{stem}/"
        result["article"] = article_runs(target, stems, args.runs, args.warmup, args.timeout, args.pause, url_of)
        footer = os.path.join(REPO, "templates", "partials", "footer.mustache")
        with open(footer, encoding="utf-8") as f:
            seed = f.read()
        probe = url_of(stems[-1])
        result["template"] = template_runs(target, os.path.join(root, "templates", "partials", "footer.mustache"),
                                           seed, args.runs, args.timeout, args.pause, probe, probe)
        result["stderr_lines"] = server.line_count["stderr"]
        end_session(result, server, args, port, url_of(stems[len(stems) // 2]) if args.wrk else None, "sitegen")
    finally:
        close_session(server, client, args, root)


def hugo_session(args, n, corpus, stems, scratch, fast_render, result):
    mode = result["mode"]
    root = os.path.join(scratch, f"hugo-{mode}-{n}")
    site = os.path.join(scratch, f"hugo-{mode}-{n}-site")
    took = copy_site(corpus, root)
    subprocess.run([sys.executable, os.path.join(args.shared, "bench", "hugo_adapter.py"), root, site], check=True)
    port = free_port()
    argv = ["hugo", "server", "--source", site, "--port", str(port), "--bind", "127.0.0.1"]
    if not fast_render:
        argv.append("--disableFastRender")
    log(f"hugo N={n} ({mode}): copied corpus ({took:.1f} s); starting {' '.join(argv)}")
    result["argv"] = argv
    server = HugoServer("hugo", argv)
    client = None
    try:
        t = time.perf_counter()
        ready = server.wait_line(HugoServer.READY, args.start_timeout)
        if not ready:
            raise RuntimeError(f"hugo server did not start: {server.tail()}")
        result["startup_s"] = round(ready[0] - t, 2)
        built = server.lines_since(t, HugoServer.BUILT)
        result["initial_build"] = built[0][2] if built else None
        result["server_nofile"] = server.nofile_limit()
        server.wait_quiet(0.5, timeout=120)
        log(f"hugo N={n} ({mode}): serving on port {port} after {result['startup_s']} s; {result['initial_build']}")
        status, _ = http_get(port, f"/posts/{stems[0]}/")
        if status != 200:
            raise RuntimeError(f"/posts/{stems[0]}/ answers {status}")
        client = LiveReloadClient(port)
        client.hello()
        hello = client.next(10)
        if hello is None or hello.kind != "hello":
            raise RuntimeError(f"expected the LiveReload hello, got {hello.brief() if hello else 'nothing'}")
        target = HugoTarget("hugo", server, client, port, HugoServer.TOTAL, 1)
        target.root, target.label = root, f"hugo {mode} N={n}"
        target.detect_pattern = HugoServer.DETECTED
        url_of = lambda stem: f"/posts/{stem}/"
        result["article"] = article_runs(target, stems, args.runs, args.warmup, args.timeout, args.pause, url_of)
        baseof = os.path.join(site, "layouts", "_default", "baseof.html")
        with open(baseof, encoding="utf-8") as f:
            seed = f.read()
        # The edit target lives in SITE/layouts, not in the corpus copy: one_edit names files relative to root.
        target.root = site
        probe = url_of(stems[-1])
        # Go's html/template drops HTML comments, so the page cannot show the token: no freshness check.
        result["template"] = template_runs(target, baseof, seed, args.runs, args.timeout, args.pause, probe, None,
                                           check_token=False)
        # wrk once, as a reference for the same load: Go's net/http.
        end_session(result, server, args, port, url_of(stems[len(stems) // 2]) if args.wrk and not fast_render else None, "hugo")
    finally:
        close_session(server, client, args, root, site)


def end_session(result, server, args, port, wrk_page, server_name):
    """What every session records last: the server's memory, wrk against `wrk_page` and / (when given),
    and whether the server is still alive."""
    result["rss_mb_after"] = server.rss_mb()
    if wrk_page:
        result["wrk"] = wrk_runs(args, port, [wrk_page, "/"], server_name=server_name)
    if server.proc.poll() is not None:
        result["error"] = f"server exited with {server.proc.returncode}"


def close_session(server, client, args, *folders):
    """Closes the event client, stops the server and removes the scratch copies (unless --keep)."""
    if client:
        client.close()
    server.stop()
    if not args.keep:
        for folder in folders:
            shutil.rmtree(folder, ignore_errors=True)


# ---------------------------------------------------------------------------------------------
# wrk


def parse_duration_ms(text):
    m = re.match(r"([\d.]+)(us|ms|s|m)$", text)
    if not m:
        return None
    value, unit = float(m.group(1)), m.group(2)
    return round(value * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit], 3)


def listen_overflows():
    """TcpExt ListenOverflows from /proc/net/netstat (system-wide), or None."""
    try:
        with open("/proc/net/netstat") as f:
            rows = [line.split() for line in f]
        for names, values in zip(rows[::2], rows[1::2]):
            if names[0] == "TcpExt:" and "ListenOverflows" in names:
                return int(values[names.index("ListenOverflows")])
    except (OSError, ValueError, IndexError):
        pass
    return None


def listen_backlog(port):
    """The accept-queue limit of the socket listening on 127.0.0.1:port (from /proc/net/tcp, via ss)."""
    try:
        out = subprocess.run(["ss", "-lnt", f"sport = :{port}"], capture_output=True, text=True, timeout=10).stdout
        for line in out.splitlines()[1:]:
            fields = line.split()
            if len(fields) >= 4 and fields[0] == "LISTEN":
                return int(fields[2])
    except (OSError, ValueError, subprocess.SubprocessError):
        pass
    return None


def wrk_runs(args, port, paths, server_name="sitegen"):
    if not shutil.which("wrk"):
        log("wrk not found (apt-get install -y wrk): skipping")
        return [{"error": "wrk not installed"}]
    out = []
    for path in paths:
        url = f"http://127.0.0.1:{port}{path}"
        status, body = http_get(port, path)
        argv = ["wrk", f"-t{args.wrk_threads}", f"-c{args.wrk_connections}", f"-d{args.wrk_duration}s", "--latency", url]
        log(f"  {' '.join(argv)}  (page: HTTP {status}, {len(body.encode())} bytes)")
        overflows = listen_overflows()
        proc = subprocess.run(argv, capture_output=True, text=True, timeout=args.wrk_duration + 120,
                              preexec_fn=child_setup)
        text = proc.stdout + proc.stderr
        record = {"server": server_name, "url": url, "argv": argv, "page_status": status,
                  "page_bytes": len(body.encode()), "exit": proc.returncode, "output": text,
                  "listen_backlog": listen_backlog(port)}
        if overflows is not None and listen_overflows() is not None:
            # System-wide counter (other processes may add to it): SYNs dropped because an accept queue was full.
            record["listen_overflows"] = listen_overflows() - overflows
        m = re.search(r"Requests/sec:\s*([\d.]+)", text)
        record["requests_per_s"] = float(m.group(1)) if m else None
        m = re.search(r"(\d+) requests in ([\d.]+\w+), ([\d.]+\w+) read", text)
        record["requests"] = int(m.group(1)) if m else None
        for pct in ("50", "75", "90", "99"):
            m = re.search(rf"^\s*{pct}%\s+(\S+)", text, re.M)
            record[f"latency_p{pct}_ms"] = parse_duration_ms(m.group(1)) if m else None
        m = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
        record["socket_errors"] = dict(zip(("connect", "read", "write", "timeout"), map(int, m.groups()))) if m else \
            {"connect": 0, "read": 0, "write": 0, "timeout": 0}
        m = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
        record["non_2xx_3xx"] = int(m.group(1)) if m else 0
        record["ok"] = (proc.returncode == 0 and record["requests_per_s"] is not None
                        and not any(record["socket_errors"].values()) and record["non_2xx_3xx"] == 0)
        log(f"    {record['requests_per_s']} req/s, p50 {record['latency_p50_ms']} ms, p99 {record['latency_p99_ms']} ms, "
            f"socket errors {record['socket_errors']}, non-2xx/3xx {record['non_2xx_3xx']}, "
            f"listen backlog {record['listen_backlog']}, listen overflows {record.get('listen_overflows')}")
        out.append(record)
        time.sleep(1)
    return out


# ---------------------------------------------------------------------------------------------
# Report


def stats(values):
    values = sorted(v for v in values if v is not None)
    if not values:
        return None
    p90 = statistics.quantiles(values, n=10, method="inclusive")[8] if len(values) > 1 else values[0]
    return {"n": len(values), "median": round(statistics.median(values), 1), "p90": round(p90, 1),
            "min": round(values[0], 1), "max": round(values[-1], 1)}


def summarize(session, kind):
    records = [r for r in session.get(kind, []) if not r.get("warmup")]
    latency = stats([r.get("latency_ms") for r in records])
    own = stats([r.get("server_ms") for r in records])
    changed = stats([r.get("changed_count") for r in records])
    overhead = stats([r.get("overhead_ms") for r in records])
    detect = stats([r.get("detect_ms") for r in records])
    problems = []
    for i, r in enumerate(session.get(kind, [])):
        tag = f"{kind} #{i}{' (warm-up)' if r.get('warmup') else ''} {r.get('file')}"
        if r.get("error"):
            problems.append(f"{tag}: {r['error']}")
        if r.get("fresh") is False:
            problems.append(f"{tag}: page {r.get('url')} did not show the edit right after the event "
                            f"(HTTP {r.get('fetch_status')})")
        if r.get("other_events"):
            problems.append(f"{tag}: events before the expected one: {r['other_events']}")
        if r.get("events_after"):
            problems.append(f"{tag}: extra events after it: {r['events_after']}")
        if r.get("events_before_edit"):
            problems.append(f"{tag}: unexpected events before the edit: {r['events_before_edit']}")
        if r.get("server_rebuilds"):
            problems.append(f"{tag}: {len(r['server_rebuilds'])} rebuilds for one save: {r['server_rebuilds']}")
        if r.get("note"):
            problems.append(f"{tag}: {r['note']}")
        if session["tool"] == "sitegen" and kind == "article" and r.get("event"):
            # Expected: the page itself, the feeds carrying its full text (Atom feeds of its tags and
            # category, the site feeds when it is among the newest) and the search index (its fragment, the
            # manifest and the shards of its words). Anything else is suspicious.
            odd = [u for u in r["event"].get("changed", [])
                   if u != r.get("url") and not FEED_URL.search(u) and not u.startswith("/search/")]
            if odd:
                problems.append(f"{tag}: reload also names non-feed URLs (list pages are expected when the added "
                                f"words change the reading time their cards show): {odd[:8]}")
            if r.get("url") not in r["event"].get("changed", []):
                problems.append(f"{tag}: reload event does not name {r.get('url')}")
    return {"latency_ms": latency, "server_ms": own, "changed": changed, "overhead_ms": overhead, "detect_ms": detect,
            "errors": sum(1 for r in records if r.get("error")), "problems": problems}


def fmt(value, width=7):
    return f"{value:>{width}.1f}" if isinstance(value, (int, float)) else f"{'-':>{width}}"


def report(results, args):
    lines = []
    lines.append("Save-to-reload latency (ms; t0 = just before os.replace, t1 = arrival of the reload event)")
    lines.append(f"runs per row: {args.runs} (+ warm-up runs not counted: article {args.warmup}, template 1)")
    lines.append("")
    head = (f"{'N':>6}  {'server':<26} {'edit':<9} {'runs':>4} {'median':>7} {'p90':>7} {'min':>7} {'max':>7}"
            f"  {'own med':>7} {'own p90':>7} {'rest':>6}  {'changed':>7}  {'startup':>8}")
    lines.append(head)
    lines.append("-" * len(head))
    for session in results["sessions"]:
        label = session["tool"] if session["tool"] == "sitegen" else f"hugo {session['mode']}"
        if session.get("error") and "article" not in session:
            lines.append(f"{session['n']:>6}  {label:<26} ERROR {session['error']}")
            continue
        for kind in ("article", "template"):
            s = session["summary"][kind]
            lat, own, changed = s["latency_ms"] or {}, s["server_ms"] or {}, s["changed"] or {}
            rest = s.get("overhead_ms") or {}
            lines.append(f"{session['n']:>6}  {label:<26} {kind:<9} {lat.get('n', 0):>4} {fmt(lat.get('median'))} "
                         f"{fmt(lat.get('p90'))} {fmt(lat.get('min'))} {fmt(lat.get('max'))}  {fmt(own.get('median'))} "
                         f"{fmt(own.get('p90'))} {fmt(rest.get('median'), 6)}  {fmt(changed.get('median'))}  "
                         f"{session.get('startup_s', 0):>7.1f}s")
    lines.append("")
    lines.append("own med/p90: the server's own figure per rebuild — sitegen: `Rebuilt ... in N ms` (build + diff of "
                 "the served site, without watching, debouncing and re-reading the file); Hugo: `Total in N ms`.")
    lines.append("rest: median of (latency - own figure) per run: noticing the change (inotify, debounce; Hugo's "
                 "watcher batches events), re-reading the file, sending the event.")
    lines.append("changed: URLs in sitegen's reload event (median); startup: process start to serving.")
    for session in results["sessions"]:
        for kind in ("article", "template"):
            detect = (session.get("summary", {}).get(kind, {}).get("detect_ms") or {}).get("median")
            if detect is not None:
                lines.append(f"hugo {session['mode']} N={session['n']} {kind}: 'Change detected' logged {detect:.0f} ms "
                             f"after the save (median)")
    lines.append(f"load average before/after each session: " + "; ".join(
        f"{s['tool']} {s['mode']} N={s['n']}: {s['loadavg_before'][0]:.1f}/{s.get('loadavg_after', [0])[0]:.1f}"
        for s in results["sessions"] if "loadavg_before" in s))
    lines.append("")
    for session in results["sessions"]:
        if session["tool"] != "sitegen" or "summary" not in session:
            continue
        goal = GOALS_MS.get(session["n"])
        lat = (session["summary"]["article"]["latency_ms"] or {}).get("median")
        if goal and lat is not None:
            verdict = "meets" if lat < goal else "MISSES"
            lines.append(f"goal N={session['n']}: article edit median {lat:.1f} ms {verdict} the goal of < {goal} ms")
    wrk = [(s["n"], w) for s in results["sessions"] for w in s.get("wrk", [])]
    if wrk:
        lines.append("")
        lines.append(f"wrk -t{args.wrk_threads} -c{args.wrk_connections} -d{args.wrk_duration}s --latency (keep-alive; "
                     f"wrk counts a request unanswered after 2 s as a timeout socket error)")
        head = (f"{'N':>6}  {'server':<8} {'url':<50} {'req/s':>7} {'p50 ms':>7} {'p99 ms':>7} {'sock err':>8} "
                f"{'non-2xx':>7} {'backlog':>7} {'overflows':>9}  ok")
        lines.append(head)
        lines.append("-" * len(head))
        for n, w in wrk:
            if "url" not in w:
                lines.append(f"{n:>6}  {w.get('error')}")
                continue
            errs = sum(w["socket_errors"].values())
            path = "/" + w["url"].split(":", 2)[2].split("/", 1)[1]
            path = path if len(path) <= 50 else path[:47] + "..."
            lines.append(f"{n:>6}  {w.get('server', 'sitegen'):<8} {path:<50} {w['requests_per_s'] or 0:>7.0f} "
                         f"{fmt(w['latency_p50_ms'])} {fmt(w['latency_p99_ms'])} {errs:>8} {w['non_2xx_3xx']:>7} "
                         f"{w.get('listen_backlog') or '-':>7} {w.get('listen_overflows', '-'):>9}  "
                         f"{'yes' if w['ok'] else 'NO'}")
            if errs:
                lines.append(f"        socket errors: {w['socket_errors']}")
        lines.append("backlog: the listening socket's accept-queue limit; overflows: TcpExt ListenOverflows during the "
                     "run (system-wide), connections whose handshake was dropped because that queue was full")
    problems = [(s, p) for s in results["sessions"] for k in ("article", "template")
                for p in s.get("summary", {}).get(k, {}).get("problems", [])]
    errors = [s for s in results["sessions"] if s.get("error")]
    lines.append("")
    if problems or errors:
        lines.append("Anomalies:")
        for s in errors:
            lines.append(f"  N={s['n']} {s['tool']} {s.get('mode')}: {s['error']}")
        for s, p in problems:
            lines.append(f"  N={s['n']} {s['tool']} {s.get('mode')}: {p}")
    else:
        lines.append("Anomalies: none (every edit got exactly one reload event naming its page, and the page was fresh)")
    return "\n".join(lines)


# ---------------------------------------------------------------------------------------------


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    default_sitegen = os.path.join(REPO, ".build", "release", "sitegen")
    ap.add_argument("--sitegen", default=default_sitegen if os.path.exists(default_sitegen) else "sitegen",
                    help="the sitegen binary (default: .build/release/sitegen, else sitegen on PATH)")
    ap.add_argument("--hugo", action="store_true", help="also measure hugo server (both render modes)")
    ap.add_argument("--wrk", action="store_true", help="also load-test sitegen serve with wrk")
    ap.add_argument("--n", type=int, nargs="+", default=[1000, 10000], help="corpus sizes (default 1000 10000)")
    ap.add_argument("--runs", type=int, default=15, help="measured edits per kind (default 15)")
    ap.add_argument("--warmup", type=int, default=1, help="article edits before the measured ones, not counted (default 1)")
    ap.add_argument("--corpus-dir", default=os.path.join(tempfile.gettempdir(), "sitegen-bench"),
                    help="where corpus-N folders are reused or generated (default $TMPDIR/sitegen-bench)")
    ap.add_argument("--shared", default=os.path.join(REPO, "..", "shared"), help="the shared kit (default ../shared)")
    ap.add_argument("--scratch", default=None, help="folder for the per-session corpus copies (default $TMPDIR)")
    ap.add_argument("--config", default=None, help="sitegen config (default: a generated one with markdown.unsafe_html)")
    ap.add_argument("--pause", type=float, default=0.3, help="seconds between runs once the server is quiet (default 0.3)")
    ap.add_argument("--timeout", type=float, default=120, help="seconds to wait for one reload event (default 120)")
    ap.add_argument("--start-timeout", type=float, default=900, help="seconds to wait for a server to start")
    ap.add_argument("--no-sitegen", action="store_true", help="with --hugo: measure Hugo only")
    ap.add_argument("--no-fast-render", action="store_true", help="with --hugo: skip Hugo's default fast-render mode")
    ap.add_argument("--wrk-threads", type=int, default=2)
    ap.add_argument("--wrk-connections", type=int, default=1000)
    ap.add_argument("--wrk-duration", type=int, default=10)
    ap.add_argument("--json", help="write every raw number to this file")
    ap.add_argument("--keep", action="store_true", help="keep the scratch copies")
    args = ap.parse_args()

    args.shared = os.path.abspath(args.shared)
    if not os.path.isfile(os.path.join(args.shared, "bench", "gen_corpus.py")):
        sys.exit(f"no {args.shared}/bench/gen_corpus.py (use --shared)")
    args.sitegen = shutil.which(args.sitegen) or args.sitegen
    if not os.access(args.sitegen, os.X_OK):
        sys.exit(f"sitegen binary not found: {args.sitegen} (use --sitegen)")
    args.sitegen = os.path.abspath(args.sitegen)
    if args.hugo and not shutil.which("hugo"):
        sys.exit("hugo not found on PATH (apt-get install hugo)")
    nofile = raise_nofile()
    if args.wrk and nofile != resource.RLIM_INFINITY and nofile < args.wrk_connections + 100:
        log(f"warning: open-file limit {nofile} is below {args.wrk_connections} connections")

    def on_term(signum, frame):
        raise KeyboardInterrupt
    # Also SIGINT: a shell without job control starts background jobs with SIGINT ignored, and Python keeps that.
    for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(sig, on_term)

    os.makedirs(args.corpus_dir, exist_ok=True)
    scratch = tempfile.mkdtemp(prefix="serve-latency-", dir=args.scratch)
    config = args.config
    if config is None:
        config = os.path.join(scratch, "bench-config.yaml")
        with open(config, "w") as f:
            f.write("markdown:\n  unsafe_html: true\n")
    config = os.path.abspath(config)

    version = subprocess.run([args.sitegen, "--version"], capture_output=True, text=True).stdout.strip()
    results = {"started": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "sitegen": args.sitegen, "sitegen_version": version,
               "hugo_version": subprocess.run(["hugo", "version"], capture_output=True, text=True).stdout.strip()
               if args.hugo else None,
               "machine": {"cpus": os.cpu_count(), "kernel": os.uname().release}, "nofile": nofile,
               "args": {k: v for k, v in vars(args).items()}, "config": config, "sessions": []}
    log(f"sitegen {version} at {args.sitegen}; scratch {scratch}; {os.cpu_count()} CPUs")
    interrupted = False
    try:
        for n in args.n:
            corpus = ensure_corpus(args.shared, os.path.abspath(args.corpus_dir), n)
            stems = published_stems(os.path.join(corpus, "content"))
            chosen = pick(stems, args.runs + args.warmup)
            log(f"N={n}: {corpus}, {len(stems)} published articles; editing {len(chosen)} of them")
            sessions = [] if args.no_sitegen else [("sitegen", None)]
            if args.hugo:
                sessions.append(("hugo", False))
                if not args.no_fast_render:
                    sessions.append(("hugo", True))
            for tool, fast in sessions:
                mode = "serve" if fast is None else ("fast-render" if fast else "disableFastRender")
                session = {"tool": tool, "mode": mode, "n": n, "loadavg_before": os.getloadavg()}
                results["sessions"].append(session)
                try:
                    if tool == "sitegen":
                        sitegen_session(args, n, corpus, chosen, scratch, config, session)
                    else:
                        hugo_session(args, n, corpus, chosen, scratch, fast, session)
                except Exception as error:  # report and go on with the next session
                    log(f"{tool} {mode} N={n}: {type(error).__name__}: {error}")
                    session["error"] = f"{type(error).__name__}: {error}"
                finally:
                    session["loadavg_after"] = os.getloadavg()
                    session["summary"] = {kind: summarize(session, kind) for kind in ("article", "template")}
    except KeyboardInterrupt:
        interrupted = True
        log("interrupted: stopping servers")
    finally:
        for server in list(SERVERS):
            server.stop()
        if not args.keep:
            shutil.rmtree(scratch, ignore_errors=True)
    results["finished"] = time.strftime("%Y-%m-%dT%H:%M:%S%z")
    text = report(results, args)
    results["table"] = text
    print(text, flush=True)
    if args.json:
        with open(args.json, "w") as f:
            json.dump(results, f, indent=1)
        log(f"raw numbers in {args.json}")
    if interrupted:
        sys.exit(130)


if __name__ == "__main__":
    main()
