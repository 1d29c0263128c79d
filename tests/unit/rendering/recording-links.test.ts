import assert from 'node:assert/strict';
import { test } from 'node:test';
import { canSeek, seekUrl, seekableRecording, youtubeId, type Recording } from '../../../src/lib/rendering/recording-links.ts';

const cases: Array<[Recording, number, string | undefined]> = [
  [{ kind: 'video', url: 'https://www.youtube.com/watch?v=abc' }, 477, 'https://www.youtube.com/watch?v=abc&t=477s'],
  [{ kind: 'video', url: 'https://youtu.be/UGJDAfRdBGk' }, 60, 'https://youtu.be/UGJDAfRdBGk?t=60s'],
  [{ kind: 'video', url: 'https://youtu.be/abc?t=5s' }, 60, 'https://youtu.be/abc?t=60s'],
  [{ kind: 'audio', url: 'https://cdn.example.org/ep32.mp3' }, 90, 'https://cdn.example.org/ep32.mp3#t=90'],
  [{ kind: 'page', url: 'https://cdn.example.org/ep32.mp3' }, 90, undefined],
  [{ kind: 'page', url: 'https://mlops.community/watch/x/' }, 90, undefined],
  [{ kind: 'audio', url: 'https://anchor.fm/mlops/episodes/x' }, 90, undefined],
];
for (const [rec, s, expected] of cases) test(`${rec.kind} ${rec.url}`, () => assert.equal(seekUrl(rec, s), expected));

test('the first seekable recording is the one timestamps open', () => {
  const page = { kind: 'page', url: 'https://mlops.community/watch/x/' } as const;
  const video = { kind: 'video', url: 'https://youtu.be/x' } as const;
  assert.equal(seekableRecording([page, video]), video);
  assert.equal(seekableRecording([page]), undefined);
  assert.equal(canSeek(page), false);
});

test('youtubeId', () => {
  assert.equal(youtubeId('https://www.youtube.com/watch?v=q9dxu3hR7F0'), 'q9dxu3hR7F0');
  assert.equal(youtubeId('https://youtu.be/UGJDAfRdBGk?t=5'), 'UGJDAfRdBGk');
  assert.equal(youtubeId('https://www.youtube.com/embed/abc'), 'abc');
  assert.equal(youtubeId('https://mlops.community/watch/x/'), undefined);
});
