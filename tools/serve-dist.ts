/**
 * Serves a built site the way a static host does: directory URLs get their
 * index.html, a path without its trailing slash is redirected, unknown paths
 * get 404.html with status 404, responses are gzipped when the client asks,
 * and the rules in the site's _headers (the Netlify/Cloudflare format) are
 * applied, so browser tests and the benchmark see the same
 * Content-Security-Policy a host would send. Used by the Playwright tests
 * (through scripts/serve-dist.ts) and by the benchmark.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { createGzip } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json', '.xml': 'application/xml', '.txt': 'text/plain; charset=utf-8', '.vtt': 'text/vtt; charset=utf-8',
  '.png': 'image/png', '.svg': 'image/svg+xml', '.ico': 'image/x-icon', '.webp': 'image/webp', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg',
  '.gif': 'image/gif', '.avif': 'image/avif', '.woff2': 'font/woff2',
  '.pagefind': 'application/octet-stream', '.pf_meta': 'application/octet-stream', '.pf_fragment': 'application/octet-stream',
  '.pf_index': 'application/octet-stream', '.pf_filter': 'application/octet-stream',
};

const compressible = /\.(html|css|js|json|xml|txt|svg|vtt)$/;

/** The Content-Type a file is served with: by its extension, else a download. */
export function contentType(file: string): string {
  return TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

interface HeaderRule {
  pattern: RegExp;
  headers: Array<[string, string]>;
}

/** `_headers`: a path pattern line, then indented `Name: value` lines. */
function readHeaderRules(dir: string): HeaderRule[] {
  const file = path.join(dir, '_headers');
  if (!existsSync(file)) return [];
  const rules: HeaderRule[] = [];
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

export interface ServeOptions {
  /** The built site (dist/ or a benchmark's output). */
  dir: string;
  port: number;
}

/** Starts serving `dir` on 127.0.0.1:`port`; resolves once it listens. */
export function serveDist(opts: ServeOptions): Promise<Server> {
  const dir = path.resolve(opts.dir);
  const rules = readHeaderRules(dir);
  const server = createServer((req, res) => {
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
    const headers: Record<string, string> = { 'Content-Type': contentType(file) };
    for (const rule of rules) if (rule.pattern.test(pathname)) for (const [k, v] of rule.headers) headers[k] = v;
    const gzip = compressible.test(file) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    if (gzip) headers['Content-Encoding'] = 'gzip';
    res.writeHead(status, headers);
    const stream = createReadStream(file);
    (gzip ? stream.pipe(createGzip()) : stream).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, '127.0.0.1', () => resolve(server));
  });
}
