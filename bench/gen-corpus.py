#!/usr/bin/env python3
"""Write a deterministic synthetic blog corpus for `make bench` (bench/run.py).

Usage:
    bench/gen-corpus.py --n 1000 [--seed 42] --out DIR [--force]
    bench/gen-corpus.py --self-test

It writes DIR/content/posts/<slug>.md, one article per file (YAML front matter, then a GitHub Flavored
Markdown body), DIR/sitegen.yaml (a config that builds the corpus with sitegen's built-in theme) and
DIR/corpus.json (n, seed, the generator's SHA-256 and size figures, so bench/run.py can tell whether a
corpus folder is still current).

Everything comes from one `random.Random(seed)`; nothing reads the clock, the environment or the file
system, so the same --n and --seed give byte-identical files, and for one seed the first N articles of a
larger corpus are exactly the corpus of N (N=1000 is a prefix of N=10000). The tag vocabulary is fixed
and does not depend on the seed.

The shape follows the cross-tool kit in ../shared/bench (gen_corpus.py) without sharing its code:

  front matter  title (some with colons, double quotes or apostrophes, so they need YAML quoting),
                description, date (YYYY-MM-DD over ten years, 2015-07-01 .. 2025-06-27), category (15,
                skewed), image, image_alt, author, tags (1-8 from a ~300-tag vocabulary with spaces and
                capitals, Zipf-like: the commonest is on roughly a third of the articles), `draft: true`
                on about 1%. Tags are written as flow lists or block lists.
  body          2-21 KB, median about 9 KB: h2/h3 sections of paragraphs with bold, italic, code spans,
                links, strikethrough, autolinks, entities and inline HTML; bullet, numbered, nested and
                task lists; GFM tables (about a fifth of them 8-12 columns wide); fenced code in 14
                languages that sitegen highlights (python, swift, javascript, typescript, go, rust, bash,
                yaml, json, sql, html, css, toml, dockerfile, plus the odd diff or plain block);
                blockquotes, images, <details> blocks and thematic breaks.

sitegen.yaml sets `markdown: {unsafe_html: true, smart_punctuation: false}` (raw HTML kept and no
typographic quotes: the same as Hugo's Goldmark with `unsafe = true` and `typographer = false`) and
`search: true`: the performance goals count sitegen's search index in, although Hugo builds none;
bench/run.py --no-search turns it off.

--self-test generates n=20 twice (seed 7) and n=30 once into temporary folders, and exits 1 unless
the two n=20 trees are byte-identical and the n=20 articles are the first 20 of the n=30 ones.

Python 3 standard library only.
"""
import argparse
import filecmp
import hashlib
import json
import math
import os
import random
import re
import shutil
import sys
import tempfile
from datetime import date, timedelta

FIRST_DAY = date(2015, 7, 1)
DAYS = 3650

CATEGORY_WEIGHTS = [
    ("engineering", 16), ("ai", 14), ("infrastructure", 11), ("data", 10), ("security", 8),
    ("web", 8), ("mobile", 6), ("product", 5), ("design", 5), ("culture", 4), ("careers", 3),
    ("research", 3), ("tutorials", 3), ("announcements", 2), ("essays", 2),
]

AUTHORS = ["Ada Brennan", "Rahul Mehta", "Ingrid Solberg", "Wei Zhang", "Fatima Al-Sayed", "Mateo Ruiz",
           "Noémie Laurent", "Kwame Mensah", "Olivia O'Connor", "Yuki Sato", "Bjørn Nygaard", "Lucía Fernández",
           "Grace Liu", "Sven Köhler"]

