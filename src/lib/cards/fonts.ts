/**
 * The fonts a card draws with, and which of them draws each character.
 *
 * Inter (assets/fonts) draws Latin, Greek and Cyrillic. Noto fonts installed from npm
 * (Fontsource's variable-font packages, pinned by the lockfile, set to the style's weight) draw
 * Arabic, Hebrew, Devanagari, Bengali, Tamil, Thai, Japanese, Korean, Chinese and emoji (Noto
 * Emoji: monochrome outlines, drawn in the text colour). Only these files are used, never the
 * machine's own fonts, so a card is the same bytes on every machine: the card cache relies on
 * it, and its key includes every package named here. The variable packages are a tenth of the
 * size of the static ones (Japanese: 6 MB against 80 MB).
 *
 * Fonts are picked per grapheme cluster (a letter with its marks, a conjunct, an emoji
 * sequence), so a mark is always drawn by the font of its base. A cluster of punctuation,
 * digits or spaces stays in the font of the text before it when that font has it, so the
 * spaces of an Arabic title come from the Arabic font and do not split it into runs (but not
 * after an emoji: the emoji font's space is as wide as an emoji). Chinese characters are drawn
 * in their Japanese forms in text with kana, in Korean forms in text with Hangul, else in
 * Simplified Chinese forms. Fontsource splits a font into files per Unicode range; each file is
 * opened when a character in its range first appears, so a Latin card opens Inter alone.
 */

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { loadFont, type CardFont } from './font.ts';
import { rasterizeGlyph, type Mask } from './raster.ts';

export type Style = 'regular' | 'bold';

/** Weight and tone curve of each style. */
const STYLES: Record<Style, { weight: number; inter: string; gamma: number }> = {
  // A gentle tone curve thickens anti-aliased edges a little, closer to how browsers show text.
  regular: { weight: 400, inter: 'Inter-Regular.ttf', gamma: 0.85 },
  bold: { weight: 700, inter: 'Inter-Bold.ttf', gamma: 0.9 },
};

/** Fontsource packages, in the order they are tried after Inter. */
const SCRIPTS = ['arabic', 'hebrew', 'devanagari', 'bengali', 'tamil', 'thai'].map((s) => `@fontsource-variable/noto-sans-${s}`);
const JAPANESE = '@fontsource-variable/noto-sans-jp';
const KOREAN = '@fontsource-variable/noto-sans-kr';
const CHINESE = '@fontsource-variable/noto-sans-sc';
const EMOJI = '@fontsource-variable/noto-emoji';
const PACKAGES = [...SCRIPTS, JAPANESE, KOREAN, CHINESE, EMOJI];

/** The Inter files, for cache keys and licences. */
export const INTER_FILES = [STYLES.regular.inter, STYLES.bold.inter] as const;

/** Code libraries whose version changes what a card looks like. */
const LIBRARIES = ['harfbuzzjs', 'bidi-js', 'wawoff2'] as const;

const require = (() => {
  try {
    return createRequire(import.meta.url);
  } catch {
    // import.meta.url is not a file: URL (bundled): resolve from the project instead.
    return createRequire(path.join(process.cwd(), 'package.json'));
  }
})();

/** Folder of an installed package (found through a file it exports). */
function packageDir(name: string): string {
  let dir = path.dirname(require.resolve(name.startsWith('@fontsource') ? `${name}/LICENSE` : name));
  while (!isPackageRoot(dir, name)) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`cards: cannot find the folder of the ${name} package`);
    dir = up;
  }
  return dir;
}

function isPackageRoot(dir: string, name: string): boolean {
  try {
    return JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')).name === name;
  } catch {
    return false;
  }
}

/**
 * Files whose bytes decide what a card looks like, besides the renderer's code: the Inter
 * files, and the package.json of each font package and library (npm packages are immutable
 * per version, and the lockfile pins the version, so the version stands for every file in it).
 */
export function fontFingerprintFiles(interDir: string): string[] {
  return [...INTER_FILES.map((f) => path.join(interDir, f)), ...[...PACKAGES, ...LIBRARIES].map((n) => path.join(packageDir(n), 'package.json'))];
}

/** A font with the glyph masks drawn from it at one tone curve. */
export class Face {
  readonly font: CardFont;
  private readonly masks = new Map<number, Mask>();
  private readonly curve: Uint8Array | undefined;

  constructor(font: CardFont, gamma: number) {
    this.font = font;
    if (gamma !== 1) {
      this.curve = new Uint8Array(256);
      for (let i = 0; i < 256; i++) this.curve[i] = Math.round(255 * Math.pow(i / 255, gamma));
    }
  }

  mask(glyph: number, sizePx: number, sub: number, subpixels: number): Mask {
    const key = (glyph * 512 + sizePx) * subpixels + sub;
    let m = this.masks.get(key);
    if (!m) {
      m = rasterizeGlyph(this.font, glyph, sizePx, sub / subpixels, this.curve);
      this.masks.set(key, m);
    }
    return m;
  }
}

