/** The report is inert text: whatever a value holds, each diagnostic prints as two lines and no line is a workflow command. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildWarnings, formatDiagnostic, formatReport, githubAnnotation, printable, type Diagnostic } from '../../../src/lib/validator/diagnostics.ts';

const hostile = 'x\n::stop-commands::token\r\n::error file=a::b\u001b[2J\u202e\u2028##[warning]y';
const d: Diagnostic = { severity: 'error', file: `content/myths/${hostile}.mdx`, line: 3, column: 7, field: `related[0].${hostile}`, message: `"${hostile}" is wrong`, fix: `write ${hostile}` };

test('printable escapes line breaks, controls and bidirectional overrides, and keeps the rest', () => {
  assert.equal(printable('a\nb\rc\td\u0007e\u202ef\u2028g ü —'), 'a\\nb\\rc\td\\u0007e\\u202Ef\\u2028g ü —');
});

test('a diagnostic is two lines, and no line of the report starts a workflow command', () => {
  const text = formatDiagnostic(d);
  assert.equal(text.split('\n').length, 2);
  const report = formatReport([d, d], 1);
  for (const line of report.split('\n')) assert.doesNotMatch(line, /^\s*(::|##\[)/, line);
  assert.ok(!/[\r\u001b\u202e\u2028]/.test(report));
});

test('an annotation is one workflow command, its data escaped as GitHub asks', () => {
  const line = githubAnnotation(d);
  assert.equal(line.split('\n').length, 1);
  assert.match(line, /^::error file=content\/myths\/x%0A%3A%3Astop-commands%3A%3Atoken%0D%0A%3A%3Aerror file=a%3A%3Ab\\u001B\[2J\\u202E\\u2028##\[warning\]y\.mdx,line=3,col=7,title=/);
  assert.ok(!/[\r\n\u001b]/.test(line));
});

const warning = (file: string, line: number): Diagnostic => ({ severity: 'warning', file, line, column: 1, field: 'body', message: 'is long', fix: 'shorten it' });

test('a build prints the first warnings in order, then how many more and the command that lists them', () => {
  const cases: Array<{ name: string; warnings: Diagnostic[]; shown: number; expected: string[] }> = [
    { name: 'none', warnings: [], shown: 2, expected: [] },
    { name: 'fewer than shown', warnings: [warning('b.mdx', 1)], shown: 2, expected: ['b.mdx:1:1 warning body: is long\n  fix: shorten it'] },
    { name: 'exactly shown', warnings: [warning('b.mdx', 1), warning('a.mdx', 9)], shown: 2, expected: ['a.mdx:9:1 warning body: is long\n  fix: shorten it', 'b.mdx:1:1 warning body: is long\n  fix: shorten it'] },
    {
      name: 'more than shown, sorted first',
      warnings: [warning('c.mdx', 2), warning('c.mdx', 1), warning('a.mdx', 5), warning('b.mdx', 3)],
      shown: 1,
      expected: ['a.mdx:5:1 warning body: is long\n  fix: shorten it', '3 more warnings in 2 files, not shown here: `npm run validate` lists them all'],
    },
    { name: 'one more', warnings: [warning('a.mdx', 1), warning('b.mdx', 1)], shown: 1, expected: ['a.mdx:1:1 warning body: is long\n  fix: shorten it', '1 more warning in 1 file, not shown here: `npm run validate` lists them all'] },
  ];
  for (const c of cases) assert.deepEqual(buildWarnings(c.warnings, c.shown, 'npm run validate'), c.expected, c.name);
});

test('the command in the summary is printed inert', () => {
  const [, summary] = buildWarnings([warning('a.mdx', 1), warning('a.mdx', 2)], 1, `npm run validate -- --content "${hostile}"`);
  assert.equal(summary.split('\n').length, 1);
  assert.ok(!/[\r\u001b\u202e\u2028]/.test(summary));
});
