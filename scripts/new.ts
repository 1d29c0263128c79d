/**
 * npm run new -- <type> [title] [--flags]
 *
 * Writes a skeleton entry (src/lib/authoring/new-command.ts); this file only
 * connects it to the terminal: questions when stdin and stdout are one, and
 * Ctrl-C or Ctrl-D cancels with nothing written.
 */
import { createInterface } from 'node:readline/promises';
import type { Io } from '../src/lib/authoring/interview.ts';
import { run } from '../src/lib/authoring/new-command.ts';

async function main(): Promise<void> {
  const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY);
  let rl: ReturnType<typeof createInterface> | undefined;
  let io: Io | undefined;
  if (interactive) {
    rl = createInterface({ input: process.stdin, output: process.stdout });
    const r = rl;
    io = { ask: (q) => r.question(q), say: (t) => console.log(t) };
    r.on('SIGINT', () => {
      console.log('\ncancelled; nothing was written');
      process.exit(130);
    });
  }
  try {
    const result = await run(process.argv.slice(2), { io });
    process.exitCode = result.code;
  } catch (error) {
    // Ctrl-D (end of input) while a question is open.
    if ((error as { code?: string }).code !== 'ABORT_ERR') throw error;
    console.log('\ncancelled; nothing was written');
    process.exitCode = 130;
  } finally {
    rl?.close();
  }
}

if (import.meta.main) await main();
