/**
 * Characters no entry may contain, in its text or in a value a YAML escape
 * ("\x07", "\r", "\u202E") writes: each would break or hijack an output that
 * is not HTML. Control characters and noncharacters make feed.xml ill-formed
 * for every subscriber (XML 1.0 allows none of them but tab and line breaks);
 * a carriage return ends a line in WebVTT and in CI logs, where a value could
 * then start a line of its own; escape sequences rewrite what a terminal
 * shows; bidirectional overrides make text display in another order than it
 * is written, so a title could read differently from its source.
 */
import { quote } from '../content-model/quote.ts';

/** Tab and line feed are the only controls allowed; CRLF line ends are LF once the file is decoded. */
const FORBIDDEN = /[\x00-\x08\x0B-\x1F\x7F-\x9F\uFFFE\uFFFF\u202A-\u202E\u2066-\u2069]/g;
/** A value a YAML escape wrote can also hold half of a surrogate pair, which decoded UTF-8 text cannot. */
const FORBIDDEN_IN_VALUES = /[\x00-\x08\x0B-\x1F\x7F-\x9F\p{Cs}\uFFFE\uFFFF\u202A-\u202E\u2066-\u2069]/gu;

function kind(c: string): string {
  const code = c.codePointAt(0)!;
  if (code === 0x0d) return 'a carriage return';
  if (code <= 0x9f) return 'a control character';
  if (code >= 0xd800 && code <= 0xdfff) return 'half of a surrogate pair, not a character';
  if (code === 0xfffe || code === 0xffff) return 'a noncharacter';
  return 'a bidirectional override, which makes text display in another order than it is written';
}

export const codePoint = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

export interface ForbiddenCharacters {
  /** Offset of the first one in the text. */
  offset: number;
  message: string;
  fix: string;
}

/**
 * The first forbidden character of `text`, described, with how many there
 * are; undefined when there is none. `value` for a parsed YAML value, which
 * may also hold a lone surrogate (the check without it is several times faster).
 */
export function forbiddenCharacters(text: string, value = false): ForbiddenCharacters | undefined {
  const re = value ? FORBIDDEN_IN_VALUES : FORBIDDEN;
  re.lastIndex = 0;
  const first = re.exec(text);
  if (!first) return undefined;
  let count = 1;
  while (re.exec(text)) count++;
  const more = count > 1 ? ` (${count.toLocaleString('en-GB')} such characters in all)` : '';
  return {
    offset: first.index,
    message: `contains ${codePoint(first[0])}, ${kind(first[0])}${more}`,
    fix: 'delete it: feeds, chapter files and logs cannot carry it safely. To mention a character, name it in words',
  };
}

const TAG = /<[A-Za-z/!?][^<>]{0,40}>?/;

/**
 * Text in the frontmatter that reads as an HTML tag. The frontmatter is plain
 * text: pages escape it, but feed readers and link previews take an RSS
 * title as HTML, so "<img src=x onerror=…>" in a title would be live markup
 * there. `<` before a space or a digit ("latency < 100 ms", "<5%") is fine.
 */
export function tagLike(text: string): { message: string; fix: string } | undefined {
  const m = TAG.exec(text);
  if (!m) return undefined;
  return {
    message: `${quote(m[0])} reads as an HTML tag, and frontmatter is plain text`,
    fix: 'write it without angle brackets (feeds and link previews would take it as markup); the body may use <abbr>, <q> and the other allowed elements',
  };
}
