// The search page: runs the query in ?q= and every query typed, keeps it in the URL, shows ten results at a
// time with their excerpts, and moves through them with the arrow keys. No dependencies.
import { SearchIndex, excerpt, markTitle } from './search-engine.js';

const PAGE = 10;
const DELAY = 120;

function start() {
  const form = document.querySelector('form[data-search-index]');
  if (!form) return;
  const input = form.querySelector('input[name="q"]');
  const status = document.getElementById('search-status');
  const list = document.getElementById('search-results');
  const index = new SearchIndex(new URL(form.dataset.searchIndex, document.baseURI).href);
  let run = 0;
  let timer = 0;
  let shown = null;

  async function update(text, { keepURL = false } = {}) {
    const current = ++run;
    if (!keepURL) {
      const url = new URL(window.location.href);
      if (text.trim()) url.searchParams.set('q', text); else url.searchParams.delete('q');
      window.history.replaceState(null, '', url);
    }
    if (!text.trim()) {
      list.replaceChildren();
      status.textContent = '';
      shown = null;
      return;
    }
    try {
      const result = await index.search(text);
      if (current !== run) return;
      shown = { result, count: 0 };
      list.replaceChildren();
      await more(current);
    } catch (error) {
      if (current !== run) return;
      list.replaceChildren();
      status.textContent = `Search is unavailable: ${error.message}`;
    }
  }

  async function more(current) {
    const { result } = shown;
    const next = result.hits.slice(shown.count, shown.count + PAGE);
    const fragments = await Promise.all(next.map((hit) => index.fragment(hit.doc)));
    if (current !== run) return;
    const firstNew = list.children.length;
    fragments.forEach((fragment) => list.append(item(fragment, result.query)));
    shown.count += next.length;
    document.getElementById('search-more')?.remove();
    if (shown.count < result.hits.length) list.after(moreButton());
    status.textContent = summary(result, shown.count);
    return list.children[firstNew];
  }

  function moreButton() {
    const button = document.createElement('button');
    button.type = 'button';
    button.id = 'search-more';
    button.className = 'search-more';
    button.textContent = 'Show more results';
    button.addEventListener('click', async () => {
      const added = await more(run);
      added?.querySelector('a')?.focus();
    });
    return button;
  }

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => update(input.value), DELAY);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    update(input.value);
  });
  form.parentElement.addEventListener('keydown', (event) => {
    const links = [...list.querySelectorAll('a.search-result-title')];
    const at = links.indexOf(document.activeElement);
    if (event.key === 'Escape') {
      event.preventDefault();
      input.value = '';
      update('');
      input.focus();
    } else if (event.key === 'ArrowDown' && (document.activeElement === input || at >= 0)) {
      event.preventDefault();
      links[Math.min(at + 1, links.length - 1)]?.focus();
    } else if (event.key === 'ArrowUp' && at >= 0) {
      event.preventDefault();
      (at === 0 ? input : links[at - 1]).focus();
    }
  });

  const initial = new URL(window.location.href).searchParams.get('q') || '';
  if (initial) {
    input.value = initial;
    update(initial, { keepURL: true });
  }
}

function summary(result, count) {
  const total = result.hits.length;
  if (total === 0) return 'No results.';
  const noun = total === 1 ? 'result' : 'results';
  const partial = result.complete ? '' : ' No article has every word; these have some of them.';
  return `${total} ${noun}, showing ${count}.${partial}`;
}

function item(fragment, query) {
  const part = excerpt(fragment, query);
  const li = document.createElement('li');
  li.className = 'search-result';
  const link = document.createElement('a');
  link.className = 'search-result-title';
  link.href = part.anchor ? `${fragment.url}#${part.anchor}` : fragment.url;
  link.append(...marked(markTitle(fragment.title, query)));
  li.append(link);
  const meta = document.createElement('p');
  meta.className = 'search-result-meta';
  const time = document.createElement('time');
  time.dateTime = fragment.date;
  time.textContent = fragment.dateText;
  meta.append(time);
  if (fragment.category) meta.append(` · ${fragment.category}`);
  li.append(meta);
  if (part.heading) {
    const section = document.createElement('p');
    section.className = 'search-result-section';
    section.textContent = `In “${part.heading}”`;
    li.append(section);
  }
  if (part.pieces.length > 0) {
    const text = document.createElement('p');
    text.className = 'search-result-excerpt';
    text.append(...marked(part.pieces));
    li.append(text);
  }
  return li;
}

function marked(pieces) {
  return pieces.map((piece) => {
    if (!piece.mark) return document.createTextNode(piece.text);
    const mark = document.createElement('mark');
    mark.textContent = piece.text;
    return mark;
  });
}

start();
