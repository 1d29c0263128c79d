/**
 * Moment pages are filled outside Astro, so a value must come out exactly as
 * Astro would have escaped it in the same place: text as its expressions'
 * text, attribute values as its attributes.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addAttribute, escapeHTML } from 'astro/runtime/server/index.js';
import { attr, text } from '../../../src/lib/rendering/moment-page.ts';

const values = ['plain', 'a & b', '"quoted" and \'single\'', '<script>alert(1)</script>', 'https://x.test/?a=1&b=2#t', '&amp; already', '▶ 07:57 — ü', ''];

test('text is escaped as Astro escapes an expression', () => {
  for (const v of values) assert.equal(text(v), escapeHTML(v), v);
});

test('an attribute value is escaped as Astro escapes an attribute', () => {
  // Astro writes an empty attribute bare; a moment's values in attributes (titles, addresses) are never empty.
  for (const v of values.filter(Boolean)) assert.equal(` href="${attr(v)}"`, String(addAttribute(v, 'href')), v);
});
