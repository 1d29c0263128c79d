// @ts-check
/**
 * Search, loaded only when a reader starts one: typing in the header box
 * (the inline bootstrap imports this module on the first keystroke) or
 * opening /search/. Plain JavaScript, checked by TypeScript, so the build
 * ships it without bundling, minified (src/integrations/browser-scripts.ts),
 * under a hashed name.
 *
 * Header box: a results panel under the box; ↓/↑ move through results,
 * Escape closes, Enter opens the full search page.
 * Search page: query, facets and sort live in the URL (?q=&type=&topic=&person=&series=&sort=date),
 * so a search can be shared; results load ten at a time.
 *
 * What a query means (question words set aside, widening, "Did you mean")
 * is ./search-logic.js, loaded beside Pagefind from the URL the header form
 * names (data-search-logic): the build ships each file on its own, under a
 * name of its own hash, so one cannot import the other by a relative path.
 */

const FACETS = /** @type {const} */ (['type', 'topic', 'person', 'series']);
const FACET_LABELS = { type: 'Type', topic: 'Topic', person: 'Person', series: 'Series' };
const PANEL_RESULTS = 5;
const PAGE_RESULTS = 10;
const SUB_RESULTS = 3;
/** Talks shown for what was said: each result's fragment holds its whole transcript (19 KB gzip for an hour, median). */
const SAID_RESULTS = 3;

/** @typedef {{ url: string, title: string, excerpt: string, weighted_locations?: unknown[] }} SubResult */
/** @typedef {{ url: string, excerpt: string, meta: Record<string, string>, sub_results: SubResult[] }} ResultData */
/** @typedef {import('./search-logic.js').Hit} Result */
/** @typedef {import('./search-logic.js').Outcome} Outcome */
/** @typedef {typeof import('./search-logic.js')} Logic */

/** The header form, on every page: it names the search page and the logic module. */
const siteForm = () => /** @type {HTMLFormElement | null} */ (document.querySelector('form[data-search-logic]'));

const logicUrl = () => siteForm()?.dataset.searchLogic ?? '';

/** The base path of the site, from the header form's action (`/kb/search/` → `/kb/`). */
function basePath() {
  const action = siteForm()?.getAttribute('action') ?? '/search/';
  return action.replace(/search\/?$/, '');
}

/** @type {Promise<Map<string, number>> | undefined} */
let newest;

/** Each page's place in the newest-first order (built by src/lib/search-index.ts), loaded the first time someone sorts. */
function newestRanks() {
  newest ??= fetch(`${basePath()}pagefind/newest.json`)
    .then((r) => (r.ok ? r.json() : Promise.reject(new Error(`newest.json: ${r.status}`))))
    .then((/** @type {string[]} */ ids) => new Map(ids.map((id, i) => [id, i])));
  return newest;
}

/** @type {Promise<[any, Logic]> | undefined} */
let engine;

/**
 * Pagefind, on the main thread (for a handful of queries a worker costs more
 * bytes than it saves), and the logic module, loaded side by side.
 */
function load() {
  engine ??= Promise.all([
    import(/* @vite-ignore */ `${basePath()}pagefind/pagefind.js`).then(async (pf) => {
      await pf.options({ noWorker: true, excerptLength: 24 });
      return pf;
    }),
    /** @type {Promise<Logic>} */ (logicUrl() ? import(/* @vite-ignore */ logicUrl()) : Promise.reject(new Error('the header form names no search logic module (data-search-logic)'))),
  ]);
  return engine;
}

/** @type {Promise<any> | undefined} */
let saidMerged;

/**
 * The index of what was said in talks (pagefind/said/, src/lib/build/transcript-index.ts),
 * merged into the site's Pagefind the first time a search asks for it: a merged index uses the
 * WebAssembly already loaded, where a Pagefind of its own would load its code again (73 KB).
 * Its results carry the filter said:yes; from then on the site's searches leave them out (entryEngine).
 */
function mergeSaid(/** @type {any} */ pf) {
  saidMerged ??= pf.mergeIndex(`${basePath()}pagefind/said/`, { mergeFilter: { said: 'yes' } });
  return saidMerged;
}