/** One font file, opened on first use. */
class FontFile {
  private face: Face | null = null;
  private readonly file: string;
  private readonly weight: number;
  private readonly gamma: number;
  constructor(file: string, weight: number, gamma: number) {
    this.file = file;
    this.weight = weight;
    this.gamma = gamma;
  }
  get(): Face {
    return (this.face ??= new Face(loadFont(this.file, this.weight), this.gamma));
  }
  /** Whether `face` is this file's (without opening the file). */
  holds(face: Face): boolean {
    return this.face === face;
  }
}

/** A font, possibly split into files per Unicode range (as Fontsource ships them). */
interface Family {
  /** The files whose range holds `cp`, in the package's order (their fonts may still lack it). */
  candidates(cp: number): FontFile[];
  /** Whether `face` is one of this family's (without opening any file). */
  holds(face: Face): boolean;
}

class SingleFile implements Family {
  readonly file: FontFile;
  constructor(file: FontFile) {
    this.file = file;
  }
  candidates(): FontFile[] {
    return [this.file];
  }
  holds(face: Face): boolean {
    return this.file.holds(face);
  }
}

class RangeSplitFamily implements Family {
  /** [first, last, file index], sorted by first code point; ranges of two files may overlap. */
  private readonly ranges: Array<[number, number, number]> = [];
  /** reach[i]: the highest `last` among ranges[0..i], so a search knows when to stop. */
  private readonly reach: number[] = [];
  private readonly files: FontFile[] = [];

  constructor(dir: string, weight: number, gamma: number) {
    const id = JSON.parse(readFileSync(path.join(dir, 'metadata.json'), 'utf8')).id as string;
    const subsets = JSON.parse(readFileSync(path.join(dir, 'unicode.json'), 'utf8')) as Record<string, string>;
    for (const [subset, list] of Object.entries(subsets)) {
      const index = this.files.length;
      this.files.push(new FontFile(path.join(dir, 'files', `${id}-${subset.replace(/^\[(\d+)\]$/, '$1')}-wght-normal.woff2`), weight, gamma));
      for (const range of list.split(',')) {
        const [first, last] = range.trim().replace(/^U\+/i, '').split('-').map((h) => parseInt(h, 16));
        this.ranges.push([first!, last ?? first!, index]);
      }
    }
    this.ranges.sort((a, b) => a[0] - b[0] || a[2] - b[2]);
    let reach = -1;
    for (const [, last] of this.ranges) this.reach.push((reach = Math.max(reach, last)));
  }

  candidates(cp: number): FontFile[] {
    // The ranges starting at or below cp, walked down while one of them can still reach it.
    let lo = 0;
    let hi = this.ranges.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.ranges[mid]![0] <= cp) lo = mid + 1;
      else hi = mid;
    }
    const files: number[] = [];
    for (let i = lo - 1; i >= 0 && this.reach[i]! >= cp; i--) {
      const [first, last, file] = this.ranges[i]!;
      if (cp >= first && cp <= last) files.push(file);
    }
    // In the package's order, so the result does not depend on how the ranges were sorted.
    return files.sort((a, b) => a - b).map((f) => this.files[f]!);
  }

  holds(face: Face): boolean {
    return this.files.some((f) => f.holds(face));
  }
}

/** U+FE0F asks for emoji presentation; these code points have it by default. */
const EMOJI_PRESENTATION = /\p{Emoji_Presentation}|\uFE0F|\u20E3|\p{Regional_Indicator}/u;
/** Invisible code points (joiners, variation selectors, bidi controls): no font needs a glyph. */
const IGNORABLE = /\p{Default_Ignorable_Code_Point}/u;
/** Characters shared by all scripts (spaces, digits, punctuation) and marks that take their base's script. */
const NEUTRAL = /^[\p{Script=Common}\p{Script=Inherited}]/u;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
const HANGUL = /\p{Script=Hangul}/u;

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });

export interface Itemized {
  /** The drawable text: the input without the code points no font draws, spaces tidied. */
  text: string;
  /** UTF-16 index in `text` where each cluster starts, ascending. */
  starts: number[];
  /** The face drawing each cluster. */
  faces: Face[];
  /** Code points no font draws, in order, each once. */
  missing: number[];
}

interface Chain {
  emoji: Family;
  /** The order to try for text with kana, with Hangul, and for any other text. */
  japanese: Family[];
  korean: Family[];
  other: Family[];
}

/** The fonts for one style, in the order they are tried. */
export class FontStack {
  readonly style: Style;
  private readonly inter: SingleFile;
  private fallbacks: Chain | null = null;

  constructor(style: Style, interDir: string) {
    this.style = style;
    this.inter = new SingleFile(new FontFile(path.join(interDir, STYLES[style].inter), STYLES[style].weight, STYLES[style].gamma));
  }

