// Checks templates/assets/search-stem.js against every line of the shared English stemmer vectors
// (Tests/SitegenSearchTests/Fixtures/english-stems.tsv, the ones the Swift stemmer is tested on).
// Run from the repository root: node Tests/Browser/search_stem_test.mjs
import { readFileSync } from 'node:fs';
import { searchModule } from './search_modules.mjs';

const { stem } = await searchModule('search-stem.js');

const vectors = new URL('../SitegenSearchTests/Fixtures/english-stems.tsv', import.meta.url);
const lines = readFileSync(vectors, 'utf8').split('\n').filter((line) => line !== '');
const failures = [];
for (const line of lines) {
  const tab = line.indexOf('\t');
  const [word, expected] = [line.slice(0, tab), line.slice(tab + 1)];
  const actual = stem(word);
  if (tab < 0 || actual !== expected) failures.push({ word, expected, actual });
}

for (const { word, expected, actual } of failures.slice(0, 20)) {
  console.log(`FAIL ${JSON.stringify(word)}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}
const passed = lines.length - failures.length;
const ok = failures.length === 0 && lines.length >= 4000; // a truncated file must not pass
console.log(`${ok ? 'PASS' : 'FAIL'} search-stem.js: ${passed} of ${lines.length} words match snowballstemmer`);
console.log(`${passed} passed, ${failures.length} failed`);
process.exit(ok ? 0 : 1);
