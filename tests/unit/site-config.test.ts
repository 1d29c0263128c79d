/** Settings read from the environment and from git: the site address, the repository for edit links, file dates. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseGitLog } from '../../src/lib/git-dates.ts';
import { repositoryUrl, siteAddress, withBase } from '../../src/lib/site-config.ts';

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
