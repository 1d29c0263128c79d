/**
 * The steps around Astro's build. Before it: the output folder is prepared
 * for reuse (src/lib/build/output-folder.ts). After it: files of the last
 * build that this one did not generate go; then, side by side, Pagefind
 * indexes the entry pages (its own process, on the other core), the moment
 * pages are filled into the template Astro rendered
 * (src/lib/rendering/moment-page.ts) and written, and the link check reads
 * the other pages. The link check, which fails the build on a broken link,
 * then checks them all; the headers file is written, and the folder is
 * recorded as reusable.
 */
import { hash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { PageScan } from '../lib/build/link-check/check-links.ts';
import { MOMENT_TEMPLATE_FILE, openMomentHandoff, takeMomentFiller, type FilledFile } from '../lib/rendering/moment-page.ts';
import { OutputFolder } from '../lib/build/output-folder.ts';
import { buildSearchIndex, stopSearchIndex } from '../lib/build/search-index.ts';
import { buildTranscriptIndex } from '../lib/build/transcript-index.ts';
import { writeSecurityHeaders } from '../lib/build/security-headers.ts';
import { checkSiteLinks } from '../lib/build/link-check/check-built-site.ts';

export function finishBuild(opts: { contentDir: string }): AstroIntegration {
  let root = '';
  let cacheDir = '';
  let origin = '';
  let base = '/';
  let output: OutputFolder;
  return {
    name: 'kb-finish-build',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
        cacheDir = fileURLToPath(config.cacheDir);
        origin = new URL(config.site ?? 'http://localhost/').origin;
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        output = new OutputFolder(path.resolve(fileURLToPath(config.outDir)), cacheDir);
        openMomentHandoff();
      },
      'astro:build:start': async ({ logger }) => {
        logger.info(await output.prepare());
      },
      'astro:build:done': async ({ dir, assets, logger }) => {
        const out = fileURLToPath(dir);
        const generated = new Set([...assets.values()].flat().map((url) => path.relative(out, fileURLToPath(url)).split(path.sep).join('/')));
        const moments = takeMomentFiller();
        const template = await takeTemplate(out);
        generated.delete(MOMENT_TEMPLATE_FILE);
        for (const file of moments.files) generated.add(file);
        const gone = await output.prune(generated);
        if (gone.length) logger.info(`removed ${gone.length} files the last build generated and this one did not`);
        // Pagefind indexes entry pages only, so it need not wait for the moment pages.
        const indexing = buildSearchIndex(out);
        indexing.catch(() => {});
        try {
          // The moment pages are written once the link check has read the other pages: their
          // writing keeps this thread, and the check's reads, each waiting for a turn of it, took
          // longer than the writing itself.
          const write = async () => {
            const writing = performance.now();
            const { scans, files, written } = await writeFilledFiles(out, moments.fill(template), path.join(cacheDir, 'kb-moment-digests.json'), output.reused);
            logger.info(`${scans.size} moment pages filled into one template and ${files - scans.size} chapter files made; ${written} of them written (the others unchanged) in ${Math.round(performance.now() - writing)} ms`);
            return scans;
          };
          logger.info(await checkSiteLinks({ out, root, cacheDir, contentDir: opts.contentDir, origin, base, known: { files: moments.files, scans: write } }));
        } catch (error) {
          await stopSearchIndex();
          throw error;
        }
        logger.info(await indexing);
        logger.info(await buildTranscriptIndex(out));
        await writeSecurityHeaders(out);
        output.record();
      },
    },
  };
}

/** The template Astro rendered for the moment pages, taken out of the output. */
async function takeTemplate(out: string): Promise<string> {
  const file = path.join(out, MOMENT_TEMPLATE_FILE);
  const template = await readFile(file, 'utf8');
  await rm(path.dirname(file), { recursive: true });
  return template;
}

/**
 * Writes every file as it is filled (the moment pages, the chapter files), but for a file the last
 * build wrote into this same folder with the same bytes (by digest, kept in the cache folder): a
 * rebuild rewrites only those that changed. Returns each page's scan by site path, how many files
 * there were and how many were written.
 *
 * The writes are synchronous, on this thread, yielding now and then to the search index's
 * messages (Pagefind runs beside them, in its own process): through libuv's pool each file costs
 * thread hand-offs on top of its system calls, and pool threads creating entries in one folder
 * contend for its lock. At 1,000 talks (12,000 pages)
 * writing this way took 0.7–1.5 s of CPU against 2.3–3.6 s through the pool.
 */
async function writeFilledFiles(out: string, filled: Iterable<FilledFile>, digestFile: string, reused: boolean): Promise<{ scans: Map<string, PageScan>; files: number; written: number }> {
  const last = reused ? await readDigests(digestFile) : new Map<string, string>();
  const digests = new Map<string, string>();
  const scans = new Map<string, PageScan>();
  const folders = new Set<string>();
  let written = 0;
  for (const p of filled) {
    if (p.scan) scans.set(`/${p.file.slice(0, -'index.html'.length)}`, p.scan);
    const digest = hash('sha256', p.body, 'base64url');
    digests.set(p.file, digest);
    if (last.get(p.file) === digest) continue;
    const file = path.join(out, p.file);
    const folder = path.dirname(file);
    if (!folders.has(folder)) mkdirSync(folder, { recursive: true });
    folders.add(folder);
    writeFileSync(file, p.body);
    if (++written % YIELD_EVERY === 0) await new Promise(setImmediate);
  }
  await mkdir(path.dirname(digestFile), { recursive: true });
  await writeFile(digestFile, JSON.stringify(Object.fromEntries(digests)));
  return { scans, files: digests.size, written };
}

/** Files written between two turns of the event loop: about 20 ms of work. */
const YIELD_EVERY = 200;

async function readDigests(file: string): Promise<Map<string, string>> {
  try {
    return new Map(Object.entries(JSON.parse(await readFile(file, 'utf8')) as Record<string, string>));
  } catch {
    return new Map();
  }
}