/** The site's Pagefind as the search logic uses it: entries only, once what was said is merged in. */
function entryEngine(/** @type {any} */ pf) {
  return {
    search: (/** @type {string} */ term, /** @type {{ filters?: Record<string, unknown> }} */ opts = {}) =>
      saidMerged ? pf.search(term, { ...opts, filters: { ...opts.filters, not: { said: 'yes' } } }) : pf.search(term, opts),
  };
}

/** @type {Map<string, Promise<import('./search-logic.js').SiteWord[]>>} */
const wordLists = new Map();

/** The parts of the site's word list (built by src/lib/build/search-words.ts) these words would be in, each loaded once. */
async function siteWords(/** @type {string[]} */ words) {
  const [, logic] = await load();
  const names = [...new Set(words.map(logic.listName))];
  for (const name of names) {
    if (!wordLists.has(name)) {
      const url = `${basePath()}pagefind/words/${name}.json`;
      wordLists.set(name, fetch(url).then((r) => (r.ok ? r.json().then(logic.readSiteWords) : Promise.reject(new Error(`${url}: ${r.status}`)))));
    }
  }
  return (await Promise.all(names.map((n) => /** @type {Promise<import('./search-logic.js').SiteWord[]>} */ (wordLists.get(n))))).flat();
}

/**
 * @param {string} tag
 * @param {Record<string, string>} [attrs]
 * @param {(Node | string)[]} [children]
 */
function el(tag, attrs = {}, children = []) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  node.append(...children);
  return node;
}

/** Pagefind excerpts are escaped text with <mark> around hits; keep only those marks. */
function excerptNode(/** @type {string} */ html) {
  const p = el('p', { class: 'excerpt' });
  const parts = html.split(/(<mark>|<\/mark>)/);
  let marked = false;
  for (const part of parts) {
    if (part === '<mark>') marked = true;
    else if (part === '</mark>') marked = false;
    else {
      const text = part.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
      p.append(marked ? el('mark', {}, [text]) : text);
    }
  }
  return p;
}

/** The sub-results worth showing: those whose heading matches the query first, then by number of hits. */
function bestSubResults(/** @type {ResultData} */ data, /** @type {string} */ query) {
  const words = query.toLowerCase().split(/\s+/).filter((w) => w.length > 1);
  const pageUrl = data.url.split('#')[0];
  return data.sub_results
    .filter((s) => s.url.includes('#') && s.url.split('#')[0] === pageUrl)
    .map((s, i) => ({ s, i, score: words.filter((w) => s.title.toLowerCase().includes(w)).length * 100 + (s.weighted_locations?.length ?? 0) }))
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .slice(0, SUB_RESULTS)
    .map((x) => x.s);
}

/** One result: type badge, title, facts, excerpt, and its best sub-results (chapters show their time). */
function resultItem(/** @type {ResultData} */ data, /** @type {string} */ query, /** @type {'h2' | 'h3'} */ level) {
  const type = data.meta.type ?? '';
  const li = el('li', { class: 'result' });
  li.append(el('span', { class: `badge ${type.toLowerCase().replace(/\s+/g, '-').replace('maturity-model', 'maturity')}` }, [type]));
  li.append(el(level, {}, [el('a', { href: data.url }, [data.meta.title ?? data.url])]));
  const facts = [data.meta.people, data.meta.series, data.meta.type === 'Talk' ? data.meta.date : undefined].filter(Boolean).join(' · ');
  if (facts) li.append(el('p', { class: 'meta' }, [facts]));
  li.append(excerptNode(data.excerpt));
  const subs = bestSubResults(data, query);
  if (subs.length) {
    li.append(
      el('ul', { class: 'sub-results', 'aria-label': `In ${data.meta.title ?? 'this entry'}` }, subs.map((s) => el('li', {}, [el('a', { href: s.url }, [s.title]), excerptNode(s.excerpt)]))),
    );
  }
  return li;
}

/**
 * What the results say about the query (./search-logic.js `notice`), its
 * suggestions as links that search them at once.
 * @param {import('./search-logic.js').NoticePart[]} parts
 * @param {(query: string) => string} href
 * @param {(query: string) => void} pick
 */
function noticeNodes(parts, href, pick) {
  return parts.map((part) => {
    if (typeof part === 'string') return part;
    const a = el('a', { href: href(part.query) }, [part.query]);
    a.addEventListener('click', (e) => {
      e.preventDefault();
      pick(part.query);
    });
    return a;
  });
}

