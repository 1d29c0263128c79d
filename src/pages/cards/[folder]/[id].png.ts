/** The 1200×630 card of each entry, for link previews. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { cardResponse } from '../../../lib/card-images.ts';
import { TYPE_INFO, type EntryKey } from '../../../lib/entry-types.ts';
import { getSite } from '../../../lib/site-data.ts';
import { entryCard } from '../../../lib/social.ts';

export const getStaticPaths = (async () => {
  const site = await getSite();
  return [...site.graph.entries.values()].map((e) => ({ params: { folder: TYPE_INFO[e.type].folder, id: e.id }, props: { key: e.key }, cacheKey: JSON.stringify(entryCard(e, site.graph)) }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const site = await getSite();
  return cardResponse(entryCard(site.entry(props.key as EntryKey)!, site.graph));
};