# The first part of the tag vocabulary, written out; the rest is built from qualifier + subject pairs.
TAG_WORDS = """
Swift, Rust, Go, Python, TypeScript, JavaScript, Kotlin, Ruby, Java, C++, Elixir, Haskell, Zig, SQL,
Node.js, Deno, React, Svelte, Vue.js, SwiftUI, Jetpack Compose, Django, Rails, Flask, FastAPI,
PostgreSQL, MySQL, SQLite, Redis, Kafka, ClickHouse, DuckDB, Elasticsearch, MongoDB, Cassandra,
Kubernetes, Docker, Nomad, Terraform, Pulumi, Ansible, Nix, Bazel, CMake, GitHub Actions, GitLab CI,
AWS, Azure, Google Cloud, Cloudflare, Fly.io, Linux, macOS, iOS, Android, WebAssembly, HTTP/3, TLS, DNS,
gRPC, GraphQL, REST, OpenAPI, WebSockets, OAuth, OpenID Connect, SAML, passkeys, zero trust,
machine learning, deep learning, LLMs, embeddings, vector search, RAG, fine-tuning, evaluation,
inference, GPUs, quantization, transformers, computer vision, speech recognition, NLP, agents,
prompt engineering, open weights, AI safety, data engineering, data quality, ETL, stream processing,
batch jobs, analytics, dashboards, A/B testing, experimentation, statistics, forecasting,
observability, logging, tracing, metrics, alerting, SLOs, on-call, incident response, postmortems,
chaos engineering, load testing, performance, latency, caching, CDNs, memory, concurrency, async/await,
actors, lock-free, garbage collection, compilers, type systems, generics, macros, parsing, testing,
property-based testing, fuzzing, TDD, code review, refactoring, technical debt, legacy code, migrations,
monorepos, microservices, monoliths, event sourcing, CQRS, message queues, idempotency, retries,
rate limiting, feature flags, continuous delivery, release engineering, rollbacks, blue-green deploys,
canary releases, semantic versioning, dependency management, supply chain, SBOM, licensing, open source,
security, privacy, encryption, secrets, GDPR, compliance, threat modeling, accessibility, i18n,
localization, typography, CSS, HTML, design systems, UX research, prototyping, static sites, Markdown,
documentation, technical writing, APIs, SDKs, developer experience, CLI tools, editors, Vim, Emacs,
VS Code, Xcode, terminals, shell scripting, Git, hiring, interviewing, onboarding, mentoring,
leadership, management, remote work, productivity, burnout, team topologies, estimation, roadmaps,
product management, pricing, startups, fundraising, growth, SEO, marketing, community, conferences,
career advice, side projects, history, opinion, predictions, book reviews, how-to, case study,
benchmarks, cost optimization, FinOps, sustainability, edge computing, serverless, IoT, embedded,
robotics, offline-first, local-first, CRDTs, sync engines, mobile performance, app size, battery life
"""
TAG_QUALIFIERS = ["Cloud", "data", "mobile", "web", "API", "platform", "frontend", "backend", "ML",
                  "Edge", "team", "Open", "security", "product"]
TAG_SUBJECTS = ["architecture", "testing", "tooling", "costs", "governance", "patterns", "operations",
                "strategy", "workflows", "standards", "quality", "reliability", "metrics", "hiring",
                "onboarding", "roadmaps"]

LANGUAGES = ["python", "swift", "javascript", "typescript", "go", "rust", "bash", "yaml", "json", "sql",
             "html", "css", "toml", "dockerfile"]

SUBJECTS = ["rate limiters", "feature flags", "vector indexes", "build caches", "on-call rotations",
            "schema migrations", "service meshes", "design tokens", "CI pipelines", "read replicas",
            "model evaluation", "static sites", "edge functions", "background jobs", "search relevance",
            "error budgets", "release trains", "data contracts", "cost dashboards", "secret rotation",
            "code owners", "API gateways", "load shedding", "mobile crash reports", "prompt templates",
            "connection pools", "event buses", "dependency upgrades", "trace sampling", "blue-green deploys",
            "batch inference", "query plans", "column stores", "SSO rollouts", "image pipelines",
            "content moderation", "retry budgets", "canary analysis", "type checkers", "monorepo builds",
            "GPU clusters", "offline sync", "style guides", "incident timelines", "platform teams"]
ADJECTIVES = ["boring", "self-hosted", "serverless", "multi-tenant", "cheap", "fast", "typed", "open",
              "managed", "incremental", "distributed", "small", "legacy", "real-time", "zero-downtime",
              "cloud-native", "privacy-first", "mobile-first", "local-first", "regulated", "AI-assisted",
              "cost-aware", "declarative", "event-driven", "low-latency", "in-house", "federated", "hybrid"]
ACTORS = ["Our team", "The platform group", "A two-person startup", "The on-call engineer", "Every reviewer",
          "The new service", "The old monolith", "This design", "The scheduler", "Our customers",
          "The database", "A careful rollout", "The compiler", "The benchmark", "Most vendors",
          "Product management", "The mobile client", "The cache layer", "Leadership", "The model"]
ACTIONS = ["cuts", "hides", "doubles", "removes", "exposes", "shifts", "pays for", "depends on",
           "underestimates", "measures", "improves", "complicates", "rewards", "ignores", "absorbs", "trades"]
TARGETS = ["tail latency", "the review queue", "cold starts", "the monthly bill", "operational load",
           "the blast radius", "developer time", "memory headroom", "build minutes", "the error rate",
           "data freshness", "the learning curve", "vendor lock-in", "write amplification",
           "the feedback loop", "disk usage", "page weight", "time to first byte", "test flakiness",
           "the backlog", "trust in the numbers", "support tickets"]
QUALIFIERS = ["under peak load", "in the first year", "without a dedicated team", "once traffic grows",
              "after the migration", "for most workloads", "in regulated markets", "on cheap hardware",
              "during an outage", "when nobody owns it", "at ten times the scale", "behind a feature flag"]
FILLER = ("ability account actual adopt again almost answer around assume balance because become before "
          "behavior better between bottleneck budget build careful change check choice clear common "
          "complete context contract cost could current decide default deploy detail different direct "
          "during early effort enough every evidence example expect explain failure fairly feature "
          "figure first focus follow future general handle happen harder health honest however "
          "important improve include initial instead interest issue keep large later layer learn "
          "less level limit little local longer maintain matter maybe measure method might model "
          "moment motion narrow nearly never notice number often option order other output owner "
          "pattern people picture plain plan point policy possible practice pressure problem process "
          "promise proper public quality question quiet rather reason record reduce release remain "
          "report request result review right risk roughly routine safety scale second select "
          "service setup shape short signal simple single slowly small source speed stable start "
          "state steady still story strong system table team tension through timing today trade "
          "trust under until usage useful value version visible watch while window within without "
          "working worth write wrong naïve café façade coöperate déjà-vu").split()

