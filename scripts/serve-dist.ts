/**
 * node scripts/serve-dist.ts [--port 4329] [--dir dist]
 *
 * Serves the built site the way a static host does: directory URLs get their
 * index.html, a path without its trailing slash is redirected, unknown paths
 * get 404.html with status 404, responses are gzipped when the client asks,
 * and the rules in dist/_headers (the Netlify/Cloudflare format) are applied,
 * so browser tests see the same Content-Security-Policy a host would send.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createGzip } from 'node:zlib';

const { values } = parseArgs({ options: { port: { type: 'string', default: '4329' }, dir: { type: 'string', default: 'dist' } } });
const dir = path.resolve(values.dir!);

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json', '.xml': 'application/xml', '.txt': 'text/plain; charset=utf-8', '.png': 'image/png',
  '.svg': 'image/svg+xml', '.vtt': 'text/vtt; charset=utf-8', '.pagefind': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream', '.pf_fragment': 'application/octet-stream', '.pf_index': 'application/octet-stream', '.pf_filter': 'application/octet-stream',
};

/** `_headers`: a path pattern line, then indented `Name: value` lines. */
function readHeaderRules(): Array<{ pattern: RegExp; headers: Array<[string, string]> }> {
  const file = path.join(dir, '_headers');
  if (!existsSync(file)) return [];
  const rules: Array<{ pattern: RegExp; headers: Array<[string, string]> }> = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ pattern: new RegExp(`^${line.trim().replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`), headers: [] });
    } else {
      const i = line.indexOf(':');
      rules.at(-1)?.headers.push([line.slice(0, i).trim(), line.slice(i + 1).trim()]);
    }
  }
  return rules;
}
const rules = readHeaderRules();

const compressible = /\.(html|css|js|json|xml|txt|svg|vtt)$/;

createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  let pathname = decodeURIComponent(url.pathname);
  let file = path.join(dir, pathname);
  if (!file.startsWith(dir)) {
    res.writeHead(400).end();
    return;
  }
  let status = 200;
  if (existsSync(file) && statSync(file).isDirectory()) {
    if (!pathname.endsWith('/')) {
      res.writeHead(301, { Location: `${pathname}/${url.search}` }).end();
      return;
    }
    file = path.join(file, 'index.html');
  }
  if (!existsSync(file) || !statSync(file).isFile()) {
    status = 404;
    file = path.join(dir, '404.html');
    pathname = '/404.html';
  }
  const headers: Record<string, string> = { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' };
  for (const rule of rules) if (rule.pattern.test(pathname)) for (const [k, v] of rule.headers) headers[k] = v;
  const gzip = compressible.test(file) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  if (gzip) headers['Content-Encoding'] = 'gzip';
  res.writeHead(status, headers);
  const stream = createReadStream(file);
  (gzip ? stream.pipe(createGzip()) : stream).pipe(res);
}).listen(Number(values.port), '127.0.0.1', () => console.log(`serving ${dir} at http://127.0.0.1:${values.port}/`));
