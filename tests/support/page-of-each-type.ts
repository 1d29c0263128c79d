/** One built page of each kind, found in dist/, so tests cover every page type without naming content. */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { ENTRY_TYPES, TYPE_INFO } from '../../src/lib/content-model/entry-types.ts';

const dist = path.resolve(import.meta.dirname, '../../dist');

function firstDir(dir: string, skip: string[] = []): string | undefined {
  if (!existsSync(dir)) return undefined;
  return readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory() && !skip.includes(d.name)).map((d) => d.name).sort()[0];
}

/** [label, path] for the home page, every type index, one entry of every type, a moment page, a full list of links and the search page. */
export function pageOfEachType(): Array<[string, string]> {
  const pages: Array<[string, string]> = [['home', '/'], ['search', '/search/']];
  for (const type of ENTRY_TYPES) {
    const folder = TYPE_INFO[type].folder;
    pages.push([`${type} index`, `/${folder}/`]);
    const id = firstDir(path.join(dist, folder), ['page']);
    if (id) pages.push([type, `/${folder}/${id}/`]);
  }
  const talk = firstDir(path.join(dist, 'talks'), ['page']);
  const moment = talk && firstDir(path.join(dist, 'talks', talk, 'at'));
  if (moment) pages.push(['moment', `/talks/${talk}/at/${moment}/`]);
  const listed = ENTRY_TYPES.flatMap((type) => {
    const folder = TYPE_INFO[type].folder;
    return existsSync(path.join(dist, folder)) ? readdirSync(path.join(dist, folder)).filter((id) => existsSync(path.join(dist, folder, id, 'links'))).map((id) => `/${folder}/${id}/links/`) : [];
  })[0];
  const relation = listed && firstDir(path.join(dist, listed));
  if (relation) pages.push(['full list of links', `${listed}${relation}/`]);
  return pages;
}
