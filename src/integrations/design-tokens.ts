/**
 * Serves the design tokens (src/lib/rendering/design-tokens.ts) as the CSS
 * module `virtual:design-tokens.css`, which the page layout imports before
 * site.css: Vite bundles both into the one stylesheet every page links, so
 * the colours have one source and no page carries an inline style (which
 * the Content-Security-Policy forbids).
 */
import type { AstroIntegration } from 'astro';
import { tokensCss } from '../lib/rendering/design-tokens.ts';

const ID = 'virtual:design-tokens.css';
const RESOLVED = `\0${ID}`;

export function designTokens(): AstroIntegration {
  return {
    name: 'kb-design-tokens',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'kb-design-tokens',
                resolveId: (id: string) => (id === ID ? RESOLVED : undefined),
                load: (id: string) => (id === RESOLVED ? tokensCss() : undefined),
              },
            ],
          },
        });
      },
    },
  };
}
