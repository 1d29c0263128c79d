/** Cards for the home page (`site.png`) and for each type's index (`talks.png`, ...). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { cardResponse } from '../../lib/card-images.ts';
import { ENTRY_TYPES, TYPE_INFO, type EntryType } from '../../lib/entry-types.ts';
import { getSite } from '../../lib/site-data.ts';
import { siteCard } from '../../lib/social.ts';

export const getStaticPaths = (() => [
  { params: { name: 'site' }, props: { type: undefined } },
  ...ENTRY_TYPES.map((type) => ({ params: { name: TYPE_INFO[type].folder }, props: { type } })),
]) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const type = props.type as EntryType | undefined;
  const total = type ? (await getSite()).byType[type].length : undefined;
  return cardResponse(siteCard(type, total));
};
