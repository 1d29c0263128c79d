/**
 * Loads and validates the whole knowledge base: every file on its own
 * (check-entry-file.ts), then every reference and timestamp across files
 * (check-references.ts). The validator script and the Astro content loader
 * both call `loadKnowledgeBase`, so the build fails on exactly the errors
 * `npm run validate` prints.
 */
import path from 'node:path';
import { ENTRY_TYPES, TYPE_INFO, entryKey, typeOfFolder, type EntryKey } from '../content-model/entry-types.ts';
import { buildGraph, type Entry, type Graph } from '../content-model/link-graph.ts';
import { closest } from '../content-model/schema-docs.ts';
import { checkFile, diag, placeholderVisitor, TOP, type FileState } from './check-entry-file.ts';
import { checkReferences } from './check-references.ts';
import { checkTranscripts, transcriptCues, type TranscriptFile, type Transcripts } from './check-transcript.ts';
import { listContent, readContentFile } from './content-files.ts';
import { checkPublicFiles } from './public-files.ts';
import { checkSiteLinks, ownAddressVisitor, PageAnchors } from './site-links.ts';
import { checkEditorial, editorialVisitors } from './editorial/index.ts';
import { walkValues } from './values.ts';
import { siteAddress, type SiteAddress } from '../settings.ts';
import { compareDiagnostics, type Diagnostic } from './diagnostics.ts';
import { quote } from '../content-model/quote.ts';
import { transcriptWords, type TranscriptWords } from '../content-model/quote-in-transcript.ts';
import { checkQuotesAgainstTranscripts, citedQuotesVisitor, type CitedQuote } from './quotes-against-transcripts.ts';

export interface LoadOptions {
  /** Project root; file paths in diagnostics are relative to it. */
  root: string;
  /** Content directory, relative to the root or absolute. */
  contentDir: string;
  /** The folder the build copies as it is, relative to the root; default public. */
  publicDir?: string;
  /** The site's address, default from SITE_URL as the build reads it: a link to it is a link within the site. */
  site?: SiteAddress;
}

export interface KnowledgeBase {
  entries: Entry[];
  graph: Graph;
  /** Every problem found, in file, line and column order. */
  diagnostics: Diagnostic[];
  /** Entry files looked at, valid or not. */
  fileCount: number;
  /** The decoded text of each valid entry (BOM dropped, LF line ends), for rendering its body. */
  texts: Map<EntryKey, string>;
  /** The lines of each valid talk's valid transcript (transcriptCues reads one). */
  transcripts: Transcripts;
}

const posix = (p: string) => p.split(path.sep).join('/');

