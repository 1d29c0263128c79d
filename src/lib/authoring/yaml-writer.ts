/**
 * The one YAML writer: the scaffolder, the importer, the field reference in
 * CONTRIBUTING.md and the corpus generator all write frontmatter through it,
 * so a value is quoted the same way wherever it is written.
 *
 * The `yaml` package decides how a value can be written (plain, or double
 * quoted where YAML needs it); every plain scalar is then read back with the
 * reader the validator uses (js-yaml, YAML 1.2 core) and quoted after all if
 * that reader would see anything but the same string (`0b11` is text to
 * YAML 1.2 and the number 3 to js-yaml). Layout follows what contributors write:
 * block maps, short lists and list items in flow style.
 *
 * That route costs 15-60 µs a scalar, and a 5,000-entry synthetic corpus
 * writes some 270,000 of them: 4.2 s through it, 0.8 s with the shortcut
 * below (best runs, one machine). So the shapes most text has (words and
 * punctuation starting with a letter, ids, references, times, dates, whole
 * numbers) skip it: `asIs` knows them to be written plain by that route, and a
 * test holds it to the route over every scalar of a generated corpus and a
 * table of edge cases. Anything else still takes the route.
 */
import { CORE_SCHEMA, load } from 'js-yaml';
import { Document, Scalar, visit, type ToStringOptions } from 'yaml';

const WRITE: ToStringOptions = { lineWidth: 0, minContentWidth: 0, defaultStringType: 'PLAIN', defaultKeyType: 'PLAIN', singleQuote: false, flowCollectionPadding: true };

/** The width up to which a list of scalars, or a list item, stays on one line. */
export const FLOW_WIDTH = 100;

/**
 * Text the route above writes plain, checked without it: a letter, then
 * letters, digits, punctuation, symbols and spaces, with no `: ` or ` #` (a
 * mapping or a comment to YAML), not ending in a space or `:`, and no word
 * that YAML reads as null or a boolean; or digits joined by `:` or `-` (a
 * time, a date), which neither reader takes for a number.
 */
const PLAIN_TEXT = /^\p{L}[\p{L}\p{N}\p{P}\p{S} ]*$/u;
const NOT_PLAIN = /: | #|[ :]$|^(?:true|True|TRUE|false|False|FALSE|null|Null|NULL)$/;
const TIME_OR_DATE = /^\d+(?:[:-]\d+)+$/;
/** Flow collections also end a plain scalar at these. */
const FLOW_INDICATOR = /[,[\]{}]/;

/** The scalar as written, when it is known to be written plain; undefined when it must take the route. */
function asIs(value: unknown, inFlow: boolean): string | undefined {
  if (typeof value === 'string') {
    const plain = (PLAIN_TEXT.test(value) && !NOT_PLAIN.test(value)) || TIME_OR_DATE.test(value);
    return plain && !(inFlow && FLOW_INDICATOR.test(value)) ? value : undefined;
  }
  if (typeof value === 'boolean' || (Number.isSafeInteger(value) && !Object.is(value, -0))) return String(value);
  return undefined;
}

function readsBackAs(text: string, value: string): boolean {
  try {
    return load(text, { schema: CORE_SCHEMA }) === value;
  } catch {
    return false;
  }
}

/** A document for `value` whose every string is plain where that reads back as the same string, double-quoted otherwise. */
function documentOf(value: unknown, flow: boolean): Document {
  const doc = new Document(value, { version: '1.2' });
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value !== 'string') return;
      const plain = new Document(node.value, { version: '1.2' }).toString(WRITE).trimEnd();
      // Multi-line text stays on one line, escaped, as it is in hand-written entries.
      node.type = node.value.includes('\n') || !readsBackAs(plain, node.value) ? Scalar.QUOTE_DOUBLE : undefined;
    },
    Seq(_key, node) {
      node.flow = flow;
    },
  });
  return doc;
}

/**
 * A scalar as the yaml package and the read-back check write it, in a flow
 * collection or not, without the shortcut: exported so that a test can hold
 * `asIs` to it.
 */
export function byRoute(value: unknown, inFlow: boolean): string {
  if (!inFlow) return documentOf(value, false).toString(WRITE).trimEnd();
  return documentOf([value], true).toString({ ...WRITE, flowCollectionPadding: false }).trimEnd().slice(1, -1);
}

/** A scalar as YAML text: `Models do not need monitoring`, `"MLOps: the hard parts"`, `7:57`, `true`. */
export function yamlScalar(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') throw new Error('yamlScalar: not a scalar; use flowYaml');
  return asIs(value, false) ?? byRoute(value, false);
}

/** A scalar as it must be written inside a flow collection, where `,` `[` `]` `{` `}` also end a plain scalar. */
function flowScalar(value: unknown): string {
  return asIs(value, true) ?? byRoute(value, true);
}

/** Any value in flow style, on one line, as entries write it: `{ ref: talk:x@7:57, note: "Why, in short." }`, `[a, b]`. */
export function flowYaml(value: unknown): string {
  if (value === null || value === undefined || typeof value !== 'object') return yamlScalar(value);
  const inner = (v: unknown) => (typeof v === 'object' && v !== null ? flowYaml(v) : flowScalar(v));
  if (Array.isArray(value)) return `[${value.map(inner).join(', ')}]`;
  const fields = Object.entries(value).filter(([, v]) => v !== undefined);
  return `{ ${fields.map(([k, v]) => `${flowScalar(k)}: ${inner(v)}`).join(', ')} }`;
}

const isPlainData = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A mapping in block style, one field a line. A list of scalars stays on one
 * line when it fits; a list of objects has one item a line, in flow style,
 * unless an item is too long, which is written as a block under its "- ".
 * Fields whose value is undefined are left out.
 */
export function blockYaml(data: Record<string, unknown>, indent = ''): string[] {
  const lines: string[] = [];
  for (const [key, value] of Object.entries(data)) {
    if (value === undefined) continue;
    const name = yamlScalar(key);
    if (Array.isArray(value)) {
      const oneLine = value.every((v) => typeof v !== 'object' || v === null) ? flowYaml(value) : undefined;
      if (oneLine !== undefined && oneLine.length < FLOW_WIDTH) {
        lines.push(`${indent}${name}: ${oneLine}`);
        continue;
      }
      lines.push(`${indent}${name}:`);
      for (const item of value) {
        const line = flowYaml(item);
        if (line.length <= FLOW_WIDTH + 10 || !isPlainData(item)) lines.push(`${indent}  - ${line}`);
        else {
          const inner = blockYaml(item, `${indent}    `);
          inner[0] = `${indent}  - ${inner[0].trimStart()}`;
          lines.push(...inner);
        }
      }
    } else if (isPlainData(value)) {
      lines.push(`${indent}${name}:`, ...blockYaml(value, `${indent}  `));
    } else {
      lines.push(`${indent}${name}: ${yamlScalar(value)}`);
    }
  }
  return lines;
}

/** An entry file: the frontmatter between `---` lines, then the body. */
export function entryText(frontmatter: Record<string, unknown>, body: string): string {
  return `---\n${blockYaml(frontmatter).join('\n')}\n---\n${body.replace(/\n*$/, '\n')}`;
}
