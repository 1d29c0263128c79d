/**
 * WebVTT chapters for each talk with a chapter list, in `astro dev`. A build writes these files
 * with the moment pages instead (src/lib/rendering/chapter-exports.ts says why).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { vttChapters } from '../../../lib/rendering/chapter-exports.ts';
import { getSite } from '../../../lib/rendering/site-data.ts';

export const getStaticPaths = (async () => {
  if (!import.meta.env.DEV) return [];
  const site = await getSite();
  return site.byType.talk.filter((t) => t.data.chapters?.length).map((t) => ({ params: { id: t.id }, props: { id: t.id } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const talk = (await getSite()).get('talk', props.id)!;
  return new Response(vttChapters(talk), { headers: { 'Content-Type': 'text/vtt; charset=utf-8' } });
};
