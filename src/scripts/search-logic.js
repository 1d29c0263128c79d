// @ts-check
/**
 * What a search means, apart from the page: which words of a query carry
 * meaning, how results are widened when few entries hold every word, and
 * which word of the site a word that matches nothing was meant to be.
 * Plain JavaScript without DOM access, checked by TypeScript: the search
 * module (./search.js) loads it beside Pagefind, and the build
 * (src/lib/build/search-words.ts) and the table tests import it directly.
 *
 * Pagefind answers a query of several words with the pages holding every one
 * of them (each word also matching longer words it begins); a word it has no
 * page for is dropped, or matched to the longest word of the site it begins
 * with ("drsft" finds the "D" of "D. Sculley"). So a question ("when should I
 * retrain my model") finds nothing, and a typo is never noticed. Here the
 * question words are set aside; each remaining word is searched exactly (a
 * word that is neither a word of the site nor the start of one is a miss, to
 * be corrected from the site's word list); and when few entries hold every
 * word, the words are searched again leaving one out each time, for the
 * entries holding all but one. All of these searches read the index chunks
 * the whole query loads anyway, so they cost no bytes.
 */

/**
 * Words that carry no meaning in a query: English function words and the
 * words questions are made of ("what did … say about …"), spelt as Pagefind
 * leaves them (without apostrophes: "dont", "whats").
 */
export const STOP_WORDS = new Set(
  (
    'a about above after again against all also am an and any anything are arent as at be because been before being below between both but by ' +
    'can cant could couldnt did didnt do does doesnt doing done dont down during each either else even ever every explain few for from further ' +
    'get gets getting give go goes got had hadnt has hasnt have havent having he hed hell hes her here hers herself him himself his how hows ' +
    'i id if ill im in into is isnt it its itself ive just know let lets like me mean means meant more most much must my myself need needs no nor not ' +
    'of off oh ok on once one only or other ought our ours ourselves out over own please really said same say saying says shall she should ' +
    'shouldnt so some someone something such tell tells than that thats the their theirs them themselves then there theres these they theyd ' +
    'theyll theyre theyve thing things think thinks this those through to too under until up us versus very vs want was wasnt way we wed well ' +
    'were werent weve what whats when whens where wheres whether which while who whos whom whose why whys will with without wont would wouldnt ' +
    'yes you youd youll your youre yours yourself yourselves youve'
  ).split(' '),
);

/** Below this many entries holding every word, results are widened to entries holding all words but one. */
export const FEW = 5;

/** Pagefind removes these characters from a query (pagefind.js, 1.6): "D. Sculley" is "d sculley", "what's" is "whats". */
const PUNCTUATION = /[\p{Pd}\p{Pe}\p{Pf}\p{Pi}\p{Po}\p{Ps}]/gu;

/** A query in double quotes is a phrase: Pagefind searches it as written, and so does this module. */
const PHRASE = /^\s*".+"\s*$/;

/** A query's words as Pagefind sees them: lower case, punctuation removed, each word once. */
export function queryWords(/** @type {string} */ query) {
  return [...new Set(query.replace(PUNCTUATION, '').toLowerCase().split(/\s+/).filter(Boolean))];
}

/** The words worth searching: stop words and stray letters set aside, unless nothing else is left. */
export function contentWords(/** @type {string[]} */ words) {
  const kept = words.filter((w) => !STOP_WORDS.has(w) && !/^\p{L}$/u.test(w));
  return kept.length > 0 ? kept : words;
}

/** The form a word is compared in: lower case, without punctuation or diacritics ("Müller" is "muller", "don't" is "dont"). */
export function wordKey(/** @type {string} */ word) {
  return word.replace(PUNCTUATION, '').normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * The word list is split by first letter (pagefind/words/<letter>.json), so a
 * miss loads only the part its word could be in; a typo in a word's first
 * letter is not corrected.
 */
export const LIST_NAMES = [...'abcdefghijklmnopqrstuvwxyz', 'other'];

/** Which part of the word list a word is in. */
export function listName(/** @type {string} */ word) {
  const first = wordKey(word)[0] ?? '';
  return first >= 'a' && first <= 'z' ? first : 'other';
}

/**
 * Edit distance with transpositions (optimal string alignment), or
 * `max + 1` as soon as it must be larger than `max`, which keeps a pass over
 * the site's words short.
 */
export function editDistance(/** @type {string} */ a, /** @type {string} */ b, max = Infinity) {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before = /** @type {number[]} */ ([]);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2] + 1);
      current.push(d);
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length] > max ? max + 1 : previous[b.length];
}

/** @typedef {[word: string, pages: number]} SiteWord A word of the site as it is usually written, and how many entries hold it. */
/** @typedef {{ word: string, distance: number, pages: number }} Candidate */

