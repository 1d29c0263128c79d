/**
 * `npm run new -- <type> [title] [--flags]`: reads the command line, asks on
 * a terminal for what it lacks (or fails with a fix when nobody can answer),
 * writes the skeleton and says what to do next. Its I/O is passed in, so
 * tests run the whole command in-process; scripts/new.ts wires it to the
 * process. Exit code 0, or 2 for a mistake in how it was called.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ENTRY_TYPES, ID_PATTERN, TYPE_INFO, slugify, type EntryType } from '../content-model/entry-types.ts';
import { closest, inputSchema } from '../content-model/schema-docs.ts';
import { contentDir } from '../settings.ts';
import { checkValue, knownIds, resolveType, titleField, valueFromText } from './entry-values.ts';
import { askType, interview, type Io } from './interview.ts';
import { TODO, scaffold } from './scaffold.ts';

/** A mistake in how the command was called: what is wrong (the message) and how to fix it. */
export class UsageError extends Error {
  readonly fix: string;
  constructor(message: string, fix: string) {
    super(message);
    this.fix = fix;
  }
}

export const USAGE = `Usage: npm run new -- <type> ["Title"] [options]

Writes a skeleton entry under content/<folder>/<id>.mdx with every required
field. On a terminal it asks for what is missing; otherwise options answer.

Types: ${ENTRY_TYPES.join(', ')}

Options:
  --title "..."          the title (or name, for a person or topic); same as the second argument
  --id some-id           the file name, when the slug of the title is too long
  --topics a,b           topic ids (see content/topics/)
  --source talk:<id>@m:ss  a source; repeat it for several (also --sources a,b)
  --stated-in talk:<id>@m:ss   for a myth: the moment the myth is stated
  --told-in talk:<id>@m:ss     for a war story: where it is told
  --<field> value        any other top-level field, written in kebab-case
  --content <dir>        content root (default: KB_CONTENT_DIR or content)
  --dry-run              print the file instead of writing it
  -h, --help             this text

Example:
  npm run new -- myth "Models do not need monitoring" --stated-in talk:principles-of-good-ml-systems-design@15:08 \\
    --source talk:principles-of-good-ml-systems-design@15:08 --topics monitoring`;

export const kebab = (s: string) => s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** Every top-level field of every type, as a flag name → field name (the importer takes the same flags). */
export function fieldFlags(): Map<string, string> {
  const flags = new Map<string, string>();
  for (const t of ENTRY_TYPES) {
    for (const name of Object.keys(inputSchema(t).properties ?? {})) {
      flags.set(kebab(name), name);
      if (inputSchema(t).properties![name].type === 'array' && name.endsWith('s')) flags.set(kebab(name.slice(0, -1)), name);
    }
  }
  for (const own of ['title', 'name', 'id', 'content', 'dry-run', 'help']) flags.delete(own);
  return flags;
}

export interface Plan {
  type?: EntryType;
  title?: string;
  id?: string;
  /** Field flags as typed, by field: turned into values once the type is known. */
  texts: Map<string, string[]>;
  contentRoot: string;
  dryRun: boolean;
  help: boolean;
}

type Options = Record<string, { type: 'string' | 'boolean'; multiple?: boolean; short?: string }>;

/**
 * Parses a command line of `npm run <command>`: its own options, plus the flags of entry fields
 * it takes (`--stated-in`, repeatable; see fieldFlags). A mistake is a UsageError that suggests
 * the nearest option.
 */
export function readArguments(command: string, argv: readonly string[], own: Options, fields: ReadonlyMap<string, string>) {
  const options: Options = { ...own };
  for (const f of fields.keys()) options[f] ??= { type: 'string', multiple: true };
  try {
    return parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (error) {
    const msg = (error as Error).message.split('\n')[0];
    const flag = /'(--?[\w-]+)/.exec(msg)?.[1];
    const guess = flag ? closest(flag.replace(/^-+/, ''), Object.keys(options)) : undefined;
    throw new UsageError(msg.replace(/\. To specify.*$/, ''), guess ? `did you mean --${guess}? See npm run ${command} -- --help` : `see npm run ${command} -- --help for the options`);
  }
}

/** Reads the command line; throws UsageError with what is wrong and how to fix it. */
export function parseCommandLine(argv: readonly string[], env: NodeJS.ProcessEnv = {}): Plan {
  const flags = fieldFlags();
  const parsed = readArguments('new', argv, {
    title: { type: 'string' },
    name: { type: 'string' },
    id: { type: 'string' },
    content: { type: 'string' },
    'dry-run': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  }, flags);
  const { values: v, positionals } = parsed;
  const plan: Plan = { texts: new Map(), contentRoot: (v.content as string | undefined) ?? contentDir(env), dryRun: Boolean(v['dry-run']), help: Boolean(v.help) };
  if (plan.help) return plan;
  const [typeWord, ...rest] = positionals;
  if (typeWord !== undefined) {
    const r = resolveType(typeWord);
    if (!('type' in r)) {
      const title = rest.length ? JSON.stringify(rest.join(' ')) : '"Title"';
      throw new UsageError(`"${typeWord}" is not an entry type`, r.suggestion ? `did you mean ${r.suggestion}? Run: npm run new -- ${r.suggestion} ${title}` : `use one of ${ENTRY_TYPES.join(', ')}: npm run new -- myth ${title}`);
    }
    plan.type = r.type;
  }
  const title = (v.title as string | undefined) ?? (v.name as string | undefined) ?? (rest.length ? rest.join(' ') : undefined);
  if (title !== undefined) {
    if (title.trim() === '') throw new UsageError('the title is empty', 'write the title in quotes: npm run new -- myth "Models do not need monitoring"');
    plan.title = title.trim();
  }
  if (v.id !== undefined) {
    if (!ID_PATTERN.test(v.id as string)) throw new UsageError(`"${v.id}" is not an id`, `ids are lowercase words joined by hyphens, like ${slugify(String(v.id)) || 'feature-store'}`);
    plan.id = v.id as string;
  }
  for (const [flag, field] of flags) {
    const texts = v[flag] as string[] | undefined;
    if (texts) plan.texts.set(field, [...(plan.texts.get(field) ?? []), ...texts]);
  }
  return plan;
}

/** The field values the flags give, for a type; throws UsageError for a field the type lacks or a value it rejects. */
export function valuesFromFlags(type: EntryType, texts: ReadonlyMap<string, string[]>): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  const fields = Object.keys(inputSchema(type).properties ?? {});
  for (const [field, t] of texts) {
    if (!fields.includes(field)) {
      throw new UsageError(`--${kebab(field)}: a ${TYPE_INFO[type].label.toLowerCase()} has no field ${field}`, `remove it; the fields of a ${type} are ${fields.join(', ')}`);
    }
    const value = valueFromText(type, field, t);
    const c = checkValue(type, field, value);
    if (!c.ok) throw new UsageError(`--${kebab(field)}: ${c.message}`, c.fix);
    values[field] = value;
  }
  return values;
}


