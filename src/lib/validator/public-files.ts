/**
 * The files the build copies from public/ as they are. None may be a link or
 * anything but a regular file: the build would publish whatever a link points
 * at. Images contributors add under public/images/ must be raster images,
 * recognised by their first bytes, named for what they are and at most
 * MAX_IMAGE_BYTES: an SVG (or an HTML file named .png) opened directly runs
 * its script with the site's origin on a host that ignores _headers and its
 * Content-Security-Policy, as GitHub Pages does.
 */
import path from 'node:path';
import { listContent, readContentFile, type Refusal } from './content-files.ts';
import { MAX_IMAGE_BYTES } from './limits.ts';

export interface PublicFiles {
  /** Site paths of the valid images: `/images/diagram.png`. */
  images: Set<string>;
  /** Site paths of files under images/ that are refused, each with an error of its own. */
  refusedImages: Set<string>;
  refused: Refusal[];
}

/** Each raster format, by its first bytes, with the file extensions it may have. */
const FORMATS: Array<{ name: string; extensions: string[]; test: (b: Uint8Array) => boolean }> = [
  { name: 'PNG', extensions: ['.png'], test: (b) => starts(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { name: 'JPEG', extensions: ['.jpg', '.jpeg'], test: (b) => starts(b, [0xff, 0xd8, 0xff]) },
  { name: 'GIF', extensions: ['.gif'], test: (b) => ascii(b, 0, 6) === 'GIF87a' || ascii(b, 0, 6) === 'GIF89a' },
  { name: 'WebP', extensions: ['.webp'], test: (b) => ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP' },
  { name: 'AVIF', extensions: ['.avif'], test: isAvif },
];

const starts = (b: Uint8Array, bytes: number[]) => bytes.every((x, i) => b[i] === x);
const ascii = (b: Uint8Array, from: number, to: number) => String.fromCharCode(...b.subarray(from, to));

/** An ISO-BMFF file whose ftyp box names avif or avis as its brand or a compatible one. */
function isAvif(b: Uint8Array): boolean {
  if (ascii(b, 4, 8) !== 'ftyp') return false;
  const size = Math.min(new DataView(b.buffer, b.byteOffset, b.byteLength).getUint32(0), b.length);
  const brands = [ascii(b, 8, 12)];
  for (let i = 16; i + 4 <= size; i += 4) brands.push(ascii(b, i, i + 4));
  return brands.some((x) => x === 'avif' || x === 'avis');
}

const ACCEPTED = `${FORMATS.slice(0, -1).map((f) => f.name).join(', ')} or ${FORMATS.at(-1)!.name}`;

/** Checks everything under `publicDir`; returns the images a body may show. */
export function checkPublicFiles(publicDir: string): PublicFiles {
  const listing = listContent(publicDir, 'public/');
  const refused = [...listing.refused];
  const images = new Set<string>();
  const refusedImages = new Set<string>();
  const imagesDir = path.join(publicDir, 'images') + path.sep;
  const sitePath = (full: string) => `/${path.relative(publicDir, full).split(path.sep).join('/')}`;
  for (const r of listing.refused) if (r.full.startsWith(imagesDir)) refusedImages.add(sitePath(r.full));
  for (const full of listing.files) {
    if (!full.startsWith(imagesDir)) continue;
    const problem = imageProblem(full);
    if (problem) {
      refused.push(problem);
      refusedImages.add(sitePath(full));
    } else {
      images.add(sitePath(full));
    }
  }
  return { images, refusedImages, refused };
}

function imageProblem(full: string): Refusal | undefined {
  const read = readContentFile(full, MAX_IMAGE_BYTES, 'an image', 'public/', 'make it smaller: resize or compress it');
  if (!read.ok) return read.refusal;
  const format = FORMATS.find((f) => f.test(read.bytes));
  const ext = path.extname(full).toLowerCase();
  if (!format) {
    return { full, message: `is not a ${ACCEPTED} image (judged by its first bytes, not its name)`, fix: 'save it as PNG, JPEG, WebP, GIF or AVIF: SVG and other formats can carry scripts, so they are not served from images/' };
  }
  if (!format.extensions.includes(ext)) {
    return { full, message: `is a ${format.name} image named ${ext || 'without an extension'}`, fix: `rename it to ${path.basename(full, ext)}${format.extensions[0]}, so browsers and hosts agree on what it is` };
  }
  return undefined;
}
