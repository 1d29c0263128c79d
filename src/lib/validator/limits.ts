/**
 * The limits every contributed file is held to. Contributors are strangers,
 * so each limit bounds the work one file can cause (a parser's time, a walk's
 * depth, a report's size, the pages a build makes) and is checked before that
 * work starts: a hostile file gets one clear error, never a hang or a stack
 * trace. Each figure sits far above what real entries use (in brackets: the
 * largest in content/ when the limit was set). CONTRIBUTING.md prints
 * limitRules(), so the documented limits are these constants.
 */

/** Bytes in one entry file (9 KB). */
export const MAX_FILE_BYTES = 64 * 1024;
/** Bytes in a talk's transcript, content/talks/<id>.vtt: three hours of talk at 150 words a minute is about 250 KB (none yet). */
export const MAX_TRANSCRIPT_BYTES = 1024 * 1024;
/** Cues in one transcript: a cue a second for three hours (none yet). */
export const MAX_TRANSCRIPT_CUES = 10800;
/** Problems reported for one transcript before the rest are only counted: a file of nonsense gets a page of errors, not a million lines. */
export const MAX_TRANSCRIPT_PROBLEMS = 20;
/** Bytes in one image under public/images/. */
export const MAX_IMAGE_BYTES = 1024 * 1024;
/** Characters in an id: a file name, a reference, an old id in redirectFrom (39). */
export const MAX_ID_CHARS = 100;
/** Characters in a field name (11). */
export const MAX_FIELD_NAME_CHARS = 64;
/** Characters in one text value of the frontmatter (932). */
export const MAX_TEXT_CHARS = 4000;
/** Items in one list of the frontmatter: chapters, sources, takeaways, authors… (40). */
export const MAX_LIST_ITEMS = 200;
/** Levels of lists and fields inside each other in the frontmatter (6). */
export const MAX_FRONTMATTER_DEPTH = 10;
/** Values in the frontmatter, counting what each YAML alias (*name) repeats (172). */
export const MAX_FRONTMATTER_VALUES = 5000;
/** Levels of nesting in a body: lists, quotes, emphasis, elements inside each other (5). */
export const MAX_BODY_DEPTH = 32;
/** Links and images in one body (18). */
export const MAX_BODY_LINKS = 200;
/** Character references (`&amp;`, `&#8217;`) in one file (0). */
export const MAX_CHARACTER_REFERENCES = 1000;
/** Straight quotation marks, apostrophes and `...` in one run of text, which the renderer turns into typographic ones (10). */
export const MAX_TYPOGRAPHIC_MARKS = 200;

const n = (x: number) => x.toLocaleString('en-GB');

/** The limits as CONTRIBUTING.md states them (a function: formatting numbers loads locale data, which no validation needs to wait for). */
export const limitRules = (): string[] => [
  `An entry file is at most ${n(MAX_FILE_BYTES)} bytes (${MAX_FILE_BYTES / 1024} KB); an image in \`public/images/\` at most ${n(MAX_IMAGE_BYTES)} bytes (${MAX_IMAGE_BYTES / 1024 / 1024} MB).`,
  `A talk's transcript (\`talks/<id>.vtt\`) is at most ${n(MAX_TRANSCRIPT_BYTES)} bytes (${MAX_TRANSCRIPT_BYTES / 1024 / 1024} MB) and ${n(MAX_TRANSCRIPT_CUES)} cues; the checker lists its first ${MAX_TRANSCRIPT_PROBLEMS} problems and counts the rest.`,
  `An id (a file name, the id in a reference, an old id in \`redirectFrom\`) is at most ${MAX_ID_CHARS} characters; a field name at most ${MAX_FIELD_NAME_CHARS}.`,
  `A text value in the frontmatter is at most ${n(MAX_TEXT_CHARS)} characters, and a list (chapters, sources, takeaways, authors, …) at most ${MAX_LIST_ITEMS} items.`,
  `The frontmatter nests lists and fields at most ${MAX_FRONTMATTER_DEPTH} levels deep and holds at most ${n(MAX_FRONTMATTER_VALUES)} values, counting what each YAML alias (\`*name\`) repeats each time it is used.`,
  `A body nests lists, quotes, emphasis and elements at most ${MAX_BODY_DEPTH} levels deep and has at most ${MAX_BODY_LINKS} links and images.`,
  `A file has at most ${n(MAX_CHARACTER_REFERENCES)} character references (\`&amp;\`, \`&#8217;\`): type the character itself instead.`,
  `One run of text (a paragraph, or the part of it between links and emphasis) has at most ${MAX_TYPOGRAPHIC_MARKS} straight quotation marks, apostrophes and \`...\`, which the site turns into typographic ones; typed curly quotes (’ “ ”) and … do not count.`,
];