/** The site's words from pagefind/words.json (written by src/lib/build/search-words.ts): words grouped by how many entries hold them. */
export function readSiteWords(/** @type {Record<string, string>} */ file) {
  return Object.entries(file).flatMap(([pages, words]) => words.split(' ').map((w) => /** @type {SiteWord} */ ([w, Number(pages)])));
}

/** How far a word may be from what was typed: one edit, two in a word of seven letters or more ("worse" is two from "work"). */
const reach = (/** @type {string} */ key) => (key.length < 7 ? 1 : 2);

/** The site's words nearest to `word`, nearest first, then the more common first; none for words under three letters. */
export function nearestWords(/** @type {string} */ word, /** @type {readonly SiteWord[]} */ siteWords, limit = 3) {
  const key = wordKey(word);
  if (key.length < 3) return [];
  const max = reach(key);
  /** @type {Candidate[]} */
  const found = [];
  for (const [w, pages] of siteWords) {
    const k = wordKey(w);
    if (k === key) continue;
    const distance = editDistance(key, k, max);
    if (distance <= max) found.push({ word: w, distance, pages });
  }
  return found.sort((a, b) => a.distance - b.distance || b.pages - a.pages || (a.word < b.word ? -1 : 1)).slice(0, limit);
}

/** One candidate is clear when no other is as near, or it is far more common than the next as near. */
export function isClear(/** @type {Candidate[]} */ candidates) {
  const [first, second] = candidates;
  return first !== undefined && (second === undefined || first.distance < second.distance || first.pages >= 3 * second.pages);
}

/** @typedef {{ id: string, score: number, data: () => Promise<any> }} Hit A Pagefind result. */
/** @typedef {Record<string, Record<string, number>>} FacetCounts */
/** @typedef {{ results: Hit[], unfilteredResultCount: number, filters: FacetCounts }} Found What Pagefind's search returns. */
/** @typedef {Record<string, { any: string[] }>} Filters */
/**
 * The part of Pagefind this module uses.
 * @typedef {{ search(term: string, options?: { filters?: Filters }): Promise<Found> }} Engine
 */

/**
 * Ranks the entries holding most of the words: those holding every word
 * first, in Pagefind's order; then those holding all but one (one of two),
 * by Pagefind's score for the words they hold, in which a word in a title or
 * chapter title weighs more. `fewer[i]` is the search without word i, so an
 * entry holding all but one is in exactly one of them.
 */
export function widen(/** @type {Hit[]} */ every, /** @type {Hit[][]} */ fewer) {
  const first = new Set(every.map((h) => h.id));
  return [...every, ...fewer.flat().filter((h) => !first.has(h.id)).sort((a, b) => b.score - a.score)];
}

/**
 * Facet counts of widened results, from Pagefind's counts of the searches
 * that found them: an entry holding every word is in each of the n searches
 * leaving a word out, so it is counted n times there and taken off n - 1 times
 * (counting each entry's values one by one would take a filter-only search per
 * value: 7.5 s at 5,000 entries).
 */
export function widenedCounts(/** @type {FacetCounts} */ every, /** @type {FacetCounts[]} */ fewer) {
  /** @type {FacetCounts} */
  const counts = {};
  for (const found of [every, ...fewer]) {
    for (const [facet, values] of Object.entries(found)) {
      for (const value of Object.keys(values)) {
        counts[facet] ??= {};
        counts[facet][value] = fewer.reduce((n, f) => n + (f[facet]?.[value] ?? 0), 0) - (fewer.length - 1) * (every[facet]?.[value] ?? 0);
      }
    }
  }
  return counts;
}

/** @typedef {(words: string[]) => Promise<SiteWord[]>} SiteWords The parts of the site's word list these words would be in. */

/**
 * The words no entry holds, nor any word of the site begins with. A word
 * Pagefind finds exactly is there; for the others (a word being typed, a
 * typo) the site's word list decides, loaded only then.
 */
export async function missingWords(/** @type {Engine} */ engine, /** @type {string[]} */ words, /** @type {SiteWords} */ siteWords) {
  const exact = await Promise.all(words.map((w) => engine.search(`"${w}"`)));
  const unsure = words.filter((_, i) => exact[i].unfilteredResultCount === 0);
  if (unsure.length === 0) return [];
  const keys = (await siteWords(unsure)).map(([w]) => wordKey(w));
  return unsure.filter((w) => !keys.some((k) => k.startsWith(wordKey(w))));
}

/** @typedef {{ results: Hit[], filters: FacetCounts, widened: boolean }} Lookup */

