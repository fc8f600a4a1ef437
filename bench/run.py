#!/usr/bin/env python3
"""`make bench`: full builds of generated corpora with sitegen, and with Hugo where it is installed.

Usage:
    bench/run.py [--sizes 1000,10000] [--runs 5] [--warmup 1] [--seed 42] [--no-hugo] [--no-highlight]
                 [--no-search] [--keep] [--json FILE] [--no-build] [--sitegen PATH] [--hugo PATH]

Steps:

  1. `swift build -c release --product sitegen` (skipped with --no-build or --sitegen PATH).
  2. For each size N, the corpus bench-out/corpus-N-seedS/ (bench/gen-corpus.py). A folder whose
     corpus.json names the same n, seed and generator (its SHA-256) is reused; otherwise it is written
     again. bench-out/ is git-ignored.
  3. A scratch copy of bench/hugo/ (Hugo writes resources/ and a lock file into its site folder), and,
     for --no-highlight or --no-search, a sitegen config beside it that differs from the corpus's
     sitegen.yaml in that one setting.
  4. --warmup unrecorded rounds, then --runs recorded rounds. A round builds with sitegen, then with
     Hugo, so both tools meet the same background load. Each build goes to a new, empty output folder
     (a full build, not a rebuild), under /dev/shm when it is writable, else under $TMPDIR:
         sitegen build --quiet --source CORPUS [--config CONFIG] --output OUT
         hugo --quiet --source SITE --contentDir CORPUS/content --destination OUT [--config ...]
     Each command runs under `/usr/bin/time -f '%e %U %S %M'` (Debian package `time`): user+sys CPU
     seconds and the peak resident set size of the process. Wall time is measured around it with
     time.perf_counter, so it includes process start-up. `os.sync()` runs (untimed) before every
     build, so no build pays for the writeback of the one before. The page cache stays warm: the
     corpus is read from memory after the warm-up.
  5. A table per size: runs, median/min/max wall seconds, median CPU seconds, median and max peak RSS
     (MB), the files / HTML files / MB in the output of the last run, and the ratios sitegen/hugo of
     the medians (below 1: sitegen is faster or smaller).

Why RAM for the output: on the root ext4 file system of these machines, creating files shortly after
many files were deleted costs noticeable kernel time per file (ext4 searches its recently deleted
inodes when it allocates new ones), and every run here deletes the thousands of files of the run before,
as do other processes on a shared machine. That made Hugo's builds 1.5-3x slower and erratic, measuring
the disk's bookkeeping instead of the generators. tmpfs has no such cost. Set BENCH_OUT=DIR to put the
outputs elsewhere on purpose (for example on a real disk).

The tools' stdout and stderr go to a log file, not the terminal (sitegen warns about the corpus's
images, which are not in a public/ folder). A build that exits non-zero stops the script with its log
shown. --keep keeps the scratch folder (the Hugo site and each tool's last output) and prints its path.
--json FILE writes every run and the summaries (`-` for stdout; the table then goes to stderr).

Python 3 standard library only; Hugo is optional (0.111 tested).
"""
import argparse
import hashlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
TIME = "/usr/bin/time"


def log(message):
    print(message, file=sys.stderr, flush=True)


def fail(message):
    log(f"bench: {message}")
    sys.exit(1)


# -- set-up ---------------------------------------------------------------------------------------

def build_sitegen():
    log("Building sitegen (swift build -c release --product sitegen)…")
    done = subprocess.run(["swift", "build", "-c", "release", "--product", "sitegen"], cwd=ROOT,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if done.returncode != 0:
        sys.stderr.write(done.stdout)
        fail("the release build failed")
    return os.path.join(ROOT, ".build", "release", "sitegen")


def corpus(n, seed, base):
    """The corpus folder for n and seed, written unless a current one is there."""
    folder = os.path.join(base, f"corpus-{n}-seed{seed}")
    info_path = os.path.join(folder, "corpus.json")
    with open(os.path.join(HERE, "gen-corpus.py"), "rb") as f:
        digest = hashlib.sha256(f.read()).hexdigest()
    try:
        with open(info_path) as f:
            info = json.load(f)
        posts = os.path.join(folder, "content", "posts")
        if (info.get("n"), info.get("seed"), info.get("generator_sha256")) == (n, seed, digest) \
                and len(os.listdir(posts)) == n:
            log(f"Reusing {os.path.relpath(folder, ROOT)}")
            return folder, info
    except (OSError, ValueError):
        pass
    log(f"Generating {n} articles (seed {seed}) into {os.path.relpath(folder, ROOT)}…")
    done = subprocess.run([sys.executable, os.path.join(HERE, "gen-corpus.py"), "--n", str(n), "--seed", str(seed),
                           "--out", folder, "--force"])
    if done.returncode != 0:
        fail("gen-corpus.py failed")
    with open(info_path) as f:
        return folder, json.load(f)


def scratch_base():
    wanted = os.environ.get("BENCH_OUT") or "/dev/shm"
    if os.path.isdir(wanted) and os.access(wanted, os.W_OK):
        return wanted
    return tempfile.gettempdir()


def version(command):
    try:
        return subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                              timeout=30).stdout.strip().splitlines()[0]
    except (OSError, IndexError, subprocess.SubprocessError):
        return "unknown"


