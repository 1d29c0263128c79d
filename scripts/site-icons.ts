/**
 * Draws favicon-32.png, favicon.ico and apple-touch-icon.png in public/ from
 * public/favicon.svg (tools/site-icons.ts). The PNGs are committed, so
 * builds never run this. Run it after changing the SVG:
 *
 *   node scripts/site-icons.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { drawSiteIcons } from '../tools/site-icons.ts';

const publicDir = path.resolve(import.meta.dirname, '../public');
const icons = await drawSiteIcons(readFileSync(path.join(publicDir, 'favicon.svg'), 'utf8'));
for (const [name, bytes] of Object.entries(icons)) writeFileSync(path.join(publicDir, name), bytes);
console.log(`wrote ${Object.keys(icons).join(', ')} in public/`);
