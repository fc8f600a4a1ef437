#!/usr/bin/env python3
"""How closely sitegen's build-time syntax highlighter agrees with Pygments, per language.

Usage:
    bench/highlight-vs-pygments.py [--sitegen PATH] [--json FILE] [--details LANG] [--top 5]
                                   [--map TOKENTYPE=CLASS ...] [--samples DIR] [--languages DIR]

Every sample `Tests/SitegenCoreTests/Fixtures/highlight/samples/<stem>.<ext>` is paired with the language file
`templates/highlight/<stem>.yaml` (same stem: `swift.swift` <-> `swift.yaml`, `dockerfile.Dockerfile`
<-> `dockerfile.yaml`); the first of the file's `aliases` is the language passed to sitegen. Samples and
languages are found when the script runs, so new ones are picked up without changing it. For each sample:

  1. sitegen: `SITEGEN highlight --language ALIAS --format json SAMPLE` prints
     `[{"text": "...", "class": "keyword" | null}, ...]`; the texts must join to the sample's exact text
     (read as UTF-8 bytes, no newline translation), which gives a class per character.
  2. Pygments: the lexer of the first of the language's aliases that Pygments knows
     (`pygments.lexers.get_lexer_by_name`), else the language's name, else the sample's file name
     (`get_lexer_for_filename`); options `stripnl=False, ensurenl=False, tabsize=0`, and for PHP
     `startinline=True` when the sample has no `<?`. Pygments still drops a leading BOM and turns
     `\\r\\n` and `\\r` into `\\n`; its text is realigned to the sample (a CR takes the class of the `\\n`
     it became; anything else falls back to a difflib alignment, and unaligned characters count as
     null). Each Pygments token type becomes a sitegen class by the mapping below, giving a class per
     character.
  3. Over the non-whitespace characters: agreement = characters with the same class (null == null)
     / characters compared, and the confusion pairs (sitegen class, Pygments class) that differ,
     with character counts and one example each: the first stretch of text with that pair (where a
     sitegen token and a Pygments token overlap, joined with neighbours that have the same pair).

Pygments token type -> sitegen class (the most specific entry wins; `*` = with its subtypes):

    Keyword.Constant -> constant         Keyword.Type -> type          Keyword* -> keyword
    Name.Builtin* -> builtin             Name.Function* -> function    Name.Class, Name.Exception -> type
    Name.Decorator -> attribute          Name.Attribute -> attribute   Name.Property -> property
    Name.Tag -> tag                      Name.Variable* -> variable    Name.Constant -> constant
    Name.Entity -> escape                Name.Label -> label           Name.Namespace -> null
    Name, Name.Other -> null
    String.Escape, String.Interpol -> escape                           String.Regex -> regex
    String.Doc -> doc                    String* -> string             Number* -> number
    Literal.Date -> constant             Literal, other Literal.* (e.g. YAML's Literal.Scalar.Plain) -> null
    Comment.Preproc, Comment.PreprocFile -> meta                       Comment* -> comment
    Operator.Word -> keyword             Operator -> operator          Punctuation* -> punctuation
    Generic.Inserted -> inserted         Generic.Deleted -> deleted
    Generic.Heading, Generic.Subheading -> heading                     Generic.Emph -> emphasis
    Generic.Strong, Generic.EmphStrong -> strong                       other Generic.* -> null
    Escape -> escape                     Text*, Whitespace, Error, Other -> null

Name.Namespace is null because sitegen's grammars leave module names plain; Pygments' Literal.* other
than dates are unstyled in its default style, hence null. `--map Name.Namespace=meta` (repeatable;
`CLASS` may be `null`) overrides an entry or adds one for a more specific type.

Output: a Markdown table to stdout, one row per sample (language, characters compared, agreement %,
the --top disagreement pairs as `sitegen -> pygments characters (example)`) and an `all` row, then
notes: Pygments version, the lexer used per language, characters Pygments lexed as Error, samples
without a language file, languages without a sample. Warnings go to stderr.
  --json FILE     writes every figure: per sample the counts, per-class character counts (sitegen,
                  Pygments, both), all disagreement pairs with the Pygments token types behind them,
                  realignment notes, Pygments Error-token characters.
  --details LANG  (a language file stem, name or alias) prints, for that language only, every
                  disagreeing stretch of text (a run of tokens with the same pair of classes) aligned
                  in columns: line:column, sitegen class, Pygments class, Pygments token types, text.

Exit status: 0 for any report (it is a comparison, not a test). 1 when sitegen's tokens do not join to
the sample's exact text, or the command fails or prints something else than the token array for a
language it lists in `sitegen highlight --list` (both are bugs). A sample whose language sitegen does not
list (binary older than the language file?) or that Pygments has no lexer for is reported and skipped.

Needs Python 3 and Pygments (`pip install Pygments`); nothing else.
"""
import argparse
import difflib
import json
import os
import re
import shutil
import subprocess
import sys
from collections import Counter