INLINE_CODE = ["--release", "git bisect", "O(n log n)", "Result<T, E>", "SELECT 1", "npm ci", "&&",
               "config.toml", "<main>", "await fetch(url)", "kubectl get pods", "Vec<String>", "#[derive(Debug)]"]
INLINE_HTML = ["<kbd>Cmd</kbd>+<kbd>K</kbd>", "<abbr title=\"Service Level Objective\">SLO</abbr>",
               "CO<sub>2</sub>", "2<sup>10</sup>", "<mark>do not skip this</mark>", "<small>(beta)</small>",
               "<span class=\"badge\">new</span>", "<ins>added</ins>"]
ODD_TOKENS = ["https://example.org/changelog", "www.example.com/status", "R&amp;D", "&mdash;", "3 &lt; 4",
              "&copy; 2021", "\\_not emphasis\\_", "`` a `tick` ``", "Q&A", "50%", "<https://example.net/rfc>",
              "ops@example.com"]
TABLE_HEADERS = ["Option", "Cost / month", "p50 (ms)", "p99 (ms)", "Owner", "Status", "Notes", "Region",
                 "Version", "Throughput", "Risk", "License", "Memory", "Score", "Tier", "Since"]


def slugify(text):
    """Lower-case ASCII letters and digits joined by hyphens, at most 70 characters."""
    text = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return text[:70].rstrip("-")


def tag_vocabulary():
    """The ~300 tags, commonest first (the order gives the Zipf rank). Independent of --seed."""
    tags = [t.strip() for t in TAG_WORDS.replace("\n", " ").split(",") if t.strip()]
    seen = {slugify(t) for t in tags}
    pick = random.Random(20240917)
    while len(tags) < 300:
        tag = f"{pick.choice(TAG_QUALIFIERS)} {pick.choice(TAG_SUBJECTS)}"
        if slugify(tag) not in seen:
            seen.add(slugify(tag))
            tags.append(tag)
    # Shuffle once with a fixed seed so the popular tags are a mix of languages, topics and pairs.
    random.Random(99).shuffle(tags)
    return tags


