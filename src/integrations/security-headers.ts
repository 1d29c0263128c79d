/**
 * Writes dist/_headers from the Content-Security-Policy the pages carry in
 * their <meta> tag, so hosts that read a headers file send the same policy,
 * and dist/_redirects for hosts that read one (renamed entries).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { headersFile } from '../lib/csp.ts';

export function securityHeaders(): AstroIntegration {
  return {
    name: 'kb-security-headers',
    hooks: {
      'astro:build:done': async ({ dir }) => {
        const out = fileURLToPath(dir);
        const home = await readFile(`${out}index.html`, 'utf8');
        const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(home)?.[1];
        if (!policy) throw new Error('the home page carries no Content-Security-Policy meta tag');
        await writeFile(`${out}_headers`, headersFile(policy.replace(/&#39;/g, "'").replace(/&amp;/g, '&')));
      },
    },
  };
}
