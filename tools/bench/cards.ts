/**
 * CPU time per social card (process.cpuUsage, so neighbours on a shared machine count less than
 * in wall time), best of `rounds`, in one process. The inputs are the cards of a content folder,
 * computed as the build computes them (validator, link graph, card-jobs.ts); each round changes
 * their titles, subtitles and details, as every card of a build differs, so no memo helps across
 * rounds. With a baseline renderer (e.g. src/lib/cards/render.ts of an older checkout), both run in
 * the same process, rounds alternating. Then the same cards with titles and names in other scripts.
 */
import path from 'node:path';
import { cardJobs } from '../../src/lib/cards/card-jobs.ts';
import type { CardInput } from '../../src/lib/cards/render.ts';
import { loadKnowledgeBase } from '../../src/lib/validator/validate-content.ts';

const root = path.resolve(import.meta.dirname, '../..');

type Render = (input: CardInput) => Buffer;
const load = async (file: string): Promise<Render> => (await import(path.resolve(file))).renderCard;

export async function benchCards(opts: { contentDir: string; rounds: number; baseline?: string }): Promise<void> {
  const kb = await loadKnowledgeBase({ root, contentDir: opts.contentDir });
  if (kb.diagnostics.some((d) => d.severity === 'error')) throw new Error(`${opts.contentDir} has validation errors: run npm run validate`);
  const inputs = cardJobs(kb.graph).map((j) => j.input);
  const rounds = opts.rounds;

  const renderers: Array<[string, Render]> = [['this checkout', await load(path.join(root, 'src/lib/cards/render.ts'))]];
  if (opts.baseline) renderers.unshift([`baseline ${opts.baseline}`, await load(opts.baseline)]);

  const cpu = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };

  /** Best CPU ms per card of `render` over the batches `batch(1..rounds)`, after one warm-up batch. */
  function measure(renders: Render[], batch: (round: number) => CardInput[]): number[] {
    for (const render of renders) for (const input of batch(0)) render(input);
    const best = renders.map(() => Infinity);
    for (let round = 1; round <= rounds; round++) {
      renders.forEach((render, k) => {
        const cards = batch(round * renders.length + k);
        const started = cpu();
        for (const input of cards) render(input);
        best[k] = Math.min(best[k]!, (cpu() - started) / cards.length);
      });
    }
    return best;
  }

  const vary = (round: number, title?: string, subtitle?: string) =>
    inputs.map((i, k) => ({ ...i, title: `${title ?? i.title} ${round}.${k}`, subtitle: subtitle ? `${subtitle} ${round}` : i.subtitle && `${i.subtitle} ${round}`, detail: i.detail && `${i.detail} ${round}` }));

  console.log(`${inputs.length} cards, best of ${rounds} rounds, CPU ms per card`);
  measure(renderers.map(([, r]) => r), (round) => vary(round)).forEach((ms, k) => console.log(`  ${ms.toFixed(2)}  ${renderers[k]![0]} (the site's cards)`));

  const scripts: Record<string, [string, string]> = {
    Japanese: ['機械学習システムの技術的負債と本番運用で学んだこと', '山田 太郎 · 佐藤 花子'],
    Chinese: ['机器学习系统中的技术债务与生产实践', '张伟 · 刘阳'],
    Arabic: ['الديون التقنية الخفية في أنظمة التعلم الآلي', 'محمد أحمد · فاطمة الزهراء'],
    Devanagari: ['मशीन लर्निंग प्रणालियों में छिपा तकनीकी ऋण', 'क्षत्रिय श्रीवास्तव · द्विवेदी'],
    emoji: ['🚀 Shipping models faster 🤖 with feature stores 👍', 'Team 👨‍👩‍👧 🇯🇵'],
    mixed: ['MLOps في الإنتاج: feature stores و 機械学習 at scale', 'Kenji 田中 · سارة Smith'],
  };
  const current = renderers.at(-1)![1];
  for (const [name, [title, subtitle]] of Object.entries(scripts)) {
    const [ms] = measure([current], (round) => vary(round, title, subtitle));
    console.log(`  ${ms!.toFixed(2)}  ${name}`);
  }
}
