/**
 * The questions `npm run new` asks on a terminal: the type when none was
 * given, then the title and the references an entry of that type must have,
 * each re-asked until it parses and points at an entry that exists. The
 * terminal is passed in (`Io`), so tests answer from a script.
 */
import { ENTRY_TYPES, ID_PATTERN, TYPE_INFO, slugify, type EntryType } from '../content-model/entry-types.ts';
import { objectBranch } from '../content-model/schema-docs.ts';
import { checkValue, resolveType, targetType, titleField, topFields, valueFromText, type KnownIds } from './entry-values.ts';
import { examplesAt, fieldsOf, itemsOf, textKind, type FieldDoc } from './field-reference.ts';
import { wrapComment } from './scaffold.ts';

/** A required top-level field that points at other entries: what the interview asks for. */
export function keyReferenceFields(type: EntryType): FieldDoc[] {
  return fieldsOf(type).filter((f) => {
    if (f.depth !== 0 || !f.required) return false;
    const example = f.examples?.[0];
    const items = f.schema.type === 'array' ? itemsOf(f.schema) : undefined;
    if (items) {
      const obj = objectBranch(items);
      if (obj) return Object.entries(obj.properties ?? {}).some(([k, v]) => obj.required?.includes(k) && textKind(v, examplesAt(type, [f.name, 0, k])?.[0]) === 'reference');
      return ['id', 'reference'].includes(textKind(items, Array.isArray(example) ? example[0] : undefined));
    }
    return textKind(f.schema, example) === 'reference';
  });
}

export interface Io {
  ask(question: string): Promise<string>;
  say(text: string): void;
}

export interface Answers {
  type: EntryType;
  title: string;
  values: Record<string, unknown>;
}

/** Asks which type of entry to add until the answer is one (a name, a folder, a label or a number). */
export async function askType(io: Io): Promise<EntryType> {
  io.say('What do you want to add?');
  ENTRY_TYPES.forEach((t, i) => io.say(`  ${i + 1}. ${t.padEnd(10)} ${TYPE_INFO[t].blurb}`));
  for (;;) {
    const a = (await io.ask('Type (name or number): ')).trim();
    const n = Number(a);
    if (a !== '' && Number.isInteger(n) && n >= 1 && n <= ENTRY_TYPES.length) return ENTRY_TYPES[n - 1];
    const r = resolveType(a);
    if ('type' in r) return r.type;
    io.say(`  "${a}" is not an entry type.${r.suggestion ? ` Did you mean ${r.suggestion}?` : ''} Type one of ${ENTRY_TYPES.join(', ')}, or its number.`);
  }
}

/**
 * Asks for what flags did not give: the title (again if its file exists) and
 * the key references, re-asking until each answer parses and points at an
 * entry that exists. Enter leaves a reference for later (the placeholder).
 */
export async function interview(io: Io, type: EntryType, given: { title?: string; id?: string; values: Record<string, unknown> }, ctx: { known: KnownIds }): Promise<Answers> {
  const exists = (id: string) => (ctx.known[type] ?? []).includes(id);
  const tf = titleField(type);
  const tdoc = topFields(type).get(tf)!;
  let title = given.title;
  if (title !== undefined && exists(given.id ?? slugify(title))) {
    io.say(`content/${TYPE_INFO[type].folder}/${given.id ?? slugify(title)}.mdx already exists: choose another title, or edit that file.`);
    title = undefined;
  }
  while (title === undefined) {
    const ex = tdoc.examples?.[0];
    const a = (await io.ask(`${tf === 'title' ? 'Title' : 'Name'} of the ${TYPE_INFO[type].label.toLowerCase()} (${tdoc.description}${ex !== undefined ? ` For example: ${ex}` : ''}): `)).trim();
    const c = checkValue(type, tf, a);
    const id = slugify(a);
    if (!c.ok) io.say(`  ${tf} ${c.message}; ${c.fix}`);
    else if (!ID_PATTERN.test(id)) io.say('  the title needs letters or digits to make an id from; write it in words');
    else if (exists(id)) io.say(`  content/${TYPE_INFO[type].folder}/${id}.mdx already exists: choose another title, or edit that file`);
    else {
      title = a;
      io.say(`  → content/${TYPE_INFO[type].folder}/${id}.mdx`);
    }
  }
  const values = { ...given.values };
  let lastRef: string | undefined;
  for (const f of keyReferenceFields(type)) {
    if (values[f.name] !== undefined) {
      lastRef ??= firstRefText(values[f.name]);
      continue;
    }
    const example = f.examples?.[0];
    const isList = f.schema.type === 'array';
    io.say('');
    io.say(`${f.name}: ${f.description}`);
    if (example !== undefined) io.say(`  For example: ${isList && Array.isArray(example) ? example.join(', ') : String(example)}${isList ? ' (several: separate them with commas)' : ''}`);
    const target = targetType(f, isList && Array.isArray(example) ? example[0] : example);
    const ids = target ? ctx.known[target] ?? [] : [];
    if (target && ids.length) for (const line of wrapComment('', `Existing ${TYPE_INFO[target].plural.toLowerCase()}: `, ids)) io.say(`  ${line.slice(2)}`);
    const fallback = isList && f.name === 'sources' ? lastRef : undefined;
    for (;;) {
      const a = (await io.ask(`${f.name}${fallback ? ` [${fallback}]` : ''} (Enter to ${fallback ? 'accept' : 'fill in later'}): `)).trim();
      const text = a || fallback;
      if (!text) break;
      const value = valueFromText(type, f.name, [text]);
      const c = checkValue(type, f.name, value, ctx.known);
      if (c.ok) {
        values[f.name] = value;
        lastRef ??= firstRefText(value);
        break;
      }
      io.say(`  ${c.message}`);
      io.say(`  fix: ${c.fix}`);
    }
  }
  return { type, title, values };
}

function firstRefText(v: unknown): string | undefined {
  const s = Array.isArray(v) ? v[0] : v;
  return typeof s === 'string' && /^talk:/.test(s) ? s : undefined;
}
