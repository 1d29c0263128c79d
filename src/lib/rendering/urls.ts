/** Site paths for pages and components, with the configured base path in front. */
import { withBase } from '../settings.ts';

export { SITE_NAME } from '../settings.ts';

export const href = (path: string): string => withBase(import.meta.env.BASE_URL, path);

/** Absolute URL of a site path, for canonical links, cards and feeds. */
export const absolute = (site: URL | undefined, path: string): string => new URL(href(path), site).href;
