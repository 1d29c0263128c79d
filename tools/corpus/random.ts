/**
 * The one source of randomness of the synthetic corpus: a seeded PRNG, so
 * the same seed gives the same corpus byte for byte. Nothing in tools/corpus/
 * reads the clock or an unseeded generator.
 */

/** mulberry32: a small, fast 32-bit PRNG; good enough for synthetic content. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Rng {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  /** An integer in [lo, hi], both included. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  /** Picks with a bias towards the start of the list, so some items become hubs. */
  pickSkewed<T>(items: readonly T[]): T {
    const r = this.next();
    return items[Math.floor(r * r * items.length)];
  }
  /** Up to `k` distinct items. */
  sample<T>(items: readonly T[], k: number, skewed = false): T[] {
    const out: T[] = [];
    const seen = new Set<T>();
    const want = Math.min(k, items.length);
    for (let tries = 0; out.length < want && tries < want * 8; tries++) {
      const item = skewed ? this.pickSkewed(items) : this.pick(items);
      if (!seen.has(item)) {
        seen.add(item);
        out.push(item);
      }
    }
    return out;
  }
}
