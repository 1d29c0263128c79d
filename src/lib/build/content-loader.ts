/**
 * The Astro content loader. It runs the validator once for all collections,
 * stops the build with the validator's report when anything is wrong, and
 * otherwise hands each entry to Astro: its validated data for the pages, kept
 * in Astro's content cache until the entry changes. Its body, rendered to
 * HTML (body-html.ts), goes to the pages beside the store (body-handoff.ts).
 * In `astro dev` it validates again whenever a file under the content
 * directory changes, and prints the report.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { cardJobs, publishCardJobs } from '../cards/card-jobs.ts';
import { BodyCache } from './body-handoff.ts';
import { codeHash } from './code-hash.ts';
import { publishTranscripts } from './transcript-handoff.ts';
import { contentDir } from '../settings.ts';
import { buildWarnings, formatReport } from '../validator/diagnostics.ts';
import { ENTRY_TYPES, type EntryType } from '../content-model/entry-types.ts';
import { gitDates, type GitDates } from './git-dates.ts';
import { loadKnowledgeBase, type KnowledgeBase } from '../validator/validate-content.ts';
import { renderBody } from '../rendering/body-html.ts';

let renderer: string | undefined;

/**
 * Hash of the code that turns a file into what its page shows (src/lib) and
 * of the MDX parser's version. It is part of every entry's digest, so neither
 * Astro's content cache nor the page keys can keep a body rendered by older code.
 */
function rendererKey(root: string): string {
  const parser = path.join(path.dirname(createRequire(path.join(root, 'package.json')).resolve('satteri')), '..', 'package.json');
  return (renderer ??= codeHash(path.join(root, 'src/lib'), [parser]));
}

let loading: Promise<[KnowledgeBase, GitDates, BodyCache]> | undefined;
/** Collections synced from `loading`: once all are, it is let go (the texts and the graph, for a whole build otherwise). */
const synced = new Set<EntryType>();
/** In dev, how each collection refreshes itself after a content change. */
const refreshers = new Map<EntryType, () => Promise<void>>();
/**
 * Watchers already told to refresh the collections. This module outlives a restart of `astro dev`
 * (Node loads it, not Vite: src/content.config.ts), and a restart brings a new watcher.
 */
const watched = new WeakSet<object>();

/** Thrown to stop the build; its message is the validator's report. */
export class ContentValidationError extends Error {
  override name = 'ContentValidationError';
}

/** Warnings the build prints in full; `npm run validate` prints them all. */
const SHOWN_WARNINGS = 50;

function validateCommand(): string {
  const dir = contentDir();
  return dir === 'content' ? 'npm run validate' : `npm run validate -- --content ${/^[\w./-]+$/.test(dir) ? dir : JSON.stringify(dir)}`;
}

function knowledgeBase(root: string, cacheDir: string, base: string) {
  loading ??= Promise.all([loadKnowledgeBase({ root, contentDir: contentDir() }), Promise.resolve(gitDates(root, contentDir())), Promise.resolve(new BodyCache(cacheDir, base))]);
  return loading;
}

async function sync(type: EntryType, { store, config, logger, generateDigest }: LoaderContext): Promise<void> {
  const root = new URL('.', config.root).pathname;
  const [kb, history, bodies] = await knowledgeBase(root, fileURLToPath(config.cacheDir), config.base);
  if (type === 'talk' && history.unavailable) logger.info(`no "last updated" dates: ${history.unavailable}; pages show when entries were added`);
  const errors = kb.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new ContentValidationError(`content is invalid:\n${formatReport(kb.diagnostics, kb.fileCount)}`);
  if (type === 'talk') {
    for (const line of buildWarnings(kb.diagnostics, SHOWN_WARNINGS, validateCommand())) logger.warn(line);
    publishCardJobs(cardJobs(kb.graph));
    publishTranscripts(kb.transcripts);
  }
  const keep = new Set<string>();
  for (const entry of kb.entries) {
    if (entry.type !== type) continue;
    keep.add(entry.id);
    const updated = history.dates.get(entry.file);
    if (updated && updated > entry.data.added) entry.updated = updated;
    // The entry carries its file's hash; with the renderer's, a change to either refreshes Astro's cache.
    const digest = generateDigest(`${rendererKey(root)}:${JSON.stringify(entry)}`);
    bodies.body(entry.key, digest, () => renderBody(kb.texts.get(entry.key)!, config.base).html);
    if (store.get(entry.id)?.digest === digest) continue;
    store.set({ id: entry.id, data: { entry }, filePath: entry.file, digest });
  }
  for (const id of store.keys()) if (!keep.has(id)) store.delete(id);
  synced.add(type);
  if (synced.size === ENTRY_TYPES.length) {
    bodies.publish();
    synced.clear();
    loading = undefined;
  }
}

export function knowledgeBaseLoader(type: EntryType): Loader {
  return {
    name: 'knowledge-base',
    load: async (context) => {
      await sync(type, context);
      const { watcher, config, logger } = context;
      if (!watcher) return;
      refreshers.set(type, () => sync(type, context));
      if (watched.has(watcher)) return;
      watched.add(watcher);
      const contentRoot = path.resolve(new URL('.', config.root).pathname, contentDir());
      watcher.add(contentRoot);
      watcher.on('all', async (_event, file) => {
        if (!path.resolve(file).startsWith(contentRoot + path.sep)) return;
        loading = undefined;
        synced.clear();
        try {
          for (const refresh of refreshers.values()) await refresh();
          logger.info('content reloaded');
        } catch (error) {
          // In dev a mistake is reported and the last valid content stays on screen.
          logger.error(error instanceof Error ? error.message : String(error));
        }
      });
    },
  };
}
