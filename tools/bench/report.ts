/**
 * The benchmark's results as a Markdown table, one column per corpus size.
 */
import type { BenchResult } from './run.ts';

export function benchTable(results: readonly BenchResult[]): string {
  const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
  const rows: string[][] = [['', ...results.map((r) => `${r.entries === 'real' ? 'real content' : `${r.entries} entries`}${r.transcripts ? `, ${r.transcripts} transcripts` : ''}`)]];
  const get = (f: (r: BenchResult) => string) => results.map(f);
  rows.push(['validation', ...get((r) => `${r.validationMs} ms`)]);
  rows.push(['full build (fastest clean run)', ...get((r) => `${r.fullBuild.seconds.toFixed(1)} s${r.fullBuild.runs.length > 1 ? ` (runs: ${r.fullBuild.runs.join(', ')} s)` : ''}`)]);
  for (const phase of Object.keys(results[0].fullBuild.phases)) rows.push([`  ${phase}`, ...get((r) => (Number.isNaN(r.fullBuild.phases[phase]) ? "-" : `${(r.fullBuild.phases[phase] / 1000).toFixed(1)} s`))]);
  rows.push(['ms per page', ...get((r) => `${r.fullBuild.msPerPage}`)]);
  rows.push(['peak memory (build process)', ...get((r) => `${r.fullBuild.peakMemoryMB} MB`)]);
  rows.push(['pages', ...get((r) => `${r.fullBuild.pages}`)]);
  rows.push(['output size', ...get((r) => `${r.fullBuild.outputMB} MB`)]);
  rows.push(['largest page (HTML, gzip)', ...get((r) => `${kb(r.fullBuild.largestPage.gzip)} (${r.fullBuild.largestPage.path})`)]);
  for (const kind of Object.keys(results[0].fullBuild.pageBytes) as Array<keyof BenchResult['fullBuild']['pageBytes']>) {
    rows.push([`${kind} pages (HTML, gzip): median / largest`, ...get((r) => {
      const p = r.fullBuild.pageBytes[kind];
      return p.pages ? `${kb(p.median)} / ${kb(p.largest)} (${p.pages} pages)` : '-';
    })]);
  }
  rows.push(['build after changing one entry', ...get((r) => `${r.secondBuild.seconds.toFixed(1)} s (${r.secondBuild.rendered} rendered, ${r.secondBuild.skipped} skipped)`)]);
  const first = results[0];
  if (first.firstVisitBytes && first.firstSearch) {
    for (const label of Object.keys(first.firstVisitBytes)) {
      rows.push([`first visit: ${label} (HTML / CSS / JS)`, ...get((r) => {
        const t = r.firstVisitBytes![label];
        return `${kb(t.html)} / ${kb(t.css)} / ${kb(t.js)}`;
      })]);
    }
    const searches = results.reduce((a, r) => (r.firstSearch!.length > a.firstSearch!.length ? r : a)).firstSearch!;
    searches.forEach((run, i) => {
      const label = `first search, ${run.path.replace(/ on .*/, '')}${i > 1 ? ` ("${run.query}")` : ''}`;
      rows.push([label, ...get((r) => {
        const s = r.firstSearch![i];
        if (!s) return '-';
        const chunks = kb(s.bytesByKind['index chunks'] ?? 0);
        return `${s.kilobytes} KB in ${s.requests} requests (index chunks ${chunks}), ${s.results} results in ${s.msToResults} ms${i > 1 ? '' : ` ("${s.query}")`}`;
      })]);
    });
  }
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  const line = (r: string[]) => `| ${r.map((cell, c) => cell.padEnd(widths[c])).join(' | ')} |`;
  return [line(rows[0]), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.slice(1).map(line)].join('\n');
}