/** The words the results are for, as the reader typed them when nothing was changed. */
const searchedFor = (/** @type {Outcome} */ o) => (o.changed || o.corrected ? o.words.join(' ') : o.query);

/** Links in a container, for arrow-key movement. */
function links(/** @type {HTMLElement} */ box) {
  return /** @type {HTMLAnchorElement[]} */ ([...box.querySelectorAll('a')]);
}

/**
 * The header box: results in a panel under it, from the first keystroke.
 * @param {HTMLInputElement} input
 */
export function mount(input) {
  if (input.dataset.searchMounted) return;
  input.dataset.searchMounted = 'true';
  const form = /** @type {HTMLFormElement} */ (input.form);
  const panel = el('div', { id: 'search-panel', class: 'search-panel', role: 'region', 'aria-label': 'Search results' });
  panel.hidden = true;
  const status = el('p', { class: 'visually-hidden', role: 'status' });
  form.after(panel);
  form.append(status);
  // No aria-expanded: a searchbox does not take it (axe: aria-allowed-attr); the status says what the panel holds.
  input.setAttribute('aria-controls', panel.id);
  let seq = 0;
  let timer = 0;

  // Closing also drops the search waiting for a pause in typing and the one in flight,
  // so results never reopen a panel the reader has just closed.
  const close = () => {
    clearTimeout(timer);
    seq++;
    panel.hidden = true;
  };
  const searchPage = (/** @type {string} */ q) => `${form.action}?q=${encodeURIComponent(q)}`;
  const run = async () => {
    clearTimeout(timer);
    const query = input.value.trim();
    const mine = ++seq;
    if (!query) return close();
    const [pf, logic] = await load();
    const outcome = await logic.find(pf, query, { siteWords });
    if (mine !== seq) return;
    const top = await Promise.all(outcome.results.slice(0, PANEL_RESULTS).map((r) => r.data()));
    if (mine !== seq) return;
    const searched = searchedFor(outcome);
    const parts = logic.notice(outcome);
    const all = el('a', { href: searchPage(outcome.corrected ? outcome.suggestions[0] : query), class: 'all-results' }, [`All ${outcome.results.length} results for “${searched}” →`]);
    const pick = (/** @type {string} */ q) => {
      input.value = q;
      input.focus();
      run();
    };
    // A reader who went down into the results before this search finished stays at the
    // same place in the new ones, instead of losing focus with the links it replaces.
    const focusAt = links(panel).indexOf(/** @type {HTMLAnchorElement} */ (document.activeElement));
    panel.replaceChildren(
      ...(parts.length ? [el('p', { class: 'search-notice' }, noticeNodes(parts, searchPage, pick))] : []),
      top.length ? el('ol', { class: 'results' }, top.map((d) => resultItem(d, outcome.words.join(' '), 'h3'))) : el('p', {}, [`Nothing matches “${query}”.`]),
      all,
    );
    panel.hidden = false;
    if (focusAt >= 0) {
      const list = links(panel);
      list[Math.min(focusAt, list.length - 1)].focus();
    }
    status.textContent = `${parts.map((p) => (typeof p === 'string' ? p : p.query)).join('')} ${outcome.results.length} results`.trim();
  };

  // Each search runs a few Pagefind look-ups; wait for a pause in typing (the first keystroke searches at once).
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = window.setTimeout(run, 120);
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' && panel.childElementCount > 0 && input.value.trim()) {
      e.preventDefault();
      panel.hidden = false;
      links(panel)[0]?.focus();
    } else if (e.key === 'Escape') {
      close();
    }
  });
  panel.addEventListener('keydown', (e) => {
    const list = links(panel);
    const i = list.indexOf(/** @type {HTMLAnchorElement} */ (document.activeElement));
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      list[Math.min(i + 1, list.length - 1)]?.focus();
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      if (i <= 0) input.focus();
      else list[i - 1].focus();
    } else if (e.key === 'Escape') {
      close();
      input.focus();
    }
  });
  document.addEventListener('click', (e) => {
    if (!form.contains(/** @type {Node} */ (e.target)) && !panel.contains(/** @type {Node} */ (e.target))) close();
  });
  run();
}

