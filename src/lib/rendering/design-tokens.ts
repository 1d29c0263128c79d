/**
 * The design tokens, in one place: every colour of the site in its light,
 * dark and print themes, the colour of each entry type, and the sizes the
 * stylesheet shares. The stylesheet gets them as CSS custom properties
 * (tokensCss, served by the design-tokens integration as part of the one
 * stylesheet), the social cards and the site icon read them from here.
 * Contrast: text colours were chosen for at least 4.5:1 on --bg and --surface
 * in their theme (axe checks every page type in both themes).
 */
import { ENTRY_TYPES, type EntryType } from '../content-model/entry-types.ts';

type Palette = { bg: string; surface: string; text: string; muted: string; border: string; link: string; 'link-visited': string; focus: string; mark: string };

export const PALETTE: { light: Palette; dark: Palette } = {
  light: { bg: '#fdfdfc', surface: '#f3f4f5', text: '#1b1c1e', muted: '#53585f', border: '#d9dbde', link: '#0a56c2', 'link-visited': '#6b3fb0', focus: '#0a56c2', mark: '#fff3b0' },
  dark: { bg: '#141618', surface: '#1e2124', text: '#e6e7e9', muted: '#a9aeb5', border: '#3a3f45', link: '#8ab4f8', 'link-visited': '#c8a8f5', focus: '#8ab4f8', mark: '#5c4a00' },
};

/** Paper: black on white, links as text. */
const PRINT: Partial<Palette> = { bg: '#fff', text: '#000', muted: '#333', border: '#999', link: '#000', 'link-visited': '#000', surface: '#fff' };

/** Each entry type's colour: badges, cards and the type's accents. */
export const TYPE_COLOURS: Record<EntryType, { light: string; dark: string }> = {
  talk: { light: '#0a56c2', dark: '#8ab4f8' },
  myth: { light: '#a4262c', dark: '#ff9a9f' },
  pattern: { light: '#107c41', dark: '#7fd6a2' },
  maturity: { light: '#7a4b00', dark: '#f2c46d' },
  'war-story': { light: '#8a3ffc', dark: '#c8a8f5' },
  reference: { light: '#3e4a59', dark: '#b8c4d3' },
  person: { light: '#005f73', dark: '#6fd3e6' },
  topic: { light: '#6d4c41', dark: '#d9b3a6' },
};

/** The site's own colour (the icon, the site's card): its link blue. */
export const BRAND = PALETTE.light.link;

const SIZES = { radius: '6px', measure: '46rem' };

const declarations = (vars: Record<string, string>) =>
  Object.entries(vars)
    .map(([name, value]) => `--${name}: ${value};`)
    .join(' ');

/** The tokens as CSS: custom properties per theme, and a badge colour per entry type. */
export function tokensCss(): string {
  const typeVars = (theme: 'light' | 'dark') => Object.fromEntries(ENTRY_TYPES.map((t) => [t, TYPE_COLOURS[t][theme]]));
  return [
    `:root { ${declarations({ ...PALETTE.light, ...typeVars('light'), ...SIZES })} }`,
    `@media (prefers-color-scheme: dark) { :root { ${declarations({ ...PALETTE.dark, ...typeVars('dark') })} } }`,
    `@media print { :root { ${declarations(PRINT as Record<string, string>)} color-scheme: light; } }`,
    ...ENTRY_TYPES.map((t) => `.badge.${t} { color: var(--${t}); }`),
  ].join('\n');
}
