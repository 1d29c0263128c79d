/**
 * Moment pages (`/talks/<id>/at/07-57/`), most of a large site's pages, are
 * not rendered by Astro one by one: Astro's pipeline costs about 1 ms a page,
 * 60,000 pages at 5,000 talks. Astro renders one template per build instead
 * (src/pages/kb_moment_template.astro): the site's layout with a marker in
 * each place a moment's values go, and the list line of every entry that
 * cites a moment. After the build, each moment's values are escaped as Astro
 * would escape them there and filled in, so a page is the same, byte for
 * byte, as the one Astro rendered.
 *
 * The page's article is built here (momentArticle), from blocks in page
 * order: a new block, such as an HTML fragment of the moment's own, is one
 * more entry in that list. Its text goes through `text` and its attributes
 * through `attr`, Astro's two escapes.
 *
 * The links of a filled page are known without reading it back: the
 * layout's links (scanned once, in the template) with the moment's values
 * in them, and the article's. The link check checks them all (src/lib/build/link-check).
 */
import type { Entry, Graph } from '../content-model/link-graph.ts';
import { entryPath, momentPath } from '../content-model/references.ts';
import { interner, scanPage, type PageScan } from '../build/link-check/check-links.ts';
import { openHandoff, publish, take } from '../build/handoff.ts';
import { chapterAnchor, citingMoment, evidenceNote, momentsOf, momentView, seriesLine, speakerNames, type MomentView } from './describe-entry.ts';
import { SHOWN_ON_PAGE } from './link-group-pages.ts';
import { serializeLd, momentLd, talkPartLd, type JsonLd } from './structured-data.ts';
import { cardPath, momentLabels, momentTitle } from './unfurl.ts';
import { momentTranscriptHtml } from './transcript-html.ts';
import { transcriptOf } from '../build/transcript-handoff.ts';
import { absolute, href } from './urls.ts';

/** Where Astro writes the template: not an entry's address (ids have no underscore), removed once filled. */
export const MOMENT_TEMPLATE_FILE = 'kb_moment_template/index.html';

const SLOT = (name: string) => `__kb_slot_${name}__`;
const SLOT_PATTERN = /__kb_slot_([a-z0-9]+)__/g;

/** What the template page passes to the layout: a marker wherever a moment's value goes. */
export const TEMPLATE_PROPS = {
  title: SLOT('title'),
  description: SLOT('description'),
  // Paths are made absolute by the layout (origin and base); the marker stands for the rest.
  path: `/${SLOT('path')}`,
  image: `/${SLOT('image')}`,
  imageAlt: SLOT('imagealt'),
  labels: [[SLOT('label1'), SLOT('data1')], [SLOT('label2'), SLOT('data2')]] as const,
  jsonLd: { '@context': SLOT('jsonld') } as unknown as JsonLd,
  article: SLOT('article'),
  listStart: SLOT('liststart'),
  listEnd: SLOT('listend'),
};

/** Values placed as raw HTML; every other slot is text or an attribute value, escaped as Astro does. */
const RAW = new Set(['jsonld', 'article']);

