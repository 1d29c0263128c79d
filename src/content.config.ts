/**
 * One collection per entry type, all fed by the knowledge-base loader: the
 * same validation `npm run validate` runs, so the build fails on the same
 * errors, printed the same way. The loader stores each validated entry whole
 * (`data.entry`); the schema only gives pages its type, so getCollection('talks')
 * hands them talk entries, checked by TypeScript.
 *
 * The loader's 60 modules are loaded by Node itself, which strips their
 * types, not through the Vite server Astro loads this file with: Vite
 * transformed each, and `astro:content`'s runtime (75 modules more, for
 * `defineCollection` alone), with source maps, on the build's busy thread.
 * At 1,000 talks Astro's "collecting build info" took 2.9-3.1 s before and
 * 1.8-2.3 s after (four alternating pairs). `astro dev` did not reload the
 * collections on an edit to src/lib through Vite either: it takes a restart.
 */
import { createRequire } from 'node:module';
import { defineCollection } from 'astro/content/config';
import { z } from 'astro/zod';
import type { EntryType, FolderOf } from './lib/content-model/entry-types.ts';
import type { Entry } from './lib/content-model/link-graph.ts';

const nodeRequire = createRequire(import.meta.url);
const { knowledgeBaseLoader } = nodeRequire('./lib/build/content-loader.ts') as typeof import('./lib/build/content-loader.ts');
const { ENTRY_TYPES, TYPE_INFO } = nodeRequire('./lib/content-model/entry-types.ts') as typeof import('./lib/content-model/entry-types.ts');

const collection = <T extends EntryType>(type: T) =>
  defineCollection({ loader: knowledgeBaseLoader(type), schema: z.object({ entry: z.custom<Entry<T>>() }) });

export const collections = Object.fromEntries(ENTRY_TYPES.map((type) => [TYPE_INFO[type].folder, collection(type)])) as {
  [T in EntryType as FolderOf<T>]: ReturnType<typeof collection<T>>;
};