def machine():
    model = "unknown"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    memory = 0
    try:
        with open("/proc/meminfo") as f:
            memory = int(f.readline().split()[1]) // 1024
    except (OSError, ValueError, IndexError):
        pass
    distro = platform.system()
    try:
        with open("/etc/os-release") as f:
            for line in f:
                if line.startswith("PRETTY_NAME="):
                    distro = line.split("=", 1)[1].strip().strip('"')
    except OSError:
        pass
    commit = version(["git", "-C", ROOT, "describe", "--always", "--dirty"])
    return {"cpu": model, "cores": os.cpu_count(), "memory_mb": memory, "os": distro, "kernel": platform.release(),
            "load_average": list(os.getloadavg()), "sitegen_commit": commit,
            "date": time.strftime("%Y-%m-%d %H:%M %Z")}


# -- measuring ------------------------------------------------------------------------------------

def count_output(folder):
    files = html = size = 0
    for parent, _, names in os.walk(folder):
        for name in names:
            files += 1
            html += name.endswith(".html")
            size += os.path.getsize(os.path.join(parent, name))
    return {"files": files, "html": html, "bytes": size}


def measure(label, command, out, work, timeout):
    """Run one build into `out` (which must not exist yet); return its figures or stop the script."""
    times = os.path.join(work, "time.txt")
    output_log = os.path.join(work, f"{label}.log")
    os.sync()
    with open(output_log, "wb") as sink:
        start = time.perf_counter()
        try:
            done = subprocess.run([TIME, "-f", "%e %U %S %M", "-o", times] + command(out),
                                  stdin=subprocess.DEVNULL, stdout=sink, stderr=sink, timeout=timeout)
            code = done.returncode
        except subprocess.TimeoutExpired:
            code = "timeout"
        wall = time.perf_counter() - start
    if code != 0:
        with open(output_log, errors="replace") as f:
            lines = f.read().splitlines()
        errors = [i for i, line in enumerate(lines) if "error:" in line]
        shown = sorted({j for i in errors[:40] for j in range(i, min(i + 3, len(lines)))} | set(range(max(0, len(lines) - 15), len(lines))))
        previous = -1
        for j in shown:
            if j > previous + 1:
                sys.stderr.write("    …\n")
            sys.stderr.write(lines[j] + "\n")
            previous = j
        fail(f"{label} failed (exit {code}): {' '.join(command(out))}")
    with open(times) as f:
        elapsed, user, system, rss_kb = f.read().split()[-4:]
    return {"wall_s": round(wall, 4), "cpu_s": round(float(user) + float(system), 3), "user_s": float(user),
            "sys_s": float(system), "peak_rss_mb": round(int(rss_kb) / 1024, 1)}


def summarise(runs, output):
    walls = [r["wall_s"] for r in runs]
    rss = [r["peak_rss_mb"] for r in runs]
    return {"runs": len(runs), "median_s": statistics.median(walls), "min_s": min(walls), "max_s": max(walls),
            "cpu_median_s": statistics.median(r["cpu_s"] for r in runs), "rss_median_mb": statistics.median(rss),
            "rss_max_mb": max(rss), **output}


