/**
 * Checks a talk's transcript (content/talks/<id>.vtt) like any entry: that it
 * belongs to a talk, is within the limits, is UTF-8 without characters that
 * break other outputs, reads as WebVTT (cue times valid, each cue ending after
 * it starts, cues in order), ends within the talk's duration when that is
 * known, and that every `<v Name>` names one of the talk's people.
 *
 * The parsed lines of every valid transcript are kept (`Transcripts`), so the
 * build renders them and later checks (quotes against what was said) read
 * them without parsing the file again.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { entryKey, type EntryKey } from '../content-model/entry-types.ts';
import type { Entry, Graph } from '../content-model/link-graph.ts';
import { listed, quote, shellWord } from '../content-model/quote.ts';
import { formatClock } from '../content-model/timestamps.ts';
import { parseTranscript, type TranscriptCue } from '../content-model/transcript.ts';
import { formatVttTime } from '../content-model/webvtt.ts';
import { forbiddenCharacters } from './characters.ts';
import { diag, TOP, type FileState } from './check-entry-file.ts';
import { readContentFile } from './content-files.ts';
import type { Diagnostic } from './diagnostics.ts';
import { decodeEntry, LineIndex } from './entry-file.ts';
import { MAX_TRANSCRIPT_BYTES, MAX_TRANSCRIPT_CUES, MAX_TRANSCRIPT_PROBLEMS } from './limits.ts';

/** A valid transcript: its lines, and a digest of its file, which is part of its talk's entry so a change to either rebuilds the talk's pages. */
export interface TalkTranscript {
  cues: TranscriptCue[];
  digest: string;
}

/** The valid transcripts, by talk. */
export type Transcripts = ReadonlyMap<EntryKey, TalkTranscript>;

/** A .vtt file found in talks/: its absolute path and its path in reports. */
export interface TranscriptFile {
  full: string;
  file: string;
}

const FIELD = 'transcript';

/** The lines of a talk's transcript, or undefined when the talk has none (or it is invalid). */
export function transcriptCues(transcripts: Transcripts, talkId: string): TranscriptCue[] | undefined {
  return transcripts.get(entryKey('talk', talkId))?.cues;
}

/** The column where the end time of a timing line starts. */
function endColumn(line: string): number {
  const m = /-->[ \t]+/.exec(line);
  return m ? m.index + m[0].length + 1 : 1;
}

