/**
 * The validator checks links within the site against the pages and anchors
 * the build makes (src/lib/validator/site-links.ts); here the built site in
 * dist/ is held to what the validator assumes. Run after `npm run build`.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { contentDir } from '../../src/lib/settings.ts';
import { loadKnowledgeBase } from '../../src/lib/validator/validate-content.ts';
import { gapsBetweenValidatorAndBuild } from '../support/site-anchors.ts';

const root = path.resolve(import.meta.dirname, '../..');

test('every anchor and page the validator accepts is in the built site', async () => {
  const dist = path.join(root, 'dist');
  assert.ok(existsSync(dist), 'dist/ is missing: run npm run build first');
  const kb = await loadKnowledgeBase({ root, contentDir: contentDir() });
  assert.deepEqual(gapsBetweenValidatorAndBuild(kb, dist), []);
});