/** Today in the contributor's time zone, as YYYY-MM-DD. */
export function localToday(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

export interface RunResult {
  code: number;
  /** The file written, if one was. */
  file?: string;
}

export interface RunOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Today's date; the command reads the clock when it is not given. */
  today?: string;
  /** Who answers questions; undefined when nobody can (not a terminal), so what is missing is an error. */
  io?: Io;
  out?: (s: string) => void;
  err?: (s: string) => void;
}

/** The whole command, with its I/O passed in. Exit code 0, or 2 for a mistake in how it was called. */
export async function run(argv: readonly string[], opts: RunOptions = {}): Promise<RunResult> {
  const out = opts.out ?? ((s: string) => process.stdout.write(s + '\n'));
  const err = opts.err ?? ((s: string) => process.stderr.write(s + '\n'));
  const cwd = opts.cwd ?? process.cwd();
  const env = opts.env ?? process.env;
  const fail = (e: UsageError): RunResult => {
    err(`error: ${e.message}\n  fix: ${e.fix}`);
    return { code: 2 };
  };
  try {
    const plan = parseCommandLine(argv, env);
    if (plan.help) {
      out(USAGE);
      return { code: 0 };
    }
    const root = path.resolve(cwd, plan.contentRoot);
    const known = knownIds(root);
    const shownRoot = path.relative(cwd, root) || '.';

    let type = plan.type;
    if (!type) {
      if (!opts.io) throw new UsageError('no entry type given', `name one: npm run new -- <type> "Title", where <type> is one of ${ENTRY_TYPES.join(', ')}`);
      type = await askType(opts.io);
    }
    let values = valuesFromFlags(type, plan.texts);
    let title = plan.title;
    if (opts.io) ({ title, values } = await interview(opts.io, type, { title, id: plan.id, values }, { known }));
    if (title === undefined) {
      const what = (inputSchema(type).properties?.[titleField(type)]?.description ?? '').replace(/\.$/, '').toLowerCase();
      throw new UsageError(`no title given for the ${TYPE_INFO[type].label.toLowerCase()}`, `add it in quotes after the type: npm run new -- ${type} "Title"${what ? ` (${what})` : ''}`);
    }
    const id = plan.id ?? slugify(title);
    if (!ID_PATTERN.test(id)) throw new UsageError(`"${title}" gives no usable id`, 'write the title in words (letters or digits), or pass --id some-id');
    const rel = path.join(TYPE_INFO[type].folder, `${id}.mdx`);
    const file = path.join(root, rel);
    const shown = path.join(shownRoot, rel);
    if ((known[type] ?? []).includes(id) || existsSync(file)) {
      throw new UsageError(`${shown} already exists: there is already a ${TYPE_INFO[type].label.toLowerCase()} with the id "${id}"`, `edit that file, or give the new ${type} another title (or --id another-id)`);
    }
    // Flags that point at entries not (yet) there: the file is still written, and the validator keeps reporting it.
    if (!opts.io) {
      for (const [field, value] of Object.entries(values)) {
        const c = checkValue(type, field, value, known);
        if (!c.ok) err(`warning: --${kebab(field)}: ${c.message}\n  fix: ${c.fix}`);
      }
    }
    const s = scaffold({ type, title, id, today: opts.today ?? localToday(), values, known });
    if (plan.dryRun) {
      out(s.text);
      return { code: 0 };
    }
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, s.text, { flag: 'wx' });
    const validate = plan.contentRoot === contentDir(env) ? 'npm run validate' : `npm run validate -- --content ${plan.contentRoot}`;
    out(`Wrote ${shown}`);
    out('Next:');
    out(`  1. Open it and replace every ${TODO} and every pick-a-… placeholder. The # lines above each field say what`);
    out('     it holds; optional fields are commented out: delete the "# " in front of one to use it.');
    out(`  2. Run ${validate}: it lists each remaining problem as file:line:column, the field, and how to fix it.`);
    out('  3. Run npm start to see the page, then open a pull request.');
    return { code: 0, file };
  } catch (e) {
    if (e instanceof UsageError) return fail(e);
    throw e;
  }
}
