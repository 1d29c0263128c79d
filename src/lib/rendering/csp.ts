/**
 * The Content-Security-Policy. Pages run one inline script (allowed by its
 * hash) and the search module from the site itself; Pagefind needs
 * WebAssembly ('wasm-unsafe-eval'), never eval. Nothing is loaded from
 * another host.
 */
import { createHash } from 'node:crypto';

/** `'sha256-…'` of an inline script's exact text. */
export function scriptHash(source: string): string {
  return `'sha256-${createHash('sha256').update(source).digest('base64')}'`;
}

/** The policy as a <meta> tag can carry it. */
export function contentSecurityPolicy(inlineScripts: readonly string[]): string {
  return [
    "default-src 'self'",
    `script-src 'self' ${inlineScripts.map(scriptHash).join(' ')} 'wasm-unsafe-eval'`,
    "style-src 'self'",
    "img-src 'self'",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

/**
 * What a page sends other sites when a reader follows a link: the site's
 * origin, never the page's path. Pages say it in a <meta name="referrer">,
 * which every host honours (GitHub Pages sends no header for it), and
 * _headers repeats it for hosts that read that file.
 */
export const REFERRER_POLICY = 'strict-origin-when-cross-origin';

/**
 * The `_headers` file (Netlify, Cloudflare Pages) for hosts that read one:
 * the same policy plus what only a header can say (frame-ancestors, nosniff),
 * and long caching for fingerprinted assets. README.md ("Security headers")
 * says what a host without it, such as GitHub Pages, does not get.
 */
export function headersFile(policy: string): string {
  return [
    '/*',
    `  Content-Security-Policy: ${policy}; frame-ancestors 'none'`,
    '  X-Content-Type-Options: nosniff',
    `  Referrer-Policy: ${REFERRER_POLICY}`,
    '/_astro/*',
    '  Cache-Control: public, max-age=31536000, immutable',
    '',
  ].join('\n');
}
