/**
 * One collection per entry type, all fed by the knowledge-base loader: the
 * same validation `npm run validate` runs, so the build fails on the same
 * errors, printed the same way. The loader stores each validated entry whole
 * (`data.entry`); the schema only gives pages its type, so getCollection('talks')
 * hands them talk entries, checked by TypeScript.
 */
import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { ENTRY_TYPES, TYPE_INFO, type EntryType, type FolderOf } from './lib/content-model/entry-types.ts';
import type { Entry } from './lib/content-model/link-graph.ts';
import { knowledgeBaseLoader } from './lib/build/content-loader.ts';

const collection = <T extends EntryType>(type: T) =>
  defineCollection({ loader: knowledgeBaseLoader(type), schema: z.object({ entry: z.custom<Entry<T>>() }) });

export const collections = Object.fromEntries(ENTRY_TYPES.map((type) => [TYPE_INFO[type].folder, collection(type)])) as {
  [T in EntryType as FolderOf<T>]: ReturnType<typeof collection<T>>;
};
