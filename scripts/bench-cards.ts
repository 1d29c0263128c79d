/**
 * npm run bench:cards [-- --baseline <render.ts of another version>] [--rounds 25] [--content <dir>]
 *
 * CPU ms per social card, for the site's own cards and for titles in other scripts
 * (tools/bench/cards.ts).
 */
import { parseArgs } from 'node:util';
import { benchCards } from '../tools/bench/cards.ts';
import { contentDir } from '../src/lib/settings.ts';

const { values } = parseArgs({ options: { baseline: { type: 'string' }, rounds: { type: 'string', default: '25' }, content: { type: 'string' } } });
const rounds = Number(values.rounds);
if (!Number.isInteger(rounds) || rounds < 1) {
  console.error(`--rounds must be a whole number of at least 1, not "${values.rounds}"`);
  process.exit(2);
}
await benchCards({ contentDir: values.content ?? contentDir(), rounds, baseline: values.baseline });
