/**
 * Links that open a recording at a given second. Only hosts whose players
 * honour a start time get such a link; for any other page the reader gets
 * the page and the time to seek to, never a link that pretends to seek.
 */

export type RecordingKind = 'video' | 'audio' | 'page';

export interface Recording {
  kind: RecordingKind;
  url: string;
}

const YOUTUBE_HOSTS = new Set(['youtube.com', 'www.youtube.com', 'm.youtube.com', 'youtu.be']);
const MEDIA_FILE = /\.(mp4|webm|ogv|mp3|m4a|ogg|oga|opus|wav)$/i;

/** The URL that starts `recording` at `seconds`, or `undefined` when its host cannot seek by link. */
export function seekUrl(recording: Recording, seconds: number): string | undefined {
  const url = new URL(recording.url);
  if (YOUTUBE_HOSTS.has(url.hostname)) {
    url.searchParams.set('t', `${seconds}s`);
    return url.toString();
  }
  if (recording.kind !== 'page' && MEDIA_FILE.test(url.pathname)) {
    url.hash = `t=${seconds}`;
    return url.toString();
  }
  return undefined;
}

const seekable = new WeakMap<Recording, boolean>();

/** True when `seekUrl` can deep-link into this recording. Kept per recording: every moment of a talk asks (24,000 times at 1,000 talks). */
export function canSeek(recording: Recording): boolean {
  let can = seekable.get(recording);
  if (can === undefined) seekable.set(recording, (can = seekUrl(recording, 0) !== undefined));
  return can;
}

/** The first recording that can be opened at a second, which the site uses for every timestamp. */
export function seekableRecording(recordings: readonly Recording[]): Recording | undefined {
  return recordings.find(canSeek);
}

/** The video id of a YouTube URL (watch?v=, youtu.be/, embed/), if it is one. */
export function youtubeId(url: string): string | undefined {
  const u = new URL(url);
  if (!YOUTUBE_HOSTS.has(u.hostname)) return undefined;
  if (u.hostname === 'youtu.be') return u.pathname.slice(1) || undefined;
  return u.searchParams.get('v') ?? /^\/(?:embed|shorts)\/([^/?]+)/.exec(u.pathname)?.[1];
}
