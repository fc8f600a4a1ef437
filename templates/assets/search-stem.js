// The Snowball English (Porter2) stemmer, https://snowballstem.org/algorithms/english/stemmer.html,
// as Snowball 3 defines it. It must give the same stems as sitegen's Swift EnglishStemmer, which
// stems the search index: Tests/Browser/search_stem_test.mjs checks both against the same vectors.
// A y that acts as a consonant is written Y while stemming.

const EXCEPTIONS = new Map(Object.entries({
  skis: 'ski', skies: 'sky', idly: 'idl', gently: 'gentl', ugly: 'ugli', early: 'earli', only: 'onli',
  singly: 'singl', sky: 'sky', news: 'news', howe: 'howe', atlas: 'atlas', cosmos: 'cosmos', bias: 'bias',
  andes: 'andes',
}));

const STEP2 = {
  tional: 'tion', enci: 'ence', anci: 'ance', abli: 'able', entli: 'ent', izer: 'ize', ization: 'ize',
  ational: 'ate', ation: 'ate', ator: 'ate', alism: 'al', aliti: 'al', alli: 'al', fulness: 'ful',
  fulli: 'ful', ousli: 'ous', ousness: 'ous', iveness: 'ive', iviti: 'ive', biliti: 'ble', bli: 'ble',
  ogist: 'og', lessli: 'less', ogi: 'og', li: '',
};
const STEP3 = {
  tional: 'tion', ational: 'ate', alize: 'al', icate: 'ic', iciti: 'ic', ical: 'ic', ful: '', ness: '',
  ative: '',
};
const STEP4 = {};
for (const s of 'al ance ence er ic able ible ant ement ment ent ism ate iti ous ive ize ion'.split(' ')) {
  STEP4[s] = '';
}

// The leftmost match of an anchored alternation is the longest suffix, which is the only one a step tries.
const endingIn = (suffixes) => new RegExp(`(?:${Object.keys(suffixes).join('|')})$`);
const STEP2_RE = endingIn(STEP2);
const STEP3_RE = endingIn(STEP3);
const STEP4_RE = endingIn(STEP4);
// Rules that apply only when the stem before the suffix ends so.
const NEEDS = { li: /[cdeghkmnrt]$/, ogi: /l$/, ion: /[st]$/ };

// A short syllable ends the word: non-vowel, vowel, non-vowel other than w, x, Y; or a vowel and a
// non-vowel as the whole word; or "past".
const SHORT = /[^aeiouy][aeiouy][^aeiouywxY]$|^[aeiouy][^aeiouy]$|past$/;

/** Stems a lowercase word; a word with anything but a-z and ' is returned unchanged. */
export function stem(word) {
  if (EXCEPTIONS.has(word)) return EXCEPTIONS.get(word);
  if (word.length <= 2 || !/^[a-z']+$/.test(word)) return word;

  let w = word.replace(/^'/, '').replace(/^y/, 'Y').replace(/([aeiouy])y/g, '$1Y');
  const prefix = /^(?:arsen|commun|emerg|gener|inter|later|organ|past|univers)/.exec(w);
  const p1 = prefix ? prefix[0].length : afterVowelConsonant(w, 0);
  const p2 = afterVowelConsonant(w, p1);

  // Step 1a: possessives and plurals.
  w = w.replace(/'(?:s'?)?$/, '');
  if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (/ie[ds]$/.test(w)) w = w.slice(0, -3) + (w.length > 4 ? 'i' : 'ie');
  else if (/[aeiouy].+s$/.test(w) && !/[su]s$/.test(w)) w = w.slice(0, -1);

  // Step 1b: -eed, -ed, -ing and their -ly forms.
  const m = /(?:eed|eedly|ed|edly|ing|ingly)$/.exec(w);
  if (m) {
    const start = m.index, base = w.slice(0, start);
    if (m[0].startsWith('ee')) {
      if (start >= p1 && !/^(?:succ|proc|exc)$/.test(base)) w = base + 'ee';
    } else if (m[0] === 'ing' && /^(?:even|cann|inn|earr|herr|out)$/.test(base)) {
      // evening, inning, ... keep their -ing
    } else if (m[0] === 'ing' && /^[^aeiouy]y$/.test(base)) {
      w = base[0] + 'ie';
    } else if (/[aeiouy]/.test(base)) {
      w = base;
      if (/(?:at|bl|iz)$/.test(w)) w += 'e';
      else if (/(?:bb|dd|ff|gg|mm|nn|pp|rr|tt)$/.test(w)) {
        if (!/^[aeo]..$/.test(w)) w = w.slice(0, -1);
      } else if (w.length === p1 && SHORT.test(w)) w += 'e';
    }
  }

  // Step 1c: a final y after a consonant that is not the first letter becomes i.
  if (/.[^aeiouy][yY]$/.test(w)) w = w.slice(0, -1) + 'i';

  w = replaceSuffix(w, STEP2_RE, STEP2, p1);
  w = replaceSuffix(w, STEP3_RE, STEP3, w.endsWith('ative') ? p2 : p1); // -ative goes only in R2
  w = replaceSuffix(w, STEP4_RE, STEP4, p2);

  // Step 5: a final e, or the second l of a final ll.
  const end = w.length - 1;
  if (w.endsWith('e') && (end >= p2 || (end >= p1 && !SHORT.test(w.slice(0, end))))) w = w.slice(0, end);
  else if (w.endsWith('ll') && end >= p2) w = w.slice(0, end);

  return w.replace(/Y/g, 'y');
}

// Just past the first non-vowel after a vowel at or after `from`; the word's length when there is none.
function afterVowelConsonant(w, from) {
  const m = /[aeiouy][^aeiouy]/.exec(w.slice(from));
  return m ? from + m.index + 2 : w.length;
}

function replaceSuffix(w, re, replacements, region) {
  const m = re.exec(w);
  if (!m || m.index < region) return w;
  const base = w.slice(0, m.index);
  const need = NEEDS[m[0]];
  return need && !need.test(base) ? w : base + replacements[m[0]];
}
