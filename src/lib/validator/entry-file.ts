/**
 * From the bytes of an entry file to its frontmatter data and body, keeping
 * enough position information to point every error at a line and column.
 */
import { CORE_SCHEMA, YAMLException, load as loadYaml, type LoadOptions } from 'js-yaml';
import { MAX_FRONTMATTER_DEPTH } from './limits.ts';
import { isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';

export interface Position {
  line: number;
  column: number;
}

/** Where the first byte that is not UTF-8 sits, or undefined when all bytes are valid. */
export function firstInvalidUtf8(bytes: Uint8Array): number | undefined {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    let need = 0;
    let min = 0;
    if (b < 0x80) { i++; continue; }
    if (b >= 0xc2 && b <= 0xdf) { need = 1; min = 0x80; }
    else if (b >= 0xe0 && b <= 0xef) { need = 2; min = 0x800; }
    else if (b >= 0xf0 && b <= 0xf4) { need = 3; min = 0x10000; }
    else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return undefined;
}

export type DecodeResult = { ok: true; text: string } | { ok: false; position: Position; byte: number };

/**
 * Decodes UTF-8 strictly. A byte-order mark is dropped and CRLF becomes LF,
 * which keeps every line and column where an editor shows it.
 */
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

export function decodeEntry(bytes: Uint8Array): DecodeResult {
  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes) ?? 0;
    const before = bytes.subarray(0, bad);
    const lineStart = before.lastIndexOf(0x0a) + 1;
    const line = before.filter((b) => b === 0x0a).length + 1;
    const column = new TextDecoder().decode(bytes.subarray(lineStart, bad)).length + 1;
    return { ok: false, position: { line, column }, byte: bytes[bad] };
  }
  return { ok: true, text: text.replace(/\r\n/g, '\n') };
}

/** Converts string offsets to 1-based lines and columns. */
export class LineIndex {
  private readonly starts: number[] = [0];
  constructor(text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
  }
  at(offset: number): Position {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo] + 1 };
  }
}

export type FrontmatterResult =
  | { ok: true; yaml: string; yamlOffset: number; bodyOffset: number }
  | { ok: false; reason: 'empty' | 'missing' | 'unclosed' };

/** Splits `---` frontmatter from the body. */
export function splitFrontmatter(text: string): FrontmatterResult {
  if (text.trim() === '') return { ok: false, reason: 'empty' };
  if (!/^---[ \t]*(\n|$)/.test(text)) return { ok: false, reason: 'missing' };
  const open = text.indexOf('\n') + 1 || text.length;
  const close = /^---[ \t]*$/m;
  const rest = text.slice(open);
  const m = close.exec(rest);
  if (!m) return { ok: false, reason: 'unclosed' };
  const yamlEnd = open + m.index;
  const afterClose = yamlEnd + m[0].length;
  return { ok: true, yaml: text.slice(open, yamlEnd), yamlOffset: open, bodyOffset: Math.min(afterClose + 1, text.length) };
}

export interface YamlProblem {
  offset: number;
  message: string;
  /** How to fix it, when the parser's own message does not say. */
  fix?: string;
}

export interface ParsedYaml {
  data: unknown;
  /** The document with node positions, built only when an error needs a line and column. */
  doc: () => Document.Parsed;
  problems: YamlProblem[];
}

function positionedDocument(yaml: string): Document.Parsed {
  return parseDocument(yaml, { version: '1.2', uniqueKeys: true, strict: true, prettyErrors: false });
}

/**
 * Parses frontmatter as YAML 1.2 core (where `2024-02-30` and `7:57` stay
 * text); duplicate keys are errors. js-yaml reads the data, several times
 * faster than a parser that keeps positions; the positioned parse runs only
 * for files that turn out to have a problem.
 */
export function parseYaml(yaml: string): ParsedYaml {
  let doc: Document.Parsed | undefined;
  const positioned = () => (doc ??= positionedDocument(yaml));
  try {
    return { data: loadYaml(yaml, LOAD_OPTIONS), doc: positioned, problems: [] };
  } catch (error) {
    // js-yaml stops at the depth limit; the positioned parser would recurse on and overflow the stack.
    if (error instanceof YAMLException && error.reason.startsWith('nesting exceeded maxDepth')) {
      doc = positionedDocument('');
      return { data: undefined, doc: positioned, problems: [{ offset: error.mark.position, ...TOO_DEEP }] };
    }
    const d = positioned();
    const problems: YamlProblem[] = [];
    for (const e of [...d.errors, ...d.warnings]) {
      // Nesting deep enough to overflow the parser's stack, after an error js-yaml stopped at first.
      if (e.message.includes('Maximum call stack size exceeded')) {
        if (!problems.some((p) => p.fix === TOO_DEEP.fix)) problems.push({ offset: e.pos[0], ...TOO_DEEP });
      } else {
        problems.push({ offset: e.pos[0], message: e.message.split('\n')[0] });
      }
    }
    // Both parsers implement YAML 1.2; should they ever disagree, the positioned one decides.
    return { data: problems.length === 0 ? d.toJS({ maxAliasCount: 100 }) : undefined, doc: positioned, problems };
  }
}

// js-yaml 4.3 stops at maxDepth; @types/js-yaml predates the option.
const LOAD_OPTIONS: LoadOptions & { maxDepth: number } = { schema: CORE_SCHEMA, maxDepth: MAX_FRONTMATTER_DEPTH };

const TOO_DEEP = {
  message: `the frontmatter nests lists and fields more than ${MAX_FRONTMATTER_DEPTH} levels deep`,
  fix: 'an entry needs six levels at most (fields in a list in a field…); look for stray brackets or indentation from here on',
};

/**
 * The offset in the YAML text of the value at `path`, or of its key when
 * `key` is set. Falls back to the nearest ancestor that exists, so a missing
 * field is reported where its parent is.
 */
export function locate(doc: Document.Parsed, path: readonly PropertyKey[], opts: { key?: boolean } = {}): number {
  let node: Node | null | undefined = doc.contents as Node | null;
  let offset = node?.range?.[0] ?? 0;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) return offset;
      const keyNode = pair.key as Node;
      if (last && opts.key) return keyNode.range?.[0] ?? offset;
      const value = pair.value as Node | null;
      offset = value?.range?.[0] ?? keyNode.range?.[0] ?? offset;
      if (value && isScalar(value) && value.value === null) offset = keyNode.range?.[0] ?? offset;
      node = value;
    } else if (isSeq(node)) {
      const item = node.items[Number(seg)] as Node | undefined;
      if (!item) return offset;
      offset = item.range?.[0] ?? offset;
      node = item;
    } else {
      return offset;
    }
  }
  return offset;
}
