// @ts-check
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';
import { defineConfig } from 'astro/config';
import { linkCheck } from './src/integrations/link-check.ts';
import { searchIndex } from './src/integrations/search-index.ts';
import { securityHeaders } from './src/integrations/security-headers.ts';
import { contentDir } from './src/lib/config.ts';
import { referenceLinks } from './src/lib/markdown-links.ts';
import { siteAddress } from './src/lib/site-config.ts';

const address = siteAddress();

export default defineConfig({
  site: address.origin,
  // Builds of other corpora (benchmarks, fixtures) keep their own content cache.
  cacheDir: process.env.KB_CACHE_DIR,
  base: address.base,
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 4 },
  // Moment pages are for sharing a second of a talk; the sitemap lists the talk they belong to.
  integrations: [mdx(), sitemap({ filter: (page) => !page.endsWith('/404/') && !/\/at\/[\d-]+\/$/.test(page) }), linkCheck({ contentDir: contentDir() }), securityHeaders(), searchIndex()],
  // No syntax highlighting: it writes inline styles, which the Content-Security-Policy forbids.
  markdown: { syntaxHighlight: false, processor: satteri({ mdastPlugins: [referenceLinks(address.base)] }) },
  devToolbar: { enabled: false },
  // Pages whose cacheKey (src/lib/page-keys.ts) is unchanged are copied from the last build.
  experimental: { incrementalBuild: true },
  vite: {
    build: {
      // Keep the search module a file of its own (never a data: URL), so it loads only when used.
      assetsInlineLimit: 0,
      rolldownOptions: {
        // Astro's MDX output carries a directive Rolldown warns about on every entry;
        // it is harmless (withastro/astro#18087) and would bury real warnings.
        onLog(level, log, handler) {
          if (log.code === 'MODULE_LEVEL_DIRECTIVE' && log.message.includes('astro:head-inject')) return;
          handler(level, log);
        },
      },
    },
  },
});
