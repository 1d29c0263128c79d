/**
 * The steps around Astro's build. Before it: the output folder is prepared
 * for reuse (src/lib/build/output-folder.ts). After it: files of the last
 * build that this one did not generate go; then, side by side, Pagefind
 * indexes the entry pages (its own process), the moment pages are filled
 * into the template Astro rendered (src/lib/rendering/moment-page.ts) and
 * written on threads of their own (src/lib/build/file-writer.ts); the link
 * check then reads the other pages and, failing the build on a broken link,
 * checks them all; the headers file is written, and the folder is recorded
 * as reusable.
 */
import path from 'node:path';
import { readFile, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { PageScan } from '../lib/build/link-check/check-links.ts';
import { MOMENT_TEMPLATE_FILE, openMomentHandoff, takeMomentFiller, type FilledFile } from '../lib/rendering/moment-page.ts';
import { listFiles, OutputFolder } from '../lib/build/output-folder.ts';
import { writeFiles } from '../lib/build/file-writer.ts';
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
        // Listed before the moment pages are written: the link check knows their files.
        const listed = listFiles(out);
        // Pagefind indexes entry pages only, so it need not wait for the moment pages.
        const indexing = buildSearchIndex(out);
        indexing.catch(() => {});
        try {
          // The moment pages are filled on this thread and written on the file writer's; the link
          // check takes their scans, then reads the pages Astro wrote.
          const writing = performance.now();
          const scans = new Map<string, PageScan>();
          const collectScans = function* (filled: Iterable<FilledFile>) {
            for (const p of filled) {
              if (p.scan) scans.set(`/${p.file.slice(0, -'index.html'.length)}`, p.scan);
              yield p;
            }
          };
          const writer = path.join(root, 'src/lib/build/file-writer-worker.ts');
          const momentScans = writeFiles(writer, out, collectScans(moments.fill(template)), path.join(cacheDir, 'kb-moment-digests.json'), output.reused).then(({ files, written }) => {
            logger.info(`${scans.size} moment pages filled into one template and ${files - scans.size} chapter files made; ${written} of them written (the others unchanged) in ${Math.round(performance.now() - writing)} ms`);
            return scans;
          });
          momentScans.catch(() => {});
          logger.info(await checkSiteLinks({ out, listed, root, cacheDir, contentDir: opts.contentDir, origin, base, known: { files: moments.files, scans: momentScans } }));
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
