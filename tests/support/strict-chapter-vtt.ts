/**
 * A strict reader for the chapter files the site writes, independent of the
 * site's own WebVTT code (src/lib/content-model/webvtt.ts) so it can judge it: the WEBVTT header on
 * one line, then cues of exactly an id, a timing and one line of text. A
 * NOTE, STYLE or REGION block, an extra header line, a second text line, a
 * raw < or & in cue text (a tag or a character reference to a player), or
 * "-->" where it does not belong are errors: each would mean a value changed
 * the file's structure.
 */
export interface VttCue {
  id: string;
  start: string;
  end: string;
  /** The cue text with &amp; &lt; &gt; decoded. */
  text: string;
}

export function readChapterVttStrictly(file: string): { title: string; cues: VttCue[] } {
  if (file.includes('\r')) throw new Error('a carriage return: the site writes LF line ends only');
  if (!file.endsWith('\n')) throw new Error('the file does not end with a line break');
  const [header, ...blocks] = file.slice(0, -1).split('\n\n');
  const h = /^WEBVTT(?:[ \t]([^\n]*))?$/.exec(header);
  if (!h) throw new Error(`not a single WEBVTT header line: ${JSON.stringify(header)}`);
  if (h[1]?.includes('-->')) throw new Error(`"-->" in the header: ${JSON.stringify(header)}`);
  const cues = blocks.map((block) => {
    const lines = block.split('\n');
    if (/^(NOTE|STYLE|REGION)\b/.test(lines[0])) throw new Error(`a ${lines[0].split(/\s/)[0]} block: ${JSON.stringify(block)}`);
    if (lines.length !== 3) throw new Error(`a cue of ${lines.length} lines: ${JSON.stringify(block)}`);
    const [id, timing, text] = lines;
    if (id === '' || id.includes('-->')) throw new Error(`a bad cue id: ${JSON.stringify(id)}`);
    const t = /^(\d\d:\d\d:\d\d\.\d{3}) --> (\d\d:\d\d:\d\d\.\d{3})$/.exec(timing);
    if (!t) throw new Error(`a bad timing line: ${JSON.stringify(timing)}`);
    if (text.includes('-->') || /<|&(?!(?:amp|lt|gt);)/.test(text)) throw new Error(`markup or "-->" in cue text: ${JSON.stringify(text)}`);
    return { id, start: t[1], end: t[2], text: text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&') };
  });
  return { title: h[1] ?? '', cues };
}
