/**
 * One collection per entry type, all fed by the knowledge-base loader: the
 * same validation `npm run validate` runs, so the build fails on the same
 * errors, printed the same way.
 */
import { defineCollection } from 'astro:content';
import { ENTRY_TYPES, TYPE_INFO } from './lib/content-model/entry-types.ts';
import { knowledgeBaseLoader } from './lib/build/content-loader.ts';

export const collections = Object.fromEntries(
  ENTRY_TYPES.map((type) => [TYPE_INFO[type].folder, defineCollection({ loader: knowledgeBaseLoader(type) })]),
);
