// Checks templates/assets/search-engine.js without a browser:
// - its tokenizer gives the terms of Tests/SitegenSearchTests/Fixtures/terms.json, the cases the Swift
//   SearchTokenizer is held to, so what a reader types finds what the build indexed;
// - query parsing, the prefix of a word still being typed, excerpts and marks;
// - ranking over a built site's index (argument: the site's folder), read from disk, counting what it loads.
// Run from the repository root: node Tests/Browser/search_engine_test.mjs SITE_DIR
import { readFileSync } from 'node:fs';
import { searchModule } from './search_modules.mjs';

const { SearchIndex, excerpt, markTitle, parseQuery, words } = await searchModule('search-engine.js');

let passed = 0;
let failed = 0;
function check(name, ok, detail = '') {
  if (ok) passed += 1; else failed += 1;
  console.log(`${ok ? 'PASS' : 'FAIL'} ${name}${ok || !detail ? '' : `: ${detail}`}`);
}
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

const cases = JSON.parse(readFileSync(new URL('../SitegenSearchTests/Fixtures/terms.json', import.meta.url), 'utf8'));
const mismatches = cases.filter((c) => !same(words(c.text).map((w) => w.term), c.terms));
check(`tokenizer agrees with the Swift cases (${cases.length})`, cases.length > 20 && mismatches.length === 0,
  mismatches.map((c) => `${JSON.stringify(c.text)} → ${JSON.stringify(words(c.text).map((w) => w.term))}`).join('; '));
const spans = words('Hi, “Café” don’t');
check('word spans point into the original text', same(spans.map((w) => [w.start, w.end]), [[0, 2], [5, 9], [11, 16]]), JSON.stringify(spans));

check('query stems are distinct and stemmed', same(parseQuery('Running runs RUN').stems, ['run']));
check('the last word is a prefix while it is typed', parseQuery('vector datab').prefix === 'datab');
check('no prefix after a space', parseQuery('vector datab ').prefix === '');
check('no prefix under three letters', parseQuery('ve').prefix === '');

const fragment = {
  url: '/a/', title: 'Vector stores', date: '2026-01-01', dateText: 'January 1, 2026', category: 'Guides', description: 'About stores.',
  sections: [['', '', 'An introduction without the words.'], ['one', 'One', 'Vectors live here. Vector search is fast.'], ['two', 'Two', 'A single vector.']],
};
const part = excerpt(fragment, parseQuery('vector '));
check('the excerpt comes from the section with the most matches', part.anchor === 'one' && part.heading === 'One', JSON.stringify(part));
check('matched words are marked', same(part.pieces.filter((p) => p.mark).map((p) => p.text), ['Vectors', 'Vector']), JSON.stringify(part.pieces));
check('the excerpt keeps the text between words', part.pieces.map((p) => p.text).join('') === 'Vectors live here. Vector search is fast.');
const none = excerpt(fragment, parseQuery('zebra '));
check('without a match the description is the excerpt', none.anchor === '' && none.pieces.map((p) => p.text).join('') === 'About stores.');
check('title marks', same(markTitle('Vector stores', parseQuery('store ')).map((p) => [p.text, p.mark]), [['Vector', false], [' ', false], ['stores', true]]));

const site = process.argv[2];
if (site) {
  const loaded = [];
  const index = new SearchIndex('/search/', async (url) => {
    loaded.push(url);
    return JSON.parse(readFileSync(site + url.split('?')[0], 'utf8'));
  });
  const result = await index.search('vector database');
  const first = result.hits.length ? await index.fragment(result.hits[0].doc) : null;
  check('"vector database" finds the vector database guide first', first?.title === 'Choosing a Vector Database', first?.title);
  check('two words: only articles with both', result.complete && result.hits.length >= 1);
  const sorted = result.hits.every((hit, i) => i === 0 || result.hits[i - 1].score >= hit.score);
  check('hits are sorted by score', sorted);
  check('versioned URLs', loaded.filter((url) => url !== '/search/index.json').every((url) => /\?v=[0-9a-f]{16}$/.test(url)), loaded.join(' '));
  const shardLoads = loaded.filter((url) => url.startsWith('/search/terms/'));
  check('one query loads only its shards', shardLoads.length >= 1 && shardLoads.length <= 3, shardLoads.join(' '));
  const typed = await index.search('retriev');
  const typedFirst = typed.hits.length ? await index.fragment(typed.hits[0].doc) : null;
  check('a word being typed finds the words it starts', typedFirst?.title === 'A Practical Guide to Retrieval-Augmented Generation', typedFirst?.title);
  const past = await index.search('deploym');
  const pastFirst = past.hits.length ? await index.fragment(past.hits[0].doc) : null;
  check('a word typed past its stem finds the stem ("deploym" → deploy)', past.hits.length > 0 && /deploy/i.test(JSON.stringify(pastFirst)), String(past.hits.length));
  const mixed = await index.search('vector qwxzv');
  check('no article has every word: articles with some, marked incomplete', !mixed.complete && mixed.hits.length > 0);
  const empty = await index.search('   ');
  check('an empty query has no hits', empty.hits.length === 0);
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
