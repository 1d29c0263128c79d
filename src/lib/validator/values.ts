/**
 * Walks parsed frontmatter (YAML data, or a schema's output) value by value.
 * The path is one array, extended and shortened as the walk goes: a check
 * copies it only for what it reports, so walking every entry of a large
 * knowledge base allocates nothing per value. Depth is bounded by the
 * frontmatter limits (limits.ts) before any walk runs.
 */
export type ValuePath = (string | number)[];

/** A check that looks at each value of an entry, during the one walk over it (validate-content.ts). */
export type ValueVisitor = (value: unknown, path: ValuePath) => void;

/** Visits every value under `value`, depth first; `visit` returning false skips what lies under that value. */
export function walkValues(value: unknown, visit: (value: unknown, path: ValuePath) => boolean | void, path: ValuePath = []): void {
  if (visit(value, path) === false) return;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      walkValues(value[i], visit, path);
      path.pop();
    }
  } else if (value !== null && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      path.push(key);
      walkValues((value as Record<string, unknown>)[key], visit, path);
      path.pop();
    }
  }
}
