// @ts-check
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { browserScripts } from './src/integrations/browser-scripts.ts';
import { cards } from './src/integrations/cards.ts';
import { designTokens } from './src/integrations/design-tokens.ts';
import { finishBuild } from './src/integrations/finish-build.ts';
import { contentDir, siteAddress } from './src/lib/settings.ts';

const address = siteAddress();

// Astro reports every command it runs to its telemetry service unless told not to, so each build
// tried to reach telemetry.astro.build: a build fetches nothing (tests/build/offline.test.ts), and
// a contributor's machine reports nothing to a third party. Set here, not in the npm scripts, so
// `npx astro` is covered too; Astro reads it when it records, after loading this file.
process.env.ASTRO_TELEMETRY_DISABLED = '1';

export default defineConfig({
  site: address.origin,
  // Builds of other corpora (benchmarks, fixtures) keep their own content cache.
  cacheDir: process.env.KB_CACHE_DIR,
  base: address.base,
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 4 },
  // Moment pages are for sharing a second of a talk; the sitemap lists the talk they belong to.
  integrations: [designTokens(), browserScripts(), sitemap({ filter: (page) => !page.endsWith('/404/') && !page.endsWith('/kb_moment_template/') && !/\/at\/[\d-]+\/$/.test(page) }), cards(), finishBuild({ contentDir: contentDir() })],
  devToolbar: { enabled: false },
  // Pages whose cacheKey (src/lib/build/page-keys.ts) is unchanged are copied from the last build.
  experimental: { incrementalBuild: true },
  vite: {
    build: {
      // Keep the search module a file of its own (never a data: URL), so it loads only when used.
      assetsInlineLimit: 0,
      // The kb-finish-build integration empties the output folder, or keeps what it can reuse.
      emptyOutDir: false,
      // Asset names depend on their content alone: a page restored by the incremental build
      // must find the stylesheet it names even when chunking around it changed.
      rolldownOptions: { output: { assetFileNames: '_astro/[hash][extname]' } },
    },
  },
});
