/**
 * The fonts a card draws with, and which of them draws each character.
 *
 * Inter (assets/fonts) draws Latin, Greek and Cyrillic; Noto fonts installed from npm
 * (Fontsource packages, pinned by the lockfile) draw Arabic, Devanagari, Japanese (with most
 * Chinese characters) and emoji (Noto Emoji: monochrome outlines, drawn in the text colour).
 * Only these files are used, never the machine's own fonts, so a card is the same bytes on
 * every machine: the card cache relies on it, and its key includes every file named here.
 *
 * Fonts are picked per grapheme cluster (a letter with its marks, a conjunct, an emoji
 * sequence), so a mark is always drawn by the font of its base. A cluster of punctuation,
 * digits or spaces stays in the font of the text before it when that font has it, so the
 * spaces of an Arabic title come from the Arabic font and do not split it into runs (but not
 * after an emoji: the emoji font's space is as wide as an emoji). Fontsource
 * splits a large font into files per Unicode range; each file is opened when a character in its
 * range first appears, so a Latin card opens Inter alone.
 */

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { loadFont, type CardFont } from './font.ts';
import { rasterizeGlyph, type Mask } from './raster.ts';

export type Style = 'regular' | 'bold';

/** Fontsource weight and tone curve of each style. */
const STYLES: Record<Style, { weight: number; inter: string; gamma: number }> = {
  // A gentle tone curve thickens anti-aliased edges a little, closer to how browsers show text.
  regular: { weight: 400, inter: 'Inter-Regular.ttf', gamma: 0.85 },
  bold: { weight: 700, inter: 'Inter-Bold.ttf', gamma: 0.9 },
};

/**
 * Fontsource packages in the order they are tried after Inter. `subset` names a file holding
 * the whole font (emoji sequences must be in one font to be joined); without it, the files
 * listed in the package's unicode.json are used, each for its range.
 */
const PACKAGES: ReadonlyArray<{ name: string; subset?: string }> = [
  { name: '@fontsource/noto-sans-arabic' },
  { name: '@fontsource/noto-sans-devanagari' },
  { name: '@fontsource/noto-sans-jp' },
  { name: '@fontsource/noto-emoji', subset: 'emoji' },
];
const EMOJI_PACKAGE = '@fontsource/noto-emoji';

/** The Inter files, for cache keys and licences. */
export const INTER_FILES = [STYLES.regular.inter, STYLES.bold.inter] as const;

/** Code libraries whose version changes what a card looks like. */
const LIBRARIES = ['harfbuzzjs', 'bidi-js'] as const;

const require = (() => {
  try {
    return createRequire(import.meta.url);
  } catch {
    // import.meta.url is not a file: URL (bundled): resolve from the project instead.
    return createRequire(path.join(process.cwd(), 'package.json'));
  }
})();

/** Folder of an installed package (found through a file every package exports). */
function packageDir(name: string): string {
  let dir = path.dirname(require.resolve(name.startsWith('@fontsource/') ? `${name}/LICENSE` : name));
  while (!existsPackageJson(dir, name)) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`cards: cannot find the folder of the ${name} package`);
    dir = up;
  }
  return dir;
}