/** Loads every entry under the content directory and checks it all; never throws on bad content. */
export async function loadKnowledgeBase(opts: LoadOptions): Promise<KnowledgeBase> {
  const contentRoot = path.resolve(opts.root, opts.contentDir);
  const diagnostics: Diagnostic[] = [];
  const fileOf = (full: string) => posix(path.relative(opts.root, full));
  const listing = listContent(contentRoot);
  for (const r of listing.refused) diagnostics.push(diag(fileOf(r.full), TOP, 'file', r.message, r.fix));
  const states: FileState[] = [];
  const transcriptFiles: TranscriptFile[] = [];
  let fileCount = 0;

  // One file at a time, synchronously: for thousands of small files this is
  // faster than promise-per-file reads and never nears an open-file limit.
  for (const full of listing.files) {
    const file = fileOf(full);
    const rel = posix(path.relative(contentRoot, full));
    const folder = rel.split('/')[0];
    if (!rel.includes('/')) {
      if (rel === 'README.md') continue;
      diagnostics.push(diag(file, TOP, 'file', 'entries live in a folder per type, not at the top of the content directory', `move it into one of ${ENTRY_TYPES.map((t) => TYPE_INFO[t].folder + '/').join(', ')}`));
      continue;
    }
    const type = typeOfFolder(folder);
    if (!type) {
      const guess = closest(folder, ENTRY_TYPES.map((t) => TYPE_INFO[t].folder));
      diagnostics.push(diag(file, TOP, 'file', `${quote(`${folder}/`)} is not an entry type folder`, guess ? `did you mean ${guess}/? Move the file there.` : `move it into one of ${ENTRY_TYPES.map((t) => TYPE_INFO[t].folder + '/').join(', ')}`));
      continue;
    }
    // A talk's transcript sits next to it as talks/<id>.vtt (npm run import writes it), checked once the talks are known.
    if (type === 'talk' && full.endsWith('.vtt')) {
      transcriptFiles.push({ full, file });
      continue;
    }
    if (!full.endsWith('.mdx')) {
      const fix = full.endsWith('.md') ? `rename it to ${path.basename(full, '.md')}.mdx` : 'entries are .mdx files; keep other files out of content/';
      diagnostics.push(diag(file, TOP, 'file', `${quote(path.basename(full))} is not an .mdx entry`, fix));
      continue;
    }
    fileCount++;
    const read = readContentFile(full);
    if (!read.ok) {
      diagnostics.push(diag(file, TOP, 'file', read.refusal.message, read.refusal.fix));
      // The entry exists, so references to it are not also reported as missing.
      states.push({ type, id: path.basename(full, '.mdx'), file });
      continue;
    }
    const local: Diagnostic[] = [];
    states.push(checkFile(file, type, read.bytes, local));
    diagnostics.push(...local);
  }
  states.sort((a, b) => a.file.localeCompare(b.file));

  // Ids: one file per id and type. Every file that exists counts, valid or not,
  // so a reference to a broken entry is not also reported as missing.
  const present = new Map<EntryKey, FileState>();
  for (const s of states) {
    const key = entryKey(s.type, s.id);
    const first = present.get(key);
    if (first) {
      diagnostics.push(diag(s.file, TOP, 'file', `the id ${quote(s.id)} is already used by ${first.file}`, `rename one of the two files; each ${TYPE_INFO[s.type].label.toLowerCase()} needs its own id`));
    } else {
      present.set(key, s);
    }
  }

  const entries = states.flatMap((s) => (s.entry && present.get(s.entry.key) === s ? [s.entry] : []));
  const graph = buildGraph(entries);
  const anchors = new PageAnchors(present);
  checkReferences(states, graph, present, anchors, diagnostics);
  const transcripts = checkTranscripts(transcriptFiles, present, graph, diagnostics);
  for (const [key, t] of transcripts) graph.entries.get(key)!.transcript = t.digest;
  const publicFiles = checkPublicFiles(path.resolve(opts.root, opts.publicDir ?? 'public'));
  for (const r of publicFiles.refused) diagnostics.push(diag(fileOf(r.full), TOP, 'file', r.message, r.fix));
  const site = opts.site ?? siteAddress();
  checkSiteLinks(states, present, publicFiles, anchors, site, diagnostics);
  checkEditorial(states, graph, diagnostics);
  // One walk over each valid entry's values serves every check that reads them.
  const editorial = editorialVisitors(graph, diagnostics);
  const quotes: CitedQuote[] = [];
  for (const state of states) {
    const entry = state.entry;
    if (!entry || graph.entries.get(entry.key) !== entry) continue;
    const visitors = [placeholderVisitor(state, diagnostics), ownAddressVisitor(state, site, diagnostics), ...editorial(entry, state)];
    if (transcripts.size > 0) visitors.push(citedQuotesVisitor(entry.file, (p) => state.locateField!(p), quotes));
    walkValues(entry.data, (value, path) => {
      for (const visit of visitors) visit(value, path);
    });
    if (state.quotes) quotes.push(...state.quotes);
  }
  // The lines checkTranscripts read, into words once per quoted talk; a talk whose transcript has errors is not quoted against.
  const words = new Map<string, TranscriptWords>();
  checkQuotesAgainstTranscripts(quotes, (talk) => {
    const cues = words.has(talk) ? undefined : transcriptCues(transcripts, talk);
    if (cues) words.set(talk, transcriptWords(cues));
    return words.get(talk);
  }, diagnostics);

  const texts = new Map(entries.map((e) => [e.key, present.get(e.key)!.text!] as const));
  // In file and line order, as the report prints them.
  diagnostics.sort(compareDiagnostics);
  return { entries, graph, diagnostics, fileCount, texts, transcripts };
}

export { summaryOf, TALK_SUMMARY_WORDS } from './check-entry-file.ts';