def yaml_double(text):
    """A YAML double-quoted scalar."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def yaml_scalar(text):
    """A title as YAML: single-quoted when it has an apostrophe and no double quote, else double-quoted."""
    if "'" in text and '"' not in text:
        return "'" + text.replace("'", "''") + "'"
    return yaml_double(text)


class Writer:
    """Builds one article at a time from a shared random stream."""

    def __init__(self, rng):
        self.rng = rng

    # -- text ------------------------------------------------------------------------------------

    def words(self, low, high):
        return " ".join(self.rng.choice(FILLER) for _ in range(self.rng.randint(low, high)))

    def claim(self):
        r = self.rng
        if r.random() < 0.6:
            text = f"{r.choice(ACTORS)} {r.choice(ACTIONS)} {r.choice(TARGETS)}"
            if r.random() < 0.45:
                text += " " + r.choice(QUALIFIERS)
            if r.random() < 0.2:
                text += f", while {r.choice(ACTORS).lower()} {r.choice(ACTIONS)} {r.choice(TARGETS)}"
        else:
            text = self.words(7, 24)
            text = text[0].upper() + text[1:]
        return text + r.choice([".", ".", ".", ".", ".", "?", "!", ":"]) if r.random() > 0.05 else text + "…"

    def decorate(self, sentence):
        """Add GFM inline markup to a few words of a sentence."""
        r = self.rng
        parts = sentence.split(" ")
        if len(parts) < 5:
            return sentence
        for _ in range(r.choice([0, 1, 1, 1, 2, 2, 3])):
            i = r.randrange(1, len(parts) - 1)
            word, roll = parts[i], r.random()
            if roll < 0.22:
                parts[i] = f"**{word}**"
            elif roll < 0.40:
                parts[i] = f"_{word}_" if r.random() < 0.4 else f"*{word}*"
            elif roll < 0.56:
                parts[i] = f"`{r.choice(INLINE_CODE)}`"
            elif roll < 0.74:
                parts[i] = f"[{word}](https://example.com/{slugify(r.choice(SUBJECTS))}/{r.randint(1, 500)})"
            elif roll < 0.79:
                parts[i] = f"~~{word}~~"
            elif roll < 0.86:
                parts[i] = r.choice(INLINE_HTML)
            elif roll < 0.94:
                parts[i] = r.choice(ODD_TOKENS)
            else:
                parts[i] = f"***{word}***"
        return " ".join(parts)

    def paragraph(self):
        r = self.rng
        text = " ".join(self.decorate(self.claim()) for _ in range(r.randint(2, 7)))
        if r.random() < 0.2:
            text = f"**{r.choice(SUBJECTS).capitalize()}.** " + text
        if r.random() < 0.04:
            text = text.replace(". ", ".\\\n", 1)  # a hard line break
        return text

    def heading(self, level):
        r = self.rng
        pattern = r.choice(["Why {a} matter", "What {a} cost us", "{a} in practice", "Setting up {a}",
                            "{a} versus {b}", "A second look at {a}", "Measuring {a}", "When to skip {a}",
                            "Part {n}: {a}", "The trouble with {a}", "{a}, step by step", "FAQ"])
        text = pattern.format(a=r.choice(SUBJECTS), b=r.choice(SUBJECTS), n=r.randint(1, 7))
        if r.random() < 0.06:
            text += f" with `{r.choice(LANGUAGES)}`"
        return "#" * level + " " + text[0].upper() + text[1:]

    # -- blocks ----------------------------------------------------------------------------------

    def bullet_list(self):
        r = self.rng
        marker = r.choice("-*+")
        lines = []
        for _ in range(r.randint(3, 8)):
            lines.append(f"{marker} {self.decorate(self.claim())}")
            if r.random() < 0.15:
                for _ in range(r.randint(1, 3)):
                    lines.append(f"  {marker} {self.decorate(self.claim())}")
        return "\n".join(lines)

    def numbered_list(self):
        r = self.rng
        start = 1 if r.random() < 0.9 else r.randint(2, 9)
        lines = []
        for k in range(r.randint(3, 7)):
            text = self.decorate(self.claim())
            if r.random() < 0.3:
                text = f"**{r.choice(SUBJECTS).capitalize()}**: {text}"
            lines.append(f"{start + k}. {text}")
            if r.random() < 0.12:
                lines.append(f"   - {self.decorate(self.claim())}")
        return "\n".join(lines)

    def task_list(self):
        r = self.rng
        return "\n".join(f"- [{'x' if r.random() < 0.45 else ' '}] {self.decorate(self.claim())}"
                         for _ in range(r.randint(3, 7)))

    def table(self):
        r = self.rng
        wide = r.random() < 0.2
        columns = r.randint(8, 12) if wide else r.randint(2, 5)
        header = r.sample(TABLE_HEADERS, columns)
        rule = [r.choice(["---", ":--", "--:", ":-:"]) for _ in range(columns)]

        def cell():
            roll = r.random()
            if roll < 0.3:
                return f"{r.uniform(0, 9000):,.2f}"
            if roll < 0.42:
                return f"`{r.choice(LANGUAGES)}`"
            if roll < 0.52:
                return f"**{r.choice(FILLER)}**"
            if roll < 0.58:
                return f"[{r.choice(FILLER)}](https://example.com/t/{r.randint(1, 80)})"
            if roll < 0.62:
                return "yes \\| no"
            if roll < 0.66:
                return ""
            return self.words(1, 4)

        rows = [header, rule] + [[cell() for _ in range(columns)] for _ in range(r.randint(3, 14))]
        return "\n".join("| " + " | ".join(row) + " |" for row in rows)

    def code(self):
        r = self.rng
        roll = r.random()
        language = "diff" if roll < 0.03 else ("" if roll < 0.06 else r.choice(LANGUAGES))
        lines = CODE[language](r, r.randint(3, 26)) if language in CODE else plain_lines(r, r.randint(3, 12))
        fence = "~~~" if r.random() < 0.08 else "```"
        return f"{fence}{language}\n" + "\n".join(lines) + f"\n{fence}"

    def quote(self):
        r = self.rng
        text = "> " + self.paragraph().replace("\n", "\n> ")
        if r.random() < 0.3:
            text += f"\n>\n> — {r.choice(AUTHORS)}"
        return text

    def image(self):
        r = self.rng
        title = f' "{r.choice(SUBJECTS)}"' if r.random() < 0.3 else ""
        return (f"![{r.choice(SUBJECTS).capitalize()}, {r.choice(ADJECTIVES)}]"
                f"(/images/posts/{slugify(r.choice(SUBJECTS))}-{r.randint(1, 60)}.{r.choice(['png', 'jpg', 'svg', 'webp'])}{title})")

    def details(self):
        r = self.rng
        return (f"<details>\n<summary>{r.choice(SUBJECTS).capitalize()}: the long version</summary>\n\n"
                f"{self.paragraph()}\n\n</details>")

    def block(self):
        roll = self.rng.random()
        for limit, make in ((0.46, self.paragraph), (0.57, self.bullet_list), (0.64, self.numbered_list),
                            (0.67, self.task_list), (0.73, self.table), (0.85, self.code), (0.91, self.quote),
                            (0.95, self.image), (0.98, self.details)):
            if roll < limit:
                return make()
        return "---" if self.rng.random() < 0.5 else "***"

    def body(self, budget):
        """Sections until the body reaches about `budget` bytes."""
        r = self.rng
        blocks = [self.paragraph()]
        size = len(blocks[0].encode())
        while size < budget:
            section = [self.heading(2)] + [self.block() for _ in range(r.randint(1, 4))]
            if r.random() < 0.35:
                section.append(self.heading(3))
                section += [self.block() for _ in range(r.randint(1, 3))]
            grown = sum(len(b.encode()) + 2 for b in section)
            if size > 0.75 * budget and size + grown > budget + 2000:
                break  # a long last section would overshoot: end here
            blocks += section
            size += grown
        return "\n\n".join(blocks) + "\n"

    # -- front matter ----------------------------------------------------------------------------

    def title(self):
        r = self.rng
        a = r.choice(SUBJECTS)
        b = r.choice([s for s in SUBJECTS if s != a])
        if r.random() < 0.8:
            a = f"{r.choice(ADJECTIVES)} {a}"
        cap = lambda s: " ".join(w[:1].upper() + w[1:] for w in s.split(" "))
        pattern = r.choice(["{A} vs. {B}", "{A}: A Practical Guide", "Notes on {A}", "The Case Against {A}",
                            "How We Rebuilt {A}", "{n} Things We Learned From {A}", "\"Just Use {A}\"?",
                            "{A}: What Nobody Tells You", "Don't Start With {A}", "Why {A} Keep Breaking",
                            "{A} in {y}: \"Good Enough\" Wins", "From {A} to {B}", "What's Wrong With {A}",
                            "Shipping {A} at Scale", "{A}, {B} & the Cost of Waiting", "Is {A} Worth It?"])
        text = pattern.format(A=cap(a), B=cap(b), n=r.randint(3, 25), y=r.randint(2015, 2025))
        if "{B}" not in pattern and r.random() < 0.45:
            text += r.choice([" (Part {n})", ": Lessons Learned", " for Small Teams", " in Production",
                              ", Revisited", " Without the Hype", ": Year One"]).format(n=r.randint(2, 5))
        return text


# -- code samples per language: each a function (rng, lines) -> list of lines -------------------------

def ident(r):
    return f"{r.choice(FILLER).replace('-', '_')}_{r.choice(FILLER).replace('-', '_')}"


def camel(r):
    a, b = r.choice(FILLER), r.choice(FILLER)
    return re.sub(r"\W", "", a) + re.sub(r"\W", "", b).capitalize()


def plain_lines(r, count):
    return [" ".join(r.choice(FILLER) for _ in range(r.randint(2, 9))) for _ in range(count)]


def python_code(r, count):
    out = [f"def {ident(r)}({ident(r)}, limit={r.randint(1, 100)}):", f'    """{r.choice(TARGETS).capitalize()}."""']
    for _ in range(count):
        out.append(r.choice([
            f"    {ident(r)} = [x for x in {ident(r)} if x.{r.choice(FILLER)}]",
            f"    if len({ident(r)}) > limit:", "        raise ValueError(f\"too many: {limit}\")",
            f"    # {r.choice(TARGETS)} {r.choice(QUALIFIERS)}", f"    return {{'{r.choice(FILLER)}': {r.uniform(0, 1):.3f}}}",
            f"    for i, item in enumerate({ident(r)}):", f"        total += item.cost * {r.randint(2, 9)}",
            f"    await asyncio.sleep({r.randint(1, 30) / 10})"]))
    return out


def swift_code(r, count):
    name = camel(r)
    out = [f"struct {name[0].upper() + name[1:]}: Sendable {{"]
    for _ in range(count):
        out.append(r.choice([
            f"    let {camel(r)}: [String: Int] = [:]", f"    var {camel(r)} = {r.randint(0, 999)}",
            f"    func {camel(r)}(_ input: String) async throws -> Int {{", "    }",
            "        guard let value = Int(input) else { throw Failure.bad(input) }",
            f"        return value &* {r.randint(2, 64)}", f"    // {r.choice(TARGETS)}",
            f"    @MainActor var title = \"{r.choice(SUBJECTS)}\""]))
    return out + ["}"]


def javascript_code(r, count):
    out = [f"export async function {camel(r)}(url, options = {{}}) {{"]
    for _ in range(count):
        out.append(r.choice([
            f"  const {camel(r)} = await fetch(`${{url}}/{r.choice(FILLER)}`);",
            f"  if (!res.ok) throw new Error(\"{r.choice(TARGETS)}\");", f"  let {camel(r)} = {r.randint(0, 500)};",
            f"  // {r.choice(ACTORS)} {r.choice(ACTIONS)} {r.choice(TARGETS)}",
            f"  items.filter((x) => x.{camel(r)} !== null).map(String);", "  return { ok: true, count };",
            f"  document.querySelector(\"#{r.choice(FILLER)}\")?.classList.add(\"active\");"]))
    return out + ["}"]


def typescript_code(r, count):
    out = [f"interface {camel(r).capitalize()} {{", "  id: number;", f"  {camel(r)}?: string[];", "}", ""]
    for _ in range(count):
        out.append(r.choice([
            f"export const {camel(r)} = <T extends object>(value: T): Readonly<T> => Object.freeze(value);",
            f"type {camel(r).capitalize()} = \"{r.choice(FILLER)}\" | \"{r.choice(FILLER)}\";",
            f"function {camel(r)}(input: unknown): input is string {{ return typeof input === \"string\"; }}",
            f"// {r.choice(TARGETS)} {r.choice(QUALIFIERS)}", f"let {camel(r)}: Map<string, number> = new Map();",
            f"enum Level {{ Low = {r.randint(0, 3)}, High = {r.randint(4, 9)} }}"]))
    return out


def go_code(r, count):
    out = ["package main", "", 'import "fmt"', "", f"func {camel(r)}(n int) (int, error) {{"]
    for _ in range(count):
        out.append(r.choice([
            f"\t{camel(r)} := make([]string, 0, {r.randint(1, 64)})", "\tif err != nil {", "\t\treturn 0, err", "\t}",
            f"\tfmt.Printf(\"%s: %d\\n\", \"{r.choice(FILLER)}\", n)", f"\t// {r.choice(TARGETS)}",
            f"\tfor i := 0; i < n; i++ {{ total += i * {r.randint(2, 9)} }}", "\tdefer mu.Unlock()"]))
    return out + ["\treturn n, nil", "}"]


def rust_code(r, count):
    out = ["#[derive(Debug, Clone)]", f"pub struct {camel(r).capitalize()} {{", "    items: Vec<String>,", "}", "",
           f"fn {ident(r)}(input: &str) -> Result<usize, Box<dyn std::error::Error>> {{"]
    for _ in range(count):
        out.append(r.choice([
            f"    let {ident(r)} = input.split(',').map(str::trim).collect::<Vec<_>>();",
            f"    let mut {ident(r)}: u64 = {r.randint(0, 4096)};", f"    // {r.choice(TARGETS)}",
            "    match value {", "        Some(v) if v > 0 => total += v,", "        _ => {}", "    }",
            f"    println!(\"{{}} {r.choice(FILLER)}\", {ident(r)});"]))
    return out + ["    Ok(total)", "}"]


def bash_code(r, count):
    out = ["#!/usr/bin/env bash", "set -euo pipefail"]
    for _ in range(count):
        out.append(r.choice([
            f"{ident(r).upper()}=\"${{1:-{r.choice(FILLER)}}}\"", f"for f in ./{r.choice(FILLER)}/*.md; do",
            "  echo \"processing $f\" >&2", "done", f"# {r.choice(TARGETS)}",
            f"kubectl rollout status deploy/{slugify(r.choice(SUBJECTS))} --timeout={r.randint(30, 300)}s",
            f"if [[ -z \"${{{ident(r).upper()}:-}}\" ]]; then exit 1; fi",
            f"curl -fsSL https://example.com/{r.choice(FILLER)} | jq '.items | length'"]))
    return out


def yaml_code(r, count):
    out = [f"name: {slugify(r.choice(SUBJECTS))}", "on:", "  push:", "    branches: [main]", "jobs:", "  build:"]
    for _ in range(count):
        out.append(r.choice([
            f"    runs-on: ubuntu-{r.choice(['22.04', '24.04'])}", f"    timeout-minutes: {r.randint(5, 60)}",
            "    steps:", "      - uses: actions/checkout@v4", f"      - run: make {r.choice(FILLER)}",
            f"    # {r.choice(TARGETS)}", f"    env: {{ {ident(r).upper()}: \"{r.choice(FILLER)}\" }}",
            f"    enabled: {r.choice(['true', 'false', 'null'])}"]))
    return out


def json_code(r, count):
    items = [f'  "{camel(r)}": {r.choice([str(r.randint(0, 9999)), "true", "null", json.dumps(r.choice(FILLER)), "[1, 2, 3]"])}'
             for _ in range(max(2, count // 2))]
    return ["{"] + [line + "," for line in items[:-1]] + [items[-1], "}"]


def sql_code(r, count):
    out = [f"SELECT {ident(r)}, count(*) AS n, avg(duration_ms) AS mean_ms", f"FROM {ident(r)} AS t"]
    for _ in range(count // 2):
        out.append(r.choice([
            f"JOIN {ident(r)} USING (id)", f"WHERE t.created_at > now() - interval '{r.randint(1, 90)} days'",
            f"  AND t.status <> '{r.choice(FILLER)}'", f"-- {r.choice(TARGETS)}",
            "GROUP BY 1", "ORDER BY n DESC", f"LIMIT {r.randint(5, 100)}"]))
    return out + [";"]


def html_code(r, count):
    out = ['<section class="card">']
    for _ in range(count):
        out.append(r.choice([
            f'  <h2 id="{r.choice(FILLER)}">{r.choice(SUBJECTS).capitalize()}</h2>',
            f'  <p>{r.choice(ACTORS)} {r.choice(ACTIONS)} {r.choice(TARGETS)} &amp; more.</p>',
            f'  <a href="/posts/{slugify(r.choice(SUBJECTS))}/" rel="noopener">{r.choice(FILLER)}</a>',
            f'  <img src="/img/{r.choice(FILLER)}.png" alt="" width="{r.randint(100, 900)}">',
            f'  <!-- {r.choice(TARGETS)} -->', '  <button type="button" disabled>Save</button>']))
    return out + ["</section>"]


def css_code(r, count):
    out = [":root {", f"  --accent: #{r.randrange(16 ** 6):06x};", "}"]
    for _ in range(count // 2):
        out += [f".{r.choice(FILLER)} > .{r.choice(FILLER)}:hover {{",
                f"  margin: {r.randint(0, 4)}rem {r.randint(0, 32)}px;", f"  color: var(--accent); /* {r.choice(FILLER)} */", "}"]
    return out


def toml_code(r, count):
    out = ["[package]", f'name = "{slugify(r.choice(SUBJECTS))}"', f'version = "{r.randint(0, 3)}.{r.randint(0, 20)}.{r.randint(0, 9)}"']
    for _ in range(count // 2):
        out.append(r.choice([f"[{r.choice(FILLER)}]", f'{ident(r)} = "{r.choice(FILLER)}"', f"{ident(r)} = {r.randint(0, 999)}",
                             f"# {r.choice(TARGETS)}", f"{ident(r)} = [\"a\", \"b\"]", f"enabled = {r.choice(['true', 'false'])}"]))
    return out


def dockerfile_code(r, count):
    out = [f"FROM {r.choice(['python:3.12-slim', 'golang:1.23', 'node:22-alpine', 'swift:6.0'])} AS build", "WORKDIR /src"]
    for _ in range(count // 2):
        out.append(r.choice([f"COPY {r.choice(FILLER)}/ ./{r.choice(FILLER)}/", "RUN make build && make test",
                             f"ENV {ident(r).upper()}={r.randint(1, 64)}", f"# {r.choice(TARGETS)}",
                             f"EXPOSE {r.randint(1024, 9999)}", 'CMD ["./server", "--port", "8080"]']))
    return out


def diff_code(r, count):
    out = [f"--- a/{r.choice(FILLER)}.py", f"+++ b/{r.choice(FILLER)}.py", f"@@ -{r.randint(1, 90)},{count} +{r.randint(1, 90)},{count} @@"]
    for _ in range(count):
        out.append(r.choice("+- ") + " " + " ".join(r.choice(FILLER) for _ in range(r.randint(2, 6))))
    return out


CODE = {"python": python_code, "swift": swift_code, "javascript": javascript_code, "typescript": typescript_code,
        "go": go_code, "rust": rust_code, "bash": bash_code, "yaml": yaml_code, "json": json_code,
        "sql": sql_code, "html": html_code, "css": css_code, "toml": toml_code, "dockerfile": dockerfile_code,
        "diff": diff_code}

SITEGEN_YAML = """# sitegen config for the benchmark corpus written by bench/gen-corpus.py (no templates/: built-in theme).
title: "Benchmark Blog"
description: "A synthetic corpus for make bench."
base_url: "https://example.com/"
language: en
author: "Bench Author"
page_size: 10
feed_length: 20
markdown:
  unsafe_html: true          # the corpus has inline HTML and <details>; Hugo runs with unsafe = true
  smart_punctuation: false   # like Hugo's Goldmark with typographer = false
  highlight: true
