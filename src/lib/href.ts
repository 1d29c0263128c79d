/** Site paths for pages and components, with the configured base path in front. */
import { withBase } from './site-config.ts';

export const href = (path: string): string => withBase(import.meta.env.BASE_URL, path);

export const SITE_NAME = 'MLOps Community Knowledge Base';
