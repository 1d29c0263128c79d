/**
 * Writes sample social cards and measures rendering speed (tools/card-preview.ts).
 *
 *   node scripts/card-preview.ts [outDir]        (default /tmp/card-preview)
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { SAMPLES, timeVariedCards, writeSampleCards } from '../tools/card-preview.ts';

const outDir = path.resolve(process.argv[2] ?? '/tmp/card-preview');
mkdirSync(outDir, { recursive: true });
const { coldMs } = writeSampleCards(outDir);
const N = 200;
const { msPerCard, bytesPerCard } = timeVariedCards(N);

console.log(`wrote ${Object.keys(SAMPLES).length} cards to ${outDir}`);
console.log(`cold first card (font loading + glyph rasterising): ${coldMs.toFixed(1)} ms`);
console.log(`average over ${N} varied cards: ${msPerCard.toFixed(2)} ms per card, ${(bytesPerCard / 1024).toFixed(1)} KiB per PNG`);
