/** Entry bodies become HTML the way readers see them: references as site links, allowed elements, headings with ids. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ASIDE_LABELS, renderBody } from '../../../src/lib/rendering/body-html.ts';
import { ATTRIBUTE_VALUES } from '../../../src/lib/validator/body-safety.ts';
import { checkBodyShape } from '../../../src/lib/validator/body-limits.ts';
import { MAX_BODY_DEPTH } from '../../../src/lib/validator/limits.ts';
import { parseBody } from '../../../src/lib/validator/mdx-body.ts';

const body = (md: string, base = '/') => renderBody(`---\ntitle: x\n---\n${md}\n`, base);

const cases: Array<[string, string, string?]> = [
  ['A [moment](talk:godfather-of-mlops@7:57) and a [pattern](pattern:feature-store).', '<p>A <a href="/talks/godfather-of-mlops/at/07-57/">moment</a> and a <a href="/patterns/feature-store/">pattern</a>.</p>'],
  ['[level](maturity:google-cloud-mlops-levels#level-1)', '<p><a href="/kb/maturity/google-cloud-mlops-levels/#level-1">level</a></p>', '/kb/'],
  ['[search](/search/?q=drift) ![diagram](/images/d.png) [here](#sources)', '<p><a href="/kb/search/?q=drift">search</a> <img src="/kb/images/d.png" alt="diagram"> <a href="#sources">here</a></p>', '/kb/'],
  ['[out](https://example.org/a?b=1&c=2)', '<p><a href="https://example.org/a?b=1&#x26;c=2">out</a></p>'],
  ['"Quotes" -- and... dashes', '<p>“Quotes” – and… dashes</p>'],
  ['An <abbr title="Continuous training">CT</abbr> step.', '<p>An <abbr title="Continuous training">CT</abbr> step.</p>'],
  ['<Aside type="tip">Keep it *short*.</Aside>', '<aside class="panel aside-tip" aria-label="Tip"><p class="callout-label">Tip</p><p>Keep it <em>short</em>.</p></aside>'],
  ['<Aside title="Why">\n\nBecause.\n\n</Aside>', '<aside class="panel aside-note" aria-label="Why"><p class="callout-label">Why</p><p>Because.</p></aside>'],
  ['## Two words\n\n## Two words', '<h2 id="two-words">Two words</h2>\n<h2 id="two-words-1">Two words</h2>'],
  ['| a |\n|---|\n| 1 |', '<table>\n<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>1</td>\n</tr>\n</tbody>\n</table>'],
  ['Escaped \\{ and \\<.', '<p>Escaped { and &#x3C;.</p>'],
  ['![A diagram](/images/d.png) and [a page](/talks/)', '<p><img src="/kb/images/d.png" alt="A diagram"> and <a href="/kb/talks/">a page</a></p>', '/kb/'],
  ['![A diagram](/images/d.png)', '<p><img src="/images/d.png" alt="A diagram"></p>'],
  ['He said <q cite="talk:godfather-of-mlops@12:27">ask the questions</q>.', '<p>He said <q cite="/kb/talks/godfather-of-mlops/at/12-27/">ask the questions</q>.</p>', '/kb/'],
  // No style attribute: the Content-Security-Policy would block it.
  ['| a | b |\n|:-:|--:|\n| 1 | 2 |', '<table>\n<thead>\n<tr>\n<th class="align-center">a</th>\n<th class="align-right">b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td class="align-center">1</td>\n<td class="align-right">2</td>\n</tr>\n</tbody>\n</table>'],
];
for (const [md, html, base] of cases) test(md, () => assert.equal(body(md, base).html.trim(), html));

test('headings are listed with their ids', () => {
  assert.deepEqual(body('## When to use it\n\n### In batch').headings, [{ depth: 2, slug: 'when-to-use-it', text: 'When to use it' }, { depth: 3, slug: 'in-batch', text: 'In batch' }]);
});

test('what the validator forbids is never rendered, even if it slipped through', () => {
  assert.throws(() => body('<script>alert(1)</script>'), /<script> is not allowed/);
  assert.throws(() => body('{1 + 1}'), /unexpected mdxFlowExpression/);
  assert.throws(() => body('<b onClick={x}>b</b>'), /unexpected attribute/);
  assert.throws(() => body('<constructor>x</constructor>'), /<constructor> is not allowed/);
  assert.throws(() => body('<Aside type="toString">x</Aside>'), /<Aside type="toString"> is not a type/);
});

test('every type of <Aside> the validator allows has a heading', () => {
  assert.deepEqual(Object.keys(ASIDE_LABELS), ATTRIBUTE_VALUES.Aside.type);
});

test('the deepest body the validator accepts renders, and one level deeper is refused before rendering', () => {
  const shapes: Array<(n: number) => string> = [
    (n) => `${'>'.repeat(n)} quoted`,
    (n) => Array.from({ length: n }, (_, i) => `${'  '.repeat(i)}- item`).join('\n'),
    (n) => `${'*a '.repeat(n)}b${'*'.repeat(n)}`,
    (n) => `${'<b>'.repeat(n)}x${'</b>'.repeat(n)}`,
  ];
  for (const shape of shapes) {
    // The deepest nesting of this shape that stays within the limit.
    let n = 1;
    while (true) {
      const parsed = parseBody(`---\ntitle: x\n---\n${shape(n + 1)}\n`);
      assert.ok(parsed.ok);
      if (checkBodyShape(parsed.root).tooDeep) break;
      n++;
    }
    assert.ok(n >= MAX_BODY_DEPTH / 3, `${shape(2)}: only ${n} levels accepted`);
    assert.ok(body(shape(n)).html.length > 0);
  }
});