search: true                 # counted in, though Hugo builds no index; bench/run.py --no-search
"""


def generate(n, seed, out, force=False, quiet=False):
    """Write the corpus; return the summary that goes into corpus.json."""
    posts = os.path.join(out, "content", "posts")
    if os.path.isdir(posts) and os.listdir(posts):
        if not force:
            sys.exit(f"{posts} is not empty (use --force to replace it)")
        shutil.rmtree(posts)
    os.makedirs(posts, exist_ok=True)

    rng = random.Random(seed)
    writer = Writer(rng)
    vocabulary = tag_vocabulary()
    tag_weights = [1 / (rank + 2) ** 1.1 for rank in range(len(vocabulary))]
    categories = [c for c, _ in CATEGORY_WEIGHTS]
    category_weights = [w for _, w in CATEGORY_WEIGHTS]
    slugs, sizes, drafts, code_blocks = set(), [], 0, 0

    for _ in range(n):
        title = writer.title()
        stem = base = slugify(title)
        suffix = 2
        while stem in slugs:
            stem = f"{base}-{suffix}"
            suffix += 1
        slugs.add(stem)

        tag_count = rng.choices(range(1, 9), weights=[5, 11, 15, 16, 13, 9, 6, 3])[0]
        tags = []
        while len(tags) < tag_count:
            tag = rng.choices(vocabulary, weights=tag_weights)[0]
            if tag not in tags:
                tags.append(tag)
        day = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
        summary = writer.claim().rstrip(".?!:…") + f" — {rng.choice(SUBJECTS)} {rng.choice(QUALIFIERS)}."
        if len(summary) > 155:  # keep descriptions as long as real ones (sitegen warns above 160)
            summary = summary[:150].rsplit(" ", 1)[0].rstrip(",;:—- ") + " …"
        lines = ["---", f"title: {yaml_scalar(title)}", f"description: {yaml_double(summary)}",
                 f"date: {day.isoformat()}", f"category: {rng.choices(categories, weights=category_weights)[0]}",
                 f"image: /images/posts/{stem}.jpg", f"image_alt: {yaml_double(rng.choice(SUBJECTS).capitalize())}",
                 f"author: {yaml_scalar(rng.choice(AUTHORS))}"]
        if rng.random() < 0.5:
            lines.append("tags: [" + ", ".join(yaml_double(t) for t in tags) + "]")
        else:
            lines += ["tags:"] + [f"  - {yaml_double(t)}" for t in tags]
        if rng.random() < 0.01:
            lines.append("draft: true")
            drafts += 1
        lines.append("---")
        head = "\n".join(lines) + "\n\n"
        target = int(min(19800, max(1900, rng.lognormvariate(math.log(8700), 0.42))))
        text = head + writer.body(target - len(head.encode()))
        code_blocks += text.count("\n```") // 2 + text.count("\n~~~") // 2
        data = text.encode("utf-8")
        with open(os.path.join(posts, stem + ".md"), "wb") as f:
            f.write(data)
        sizes.append(len(data))

    with open(os.path.join(out, "sitegen.yaml"), "w", encoding="utf-8", newline="\n") as f:
        f.write(SITEGEN_YAML)
    ordered = sorted(sizes)
    summary = {
        "n": n, "seed": seed, "generator_sha256": generator_digest(), "drafts": drafts,
        "bytes": sum(sizes), "min_bytes": ordered[0] if ordered else 0,
        "median_bytes": ordered[len(ordered) // 2] if ordered else 0, "max_bytes": ordered[-1] if ordered else 0,
        "code_blocks": code_blocks,
    }
    with open(os.path.join(out, "corpus.json"), "w", encoding="utf-8") as f:
        json.dump(summary, f, indent=2, sort_keys=True)
        f.write("\n")
    if not quiet:
        print(f"{n} articles ({drafts} drafts, {code_blocks} code blocks) in {posts}: {sum(sizes) / 1e6:.1f} MB, "
              f"min/median/max {summary['min_bytes']}/{summary['median_bytes']}/{summary['max_bytes']} bytes",
              file=sys.stderr)
    return summary


def generator_digest():
    with open(os.path.abspath(__file__), "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def self_test():
    """Same seed twice gives the same bytes; a smaller n is a prefix of a larger one."""
    failures = []
    with tempfile.TemporaryDirectory(prefix="gen-corpus-test.") as tmp:
        one, two, more = (os.path.join(tmp, name) for name in ("a", "b", "c"))
        generate(20, 7, one, quiet=True)
        generate(20, 7, two, quiet=True)
        generate(30, 7, more, quiet=True)
        posts = lambda d: os.path.join(d, "content", "posts")
        names = sorted(os.listdir(posts(one)))
        if len(names) != 20:
            failures.append(f"expected 20 articles, found {len(names)}")
        if names != sorted(os.listdir(posts(two))):
            failures.append("two runs with the same seed wrote different file names")
        for name in names:
            if not filecmp.cmp(os.path.join(posts(one), name), os.path.join(posts(two), name), shallow=False):
                failures.append(f"{name} differs between two runs with the same seed")
            other = os.path.join(posts(more), name)
            if not os.path.exists(other) or not filecmp.cmp(os.path.join(posts(one), name), other, shallow=False):
                failures.append(f"{name} of n=20 is not the same in n=30 (prefix property)")
        if len(os.listdir(posts(more))) != 30:
            failures.append("n=30 did not write 30 articles")
        if not filecmp.cmp(os.path.join(one, "sitegen.yaml"), os.path.join(two, "sitegen.yaml"), shallow=False):
            failures.append("sitegen.yaml differs")
        other_seed = os.path.join(tmp, "d")
        generate(20, 8, other_seed, quiet=True)
        if sorted(os.listdir(posts(other_seed))) == names:
            failures.append("seed 8 wrote the same articles as seed 7")
    for failure in failures:
        print(f"FAIL: {failure}", file=sys.stderr)
    print("gen-corpus self-test: " + ("ok" if not failures else f"{len(failures)} failure(s)"), file=sys.stderr)
    return 1 if failures else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=1000, help="number of articles (default 1000)")
    parser.add_argument("--seed", type=int, default=42, help="seed of the random stream (default 42)")
    parser.add_argument("--out", help="the corpus folder; articles go to OUT/content/posts/")
    parser.add_argument("--force", action="store_true", help="replace an existing OUT/content/posts")
    parser.add_argument("--self-test", action="store_true", help="check determinism and the prefix property")
    args = parser.parse_args()
    if args.self_test:
        sys.exit(self_test())
    if not args.out:
        parser.error("--out is required")
    if args.n < 0:
        parser.error("--n must be 0 or more")
    generate(args.n, args.seed, args.out, force=args.force)


if __name__ == "__main__":
    main()
