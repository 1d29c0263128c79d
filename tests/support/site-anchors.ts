/**
 * What the validator assumes of a built site, checked against one: every
 * anchor it accepts for an entry (the layout's sections and the body's
 * headings) is an id on the entry's page, and every page a body may link by
 * path exists. A gap here would let a link pass validation and fail the build.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { entryPath } from '../../src/lib/content-model/references.ts';
import { pageIds } from '../../src/lib/build/link-check/check-links.ts';
import { renderBody } from '../../src/lib/rendering/body-html.ts';
import { entryAnchors } from '../../src/lib/rendering/page-anchors.ts';
import type { KnowledgeBase } from '../../src/lib/validator/validate-content.ts';
import { SITE_PAGES } from '../../src/lib/validator/site-links.ts';

/** Each anchor or page the validator accepts that the build in `dist` does not have. */
export function gapsBetweenValidatorAndBuild(kb: KnowledgeBase, dist: string): string[] {
  const gaps: string[] = [];
  let anchors = 0;
  for (const entry of kb.entries) {
    const page = entryPath(entry.type, entry.id);
    const ids = pageIds(readFileSync(path.join(dist, page, 'index.html'), 'utf8'));
    const expected = [...entryAnchors(entry), ...renderBody(kb.texts.get(entry.key)!, '/').headings.map((h) => h.slug)];
    for (const a of expected) {
      anchors++;
      if (!ids.has(a)) gaps.push(`${page}#${a}`);
    }
  }
  for (const p of SITE_PAGES) if (!existsSync(path.join(dist, p.endsWith('/') ? `${p}index.html` : p))) gaps.push(p);
  if (anchors === 0) gaps.push('no anchor was checked at all');
  return gaps;
}
