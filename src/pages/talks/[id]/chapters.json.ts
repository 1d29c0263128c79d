/** Podcasting 2.0 JSON chapters (podcast namespace, v1.2) for each talk with a chapter list. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { absolute } from '../../../lib/rendering/urls.ts';
import { podcastChapters } from '../../../lib/rendering/chapter-exports.ts';
import { getSite } from '../../../lib/rendering/site-data.ts';

export const getStaticPaths = (async () => {
  const site = await getSite();
  return site.byType.talk.filter((t) => t.data.chapters?.length).map((t) => ({ params: { id: t.id }, props: { id: t.id }, cacheKey: site.keys.entry(t.key) }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props, site: siteUrl }) => {
  const talk = (await getSite()).get('talk', props.id)!;
  return new Response(JSON.stringify(podcastChapters(talk, (p) => absolute(siteUrl, p)), null, 2), { headers: { 'Content-Type': 'application/json+chapters' } });
};
