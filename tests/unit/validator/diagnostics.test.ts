/** The report is inert text: whatever a value holds, each diagnostic prints as two lines and no line is a workflow command. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatDiagnostic, formatReport, githubAnnotation, printable, type Diagnostic } from '../../../src/lib/validator/diagnostics.ts';

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
