/**
 * A Sätteri mdast plugin that turns reference links in entry bodies
 * (`talk:godfather-of-mlops@7:57`, `pattern:feature-store`) into site paths.
 * The validator has already checked every one; a reference that does not
 * parse here would have failed validation, so it is left alone.
 */
import { defineMdastPlugin } from 'satteri';
import { looksLikeRef, parseRef, refPath } from './refs.ts';
import { withBase } from './site-config.ts';

export function referenceLinks(base: string) {
  return defineMdastPlugin({
    name: 'kb-reference-links',
    link(node, ctx) {
      if (!looksLikeRef(node.url)) return;
      const r = parseRef(node.url);
      if (r.ok) ctx.setProperty(node, 'url', withBase(base, refPath(r.ref)));
    },
  });
}
