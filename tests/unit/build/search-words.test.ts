/** The site's word list for "Did you mean": the words of the indexed entries, as usually written, with how many entries hold each, split by first letter. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { siteWordFiles, siteWords } from '../../../src/lib/build/search-words.ts';
import { LIST_NAMES, listName, readSiteWords } from '../../../src/scripts/search-logic.js';

const fragment = (id: string, title: string, content: string) => ({ id, url: `/${id}/`, content, meta: { title } });
const fragments = [
  fragment('a', 'D. Sculley', 'Sculley wrote about the ML Test Score. Sculley’s tests of models.'),
  fragment('b', 'The Godfather of MLOps', 'Sculley on testing; models drift. Don’t retrain blindly: don’t, don\'t.'),
  fragment('c', 'Müller on Ölçek', 'Muller and Müller. 2026 models, v2 Zoë.'),
];

test('every word of three letters or more, in its most common form, with the number of entries holding it', () => {
  const words = new Map(siteWords(fragments));
  assert.equal(words.get('Sculley'), 2, 'counted once per entry, however often it appears there');
  assert.equal(words.has('Sculley’s'), false, 'a possessive is the word itself');
  assert.equal(words.get('models'), 3);
  assert.equal(words.get('Müller'), 1, 'the more frequent form names the word; "Muller" is the same word');
  assert.equal(words.has('Muller'), false);
  assert.equal(words.get('don’t'), 1, 'apostrophes kept in the form shown, ignored when comparing');
  assert.equal(words.has("don't"), false);
  assert.equal(words.has('ML'), false, 'two letters: too short to correct');
  assert.equal(words.has('2026'), false, 'numbers are not words');
  assert.equal(words.get('Zoë'), 1);
  assert.equal(words.get('Ölçek'), 1);
  assert.equal(words.get('MLOps'), 1);
});

test('the list is sorted and the same for the same entries, whatever their order', () => {
  assert.deepEqual(siteWords([...fragments].reverse()), siteWords(fragments));
});

test('one file per first letter, every one written, read back to the same words', () => {
  const words = siteWords(fragments);
  const files = siteWordFiles(words);
  assert.deepEqual([...files.keys()], LIST_NAMES);
  assert.equal(files.get('q'), '{}');
  assert.equal(files.get('s'), '{"1":"Score","2":"Sculley"}');
  assert.deepEqual(readSiteWords(JSON.parse(files.get('o')!)), [['Ölçek', 1]], 'a letter with a diacritic goes with its base letter');
  const readBack = [...files.values()].flatMap((text) => readSiteWords(JSON.parse(text)));
  assert.deepEqual(new Set(readBack.map((w) => w.join(' '))), new Set(words.map((w) => w.join(' '))));
  for (const [name, text] of files) for (const [word] of readSiteWords(JSON.parse(text))) assert.equal(listName(word), name, word);
});