/** Checks one transcript against its talk; returns its lines when it is valid. */
function checkOne(t: TranscriptFile, talk: FileState, graph: Graph, out: Diagnostic[]): TalkTranscript | undefined {
  const read = readContentFile(t.full, MAX_TRANSCRIPT_BYTES, 'a transcript', 'the content folder', 'split the recording\'s transcript at a chapter and keep the first part, or remove cues');
  if (!read.ok) {
    out.push(diag(t.file, TOP, 'file', read.refusal.message, read.refusal.fix));
    return undefined;
  }
  const decoded = decodeEntry(read.bytes);
  if (!decoded.ok) {
    out.push(diag(t.file, decoded.position, 'file', `byte 0x${decoded.byte.toString(16).toUpperCase().padStart(2, '0')} is not UTF-8 text`, 'save the file with UTF-8 encoding (in VS Code: "Save with Encoding", then UTF-8)'));
    return undefined;
  }
  const text = decoded.text;
  const lines = new LineIndex(text);
  const bad = forbiddenCharacters(text);
  if (bad) {
    out.push(diag(t.file, lines.at(bad.offset), 'file', bad.message, bad.fix));
    return undefined;
  }
  const { cues, problems } = parseTranscript(text);
  const found: Diagnostic[] = problems.map((p) => diag(t.file, p, FIELD, p.message, p.fix));
  if (cues.length > MAX_TRANSCRIPT_CUES) {
    out.push(diag(t.file, TOP, FIELD, `has ${cues.length.toLocaleString('en-GB')} cues; a transcript may have at most ${MAX_TRANSCRIPT_CUES.toLocaleString('en-GB')}`, 'join short cues into sentences, or keep the transcript of the first part only'));
    return undefined;
  }
  if (cues.length === 0 && problems.length === 0) {
    found.push(diag(t.file, TOP, FIELD, 'has no cues', 'add the cues ("00:00:01.000 --> 00:00:04.000", then the line said), or remove the file'));
  }

  const talkEntry: Entry | undefined = talk.entry ?? talk.partial;
  const data = talkEntry?.type === 'talk' ? talkEntry.data : undefined;
  const duration = typeof data?.duration === 'number' ? data.duration : undefined;
  if (duration !== undefined) {
    const late = cues.filter((c, i) => c.end > duration * 1000 && cues[i - 1]?.line !== c.line);
    if (late.length > 0) {
      const c = late[0];
      const raw = text.split('\n', c.line)[c.line - 1];
      const startsLate = c.start >= duration * 1000;
      const more = late.length > 1 ? ` (${late.length.toLocaleString('en-GB')} cues in all)` : '';
      out.push(
        diag(
          t.file,
          { line: c.line, column: startsLate ? 1 : endColumn(raw) },
          FIELD,
          `the cue ${startsLate ? 'starts' : 'ends'} at ${formatVttTime(startsLate ? c.start : c.end)}, after the talk ends at ${formatClock(duration)}${more}`,
          `check the times against the recording; if the talk is longer, correct duration: in ${talk.file}`,
        ),
      );
    }
  }

  // Speakers: checked only when every person the talk lists exists, so a missing person is reported once, as a missing reference.
  const people = Array.isArray(data?.people) ? data.people.map((p) => graph.entries.get(entryKey('person', p.person.id))) : undefined;
  if (people && people.every((p) => p !== undefined)) {
    const known = people.map((p) => p!.title);
    const unknown = new Map<string, { cue: TranscriptCue; count: number }>();
    for (const c of cues) {
      if (c.speaker === undefined || known.includes(c.speaker)) continue;
      const seen = unknown.get(c.speaker);
      if (seen) seen.count++;
      else unknown.set(c.speaker, { cue: c, count: 1 });
    }
    for (const [name, { cue, count }] of unknown) {
      const same = known.find((k) => k.toLowerCase() === name.toLowerCase());
      const more = count > 1 ? ` (${count.toLocaleString('en-GB')} lines)` : '';
      out.push(
        diag(
          t.file,
          cue.speakerAt ?? { line: cue.line, column: 1 },
          FIELD,
          `the speaker ${quote(name)}${more} is not one of the talk's people`,
          same
            ? `write the name as the person entry does: <v ${same}>`
            : `the talk's people are ${listed(known.map((n) => quote(n)))}: write one of those names, or add the speaker to people: in ${talk.file} (a new person: npm run new -- person ${shellWord(name)})`,
        ),
      );
    }
  }

  if (found.length > MAX_TRANSCRIPT_PROBLEMS) {
    const rest = found.length - MAX_TRANSCRIPT_PROBLEMS;
    out.push(...found.slice(0, MAX_TRANSCRIPT_PROBLEMS));
    const next = found[MAX_TRANSCRIPT_PROBLEMS];
    out.push(diag(t.file, next, FIELD, `${rest.toLocaleString('en-GB')} more problems from here on are not listed`, 'fix the ones above and run the checker again; if the file is not a WebVTT transcript, remove it'));
  } else out.push(...found);

  const errors = out.some((d) => d.file === t.file && d.severity === 'error');
  if (errors || found.length > 0) return undefined;
  return { cues, digest: createHash('sha256').update(read.bytes).digest('base64url').slice(0, 22) };
}

/**
 * Checks every transcript against its talk; `talks` has every talk file that
 * exists, valid or not. Returns the valid transcripts of valid talks.
 */
export function checkTranscripts(files: readonly TranscriptFile[], talks: ReadonlyMap<EntryKey, FileState>, graph: Graph, out: Diagnostic[]): Map<EntryKey, TalkTranscript> {
  const transcripts = new Map<EntryKey, TalkTranscript>();
  for (const t of files) {
    const id = path.basename(t.full, '.vtt');
    const talk = talks.get(entryKey('talk', id));
    if (!talk) {
      out.push(diag(t.file, TOP, 'file', `${quote(path.basename(t.full))} is the transcript of no talk: there is no talks/${id}.mdx`, 'name the transcript after its talk (talks/<id>.vtt), or add the talk'));
      continue;
    }
    const local: Diagnostic[] = [];
    const transcript = checkOne(t, talk, graph, local);
    out.push(...local);
    if (transcript && talk.entry) transcripts.set(talk.entry.key, transcript);
  }
  return transcripts;
}
