/**
 * What the importer needs to know of the entries already in the content
 * folder: people (to match names and profile links) and topics (to suggest
 * tags by name and alias). Read from each file's frontmatter; a file that
 * does not parse is skipped here and reported by the validator.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { decodeEntry, parseYaml, splitFrontmatter } from '../../validator/entry-file.ts';

export interface KnownPerson {
  id: string;
  name: string;
  links: string[];
}

export interface KnownTopic {
  id: string;
  name: string;
  aliases: string[];
}

/** The frontmatter of every entry in one folder of the content root, by id, in id order. */
function frontmatters(contentRoot: string, folder: string): Array<{ id: string; data: Record<string, unknown> }> {
  const dir = path.join(contentRoot, folder);
  let files: string[];
  try {
    files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.mdx') && !path.basename(f).startsWith('.'));
  } catch {
    return [];
  }
  return files
    .map((f) => ({ id: path.basename(f, '.mdx'), file: f }))
    .sort((a, b) => a.id.localeCompare(b.id))
    .flatMap(({ id, file }) => {
      const decoded = decodeEntry(readFileSync(path.join(dir, file)));
      const fm = decoded.ok ? splitFrontmatter(decoded.text) : undefined;
      const data = fm?.ok ? parseYaml(fm.yaml).data : undefined;
      return data && typeof data === 'object' && !Array.isArray(data) ? [{ id, data: data as Record<string, unknown> }] : [];
    });
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** The people in content/people/: id, name and profile links. */
export function knownPeople(contentRoot: string): KnownPerson[] {
  return frontmatters(contentRoot, 'people').flatMap(({ id, data }) =>
    typeof data.name === 'string' ? [{ id, name: data.name, links: Array.isArray(data.links) ? data.links.flatMap((l) => (typeof l?.url === 'string' ? [l.url as string] : [])) : [] }] : [],
  );
}

/** The topics in content/topics/: id, name and aliases. */
export function knownTopics(contentRoot: string): KnownTopic[] {
  return frontmatters(contentRoot, 'topics').flatMap(({ id, data }) => (typeof data.name === 'string' ? [{ id, name: data.name, aliases: strings(data.aliases) }] : []));
}
