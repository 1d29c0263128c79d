/**
 * node scripts/serve-dist.ts [--port 4329] [--dir dist]
 *
 * Serves the built site as a static host would (tools/serve-dist.ts) until
 * stopped; the Playwright tests start it as their web server.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { serveDist } from '../tools/serve-dist.ts';

const { values } = parseArgs({ options: { port: { type: 'string', default: '4329' }, dir: { type: 'string', default: 'dist' } } });
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a port number, not ${values.port}`);
  process.exit(2);
}
await serveDist({ dir: values.dir!, port });
console.log(`serving ${path.resolve(values.dir!)} at http://127.0.0.1:${port}/`);