def bench_size(n, args, sitegen, hugo, site, sitegen_config, scratch):
    folder, info = corpus(n, args.seed, args.corpus_dir)
    tools = {"sitegen": lambda out: [sitegen, "build", "--quiet", "--source", folder, "--output", out]
             + (["--config", sitegen_config] if sitegen_config else [])}
    if hugo:
        configs = "config.toml,no-highlight.toml" if args.no_highlight else "config.toml"
        tools["hugo"] = lambda out: [hugo, "--quiet", "--source", site, "--contentDir", os.path.join(folder, "content"),
                                     "--destination", out, "--config", configs]
    runs = {label: [] for label in tools}
    last = {}
    rounds = [("warm-up", i + 1) for i in range(args.warmup)] + [("run", i + 1) for i in range(args.runs)]
    for kind, number in rounds:
        for label, command in tools.items():
            out = os.path.join(scratch, f"{label}-{n}-{kind}-{number}")
            figures = measure(label, command, out, scratch, args.timeout)
            log(f"  N={n} {label:<8} {kind} {number}: {figures['wall_s']:.2f} s, CPU {figures['cpu_s']:.2f} s, "
                f"{figures['peak_rss_mb']:.0f} MB")
            if kind == "run":
                runs[label].append(figures)
            if label in last:  # keep only the newest output per tool (RAM)
                shutil.rmtree(last[label], ignore_errors=True)
            last[label] = out
    result = {"n": n, "seed": args.seed, "corpus": os.path.relpath(folder, ROOT), "corpus_bytes": info["bytes"],
              "drafts": info["drafts"], "tools": {}}
    for label in tools:
        result["tools"][label] = {"summary": summarise(runs[label], count_output(last[label])), "runs": runs[label],
                                  "last_output": last[label] if args.keep else None}
    if "hugo" in result["tools"]:
        s, h = result["tools"]["sitegen"]["summary"], result["tools"]["hugo"]["summary"]
        result["ratio_sitegen_over_hugo"] = {
            "wall": round(s["median_s"] / h["median_s"], 3), "cpu": round(s["cpu_median_s"] / h["cpu_median_s"], 3),
            "peak_rss": round(s["rss_median_mb"] / h["rss_median_mb"], 3)}
    return result


# -- report ---------------------------------------------------------------------------------------

