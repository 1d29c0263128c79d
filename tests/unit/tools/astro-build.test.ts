import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pageRuns } from '../../../tools/astro-build.ts';

const plain = [
  '16:40:37   ├─ /404.html16:40:37   ├─ /feed.xml16:40:37   ├─ /search/index.html (+44ms) ',
  '16:40:37   ├─ /people/fixture-person/index.html (cached)',
  '16:40:37   ├─ /myths/fixture-myth/index.html (+37ms) ',
  '16:40:37   ├─ /topics/index.html (restored)',
  ' (+3ms) ',
].join('\n');

// As Astro prints it when colour is forced (FORCE_COLOR, as on CI): the case that once broke the rebuild test.
const coloured =
  '\x1B[2m16:40:37\x1B[22m   \x1B[34m├─\x1B[39m \x1B[2m/404.html\x1B[22m\x1B[2m16:40:37\x1B[22m   \x1B[34m├─\x1B[39m \x1B[2m/search/index.html\x1B[22m \x1B[2m(+44ms)\x1B[22m \n' +
  '\x1B[2m16:40:37\x1B[22m   \x1B[32m├─\x1B[39m \x1B[2m/people/fixture-person/index.html\x1B[22m \x1B[32m(cached)\x1B[39m\n' +
  '\x1B[2m16:40:37\x1B[22m   \x1B[34m├─\x1B[39m \x1B[2m/myths/fixture-myth/index.html\x1B[22m \x1B[2m(+37ms)\x1B[22m \n' +
  '\x1B[2m16:40:37\x1B[22m   \x1B[32m├─\x1B[39m \x1B[2m/topics/index.html\x1B[22m \x1B[32m(restored)\x1B[39m\n \x1B[2m(+3ms)\x1B[22m \n';

const expected = [
  ['/search/index.html', 'rendered'],
  ['/people/fixture-person/index.html', 'skipped'],
  ['/myths/fixture-myth/index.html', 'rendered'],
  ['/topics/index.html', 'skipped'],
];

for (const [name, log] of [['plain', plain], ['coloured', coloured]] as const) {
  test(`pageRuns reads which pages Astro rendered and which it skipped (${name} log)`, () => {
    assert.deepEqual([...pageRuns(log)], expected);
  });
}