try:
    import pygments
    from pygments.lexers import get_lexer_by_name, get_lexer_for_filename
    from pygments.token import (Comment, Error, Escape, Generic, Keyword, Literal, Name, Number,
                                Operator, Other, Punctuation, String, Text, Token, Whitespace,
                                string_to_tokentype)
    from pygments.util import ClassNotFound
except ImportError:
    sys.exit("needs Pygments: pip install Pygments")

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)

# sitegen's classes (docs/highlighting.md); None is plain text.
CLASSES = {"keyword", "type", "builtin", "function", "variable", "constant", "property", "attribute", "tag",
           "string", "escape", "regex", "number", "comment", "doc", "operator", "punctuation", "meta",
           "heading", "emphasis", "strong", "link", "code", "inserted", "deleted", "changed", "label"}

# Pygments token type -> sitegen class. A type not listed takes its nearest listed parent's class.
# Keep in sync with the table in the docstring.
PYGMENTS_TO_SITEGEN = {
    Token: None,
    Text: None,
    Whitespace: None,
    Error: None,
    Other: None,
    Escape: "escape",
    Keyword: "keyword",                  # also Keyword.Declaration, .Namespace, .Pseudo, .Reserved
    Keyword.Constant: "constant",
    Keyword.Type: "type",
    Name: None,                          # also Name.Other
    Name.Builtin: "builtin",             # also Name.Builtin.Pseudo
    Name.Function: "function",           # also Name.Function.Magic
    Name.Class: "type",
    Name.Exception: "type",
    Name.Decorator: "attribute",
    Name.Attribute: "attribute",
    Name.Property: "property",
    Name.Tag: "tag",
    Name.Variable: "variable",           # also .Class, .Global, .Instance, .Magic
    Name.Constant: "constant",
    Name.Entity: "escape",
    Name.Label: "label",
    Name.Namespace: None,
    Literal: None,                       # also Literal.Other, YAML's Literal.Scalar.Plain, ...
    Literal.Date: "constant",
    String: "string",                    # also .Affix, .Backtick, .Char, .Delimiter, .Double, .Heredoc, ...
    String.Escape: "escape",
    String.Interpol: "escape",
    String.Regex: "regex",
    String.Doc: "doc",
    Number: "number",
    Comment: "comment",                  # also .Hashbang, .Multiline, .Single, .Special
    Comment.Preproc: "meta",
    Comment.PreprocFile: "meta",
    Operator: "operator",
    Operator.Word: "keyword",
    Punctuation: "punctuation",          # also Punctuation.Marker
    Generic: None,                       # also .Error, .Output, .Prompt, .Traceback
    Generic.Inserted: "inserted",
    Generic.Deleted: "deleted",
    Generic.Heading: "heading",
    Generic.Subheading: "heading",
    Generic.Emph: "emphasis",
    Generic.Strong: "strong",
    Generic.EmphStrong: "strong",
}


def warn(msg):
    print(f"warning: {msg}", file=sys.stderr)


def sitegen_class(ttype, mapping):
    while ttype not in mapping:
        ttype = ttype.parent
    return mapping[ttype]


def ttype_name(ttype):
    s = str(ttype)
    return s[len("Token."):] if s.startswith("Token.") else s


def show(cls):
    return "null" if cls is None else cls


# --- languages and samples -----------------------------------------------------------------------


def _yaml_scalar(s):
    s = s.strip()
    if len(s) >= 2 and s[0] == s[-1] and s[0] in "'\"":
        s = s[1:-1]
    return s


