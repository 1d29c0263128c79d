/** Settings read from the environment and from git: the site address, the repository for edit links, file dates. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gitDates, parseGitLog } from '../../src/lib/build/git-dates.ts';
import { repositoryUrl, siteAddress, withBase } from '../../src/lib/settings.ts';

test('SITE_URL gives the origin and the base path', () => {
  assert.deepEqual(siteAddress({}), { url: 'http://localhost:4321/', origin: 'http://localhost:4321', base: '/' });
  assert.deepEqual(siteAddress({ SITE_URL: 'https://org.github.io/kb' }), { url: 'https://org.github.io/kb/', origin: 'https://org.github.io', base: '/kb/' });
  assert.equal(withBase('/', '/talks/'), '/talks/');
  assert.equal(withBase('/kb/', '/talks/'), '/kb/talks/');
});

test('REPO_URL wins, without a trailing .git or slash', () => {
  assert.equal(repositoryUrl({ REPO_URL: 'https://github.com/org/kb.git' }, '/nonexistent'), 'https://github.com/org/kb');
  assert.equal(repositoryUrl({ REPO_URL: 'https://github.com/org/kb/' }, '/nonexistent'), 'https://github.com/org/kb');
});

test('git log: the first date seen for a file is its latest change', () => {
  const log = '\0' + '2026-11-22\n\ncontent/a.mdx\ncontent/b.mdx\n' + '\0' + '2026-10-01\n\ncontent/a.mdx\ncontent/c.mdx\n';
  assert.deepEqual([...parseGitLog(log)], [['content/a.mdx', '2026-11-22'], ['content/b.mdx', '2026-11-22'], ['content/c.mdx', '2026-10-01']]);
  assert.deepEqual([...parseGitLog('')], []);
});

test('git dates are keyed by path from the project root, wherever the content lives', () => {
  const base = mkdtempSync(path.join(tmpdir(), 'kb-git-'));
  const repo = path.join(base, 'repo');
  mkdirSync(path.join(repo, 'site', 'content', 'myths'), { recursive: true });
  writeFileSync(path.join(repo, 'site', 'content', 'myths', 'a.mdx'), 'x');
  const run = (...args: string[]) => execFileSync('git', args, { cwd: repo, env: { ...process.env, GIT_COMMITTER_DATE: '2026-03-04T12:00:00Z', GIT_AUTHOR_DATE: '2026-03-04T12:00:00Z' } });
  run('init', '-q');
  run('add', '.');
  run('-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-qm', 'a');
  // The project is a subfolder of the repository; the content is inside it or beside it.
  assert.deepEqual([...gitDates(path.join(repo, 'site'), 'content').dates], [['content/myths/a.mdx', '2026-03-04']]);
  assert.deepEqual([...gitDates(path.join(repo, 'app'), '../site/content').dates], [['../site/content/myths/a.mdx', '2026-03-04']]);
  // A content folder outside any repository has no dates, and the build goes on.
  mkdirSync(path.join(base, 'loose'));
  assert.deepEqual(gitDates(repo, path.join(base, 'loose')), { dates: new Map(), unavailable: 'not a git repository' });
});
