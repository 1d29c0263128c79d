/**
 * The Astro content loader. It runs the validator once per build for all
 * collections, stops the build with the validator's report when anything is
 * wrong, and otherwise hands each entry to Astro: its validated data for the
 * pages and its body rendered to HTML (render-body.ts), both kept in Astro's
 * content cache until the entry changes.
 */
import type { Loader } from 'astro/loaders';
import { contentDir } from './config.ts';
import { formatDiagnostic, formatReport } from './diagnostics.ts';
import type { EntryType } from './entry-types.ts';
import { gitDates, type GitDates } from './git-dates.ts';
import { loadKnowledgeBase, type KnowledgeBase } from './kb.ts';
import { renderBody } from './render-body.ts';
import { cardJobs, writeCardManifest } from './card-manifest.ts';

/** Bump when renderBody's output changes, so cached entries are rendered again. */
const RENDERER_VERSION = 1;

let loading: Promise<[KnowledgeBase, GitDates]> | undefined;

/** Thrown to stop the build; its message is the validator's report. */
export class ContentValidationError extends Error {
  override name = 'ContentValidationError';
}

export function knowledgeBaseLoader(type: EntryType): Loader {
  return {
    name: 'knowledge-base',
    load: async ({ store, config, logger, generateDigest }) => {
      const root = new URL('.', config.root).pathname;
      loading ??= Promise.all([loadKnowledgeBase({ root, contentDir: contentDir() }), Promise.resolve(gitDates(root, contentDir()))]);
      const [kb, history] = await loading;
      if (type === 'talk' && history.unavailable) logger.info(`no "last updated" dates: ${history.unavailable}; pages show when entries were added`);
      const errors = kb.diagnostics.filter((d) => d.severity === 'error');
      if (errors.length > 0) throw new ContentValidationError(`content is invalid:\n${formatReport(kb.diagnostics, kb.fileCount)}`);
      if (type === 'talk') {
        for (const w of kb.diagnostics) logger.warn(formatDiagnostic(w));
        writeCardManifest(new URL('.', config.cacheDir).pathname, cardJobs(kb.graph));
      }
      const keep = new Set<string>();
      for (const entry of kb.entries) {
        if (entry.type !== type) continue;
        keep.add(entry.id);
        const updated = history.dates.get(entry.file);
        if (updated && updated > entry.data.added) entry.updated = updated;
        // The digest covers the validated data and the renderer too, so a change to either refreshes Astro's cache.
        const digest = generateDigest(`${RENDERER_VERSION}:${kb.digests.get(entry.key)}:${JSON.stringify(entry)}`);
        if (store.get(entry.id)?.digest === digest) continue;
        const body = renderBody(kb.texts.get(entry.key)!, config.base);
        store.set({ id: entry.id, data: { entry }, filePath: entry.file, digest, rendered: { html: body.html, metadata: { headings: body.headings } } });
      }
      for (const id of store.keys()) if (!keep.has(id)) store.delete(id);
    },
  };
}