function existsPackageJson(dir: string, name: string): boolean {
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
  return [...INTER_FILES.map((f) => path.join(interDir, f)), ...[...PACKAGES.map((p) => p.name), ...LIBRARIES].map((n) => path.join(packageDir(n), 'package.json'))];
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

/** One font, or a Fontsource family split into files per Unicode range. */
interface Family {
  /** A face that has `cp`, or null. */
  faceFor(cp: number): Face | null;
}

class SingleFile implements Family {
  private face: Face | null = null;
  private readonly file: string;
  private readonly gamma: number;
  constructor(file: string, gamma: number) {
    this.file = file;
    this.gamma = gamma;
  }
  get(): Face {
    return (this.face ??= new Face(loadFont(this.file), this.gamma));
  }
  faceFor(cp: number): Face | null {
    const face = this.get();
    return face.font.glyphIndex(cp) ? face : null;
  }
  /** Whether `face` is this file's (without opening the file). */
  holds(face: Face): boolean {
    return this.face === face;
  }
}

class RangeSplitFamily implements Family {
  /** [first, last, file index], sorted by first code point; ranges of two files may overlap. */
  private readonly ranges: Array<[number, number, number]> = [];
  /** reach[i]: the highest `last` among ranges[0..i], so a search knows when to stop. */
  private readonly reach: number[] = [];
  private readonly files: SingleFile[] = [];

  constructor(dir: string, id: string, weight: number, gamma: number) {
    const subsets = JSON.parse(readFileSync(path.join(dir, 'unicode.json'), 'utf8')) as Record<string, string>;
    for (const [subset, list] of Object.entries(subsets)) {
      const index = this.files.length;
      this.files.push(new SingleFile(path.join(dir, 'files', `${id}-${subset.replace(/^\[(\d+)\]$/, '$1')}-${weight}-normal.woff`), gamma));
      for (const range of list.split(',')) {
        const [first, last] = range.trim().replace(/^U\+/i, '').split('-').map((h) => parseInt(h, 16));
        this.ranges.push([first!, last ?? first!, index]);
      }
    }
    this.ranges.sort((a, b) => a[0] - b[0] || a[2] - b[2]);
    let reach = -1;
    for (const [, last] of this.ranges) this.reach.push((reach = Math.max(reach, last)));
  }

  faceFor(cp: number): Face | null {
    // The ranges starting at or below cp, walked down while one of them can still reach it.
    let lo = 0;
    let hi = this.ranges.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.ranges[mid]![0] <= cp) lo = mid + 1;
      else hi = mid;
    }
    const candidates: number[] = [];
    for (let i = lo - 1; i >= 0 && this.reach[i]! >= cp; i--) {
      const [first, last, file] = this.ranges[i]!;
      if (cp >= first && cp <= last) candidates.push(file);
    }
    // In the package's order, so the result does not depend on how the ranges were sorted.
    for (const file of candidates.sort((a, b) => a - b)) {
      const face = this.files[file]!.faceFor(cp);
      if (face) return face;
    }
    return null;
  }
}

/** U+FE0F asks for emoji presentation; these code points have it by default. */
const EMOJI_PRESENTATION = /\p{Emoji_Presentation}|\uFE0F|\u20E3|\p{Regional_Indicator}/u;
/** Invisible code points (joiners, variation selectors, bidi controls): no font needs a glyph. */
const IGNORABLE = /\p{Default_Ignorable_Code_Point}/u;
/** Characters shared by all scripts (spaces, digits, punctuation) and marks that take their base's script. */
const NEUTRAL = /^[\p{Script=Common}\p{Script=Inherited}]/u;

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

/** The fonts for one style, in the order they are tried. */
export class FontStack {
  readonly style: Style;
  private readonly families: Family[];
  private readonly emoji: SingleFile;
  private readonly inter: SingleFile;

  constructor(style: Style, interDir: string) {
    const s = STYLES[style];
    this.style = style;
    this.inter = new SingleFile(path.join(interDir, s.inter), s.gamma);
    const packages = PACKAGES.map((p) => {
      const dir = packageDir(p.name);
      const id = JSON.parse(readFileSync(path.join(dir, 'metadata.json'), 'utf8')).id as string;
      const family: Family = p.subset ? new SingleFile(path.join(dir, 'files', `${id}-${p.subset}-${s.weight}-normal.woff`), s.gamma) : new RangeSplitFamily(dir, id, s.weight, s.gamma);
      return { name: p.name, family };
    });
    this.emoji = packages.find((p) => p.name === EMOJI_PACKAGE)!.family as SingleFile;
    this.families = [this.inter, ...packages.map((p) => p.family)];
  }

  /** The primary face (Inter): its metrics set the layout, and it draws the ellipsis. */
  get primary(): Face {
    return this.inter.get();
  }

  /** The first face, in `order`, that draws all of `cps` (a cluster's visible code points). */
  private faceForAll(cps: readonly number[], order: readonly Family[]): Face | null {
    for (const family of order) {
      const face = family.faceFor(cps[0]!);
      if (face && cps.every((cp) => face.font.glyphIndex(cp))) return face;
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
        const order = emoji ? [this.emoji, ...this.families] : this.families;
        if (!emoji && previous && !this.emoji.holds(previous) && NEUTRAL.test(segment) && cps.every((cp) => previous!.font.glyphIndex(cp))) face = previous;
        face ??= this.faceForAll(cps, order);
        if (!face) {
          // A character the fonts have only in pieces (HarfBuzz draws its decomposition: base and mark).
          const nfd = [...segment.normalize('NFD')].filter((ch) => !IGNORABLE.test(ch)).map((ch) => ch.codePointAt(0)!);
          face = this.faceForAll(nfd, order);
        }
        if (!face) {
          // Draw what the base's font has of the cluster; report the rest.
          for (const family of order) {
            face = family.faceFor(cps[0]!);
            if (face) break;
          }
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
