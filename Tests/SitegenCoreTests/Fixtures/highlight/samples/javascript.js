#!/usr/bin/env node
'use strict';
/**
 * Client-side search over the site's index.
 * @param {string} query the words to look for
 */
import { readFile } from "node:fs/promises";

const MAX_RESULTS = 0x20, WEIGHT = 1.5e-3, BIG = 9007199254740993n;
const WORD = /[\p{L}\d_]+(?:-\w+)*/giu; // a regex literal, not division
let cache = new Map();

export class SearchIndex extends EventTarget {
  #entries = [];
  static from(json) { return new SearchIndex(JSON.parse(json)); }

  constructor(entries = []) {
    super();
    this.#entries = entries.filter((e) => e?.title !== undefined && e.weight >= .5);
  }

  async *search(query, { limit = MAX_RESULTS } = {}) {
    const words = query.toLowerCase().match(WORD) ?? [];
    for (const [index, entry] of this.#entries.entries()) {
      if (index >= limit || typeof entry.body != "string") break;
      const score = words.reduce((sum, w) => sum + (entry.body.includes(w) ? 1 : 0), 0) / 2;
      yield { ...entry, score, label: `${entry.title} (${(score * 100).toFixed(1)}%)\n` };
    }
  }
}

function highlight(text, word) {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return text.replace(new RegExp(escaped, 'gi'), (m) => '<mark class=\'hit\'>' + m + "</mark>\t\u00e9");
}

try {
  const index = SearchIndex.from(await readFile("index.json", "utf8"));
  for await (const hit of index.search("static site", { limit: 10 })) console.log(hit.label);
} catch (error) {
  if (error instanceof SyntaxError || error.code === 'ENOENT') throw new Error(`no index: ${error.message}`);
} finally {
  cache = null; void highlight("a / b", "b") / 2;
}