  /** Inter and the Fontsource families, set up when text first needs more than Inter. */
  private get chain(): Chain {
    if (!this.fallbacks) {
      const { weight, gamma } = STYLES[this.style];
      const family = new Map(PACKAGES.map((name) => [name, new RangeSplitFamily(packageDir(name), weight, gamma)]));
      const scripts = SCRIPTS.map((name) => family.get(name)!);
      const [jp, kr, sc, emoji] = [family.get(JAPANESE)!, family.get(KOREAN)!, family.get(CHINESE)!, family.get(EMOJI)!];
      this.fallbacks = {
        emoji,
        japanese: [this.inter, ...scripts, jp, sc, kr, emoji],
        korean: [this.inter, ...scripts, kr, sc, jp, emoji],
        other: [this.inter, ...scripts, sc, jp, kr, emoji],
      };
    }
    return this.fallbacks;
  }

  /** The primary face (Inter): its metrics set the layout, and it draws the ellipsis. */
  get primary(): Face {
    return this.inter.file.get();
  }

  /** The first face, in `order`, that draws all of `cps` (a cluster's visible code points). */
  private faceForAll(cps: readonly number[], order: readonly Family[]): Face | null {
    for (const family of order) {
      for (const file of family.candidates(cps[0]!)) {
        const face = file.get();
        if (cps.every((cp) => face.font.glyphIndex(cp))) return face;
      }
    }
    return null;
  }

  /** Splits `text` into grapheme clusters and picks the face of each. */
  itemize(text: string): Itemized {
    return this.itemizeLatin(text) ?? this.itemizeAny(text);
  }

  /**
   * Text of letters and punctuation Inter has, none of which combines with its neighbours: each
   * character is a cluster of its own. Most cards are such text, and this spares them the
   * grapheme segmentation and the per-cluster tests (a tenth of the time of a card).
   */
  private itemizeLatin(text: string): Itemized | null {
    const inter = this.primary;
    const starts: number[] = [];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      // Below the combining marks (U+0300), or General Punctuation's dashes, quotes, bullets and ellipsis.
      const simple = c < 0x300 ? c >= 0x20 : (c >= 0x2010 && c <= 0x2027) || (c >= 0x2030 && c <= 0x205e);
      if (!simple || !inter.font.glyphIndex(c)) return null;
      starts.push(i);
    }
    return { text, starts, faces: starts.map(() => inter), missing: [] };
  }

  private itemizeAny(text: string): Itemized {
    const out: Itemized = { text: '', starts: [], faces: [], missing: [] };
    const missing = new Set<number>();
    const chain = this.chain;
    const families = KANA.test(text) ? chain.japanese : HANGUL.test(text) ? chain.korean : chain.other;
    const emojiFirst = [chain.emoji, ...families];
    let previous: Face | null = null;
    for (const { segment } of segmenter.segment(text)) {
      const cps: number[] = [];
      for (const ch of segment) if (!IGNORABLE.test(ch)) cps.push(ch.codePointAt(0)!);
      let face: Face | null = null;
      let drawn = segment;
      if (!cps.length) {
        // Only invisible code points: kept beside the cluster before them (e.g. a stray joiner).
        face = previous ?? this.primary;
      } else {
        const emoji = EMOJI_PRESENTATION.test(segment);
        const order = emoji ? emojiFirst : families;
        if (!emoji && previous && !chain.emoji.holds(previous) && NEUTRAL.test(segment) && cps.every((cp) => previous!.font.glyphIndex(cp))) face = previous;
        face ??= this.faceForAll(cps, order);
        if (!face) {
          // A character the fonts have only in pieces (HarfBuzz draws its decomposition: base and mark).
          const nfd = [...segment.normalize('NFD')].filter((ch) => !IGNORABLE.test(ch)).map((ch) => ch.codePointAt(0)!);
          face = this.faceForAll(nfd, order);
        }
        if (!face) {
          // Draw what the base's font has of the cluster; report the rest.
          face = this.faceForAll(cps.slice(0, 1), order);
          const kept: string[] = [];
          for (const ch of segment) {
            const cp = ch.codePointAt(0)!;
            if (IGNORABLE.test(ch) || face?.font.glyphIndex(cp)) kept.push(ch);
            else missing.add(cp);
          }
          drawn = face ? kept.join('') : '';
        }
      }
      if (!drawn || !face) continue;
      // Dropping a word leaves two spaces side by side, or one at the start: keep one, or none.
      if (drawn === ' ' && (out.text === '' || out.text.endsWith(' '))) continue;
      out.starts.push(out.text.length);
      out.faces.push(face);
      out.text += drawn;
      previous = face;
    }
    if (out.text.endsWith(' ')) {
      out.text = out.text.slice(0, -1);
      out.starts.pop();
      out.faces.pop();
    }
    out.missing = [...missing];
    return out;
  }
}
