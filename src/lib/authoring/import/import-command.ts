/**
 * `npm run import -- <file | -> [options]`: reads a talk's published material
 * (a file, or standard input for `-`), reports what it read and what it could
 * not, and writes the talk, its transcript and new people's skeletons, or
 * nothing when there is a problem (unless --force). Its I/O is passed in, so
 * tests run the whole command in-process; scripts/import.ts wires it to the
 * process. Exit code 0, 1 when the input has problems, 2 for a mistake in how
 * it was called. The options it shares with `npm run new` are read by the
 * same code (new-command.ts).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ID_PATTERN, slugify } from '../../content-model/entry-types.ts';
import { PERSON_ROLES } from '../../content-model/schemas/talk.ts';
import { closest } from '../../content-model/schema-docs.ts';
import { contentDir } from '../../settings.ts';
import { formatDiagnostic } from '../../validator/diagnostics.ts';
import { decodeEntry } from '../../validator/entry-file.ts';
import { checkValue, knownIds } from '../entry-values.ts';
import { UsageError, fieldFlags, kebab, localToday, readArguments, valuesFromFlags } from '../new-command.ts';
import { TODO } from '../scaffold.ts';
import { knownPeople, knownTopics } from './known-entries.ts';
import type { ImportProblem, Role } from './reading.ts';
import { importTalk } from './talk-entry.ts';

export const USAGE = `Usage: npm run import -- <file | -> [options]

Reads a talk's published material and writes a talk entry that validates:
content/talks/<id>.mdx, its transcript content/talks/<id>.vtt when the input
has one with times, and a skeleton for each person not yet in content/people/.
The input is a file, or - for standard input (paste, then Ctrl-D). It may be
an episode page copied from a browser, show notes or a YouTube description
(chapters as "[02:56] Title" or "0:12 Title"), Podcasting 2.0 chapters JSON,
WebVTT (with or without <v Speaker> voices) or SRT.

Options:
  --id some-id           the file name, when the slug of the title is too long
  --title "..."          the title, when the input names none (or another)
  --url <address>        a recording or its page; repeat it for several
  --people id:role,...   people who speak (roles: ${PERSON_ROLES.join(', ')})
  --topics a,b           topic ids (instead of those suggested from the input)
  --<field> value        any other talk field, in kebab-case: --series, --duration 52:10…
  --content <dir>        content root (default: KB_CONTENT_DIR or content)
  --dry-run              print the files instead of writing them
  --force                write what was read even when some of the input could not be
  -h, --help             this text

Example:
  npm run import -- show-notes.txt --url https://www.youtube.com/watch?v=… --id my-talk`;

export interface ImportRunOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Today's date; the command reads the clock when it is not given. */
  today?: string;
  /** Standard input, read when the file is "-". */
  stdin?: () => Promise<Uint8Array>;
  out?: (s: string) => void;
  err?: (s: string) => void;
}

export interface ImportRunResult {
  code: number;
  /** The files written, relative to the working directory. */
  written: string[];
}

/** A problem as the report prints it: `input:line:col error field: message`, then the fix; without a line when it is about the input as a whole. */
export function formatProblem(source: string, p: ImportProblem): string {
  if (p.line === 0) return `${source} error ${p.field}: ${p.message}\n  fix: ${p.fix}`;
  return formatDiagnostic({ severity: 'error', file: source, line: p.line, column: p.column, field: p.field, message: p.message, fix: p.fix });
}

