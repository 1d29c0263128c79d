/**
 * dist/_headers from the Content-Security-Policy the pages carry in their
 * <meta> tag, so hosts that read a headers file send the same policy.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { headersFile } from '../rendering/csp.ts';

export async function writeSecurityHeaders(out: string): Promise<void> {
  const home = await readFile(`${out}index.html`, 'utf8');
  const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(home)?.[1];
  if (!policy) throw new Error('the home page carries no Content-Security-Policy meta tag');
  await writeFile(`${out}_headers`, headersFile(policy.replace(/&#39;/g, "'").replace(/&amp;/g, '&')));
}