const TEXT_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', "'": '&#39;', '"': '&quot;' };
/** Astro's escape of an expression's text. */
export const text = (s: string | number) => String(s).replace(/[&<>'"]/g, (c) => TEXT_ESCAPES[c]);
/** Astro's escape of an attribute value. */
export const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/** Entries whose list line the template renders: every entry citing a moment of a talk, each once. */
export function momentCiters(talks: readonly Entry<'talk'>[], graph: Graph): Entry[] {
  const seen = new Map<string, Entry>();
  for (const talk of talks) for (const at of momentsOf(talk, graph)) for (const e of citingMoment(talk, at, graph)) seen.set(e.key, e);
  return [...seen.values()];
}

interface Moment {
  view: MomentView;
  citing: Entry[];
  /** Views of every moment of the talk, by second, for chapter links. */
  views: Map<number, MomentView>;
}

/** The article of a moment's page. `listLine` gives an entry's list item as the template rendered it. */
function momentArticle({ view: m, citing, views }: Moment, graph: Graph, listLine: (e: Entry) => string): string {
  const talk = m.talk;
  const talkHref = attr(href(entryPath('talk', talk.id)));
  const chapters = talk.data.chapters ?? [];
  const index = m.chapter ? chapters.findIndex((c) => c.at === m.chapter!.at) : -1;
  const prev = index > 0 ? chapters[index - 1] : undefined;
  const next = index >= 0 && index < chapters.length - 1 ? chapters[index + 1] : undefined;
  const atChapterStart = m.chapter?.at === m.at;
  const heading = atChapterStart ? `${m.clock} · ${m.chapter!.title}` : `${m.clock} in ${talk.title}`;
  const speakers = speakerNames(talk, graph);
  const viewAt = (at: number) => views.get(at) ?? momentView(talk, at);
  const chapterLink = (rel: 'prev' | 'next', c: { at: number; title: string }) => {
    const v = viewAt(c.at);
    const label = rel === 'prev' ? `← ${text(v.clock)} ${text(c.title)}` : `${text(v.clock)} ${text(c.title)} →`;
    return `<a rel="${rel}" href="${attr(href(v.path))}">${label}</a>`;
  };
  const blocks = [
    `<p><a class="badge talk" href="${talkHref}">Talk moment</a></p>`,
    `<h1>${text(heading)}</h1>`,
    `<p class="meta">From <a href="${talkHref}">${text(talk.title)}</a> · ${text(seriesLine(talk))}${speakers.length > 0 ? text(` · ${speakers.join(', ')}`) : ''}</p>`,
    m.chapter && !atChapterStart
      ? `<p>In the chapter <a href="${attr(href(`${entryPath('talk', talk.id)}#${chapterAnchor(m.chapter.at)}`))}">${text(m.chapter.title)}</a>, which starts at ${text(viewAt(m.chapter.at).clock)}.</p>`
      : '',
    m.chapter?.summary ? `<p class="lede">${text(m.chapter.summary)}</p>` : '',
    `<p class="note evidence">${text(evidenceNote(talk).onTalk)}</p>`,
    `<p>${
      m.seek
        ? `<a class="button" href="${attr(m.seek)}">▶ Play from ${text(m.clock)}</a>`
        : `The recording's host does not support links to a time: open <a href="${attr(talk.data.recordings[0].url)}">the recording</a> and go to ${text(m.clock)}.`
    }</p>`,
    `<p><a href="${attr(href(`${entryPath('talk', talk.id)}${m.chapter ? `#${chapterAnchor(m.chapter.at)}` : ''}`))}">See this moment in the full talk page</a></p>`,
    prev || next ? `<nav class="pagination" aria-label="Chapters">${prev ? chapterLink('prev', prev) : '<span></span>'}${next ? chapterLink('next', next) : '<span></span>'}</nav>` : '',
    momentTranscriptHtml(transcriptOf(talk), m.at, href(entryPath('talk', talk.id))),
    citing.length > 0
      ? `<section aria-labelledby="citing"><h2 id="citing">Entries that cite this moment</h2><ul class="entry-list">${citing.slice(0, SHOWN_ON_PAGE).map(listLine).join('')}</ul>${
          citing.length > SHOWN_ON_PAGE
            ? `<p class="more"><a href="${attr(href(`${entryPath('talk', talk.id)}#referenced-by`))}">${text(citing.length - SHOWN_ON_PAGE)} more: see everything that cites the talk</a></p>`
            : ''
        }</section>`
      : '',
  ];
  return `<article data-pagefind-ignore="all">${blocks.join('')}</article>`;
}

/** The output file of every moment page. */
export function momentFiles(talks: readonly Entry<'talk'>[], graph: Graph): string[] {
  return talks.flatMap((talk) => momentsOf(talk, graph).map((at) => `${momentPath(talk.id, at).slice(1)}index.html`));
}

/** A file written after Astro's build: its path in the output, its text and, for a page, what the link check needs of it. */
export interface FilledFile {
  file: string;
  body: string;
  scan?: PageScan;
}

interface Part {
  /** Template text before the slot. */
  before: string;
  slot: string;
  escape: (value: string) => string;
}

/** The template cut at its slots, each with the escape its place needs (inside a tag: an attribute). */
function cutTemplate(html: string): { parts: Part[]; tail: string } {
  const parts: Part[] = [];
  let last = 0;
  for (const match of html.matchAll(SLOT_PATTERN)) {
    const at = match.index;
    const inTag = html.lastIndexOf('<', at) > html.lastIndexOf('>', at);
    parts.push({ before: html.slice(last, at), slot: match[1], escape: RAW.has(match[1]) ? (v) => v : inTag ? attr : text });
    last = at + match[0].length;
  }
  return { parts, tail: html.slice(last) };
}

/**
 * Every moment page of the site, filled into `template` (the HTML Astro
 * rendered from kb_moment_template.astro). `site` is the site's own address.
 */
export function* momentPages(template: string, talks: readonly Entry<'talk'>[], citers: readonly Entry[], graph: Graph, site: URL | undefined): Generator<FilledFile> {
  // Entries' text (escaped, but free to spell a marker) lies between the two markers: the first start and the last end are the template's.
  const listStart = template.indexOf(TEMPLATE_PROPS.listStart);
  const listEnd = template.lastIndexOf(TEMPLATE_PROPS.listEnd);
  if (listStart < 0 || listEnd < listStart) throw new Error(`the moment template has no list of citing entries between ${TEMPLATE_PROPS.listStart} and ${TEMPLATE_PROPS.listEnd}`);
  const list = template.slice(listStart + TEMPLATE_PROPS.listStart.length, listEnd);
  const shell = template.slice(0, listStart) + template.slice(listEnd + TEMPLATE_PROPS.listEnd.length);
  const lines = listLines(list, citers);
  const { parts, tail } = cutTemplate(shell.replace(serializeLd(TEMPLATE_PROPS.jsonLd), SLOT('jsonld')));
  // The layout's links and ids, read once: the links that hold a slot get each page's values.
  const keep = interner();
  const layout = scanPage(shell, keep);
  const abs = (p: string) => absolute(site, p);
  for (const talk of talks) {
    const moments = momentsOf(talk, graph);
    const views = new Map(moments.map((at) => [at, momentView(talk, at)]));
    const talkPart = talkPartLd(talk, graph, abs, abs(cardPath('talk', talk.id)));
    for (const at of moments) {
      const m = views.get(at)!;
      const title = momentTitle(m);
      const image = cardPath('talk', talk.id);
      const atChapterStart = m.chapter?.at === at;
      const labels = momentLabels(m);
      const article = momentArticle({ view: m, citing: citingMoment(talk, at, graph), views }, graph, (e) => lines.get(e.key)!);
      const values: Record<string, string> = {
        title,
        description: m.chapter?.summary ?? (m.chapter ? `${m.chapter.title}, in ${talk.title} (${seriesLine(talk)}).` : `A moment in ${talk.title} (${seriesLine(talk)}).`),
        path: m.path.slice(1),
        image: image.slice(1),
        imagealt: `Talk: ${talk.title}`,
        label1: labels[0][0],
        data1: labels[0][1],
        label2: labels[1][0],
        data2: labels[1][1],
        jsonld: serializeLd(momentLd(m, atChapterStart ? m.chapter!.title : title, abs, talkPart)),
        article,
      };
      let html = '';
      for (const p of parts) html += p.before + p.escape(values[p.slot]);
      html += tail;
      const own = scanPage(article, keep);
      const fill = (link: string) => (link.includes('__kb_slot_') ? link.replace(SLOT_PATTERN, (_, slot: string) => values[slot]) : link);
      yield {
        file: `${m.path.slice(1)}index.html`,
        body: html,
        scan: { ids: new Set([...layout.ids, ...own.ids]), links: [...layout.links.map(fill), ...own.links] },
      };
    }
  }
}

/** Each citing entry's list item, cut from the one list the template rendered of them all, in the same order. */
function listLines(list: string, citers: readonly Entry[]): Map<string, string> {
  const open = '<ul class="entry-list">';
  if (!list.startsWith(open) || !list.endsWith('</ul>')) throw new Error(`the moment template's list of citing entries is not an entry list: ${list.slice(0, 80)}`);
  const items = list.slice(open.length, -'</ul>'.length).split(/(?<=<\/li>)/).filter(Boolean);
  if (items.length !== citers.length) throw new Error(`the moment template lists ${items.length} citing entries, not ${citers.length}`);
  return new Map(citers.map((e, i) => [e.key, items[i]]));
}

const HANDOFF = 'moment-pages';
/**
 * The files written after Astro's build, and how to make them: the moment pages, filled into the
 * template Astro rendered, and the other files that need no page of Astro's (the chapter files).
 * Published by the template page, taken after the build.
 */
export interface MomentFiller {
  files: string[];
  fill: (template: string) => Iterable<FilledFile>;
}
export const openMomentHandoff = () => openHandoff(HANDOFF);
export const publishMomentFiller = (fill: MomentFiller) => publish(HANDOFF, fill);
export const takeMomentFiller = () => take<MomentFiller>(HANDOFF, `kb-finish-build: no moment pages to fill: Astro did not render src/pages/kb_moment_template.astro (${MOMENT_TEMPLATE_FILE})`);
