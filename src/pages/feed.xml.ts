/**
 * RSS of new and updated entries, newest first, for Slack channels and feed
 * readers. An update gets its own item (and guid), so subscribers hear of it.
 */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { TYPE_INFO } from '../lib/content-model/entry-types.ts';
import { absolute, SITE_NAME } from '../lib/rendering/urls.ts';
import { entryPath } from '../lib/content-model/references.ts';
import { getSite } from '../lib/rendering/site-data.ts';
import { htmlText } from '../lib/rendering/html-text.ts';

/** Items in the feed: enough for a reader that polls daily, independent of the size of the knowledge base. */
export const FEED_ITEMS = 50;

export const GET: APIRoute = async ({ site: siteUrl }) => {
  const site = await getSite();
  const items = [...site.graph.entries.values()]
    .map((e) => ({ e, date: e.updated ?? e.data.added }))
    .sort((a, b) => b.date.localeCompare(a.date) || a.e.title.localeCompare(b.e.title))
    .slice(0, FEED_ITEMS)
    .map(({ e, date }) => {
      const url = absolute(siteUrl, entryPath(e.type, e.id));
      const topics = ((e.data as { topics?: Array<{ id: string }> }).topics ?? []).flatMap((t) => site.get('topic', t.id)?.title ?? []);
      return {
        title: `${e.updated ? 'Updated' : 'New'} ${TYPE_INFO[e.type].label.toLowerCase()}: ${e.title}`,
        link: e.updated ? `${url}?updated=${e.updated}` : url,
        pubDate: new Date(`${date}T00:00:00Z`),
        description: htmlText(e.summary),
        categories: [TYPE_INFO[e.type].label, ...topics],
      };
    });
  return rss({
    title: `${SITE_NAME}: new and updated entries`,
    description: 'New and updated talks, myths, maturity models, war stories and design patterns.',
    site: absolute(siteUrl, '/'),
    items,
  });
};