/** All of standard input; on a terminal, after saying how to end it. */
async function readStdin(): Promise<Uint8Array> {
  if (process.stdin.isTTY) process.stderr.write('Paste the text, then press Ctrl-D on a line of its own (Ctrl-Z then Enter on Windows).\n');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function parsePeople(texts: readonly string[]): Array<{ person: string; role: Role }> {
  return texts.flatMap((t) => t.split(',')).map((t) => t.trim()).filter(Boolean).map((item) => {
    const [person, role = 'speaker'] = item.split(':').map((x) => x.trim());
    if (!ID_PATTERN.test(person)) throw new UsageError(`--people: "${person}" is not a person id`, `ids are lowercase words joined by hyphens, like ${slugify(person) || 'jane-doe'}`);
    if (!(PERSON_ROLES as readonly string[]).includes(role)) throw new UsageError(`--people: "${role}" is not a role`, `use one of ${PERSON_ROLES.join(', ')}: --people ${person}:guest`);
    return { person, role: role as Role };
  });
}

export async function runImport(argv: readonly string[], opts: ImportRunOptions = {}): Promise<ImportRunResult> {
  const out = opts.out ?? ((s: string) => process.stdout.write(s + '\n'));
  const err = opts.err ?? ((s: string) => process.stderr.write(s + '\n'));
  const cwd = opts.cwd ?? process.cwd();
  const env = opts.env ?? process.env;
  try {
    const flags = fieldFlags();
    for (const own of ['people', 'recordings', 'recording', 'url', 'force']) flags.delete(own);
    const parsed = readArguments('import', argv, {
      id: { type: 'string' },
      title: { type: 'string' },
      url: { type: 'string', multiple: true },
      people: { type: 'string', multiple: true },
      content: { type: 'string' },
      'dry-run': { type: 'boolean' },
      force: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    }, flags);
    const v = parsed.values;
    if (v.help) {
      out(USAGE);
      return { code: 0, written: [] };
    }
    if (parsed.positionals.length !== 1) {
      throw new UsageError(parsed.positionals.length === 0 ? 'no input given' : `one input at a time, not ${parsed.positionals.length}`, 'name a file, or - to paste the text: npm run import -- show-notes.txt');
    }
    const input = parsed.positionals[0];
    if (v.id !== undefined && !ID_PATTERN.test(v.id as string)) throw new UsageError(`"${v.id}" is not an id`, `ids are lowercase words joined by hyphens, like ${slugify(String(v.id)) || 'my-talk'}`);
    const texts = new Map<string, string[]>();
    for (const [flag, field] of flags) if (v[flag]) texts.set(field, v[flag] as string[]);
    const values = valuesFromFlags('talk', texts);
    const people = parsePeople((v.people as string[] | undefined) ?? []);
    const contentRoot = (v.content as string | undefined) ?? contentDir(env);
    const root = path.resolve(cwd, contentRoot);
    const shownRoot = path.relative(cwd, root) || '.';

    let bytes: Uint8Array;
    const source = input === '-' ? 'stdin' : input;
    if (input === '-') bytes = await (opts.stdin ?? readStdin)();
    else {
      try {
        bytes = readFileSync(path.resolve(cwd, input));
      } catch (error) {
        throw new UsageError(`cannot read ${input}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'there is no such file' : (error as Error).message}`, 'check the path, or use - to paste the text');
      }
    }
    const decoded = decodeEntry(bytes);
    if (!decoded.ok) {
      err(formatProblem(source, { ...decoded.position, field: 'input', message: `byte 0x${decoded.byte.toString(16).toUpperCase().padStart(2, '0')} is not UTF-8 text`, fix: 'save the text as UTF-8 and import it again' }));
      err('Nothing written.');
      return { code: 1, written: [] };
    }
    if (decoded.text.trim() === '') throw new UsageError(`${source} is empty`, 'paste the episode page, show notes, chapters or captions into it');

    const known = knownIds(root);
    // What the flags point at must exist, or the entry would not validate.
    for (const [field, value] of Object.entries(values)) {
      const c = checkValue('talk', field, value, known);
      if (!c.ok) throw new UsageError(`--${kebab(field)}: ${c.message}`, c.fix);
    }
    for (const { person } of people) {
      if ((known.person ?? []).includes(person)) continue;
      const guess = closest(person, known.person ?? []);
      throw new UsageError(`--people: "${person}" points at no person: there is no people/${person}.mdx`, guess ? `did you mean ${guess}?` : `add the person first: npm run new -- person "Full Name"`);
    }
    const result = importTalk(decoded.text, { id: v.id as string | undefined, title: v.title as string | undefined, urls: (v.url as string[] | undefined) ?? [], people, values, today: opts.today ?? localToday(), known, knownPeople: knownPeople(root), knownTopics: knownTopics(root) });
    for (const line of result.summary) out(line);
    for (const p of result.problems) err(formatProblem(source, p));
    const force = Boolean(v.force);
    if (result.problems.length > 0 && !force) {
      err(`Nothing written: ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'} in ${source}. Fix ${result.problems.length === 1 ? 'it' : 'them'} (or pass the option each fix names), or pass --force to write what was read.`);
      return { code: 1, written: [] };
    }
    if (!result.id) throw new UsageError('no title to make the id from', 'pass --title "…" (or --id some-id)');
    for (const f of result.files) {
      if (existsSync(path.join(root, f.path))) {
        throw new UsageError(`${path.join(shownRoot, f.path)} already exists`, f.path.startsWith('talks/') ? `this talk may be in the knowledge base already; to import it as another talk, pass --id another-id` : 'edit that file instead');
      }
    }
    if (v['dry-run']) {
      for (const f of result.files) out(`==> ${path.join(shownRoot, f.path)} <==\n${f.text}`);
      return { code: 0, written: [] };
    }
    const written: string[] = [];
    for (const f of result.files) {
      const file = path.join(root, f.path);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, f.text, { flag: 'wx' });
      written.push(path.join(shownRoot, f.path));
      out(`Wrote ${path.join(shownRoot, f.path)}`);
    }
    const validate = contentRoot === contentDir(env) ? 'npm run validate' : `npm run validate -- --content ${contentRoot}`;
    out('Next:');
    out(`  1. Open the talk and replace every ${TODO}: the summary, description and takeaways in our own words, and the`);
    out('     chapter titles marked as placeholders. Check the people, their roles and the suggested topics.');
    out(`  2. Run ${validate}: it lists what is still to do, with file:line:column and the fix.`);
    out('  3. Run npm start to see the page, then open a pull request.');
    return { code: 0, written };
  } catch (e) {
    if (e instanceof UsageError) {
      err(`error: ${e.message}\n  fix: ${e.fix}`);
      return { code: 2, written: [] };
    }
    throw e;
  }
}