def table(result, args, out):
    n = result["n"]
    published = n - result["drafts"]
    print(f"\nN={n:,} articles ({published:,} published, {result['corpus_bytes'] / 1e6:.1f} MB, seed {result['seed']}), "
          f"{args.runs} runs after {args.warmup} warm-up, highlighting {'off' if args.no_highlight else 'on'}"
          f"{', sitegen search off' if args.no_search else ', sitegen search on'}", file=out)
    head = f"{'tool':<9}{'runs':>5}{'median s':>10}{'min s':>8}{'max s':>8}{'CPU s':>8}{'RSS MB':>8}{'RSS max':>8}" \
           f"{'files':>7}{'html':>7}{'out MB':>8}"
    print(head, file=out)
    print("-" * len(head), file=out)
    for label, data in result["tools"].items():
        s = data["summary"]
        print(f"{label:<9}{s['runs']:>5}{s['median_s']:>10.2f}{s['min_s']:>8.2f}{s['max_s']:>8.2f}{s['cpu_median_s']:>8.2f}"
              f"{s['rss_median_mb']:>8.0f}{s['rss_max_mb']:>8.0f}{s['files']:>7,}{s['html']:>7,}{s['bytes'] / 1e6:>8.1f}",
              file=out)
    ratio = result.get("ratio_sitegen_over_hugo")
    if ratio:
        print(f"ratio sitegen/hugo (medians): wall {ratio['wall']:.2f}x, CPU {ratio['cpu']:.2f}x, "
              f"peak RSS {ratio['peak_rss']:.2f}x", file=out)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,10000", help="comma-separated corpus sizes (default 1000,10000)")
    parser.add_argument("--runs", type=int, default=5, help="recorded rounds per size (default 5)")
    parser.add_argument("--warmup", type=int, default=1, help="unrecorded rounds first (default 1)")
    parser.add_argument("--seed", type=int, default=42, help="corpus seed (default 42)")
    parser.add_argument("--no-hugo", action="store_true", help="time sitegen alone")
    parser.add_argument("--hugo", help="the hugo binary (default: hugo on PATH)")
    parser.add_argument("--no-highlight", action="store_true", help="both tools without syntax highlighting")
    parser.add_argument("--no-search", action="store_true", help="sitegen without its search index (Hugo has none)")
    parser.add_argument("--sitegen", help="a sitegen binary to use instead of building one")
    parser.add_argument("--no-build", action="store_true", help="use .build/release/sitegen as it is")
    parser.add_argument("--corpus-dir", default=os.path.join(ROOT, "bench-out"), help="where corpora live (default bench-out/)")
    parser.add_argument("--timeout", type=float, default=1800, help="seconds allowed per build (default 1800)")
    parser.add_argument("--keep", action="store_true", help="keep the scratch folder with the last outputs")
    parser.add_argument("--json", metavar="FILE", help="write all figures as JSON to FILE (- for stdout)")
    args = parser.parse_args()
    try:
        sizes = [int(s) for s in args.sizes.replace(" ", "").split(",") if s]
    except ValueError:
        parser.error("--sizes takes numbers separated by commas, such as 1000,10000")
    if not sizes or min(sizes) < 1 or args.runs < 1 or args.warmup < 0:
        parser.error("need at least one size of 1 or more, --runs of 1 or more and --warmup of 0 or more")
    if not os.access(TIME, os.X_OK):
        fail(f"{TIME} is missing: install the Debian package `time` (apt-get install time)")

    if args.sitegen:
        sitegen = os.path.abspath(args.sitegen)
    elif args.no_build:
        sitegen = os.path.join(ROOT, ".build", "release", "sitegen")
    else:
        sitegen = build_sitegen()
    if not os.access(sitegen, os.X_OK):
        fail(f"no sitegen binary at {sitegen}")
    hugo = None
    if not args.no_hugo:
        hugo = args.hugo or shutil.which("hugo")
        if not hugo:
            log("hugo is not on PATH: timing sitegen alone (Debian: apt-get install hugo)")

    os.makedirs(args.corpus_dir, exist_ok=True)
    scratch = tempfile.mkdtemp(prefix="sitegen-bench.", dir=scratch_base())
    report = {"machine": machine(), "sitegen": version([sitegen, "--version"]),
              "hugo": version([hugo, "version"]) if hugo else None, "output_base": os.path.dirname(scratch),
              "runs": args.runs, "warmup": args.warmup, "highlight": not args.no_highlight, "search": not args.no_search,
              "sizes": []}
    try:
        site = os.path.join(scratch, "hugo-site")
        shutil.copytree(os.path.join(HERE, "hugo"), site)
        sitegen_config = None
        if args.no_highlight or args.no_search:
            # Written per size below: the corpus's sitegen.yaml with the one setting changed.
            sitegen_config = os.path.join(scratch, "sitegen.yaml")
        m = report["machine"]
        log(f"Machine: {m['cpu']}, {m['cores']} cores, {m['memory_mb'] / 1024:.1f} GB, {m['os']}, Linux {m['kernel']}; "
            f"load {m['load_average'][0]:.2f}")
        log(f"sitegen {report['sitegen']} ({m['sitegen_commit']}); Hugo: {report['hugo'] or 'not run'}; "
            f"outputs under {report['output_base']}")
        for n in sizes:
            if sitegen_config:
                folder, _ = corpus(n, args.seed, args.corpus_dir)
                with open(os.path.join(folder, "sitegen.yaml")) as f:
                    text = f.read()
                if args.no_highlight:
                    text = text.replace("  highlight: true", "  highlight: false")
                if args.no_search:
                    text = text.replace("search: true", "search: false")
                with open(sitegen_config, "w") as f:
                    f.write(text)
            result = bench_size(n, args, sitegen, hugo, site, sitegen_config, scratch)
            report["sizes"].append(result)
            table(result, args, sys.stderr if args.json == "-" else sys.stdout)
        m = report["machine"]
        print(f"\nMachine: {m['cpu']}, {m['cores']} cores, {m['memory_mb'] / 1024:.1f} GB RAM, {m['os']}; "
              f"sitegen {m['sitegen_commit']}, {(report['hugo'] or 'no Hugo').split(' linux/')[0]}; outputs on {report['output_base']}; {m['date']}",
              file=sys.stderr if args.json == "-" else sys.stdout)
    finally:
        if args.keep:
            log(f"Kept {scratch}")
        else:
            shutil.rmtree(scratch, ignore_errors=True)
    if args.json:
        text = json.dumps(report, indent=2) + "\n"
        if args.json == "-":
            sys.stdout.write(text)
        else:
            with open(args.json, "w") as f:
                f.write(text)


if __name__ == "__main__":
    main()
