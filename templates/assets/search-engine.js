// sitegen search: reads the static index the build writes under /search/ (see SearchIndexBuilder.swift)
// and ranks documents by the BM25 scores stored in it. A query loads the manifest, the shards holding its
// terms and the fragments of the hits it shows; nothing else.
import { stem } from './search-stem.js';

const WORD = /[\p{L}\p{N}\p{M}]+(?:['’][\p{L}\p{N}\p{M}]+)*/gu;
const MAX_LENGTH = 48;
// A word still being typed also finds the longer words it starts, scored at this fraction.
const PREFIX_WEIGHT = 0.5;
const MIN_PREFIX = 3;
const MAX_PREFIX_SHARDS = 3;

/** One word as the build's SearchTokenizer normalises it: NFKD, marks dropped, lower case, no apostrophes. */
export function normalise(word) {
  const term = word.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/['’]/g, '').replace(/ς/g, 'σ');
  return [...term].length > MAX_LENGTH ? '' : term;
}

/** Every term of `text` with the span of its word: [{term, start, end}]. */
export function words(text) {
  const found = [];
  for (const match of text.matchAll(WORD)) {
    const term = normalise(match[0]);
    if (term) found.push({ term, start: match.index, end: match.index + match[0].length });
  }
  return found;
}

/** A query's distinct stems, and the last word as a prefix while it may still be typed. */
export function parseQuery(text) {
  const found = words(text);
  const stems = [...new Set(found.map((word) => stem(word.term)))];
  const last = found[found.length - 1];
  const typing = last && last.end === text.length && [...last.term].length >= MIN_PREFIX;
  return { stems, prefix: typing ? last.term : '' };
}

/** Whether a word of a document answers the query: its stem is one of the query's, or it starts with the prefix. */
export function matcher(query) {
  const stems = new Set(query.stems);
  const cache = new Map();
  return (term) => {
    if (query.prefix && term.startsWith(query.prefix)) return true;
    let stemmed = cache.get(term);
    if (stemmed === undefined) {
      stemmed = stem(term);
      cache.set(term, stemmed);
    }
    return stems.has(stemmed);
  };
}

/** The static index at `baseURL` (the search page's folder, ending in `/`). */
export class SearchIndex {
  constructor(baseURL, load = (url) => fetch(url).then((response) => {
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    return response.json();
  })) {
    this.baseURL = baseURL;
    this.load = load;
    this.shards = new Map();
    this.fragments = new Map();
    this.manifest = null;
    this.opened = null;
  }

  /** The manifest: {version, documents, shards: [first term of each shard]}. */
  async open() {
    if (!this.manifest) {
      this.manifest = this.load(`${this.baseURL}index.json`).then((manifest) => {
        this.opened = manifest;
        return manifest;
      });
    }
    return this.manifest;
  }

  async shard(number) {
    const manifest = await this.open();
    if (!this.shards.has(number)) this.shards.set(number, this.load(`${this.baseURL}terms/${number}.json?v=${manifest.version}`));
    return this.shards.get(number);
  }

  /** What one result shows: url, title, date, dateText, category, description, sections [[anchor, heading, text]]. */
  async fragment(doc) {
    const manifest = await this.open();
    if (!this.fragments.has(doc)) this.fragments.set(doc, this.load(`${this.baseURL}docs/${doc}.json?v=${manifest.version}`));
    return this.fragments.get(doc);
  }

  /** The shard a term would be in: the last whose first term is not greater (once the index is open). */
  shardOf(term) {
    const firsts = this.opened.shards;
    let low = 0, high = firsts.length - 1, found = 0;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (firsts[middle] <= term) { found = middle; low = middle + 1; } else { high = middle - 1; }
    }
    return found;
  }

  /**
   * Ranks documents for `text`: those with every query word first (and alone, when there are any), by the
   * sum of their BM25 scores. Returns {query, hits: [{doc, score}], complete} where `complete` says the hits
   * have every word.
   */
  async search(text) {
    const query = parseQuery(text);
    const manifest = await this.open();
    if (query.stems.length === 0 || manifest.shards.length === 0) return { query, hits: [], complete: true };
    const perStem = await Promise.all(query.stems.map((term) => this.postings(term, query.prefix && stem(query.prefix) === term ? query.prefix : '')));
    const totals = new Map();
    perStem.forEach((scores) => {
      for (const [doc, score] of scores) {
        const total = totals.get(doc) || { doc, score: 0, matched: 0 };
        total.score += score;
        total.matched += 1;
        totals.set(doc, total);
      }
    });
    const all = [...totals.values()];
    const complete = all.filter((hit) => hit.matched === query.stems.length);
    const hits = (complete.length > 0 ? complete : all)
      .sort((a, b) => b.matched - a.matched || b.score - a.score || a.doc - b.doc)
      .map(({ doc, score }) => ({ doc, score }));
    return { query, hits, complete: complete.length > 0 };
  }

  /**
   * doc → score for one stem. With a prefix (the word being typed) also the words it starts, at
   * PREFIX_WEIGHT, and, when the stem itself is not indexed, the longest indexed term the prefix starts
   * with (`deploym` finds `deploy`, the stem of deployment).
   */
  async postings(term, prefix) {
    const scores = new Map();
    // [idf × 10⁵, doc, score × 10³, doc delta, score × 10³, …]
    const add = (list, weight) => {
      const idf = list[0] / 100000;
      let doc = 0;
      for (let index = 1; index < list.length; index += 2) {
        doc += list[index];
        const score = idf * list[index + 1] * weight / 1000;
        if (score > (scores.get(doc) || 0)) scores.set(doc, score);
      }
    };
    const own = await this.shard(this.shardOf(term));
    const found = Object.hasOwn(own, term);
    if (found) add(own[term], 1);
    if (!prefix) return scores;
    if (!found) {
      const stems = Object.keys(own).filter((key) => [...key].length >= MIN_PREFIX && prefix.startsWith(key));
      const longest = stems.sort((a, b) => b.length - a.length)[0];
      if (longest) add(own[longest], 1);
    }
    const firsts = this.opened.shards;
    const start = this.shardOf(prefix);
    for (let number = start; number < firsts.length && number < start + MAX_PREFIX_SHARDS; number += 1) {
      if (number > start && !firsts[number].startsWith(prefix)) break;
      const shard = await this.shard(number);
      for (const key of Object.keys(shard)) {
        if (key !== term && key.startsWith(prefix)) add(shard[key], PREFIX_WEIGHT);
      }
    }
    return scores;
  }
}

/**
 * The part of a fragment to show for a query: the section with the most query words (the text before the
 * first heading counts as a section without an anchor), a window of about `size` words around its first
 * match, as pieces [{text, mark}], with the section's anchor and heading.
 */
export function excerpt(fragment, query, size = 30) {
  const matches = matcher(query);
  let best = null;
  fragment.sections.forEach(([anchor, heading, text], index) => {
    const found = words(text);
    const hits = found.map((word, position) => (matches(word.term) ? position : -1)).filter((position) => position >= 0);
    if (hits.length === 0) return;
    const distinct = new Set(hits.map((position) => found[position].term)).size;
    if (!best || distinct > best.distinct || (distinct === best.distinct && hits.length > best.hits.length)) {
      best = { index, anchor, heading, text, found, hits, distinct };
    }
  });
  if (!best) {
    const text = fragment.description || (fragment.sections[0] ? fragment.sections[0][2] : '');
    const found = words(text);
    return { anchor: '', heading: '', pieces: window(text, found, 0, size, () => false) };
  }
  const first = Math.max(0, best.hits[0] - Math.floor(size / 4));
  return {
    anchor: best.index > 0 ? best.anchor : '',
    heading: best.index > 0 ? best.heading : '',
    pieces: window(best.text, best.found, first, size, matches),
  };
}

/** The title as pieces [{text, mark}] with its query words marked. */
export function markTitle(title, query) {
  const found = words(title);
  return window(title, found, 0, found.length, matcher(query), true);
}

function window(text, found, first, size, matches, whole = false) {
  if (found.length === 0) return text ? [{ text: whole ? text : text.slice(0, 200), mark: false }] : [];
  const last = Math.min(found.length, first + size) - 1;
  const pieces = [];
  let position = whole ? 0 : found[first].start;
  if (!whole && first > 0) pieces.push({ text: '… ', mark: false });
  for (let index = first; index <= last; index += 1) {
    const word = found[index];
    if (word.start > position) pieces.push({ text: text.slice(position, word.start), mark: false });
    pieces.push({ text: text.slice(word.start, word.end), mark: matches(word.term) });
    position = word.end;
  }
  if (whole) {
    if (position < text.length) pieces.push({ text: text.slice(position), mark: false });
  } else if (last < found.length - 1) {
    pieces.push({ text: ' …', mark: false });
  } else if (position < text.length) {
    pieces.push({ text: text.slice(position), mark: false });
  }
  return pieces;
}