def read_language_file(path):
    """name and aliases of a language file, read with a few regular expressions (stdlib only): the
    keys are top-level, `aliases` is a flow list `[a, b]` or a block list of `- a` lines."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    name = None
    m = re.search(r"^name:[ \t]*(.+?)[ \t]*(?:#.*)?$", text, re.M)
    if m:
        name = _yaml_scalar(m.group(1))
    aliases = []
    m = re.search(r"^aliases:[ \t]*\[(.*?)\]", text, re.M | re.S)
    if m:
        aliases = [_yaml_scalar(a) for a in m.group(1).split(",") if a.strip()]
    else:
        m = re.search(r"^aliases:[ \t]*(?:#.*)?\n((?:[ \t]+-[^\n]*\n?)+)", text, re.M)
        if m:
            aliases = [_yaml_scalar(re.sub(r"\s#.*$", "", line.strip()[1:]))
                       for line in m.group(1).splitlines() if line.strip().startswith("-")]
    return name, aliases


def sitegen_list(sitegen):
    """`sitegen highlight --list` as {name: [aliases]}, or None when the command fails."""
    try:
        p = subprocess.run([sitegen, "highlight", "--list"], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired) as e:
        warn(f"`{sitegen} highlight --list` failed: {e}")
        return None
    if p.returncode != 0:
        warn(f"`{sitegen} highlight --list` exited with {p.returncode}: {p.stderr.strip()[:300]}")
        return None
    langs = {}
    for line in p.stdout.splitlines():
        if ":" not in line:
            continue
        name, _, rest = line.rpartition(":")
        langs[name.strip()] = [a.strip() for a in rest.split(",") if a.strip()]
    return langs


def discover(samples_dir, languages_dir):
    """[(stem, sample path, language file or None)] sorted by sample name, and {stem: language file}."""
    lang_files = {}
    for fn in sorted(os.listdir(languages_dir)) if os.path.isdir(languages_dir) else []:
        stem, ext = os.path.splitext(fn)
        if ext in (".yaml", ".yml") and not fn.startswith("."):
            lang_files.setdefault(stem, os.path.join(languages_dir, fn))
    samples = []
    for fn in sorted(os.listdir(samples_dir)) if os.path.isdir(samples_dir) else []:
        path = os.path.join(samples_dir, fn)
        if fn.startswith(".") or not os.path.isfile(path):
            continue
        stem = fn.split(".", 1)[0]
        samples.append((stem, path, lang_files.get(stem) or lang_files.get(stem.lower())))
    return samples, lang_files


# --- tokens ---------------------------------------------------------------------------------------


class SitegenError(Exception):
    pass


def sitegen_tokens(sitegen, alias, path):
    cmd = [sitegen, "highlight", "--language", alias, "--format", "json", path]
    try:
        p = subprocess.run(cmd, capture_output=True, timeout=120)
    except (OSError, subprocess.TimeoutExpired) as e:
        raise SitegenError(f"`{' '.join(cmd)}` failed: {e}")
    if p.returncode != 0:
        raise SitegenError(f"`{' '.join(cmd)}` exited with {p.returncode}: "
                           f"{p.stderr.decode('utf-8', 'replace').strip()[:500]}")
    try:
        data = json.loads(p.stdout.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as e:
        raise SitegenError(f"`{' '.join(cmd)}` did not print JSON: {e}")
    if not isinstance(data, list) or not all(
            isinstance(t, dict) and isinstance(t.get("text"), str)
            and (t.get("class") is None or isinstance(t.get("class"), str)) for t in data):
        raise SitegenError(f"`{' '.join(cmd)}` did not print [{{\"text\": ..., \"class\": ...}}, ...]")
    return [(t["text"], t.get("class")) for t in data]


def first_difference(a, b):
    n = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    return n, a[max(0, n - 20):n + 20], b[max(0, n - 20):n + 20]


def pick_lexer(aliases, name, sample_path, text):
    """(lexer, how it was found, options) or (None, reason, None)."""
    opts = dict(stripnl=False, ensurenl=False, tabsize=0)
    candidates = [("alias", a) for a in aliases]
    if name:
        candidates += [("name", name.lower()), ("name", re.sub(r"[^a-z0-9+#]+", "", name.lower()))]
    lexer = how = None
    for kind, c in candidates:
        try:
            lexer, how = get_lexer_by_name(c, **opts), f"{kind} {c}"
            break
        except ClassNotFound:
            continue
    if lexer is None:
        try:
            lexer = get_lexer_for_filename(os.path.basename(sample_path), code=text, **opts)
            how = f"file name {os.path.basename(sample_path)}"
        except ClassNotFound:
            pass
        if lexer is None or type(lexer).__name__ == "TextLexer":
            return None, f"no Pygments lexer for {', '.join(aliases) or name}", None
    if type(lexer).__name__ == "PhpLexer" and "<?" not in text:
        opts["startinline"] = True
        lexer = type(lexer)(**opts)
    return lexer, how, opts


def align(src, out):
    """m[i] = the index in `out` (Pygments' text) of src[i], or None; and notes on what differed."""
    if src == out:
        return list(range(len(src))), []
    m, notes = [None] * len(src), set()
    i = j = 0
    if src.startswith("\ufeff") and not out.startswith("\ufeff"):
        i, notes = 1, {"BOM dropped by Pygments"}
    while i < len(src) and j < len(out):
        if src[i] == out[j]:
            m[i] = j
            i, j = i + 1, j + 1
        elif src[i] == "\r" and out[j] == "\n":
            m[i] = j
            if src[i + 1:i + 2] == "\n":
                m[i + 1] = j
                i += 1
            i, j = i + 1, j + 1
            notes.add("CR/CRLF normalised by Pygments")
        else:
            break
    if i == len(src) and out[j:].strip("\n") == "":
        if j < len(out):
            notes.add("trailing newline added by Pygments")
        return m, sorted(notes)
    # Something else changed: align the two texts by their longest common pieces.
    m = [None] * len(src)
    sm = difflib.SequenceMatcher(None, src, out, autojunk=False)
    for op, a0, a1, b0, b1 in sm.get_opcodes():
        if op == "equal" or (op == "replace" and a1 - a0 == b1 - b0):
            for k in range(a1 - a0):
                m[a0 + k] = b0 + k
    notes.add(f"difflib realignment ({sum(x is None for x in m)} characters unaligned)")
    return m, sorted(notes)


def per_char_sitegen(tokens):
    cls, tok = [], []
    for k, (text, c) in enumerate(tokens):
        cls.extend([c] * len(text))
        tok.extend([k] * len(text))
    return cls, tok


def per_char_pygments(src, ptokens, mapping):
    out = "".join(v for _, v in ptokens)
    o_cls, o_tok = [], []
    for k, (ttype, v) in enumerate(ptokens):
        o_cls.extend([sitegen_class(ttype, mapping)] * len(v))
        o_tok.extend([k] * len(v))
    m, notes = align(src, out)
    cls = [None if j is None else o_cls[j] for j in m]
    tok = [-1 if j is None else o_tok[j] for j in m]
    return cls, tok, notes


# --- comparison -----------------------------------------------------------------------------------


def line_col(text, i):
    line = text.count("\n", 0, i) + 1
    return line, i - (text.rfind("\n", 0, i) + 1) + 1


def pieces(text, s_tok, p_tok):
    """Maximal runs where neither tokenisation changes token: (start, end)."""
    out, start = [], 0
    for i in range(1, len(text) + 1):
        if i == len(text) or s_tok[i] != s_tok[i - 1] or p_tok[i] != p_tok[i - 1]:
            out.append((start, i))
            start = i
    return out


def compare(text, s_cls, s_tok, p_cls, p_tok, ptokens):
    """Figures over the non-whitespace characters, and the disagreeing regions: runs of pieces with the
    same (sitegen class, Pygments class) pair, e.g. a `///` line that Pygments splits in two comments."""
    compared = agreed = 0
    per_class = {}
    confusion, types = Counter(), {}
    regions = []                          # [start, end, sitegen class, pygments class, [pygments types]]
    for a, b in pieces(text, s_tok, p_tok):
        s, p = s_cls[a], p_cls[a]
        ttype = ttype_name(ptokens[p_tok[a]][0]) if p_tok[a] >= 0 else "(unaligned)"
        n = sum(1 for ch in text[a:b] if not ch.isspace())
        last = regions[-1] if regions and regions[-1][1] == a and regions[-1][2:4] == [s, p] else None
        if n == 0:
            if last:
                last[1] = b
            continue
        compared += n
        for c, key in ((s, "sitegen"), (p, "pygments")):
            per_class.setdefault(show(c), {"sitegen": 0, "pygments": 0, "both": 0})[key] += n
        if s == p:
            agreed += n
            per_class[show(s)]["both"] += n
            continue
        confusion[(s, p)] += n
        types.setdefault((s, p), Counter())[ttype] += n
        if last:
            last[1] = b
            if ttype not in last[4]:
                last[4].append(ttype)
        else:
            regions.append([a, b, s, p, [ttype]])
    first = {}
    for a, b, s, p, _ in regions:
        first.setdefault((s, p), (a, b))
    disagreements = []
    for (s, p), n in confusion.most_common():
        a, b = first[(s, p)]
        line, col = line_col(text, a)
        disagreements.append({"sitegen": s, "pygments": p, "characters": n, "example": text[a:b].rstrip(),
                              "line": line, "column": col,
                              "pygments_types": dict(types[(s, p)].most_common())})
    return {"compared": compared, "agreed": agreed,
            "agreement": round(100.0 * agreed / compared, 2) if compared else None,
            "per_class": dict(sorted(per_class.items())), "disagreements": disagreements}, regions


def shown_path(path):
    """path relative to the repository when it is inside it."""
    rel = os.path.relpath(os.path.abspath(path), REPO)
    return path if rel.startswith("..") else rel


def run_sample(stem, path, lang_file, languages_dir, listed, sitegen, mapping):
    r = {"stem": stem, "sample": shown_path(path), "language": stem, "status": "ok"}
    if lang_file is None:
        r.update(status="skipped", reason=f"no language file {shown_path(os.path.join(languages_dir, stem + '.yaml'))}")
        return r, None
    r["language_file"] = shown_path(lang_file)
    try:
        name, aliases = read_language_file(lang_file)
    except (OSError, UnicodeDecodeError) as e:
        r.update(status="skipped", reason=f"cannot read {lang_file}: {e}")
        return r, None
    if listed is not None and name in listed and listed[name]:
        if aliases and aliases != listed[name]:
            warn(f"{lang_file}: aliases {aliases} but sitegen lists {listed[name]}; using sitegen's")
        aliases = listed[name]
    r.update(language=name or stem, aliases=aliases)
    if not aliases:
        r.update(status="skipped", reason=f"no aliases found in {r['language_file']}")
        return r, None
    alias = aliases[0]
    r["alias"] = alias
    if listed is not None and not any(alias.lower() in (a.lower() for a in al) for al in listed.values()):
        r.update(status="skipped", reason=f"sitegen does not list `{alias}` (binary older than the language file?)")
        return r, None

    with open(path, "rb") as f:
        raw = f.read()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        r.update(status="skipped", reason=f"sample is not UTF-8: {e}")
        return r, None
    r["characters"] = len(text)
    r["whitespace"] = sum(1 for ch in text if ch.isspace())

    try:
        stoks = sitegen_tokens(sitegen, alias, path)
    except SitegenError as e:
        r.update(status="error", reason=str(e))
        return r, None
    joined = "".join(t for t, _ in stoks)
    if joined != text:
        n, want, got = first_difference(text, joined)
        r.update(status="error", reason=f"sitegen's tokens do not join to the file's text: {len(joined)} vs "
                                        f"{len(text)} characters, first difference at {n}: "
                                        f"file {want!r}, tokens {got!r}")
        return r, None
    bad = sorted({c for _, c in stoks if c is not None and c not in CLASSES})
    if bad:
        warn(f"{r['sample']}: sitegen printed unknown classes {bad}")
    r["sitegen_tokens"] = len(stoks)

    lexer, how, opts = pick_lexer(aliases, name, path, text)
    if lexer is None:
        r.update(status="skipped", reason=how)
        return r, None
    r.update(pygments_lexer=lexer.name, pygments_found_by=how,
             pygments_options={k: v for k, v in opts.items()})
    ptokens = list(lexer.get_tokens(text))
    r["pygments_tokens"] = len(ptokens)
    r["pygments_error_characters"] = sum(len(v) for t, v in ptokens if t in Error)

    s_cls, s_tok = per_char_sitegen(stoks)
    p_cls, p_tok, notes = per_char_pygments(text, ptokens, mapping)
    r["realigned"] = notes
    figures, details = compare(text, s_cls, s_tok, p_cls, p_tok, ptokens)
    r.update(figures)
    return r, (text, details)


# --- output ---------------------------------------------------------------------------------------


def snippet(s, limit=24):
    s = s.strip() or s
    s = s.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t")
    return s if len(s) <= limit else s[:limit - 1] + "…"


def md_code(s):
    s = s.replace("|", "\\|")
    fence = "``" if "`" in s else "`"
    pad = " " if s.startswith("`") or s.endswith("`") or "`" in s else ""
    return f"{fence}{pad}{s}{pad}{fence}"


def row_label(r, counts):
    label = r["language"]
    if counts[r["language"]] > 1:
        label += f" ({os.path.basename(r['sample'])})"
    return label


def table(results, top):
    counts = Counter(r["language"] for r in results if r["status"] != "skipped" or "language_file" in r)
    lines = ["| language | characters compared | agreement % | top disagreements (sitegen → Pygments characters, example) |",
             "| --- | ---: | ---: | --- |"]
    compared = agreed = 0
    for r in results:
        if r["status"] == "skipped" and "language_file" not in r:
            continue
        label = row_label(r, counts)
        if r["status"] != "ok":
            what = "**sitegen error**" if r["status"] == "error" else "skipped"
            lines.append(f"| {label} | – | – | {what}: {r['reason'].replace('|', '/')[:200]} |")
            continue
        compared += r["compared"]
        agreed += r["agreed"]
        dis = "; ".join(f"{show(d['sitegen'])} → {show(d['pygments'])} {d['characters']} ({md_code(snippet(d['example']))})"
                        for d in r["disagreements"][:top]) or "none"
        pct = f"{r['agreement']:.1f}" if r["agreement"] is not None else "–"
        lines.append(f"| {label} | {r['compared']} | {pct} | {dis} |")
    total = round(100.0 * agreed / compared, 2) if compared else None
    lines.append(f"| **all** | {compared} | {f'{total:.1f}' if total is not None else '–'} | |")
    return "\n".join(lines), {"compared": compared, "agreed": agreed, "agreement": total}


def print_details(r, text, details):
    print(f"{r['language']} ({r['sample']}): sitegen `{r['alias']}` vs Pygments {r['pygments_lexer']} "
          f"({r['pygments_found_by']})")
    if r["agreement"] is not None:
        print(f"{r['agreed']} of {r['compared']} non-whitespace characters agree ({r['agreement']:.1f} %)"
              f"{'; ' + '; '.join(r['realigned']) if r['realigned'] else ''}")
    if not details:
        print("no disagreements")
        return
    rows = [("line:col", "sitegen", "pygments", "pygments type", "text")]
    for a, b, s, p, ttypes in details:
        line, col = line_col(text, a)
        rows.append((f"{line}:{col}", show(s), show(p), ", ".join(ttypes), repr(text[a:b].rstrip())))
    widths = [max(len(row[k]) for row in rows) for k in range(4)]
    print()
    for row in rows:
        print("  ".join(cell.ljust(w) for cell, w in zip(row[:4], widths)) + "  " + row[4])


def parse_map(items):
    mapping = dict(PYGMENTS_TO_SITEGEN)
    for item in items or []:
        key, sep, cls = item.partition("=")
        cls = cls.strip()
        if not sep or not key.strip():
            sys.exit(f"--map wants TOKENTYPE=CLASS, got {item!r}")
        if cls.lower() in ("null", "none", ""):
            cls = None
        elif cls not in CLASSES:
            sys.exit(f"--map {item}: {cls!r} is not a sitegen class ({', '.join(sorted(CLASSES))} or null)")
        key = key.strip()
        mapping[string_to_tokentype(key if key.startswith("Token") else "Token." + key)] = cls
    return mapping


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    default_sitegen = os.path.join(REPO, ".build", "release", "sitegen")
    ap.add_argument("--sitegen", default=default_sitegen if os.path.exists(default_sitegen) else "sitegen",
                    help="the sitegen binary (default: .build/release/sitegen, else sitegen on PATH)")
    ap.add_argument("--samples", default=os.path.join(REPO, "Tests", "SitegenCoreTests", "Fixtures", "highlight", "samples"),
                    help="sample folder (default Tests/SitegenCoreTests/Fixtures/highlight/samples)")
    ap.add_argument("--languages", default=os.path.join(REPO, "templates", "highlight"),
                    help="language files (default templates/highlight)")
    ap.add_argument("--json", help="write every figure to this file")
    ap.add_argument("--details", metavar="LANG",
                    help="print the disagreements of one language (file stem, name or alias), token by token")
    ap.add_argument("--top", type=int, default=5, help="disagreement pairs per row (default 5)")
    ap.add_argument("--map", action="append", metavar="TOKENTYPE=CLASS",
                    help="override the Pygments-to-sitegen mapping, e.g. Name.Namespace=meta (repeatable)")
    args = ap.parse_args()

    mapping = parse_map(args.map)
    args.sitegen = shutil.which(args.sitegen) or args.sitegen
    if not os.access(args.sitegen, os.X_OK):
        sys.exit(f"sitegen binary not found: {args.sitegen} (use --sitegen)")
    args.sitegen = os.path.abspath(args.sitegen)

    samples, lang_files = discover(args.samples, args.languages)
    if not samples:
        sys.exit(f"no samples in {args.samples}")
    listed = sitegen_list(args.sitegen)

    if args.details:
        want = args.details.lower()

        def matches(stem, lang_file):
            if stem.lower() == want:
                return True
            if lang_file is None:
                return False
            try:
                name, aliases = read_language_file(lang_file)
            except (OSError, UnicodeDecodeError):
                return False
            return want == (name or "").lower() or want in (a.lower() for a in aliases)

        samples = [s for s in samples if matches(s[0], s[2])]
        if not samples:
            sys.exit(f"no sample for language {args.details!r}")

    results, failed = [], False
    for stem, path, lang_file in samples:
        r, extra = run_sample(stem, path, lang_file, args.languages, listed, args.sitegen, mapping)
        results.append(r)
        if r["status"] == "error":
            failed = True
            print(f"error: {r['sample']}: {r['reason']}", file=sys.stderr)
        elif r["status"] == "skipped":
            warn(f"{r['sample']}: skipped: {r['reason']}")
        if args.details:
            if extra:
                print_details(r, *extra)
            elif r["status"] != "error":
                print(f"{r['sample']}: skipped: {r['reason']}")
            print()

    tab, totals = table(results, args.top)
    if not args.details:
        print(tab)
        print()
        print(f"Pygments {pygments.__version__}; characters compared: non-whitespace; "
              f"agreement: same class, null == null.")
        lexers = [f"{r['language']}: {r['pygments_lexer']}" for r in results if r.get("pygments_lexer")]
        if lexers:
            print("Pygments lexers: " + "; ".join(lexers) + ".")
        errs = [f"{r['language']} {r['pygments_error_characters']}" for r in results
                if r.get("pygments_error_characters")]
        if errs:
            print("Characters Pygments lexed as Error (counted as null): " + ", ".join(errs) + ".")
        orphans = [os.path.basename(r["sample"]) for r in results if r["status"] == "skipped" and "language_file" not in r]
        if orphans:
            print("Samples without a language file: " + ", ".join(orphans) + ".")
        with_sample = {s[0] for s in samples}
        lonely = sorted(stem for stem in lang_files if stem not in with_sample)
        if lonely:
            print("Language files without a sample: " + ", ".join(lonely) + ".")

    if args.json:
        doc = {"sitegen": args.sitegen, "pygments": pygments.__version__,
               "samples": os.path.abspath(args.samples), "languages": os.path.abspath(args.languages),
               "compared": "non-whitespace characters", "totals": totals,
               "mapping": {ttype_name(t): c for t, c in sorted(mapping.items(), key=lambda kv: str(kv[0]))},
               "sitegen_list": listed, "results": results}
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(doc, f, indent=2, ensure_ascii=False)
            f.write("\n")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    try:
        main()
    except BrokenPipeError:               # e.g. `| head`
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(0)
