/**
 * Hand-offs within one `astro build`, from code Astro loads in one module
 * graph (the content loader, pages) to code it loads in another (the
 * integrations). A module's own state is not shared between the graphs, so a
 * hand-off lives on globalThis, under a registered symbol, here alone.
 *
 * Two kinds. An integration opens a hand-off when the build is configured;
 * the producer publishes into it; the integration takes what was published,
 * once, or, if it opened the hand-off with a receiver, gets it the moment it
 * is published (to start work on it early). Without an open hand-off (astro dev, astro sync) nobody takes
 * anything, and a published value is dropped. A shared value (`share`) is
 * instead read by pages as often as they like, in builds and in dev, until
 * the producer shares the next one.
 */
type Slot = { value?: unknown; receive?: (value: unknown) => void };
const slots = globalThis as typeof globalThis & Record<symbol, Slot | undefined>;
const key = (name: string) => Symbol.for(`mlops-kb/${name}`);

/** From now on, what is published under `name` is kept for `take`, and given to `receive` if there is one. */
export function openHandoff(name: string, receive?: (value: unknown) => void): void {
  slots[key(name)] = { receive };
}

export function publish(name: string, value: unknown): void {
  const slot = slots[key(name)];
  if (!slot) return;
  slot.value = value;
  slot.receive?.(value);
}

/** What was published under `name`; `missing` says, for the error, what should have published it and when. */
export function take<T>(name: string, missing: string): T {
  const slot = slots[key(name)];
  if (slot?.value === undefined) throw new Error(missing);
  delete slots[key(name)];
  return slot.value as T;
}

/** Replaces the value pages read under `name`. */
export function share(name: string, value: unknown): void {
  slots[key(name)] = { value };
}

/** The value last shared under `name`, if any. */
export function shared<T>(name: string): T | undefined {
  return slots[key(name)]?.value as T | undefined;
}
