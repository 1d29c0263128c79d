/**
 * Podcasting 2.0 JSON chapters (podcast namespace, v1.2) for each talk with a chapter list, in
 * `astro dev`. A build writes these files with the moment pages instead
 * (src/lib/rendering/chapter-exports.ts says why).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { absolute } from '../../../lib/rendering/urls.ts';
import { podcastChaptersJson } from '../../../lib/rendering/chapter-exports.ts';
import { getSite } from '../../../lib/rendering/site-data.ts';

export const getStaticPaths = (async () => {
  if (!import.meta.env.DEV) return [];
  const site = await getSite();
  return site.byType.talk.filter((t) => t.data.chapters?.length).map((t) => ({ params: { id: t.id }, props: { id: t.id } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props, site: siteUrl }) => {
  const talk = (await getSite()).get('talk', props.id)!;
  return new Response(podcastChaptersJson(talk, (p) => absolute(siteUrl, p)), { headers: { 'Content-Type': 'application/json+chapters' } });
};