/** The /search/ page: the full form, facets and results, in step with the URL. */
async function mountPage(/** @type {HTMLElement} */ app) {
  const form = /** @type {HTMLFormElement} */ (app.querySelector('form'));
  const input = /** @type {HTMLInputElement} */ (form.elements.namedItem('q'));
  const sort = /** @type {HTMLSelectElement} */ (form.elements.namedItem('sort'));
  const facetsBox = /** @type {HTMLElement} */ (app.querySelector('#facets'));
  const results = /** @type {HTMLElement} */ (app.querySelector('#results'));
  const status = /** @type {HTMLElement} */ (app.querySelector('#search-status'));
  const more = /** @type {HTMLButtonElement} */ (app.querySelector('#more-results'));
  document.getElementById('search-noscript')?.remove();
  app.hidden = false;

  const params = new URLSearchParams(location.search);
  input.value = params.get('q') ?? '';
  sort.value = params.get('sort') === 'date' ? 'date' : '';
  /** @type {Record<string, Set<string>>} */
  const selected = Object.fromEntries(FACETS.map((f) => [f, new Set(params.getAll(f))]));
  /** @type {Result[]} */
  let current = [];
  let shown = 0;
  let seq = 0;
  const notice = /** @type {HTMLElement} */ (app.querySelector('#search-notice'));
  // Only when some talk has a transcript (src/pages/search.astro).
  const said = /** @type {HTMLElement | null} */ (app.querySelector('#said'));
  const saidButton = /** @type {HTMLButtonElement | null} */ (app.querySelector('#said-search'));
  const saidStatus = /** @type {HTMLElement | null} */ (app.querySelector('#said-status'));
  const saidResults = /** @type {HTMLElement | null} */ (app.querySelector('#said-results'));
  let saidAsked = params.get('said') === '1';
  /** What to search what was said for: the words searched, or as typed when some word is in no entry (it may be in a transcript). */
  let saidQuery = '';
  /** @type {Promise<unknown> | undefined} */
  let filtersLoaded;

  /** This page's query string for a query, with the filters and order as they are. */
  const queryString = (/** @type {string} */ q) => {
    const p = new URLSearchParams();
    if (q) p.set('q', q);
    for (const f of FACETS) for (const v of [...selected[f]].sort()) p.append(f, v);
    if (sort.value) p.set('sort', sort.value);
    const qs = p.toString();
    return qs ? `?${qs}` : location.pathname;
  };
  const syncUrl = () => {
    const qs = queryString(input.value.trim());
    history.replaceState(null, '', saidAsked && input.value.trim() ? `${qs}&said=1` : qs);
  };
  /** The words the shown results are for (sub-results whose titles hold them come first). */
  let words = '';

  const showMore = async () => {
    const next = await Promise.all(current.slice(shown, shown + PAGE_RESULTS).map((r) => r.data()));
    shown += next.length;
    results.append(...next.map((d) => resultItem(d, words, 'h2')));
    more.hidden = shown >= current.length;
  };

  /**
   * Facet counts change with every query. Boxes are updated in place, never
   * rebuilt, so a keyboard user keeps focus on the box they just ticked.
   */
  const renderFacets = (/** @type {Record<string, Record<string, number>>} */ counts) => {
    for (const f of FACETS) {
      let fieldset = /** @type {HTMLFieldSetElement | null} */ (facetsBox.querySelector(`fieldset[data-facet="${f}"]`));
      if (!fieldset) {
        fieldset = /** @type {HTMLFieldSetElement} */ (el('fieldset', { 'data-facet': f }, [el('legend', {}, [FACET_LABELS[f]])]));
        facetsBox.append(fieldset);
      }
      const values = Object.entries(counts[f] ?? {}).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
      let visible = 0;
      for (const [value, n] of values) {
        const id = `f-${f}-${value.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
        let row = /** @type {HTMLElement | null} */ (fieldset.querySelector(`#${CSS.escape(id)}`)?.parentElement ?? null);
        if (!row) {
          const box = /** @type {HTMLInputElement} */ (el('input', { type: 'checkbox', id, name: f, value }));
          box.checked = selected[f].has(value);
          row = el('div', { class: 'facet' }, [box, el('label', { for: id }, [`${value} `, el('span', { class: 'note' }, [''])])]);
          fieldset.append(row);
        }
        /** @type {HTMLElement} */ (row.querySelector('.note')).textContent = `(${n})`;
        row.hidden = n === 0 && !selected[f].has(value);
        if (!row.hidden) visible++;
      }
      fieldset.hidden = visible === 0;
    }
  };

  /** Searches what was said in the talks, for the words the results are for. */
  const searchSaid = async (/** @type {number} */ mine) => {
    if (!said || !saidStatus || !saidResults || !saidButton) return;
    saidButton.hidden = true;
    saidStatus.textContent = 'Searching what was said in the talks…';
    const [pf] = await load();
    await mergeSaid(pf);
    const found = await pf.search(saidQuery, { filters: { said: 'yes' } });
    const top = await Promise.all(found.results.slice(0, SAID_RESULTS).map((/** @type {Result} */ r) => r.data()));
    if (mine !== seq) return;
    saidResults.replaceChildren(...top.map((d) => resultItem(d, saidQuery, 'h3')));
    const n = found.results.length;
    saidStatus.textContent = n === 0 ? `No talk says “${saidQuery}”.` : `${n} talk${n === 1 ? '' : 's'} say${n === 1 ? 's' : ''} “${saidQuery}”${n > top.length ? `; the ${top.length} that say it most` : ''}.`;
  };

  const run = async () => {
    const query = input.value.trim();
    const mine = ++seq;
    if (said) said.hidden = true;
    saidResults?.replaceChildren();
    syncUrl();
    if (!query) {
      results.replaceChildren();
      renderFacets({});
      notice.hidden = true;
      more.hidden = true;
      status.textContent = 'Type a word or phrase to search.';
      return;
    }
    status.textContent = 'Searching…';
    const [pf, logic] = await load();
    // Facet counts come with results only once the filter index is loaded.
    await (filtersLoaded ??= pf.filters());
    const filters = Object.fromEntries(FACETS.filter((f) => selected[f].size).map((f) => [f, { any: [...selected[f]] }]));
    const outcome = await logic.find(entryEngine(pf), query, { filters, siteWords });
    if (sort.value) {
      const ranks = await newestRanks();
      // A page newer than the order file (a deploy in between) goes last rather than nowhere.
      const rank = (/** @type {Result} */ r) => ranks.get(r.id) ?? ranks.size;
      outcome.results.sort((a, b) => rank(a) - rank(b));
    }
    if (mine !== seq) return;
    current = outcome.results;
    words = outcome.words.join(' ');
    shown = 0;
    results.replaceChildren();
    renderFacets(outcome.filters);
    const parts = logic.notice(outcome);
    const pick = (/** @type {string} */ q) => {
      input.value = q;
      run();
    };
    notice.replaceChildren(...noticeNodes(parts, queryString, pick));
    notice.hidden = parts.length === 0;
    await showMore();
    if (mine !== seq) return;
    const searched = searchedFor(outcome);
    status.textContent = current.length === 0 ? `Nothing matches “${query}”${Object.keys(filters).length ? ' with these filters' : ''}.` : `${current.length} result${current.length === 1 ? '' : 's'} for “${searched}”.`;
    saidQuery = outcome.missing.length ? query : words;
    if (!said || !saidStatus || !saidButton || !saidQuery) return;
    said.hidden = false;
    // What was said is searched at once when no entry holds every word, or when asked; otherwise on request, as it costs a bundle of its own.
    if (saidAsked || current.length === 0 || outcome.widened || outcome.missing.length) await searchSaid(mine);
    else {
      saidStatus.textContent = '';
      saidButton.hidden = false;
    }
  };
  saidButton?.addEventListener('click', () => {
    saidAsked = true;
    syncUrl();
    searchSaid(seq);
  });

  let timer = 0;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = window.setTimeout(run, 150);
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    run();
  });
  sort.addEventListener('change', run);
  facetsBox.addEventListener('change', (e) => {
    const box = /** @type {HTMLInputElement} */ (e.target);
    const set = selected[/** @type {keyof typeof selected} */ (box.name)];
    if (box.checked) set.add(box.value);
    else set.delete(box.value);
    run();
  });
  more.addEventListener('click', showMore);
  await run();
}

const app = document.getElementById('search-app');
if (app) mountPage(app);