/** Searches the words together and, when few entries hold them all, leaving out one word at a time. */
async function lookUp(/** @type {Engine} */ engine, /** @type {string[]} */ words, /** @type {Filters} */ filters) {
  if (words.length === 0) return /** @type {Lookup} */ ({ results: [], filters: {}, widened: false });
  const every = await engine.search(words.join(' '), { filters });
  if (words.length < 2 || every.results.length >= FEW) return /** @type {Lookup} */ ({ results: every.results, filters: every.filters, widened: false });
  const fewer = await Promise.all(words.map((_, i) => engine.search(words.filter((_, j) => j !== i).join(' '), { filters })));
  const results = widen(every.results, fewer.map((f) => f.results));
  const widened = results.length > every.results.length;
  return /** @type {Lookup} */ ({ results, filters: widened ? widenedCounts(every.filters, fewer.map((f) => f.filters)) : every.filters, widened });
}

/**
 * @typedef {object} Outcome
 * @property {string} query What was typed.
 * @property {string[]} words The words searched (what the results are for, after setting aside and correcting).
 * @property {Hit[]} results
 * @property {FacetCounts} filters Facet counts over the results.
 * @property {boolean} widened Some results hold all words but one.
 * @property {boolean} changed The words searched differ from the words typed.
 * @property {string[]} missing Words typed that no entry holds.
 * @property {string[]} suggestions Queries made of the site's words nearest to the missing ones, best first ("Did you mean").
 * @property {boolean} corrected The results are those of the first suggestion.
 */

/**
 * Runs a query: a phrase in quotes as Pagefind does; otherwise its content
 * words, widened when few entries hold them all; and when a word matches
 * nothing, the site's word list (loaded only then) names the nearest words,
 * whose results are shown at once when one candidate is clear.
 */
export async function find(/** @type {Engine} */ engine, /** @type {string} */ query, /** @type {{ filters?: Filters, siteWords: SiteWords }} */ options) {
  const filters = options.filters ?? {};
  const typed = queryWords(query);
  /** @type {Outcome} */
  const outcome = { query, words: typed, results: [], filters: {}, widened: false, changed: false, missing: [], suggestions: [], corrected: false };
  if (typed.length === 0) return outcome;
  if (PHRASE.test(query)) {
    const found = await engine.search(query, { filters });
    return { ...outcome, results: found.results, filters: found.filters };
  }
  const words = contentWords(typed);
  /** @type {Promise<SiteWord[]> | undefined} */
  let listed;
  const missing = await missingWords(engine, words, (unsure) => (listed ??= options.siteWords(unsure)));
  const kept = words.filter((w) => !missing.includes(w));
  Object.assign(outcome, await lookUp(engine, kept, filters), { words: kept, missing, changed: kept.length !== typed.length });
  if (missing.length === 0) return outcome;

  // The parts of the list for the words not found exactly, which the missing words are among.
  const siteWords = await /** @type {Promise<SiteWord[]>} */ (listed);
  const candidates = missing.map((w) => nearestWords(w, siteWords));
  if (candidates.every((c) => c.length === 0)) return outcome;
  const clear = candidates.every((c) => isClear(c));
  // One unclear word: each of its nearest candidates is a suggestion. Otherwise one suggestion, each word replaced by its nearest.
  const choices = clear || missing.length > 1 ? 1 : candidates[0].filter((c) => c.distance === candidates[0][0].distance).length;
  const spell = (/** @type {number} */ choice) => words.map((w) => (missing.includes(w) ? (candidates[missing.indexOf(w)][choice]?.word ?? w) : w)).join(' ');
  outcome.suggestions = Array.from({ length: choices }, (_, i) => spell(i));
  if (!clear) return outcome;

  const fixed = queryWords(outcome.suggestions[0]);
  const second = await lookUp(engine, fixed, filters);
  if (second.results.length === 0) return outcome;
  return { ...outcome, ...second, words: fixed, changed: true, corrected: true };
}

/** @typedef {string | { query: string }} NoticePart Text, or a query to link. */

/** What the results say about the query when it was changed: widened, corrected, or with words set aside. */
export function notice(/** @type {Outcome} */ o) {
  /** @type {NoticePart[]} */
  const parts = [];
  const searched = `“${o.words.join(' ')}”`;
  if (o.suggestions.length > 0) {
    parts.push('Did you mean: ');
    o.suggestions.forEach((query, i) => parts.push(...(i === 0 ? [] : [i === o.suggestions.length - 1 ? ' or ' : ', ']), { query }));
    parts.push(o.corrected ? '? Showing its results' : '?');
    if (!o.corrected && o.results.length > 0) parts.push(` Showing results for ${searched}`);
  } else if (o.missing.length > 0 && o.results.length > 0) {
    parts.push(`Nothing matches “${o.missing.join(' ')}”. Showing results for ${searched}`);
  } else if ((o.changed || o.widened) && o.results.length > 0) {
    parts.push(`Showing results for ${searched}`);
  }
  if (parts.length > 0) parts.push(o.widened ? ', and for entries holding most of these words.' : '.');
  return parts;
}
