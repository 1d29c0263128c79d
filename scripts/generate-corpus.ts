/**
 * node scripts/generate-corpus.ts --entries 1000 --out .bench/corpus-1000 [--seed 1]
 *
 * Writes a synthetic, schema-valid knowledge base of exactly `--entries`
 * entry files across all eight types, for benchmarks and tests. The output is
 * deterministic: the same arguments give byte-identical files. Everything
 * random comes from one seeded PRNG (mulberry32); nothing reads the clock.
 *
 * The corpus has the shape of the real site at scale: talks with chapters
 * (some past an hour, so h:mm:ss times appear), speakers, takeaways and a
 * 180-300 word summary; myths, patterns, war stories, references and maturity
 * models that cite talk moments inside each talk's duration, link each other
 * with typed `related` links and with reference links in their bodies; people
 * with affiliations and their sources; and a bounded topic vocabulary
 * (40-80 topics whatever the size) with a `broader` hierarchy.
 *
 * `--out` is deleted and recreated first. To keep that safe, the script
 * refuses the project's content/ directory (and anything inside it or
 * holding it), and refuses to empty an existing non-empty directory that it
 * did not generate (it leaves a `.generated-corpus` marker, which the
 * validator skips like every dotfile).
 *
 * `generateCorpus({ entries, seed })` returns the files as a map from path
 * (relative to the content root, like `talks/some-id.mdx`) to text, for tests
 * and benchmarks that do not want the CLI.
 */
import { existsSync, mkdirSync, readdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ENTRY_TYPES, TYPE_INFO, slugify, type EntryType } from '../src/lib/content-model/entry-types.ts';
import { CHOOSABLE_RELATIONS } from '../src/lib/content-model/relations.ts';
import { formatTimestamp } from '../src/lib/content-model/timestamps.ts';
import { PATTERN_CATEGORIES } from '../src/lib/content-model/schemas/pattern.ts';
import { REFERENCE_KINDS } from '../src/lib/content-model/schemas/reference.ts';

export interface CorpusOptions {
  /** Exactly how many entry files to generate (at least 8, one per type). */
  entries: number;
  /** PRNG seed; the same entries and seed give the same files. Default 1. */
  seed?: number;
}

export const MIN_ENTRIES = ENTRY_TYPES.length;
export const MARKER_FILE = '.generated-corpus';

// ---------------------------------------------------------------------------
// Randomness

/** mulberry32: a small, fast 32-bit PRNG; good enough for synthetic content. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rng {
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

// ---------------------------------------------------------------------------
// Vocabulary

const TOPICS: ReadonlyArray<readonly [string, ...string[]]> = [
  ['Feature stores', 'feature platform'], ['Model monitoring', 'model observability'], ['Data drift', 'covariate shift'],
  ['Concept drift'], ['Continuous training', 'CT'], ['Model registry'], ['Experiment tracking'], ['Data validation'],
  ['Model serving', 'inference serving'], ['Batch inference'], ['Online inference', 'real-time inference'], ['Shadow deployment', 'dark launch'],
  ['Canary releases'], ['A/B testing', 'online experiments'], ['Feature engineering'], ['Data versioning'],
  ['Pipeline orchestration', 'workflow orchestration'], ['ML platforms', 'internal ML platform'], ['LLMOps', 'LLM operations'], ['Retrieval-augmented generation', 'RAG'],
  ['Prompt management'], ['Model evaluation', 'evals'], ['Observability'], ['Cost management', 'FinOps for ML'],
  ['GPU scheduling'], ['Kubernetes for ML'], ['Infrastructure as code', 'IaC'], ['CI/CD for ML', 'continuous delivery for ML'],
  ['Technical debt'], ['Reproducibility'], ['Data quality'], ['Data labeling', 'annotation'],
  ['Active learning'], ['Model governance'], ['Responsible AI'], ['Fairness'],
  ['Explainability', 'XAI'], ['Privacy'], ['ML security'], ['Edge deployment', 'on-device ML'],
  ['Model compression', 'quantization'], ['Distributed training'], ['Hyperparameter tuning'], ['AutoML'],
  ['Data contracts'], ['Data lineage'], ['Metadata management'], ['Team topologies'],
  ['ML product management'], ['Incident response', 'postmortems'], ['On-call for ML'], ['ML testing', 'ML Test Score'],
  ['Training-serving skew'], ['Embeddings'], ['Vector databases', 'vector search'], ['Fine-tuning'],
  ['Model cards'], ['Streaming features'], ['Real-time ML'], ['Recommender systems', 'recsys'],
  ['Forecasting', 'time series'], ['Computer vision'], ['Natural language processing', 'NLP'], ['Synthetic data'],
  ['Data mesh'], ['Lakehouse'], ['Model packaging'], ['Containerisation', 'containers'],
  ['Serverless inference'], ['Latency budgets'], ['Caching'], ['Rollbacks'],
  ['Alerting'], ['Service level objectives', 'SLOs'], ['Build versus buy'], ['Open source tooling'],
  ['Vendor lock-in'], ['Documentation'], ['Onboarding'], ['Agents', 'agentic systems'],
  ['Guardrails'], ['Human in the loop', 'HITL'], ['Model lifecycle'], ['Notebooks in production'],
];

const FIRST_NAMES = [
  'Ana', 'Ben', 'Chloé', 'David', 'Elif', 'Farid', 'Grace', 'Hiro', 'Ines', 'Jonas', 'Kavya', 'Liam', 'Maya', 'Nikolai', 'Olu',
  'Priya', 'Quentin', 'Rosa', 'Sven', 'Tomás', 'Uma', 'Victor', 'Wen', 'Ximena', 'Yusuf', 'Zoë', 'Aisha', 'Bruno', 'Carmen', 'Dmitri',
  'Emeka', 'Fatima', 'Gustavo', 'Hannah', 'Ivan', 'Julia', 'Kenji', 'Lena', 'Mateo', 'Noor', 'Oscar', 'Paula', 'Rahul', 'Sara',
  'Thabo', 'Ulla', 'Valentina', 'Will', 'Yara', 'Zain', 'Amara', 'Björn', 'Camille', 'Diego', 'Esther', 'Felix', 'Giulia', 'Hamza',
];
const LAST_NAMES = [
  'Silva', 'Okafor', 'Müller', 'Nakamura', 'Kowalski', 'Haddad', 'Johansson', 'Patel', 'Moreau', 'Rossi', 'Novak', 'Fernández',
  'Chen', 'Ivanova', 'Mensah', 'Larsen', 'García', 'Tanaka', 'Dubois', 'Schmidt', 'Kim', 'Oliveira', 'Nguyen', 'Brennan', 'Costa',
  'Hoffmann', 'Yilmaz', 'Andersen', 'Reyes', 'Sato', 'Walsh', 'Horvat', 'Achebe', 'Lindqvist', 'Bianchi', 'Kapoor', 'Novotná',
  'Ortiz', 'Park', 'Quinn', 'Rahman', 'Svensson', 'Toure', 'Ueda', 'Vargas', 'Weber', 'Xu', 'Young', 'Zhang', 'Abebe', 'Brinkmann',
  'Castillo', 'Dias', 'Eriksen', 'Fischer', 'Gallagher', 'Ito', 'Jovanović', 'Kraus', 'Lopes',
];
const INITIALS = 'ABCDEFGHJKLMNPRSTVW'.split('');

const COMPANIES = [
  'Acme Logistics', 'Northwind Bank', 'Globex Retail', 'Initech', 'Umbrella Health', 'Stark Mobility', 'Wayne Analytics', 'Hooli',
  'Pied Piper', 'Vandelay Imports', 'Soylent Foods', 'Tyrell Robotics', 'Cyberdyne Cloud', 'Aperture Labs', 'Monarch Insurance',
  'Blue Sun Energy', 'Oceanic Airlines', 'Gringotts Payments', 'Massive Dynamic', 'Wonka Labs', 'Dunder Paper', 'Prestige Worldwide',
  'Nakatomi Trading', 'Weyland Systems', 'Octan Fuels', 'Sirius Cybernetics', 'Virtucon', 'Zorg Industries', 'Ollivander Tools',
  'Kwik-E Mart Data',
];
const JOB_ROLES = [
  'ML engineer', 'Senior ML engineer', 'Staff ML engineer', 'Head of ML platform', 'Data scientist', 'Principal data scientist',
  'MLOps engineer', 'Engineering manager', 'Director of data', 'CTO', 'Co-founder', 'Research scientist', 'Platform lead',
  'Developer advocate', 'Product manager, ML', 'VP of engineering', 'Data engineer', 'Solutions architect',
];
const SERIES = [
  'MLOps Coffee Sessions', 'MLOps Community Podcast', 'MLOps Community Meetup', 'LLMs in Production', 'AI in Production',
  'MLOps Reading Group', 'Data Engineering for ML', 'Platform Office Hours',
];
const PUBLISHERS = [
  'Google Cloud', 'Microsoft Azure', 'AWS', 'Databricks', 'ThoughtWorks', 'MLOps Community', 'Red Hat', 'Valohai', 'NVIDIA', 'Canonical',
  'Gartner', 'IBM', 'Snowflake', 'Weights and Biases', 'Hugging Face', 'Neptune', 'Iguazio', 'Domino', 'DataRobot', 'Oracle',
];
const VENUES = ['NeurIPS', 'ICML', 'KDD', 'MLSys', 'OSDI', 'VLDB', 'IEEE Big Data', 'SIGMOD', "O'Reilly Media", 'Manning', 'the company blog', 'ACM Queue', 'arXiv'];

const SUBJECTS = [
  'the team', 'the platform team', 'a two-person data science team', 'the speaker', 'the guest', 'most organisations',
  'the on-call engineer', 'every model owner', 'the analytics group', 'a fintech start-up', 'the search team', 'our host',
  'the infrastructure group', 'a retail company', 'the research lab', 'product managers', 'the data engineers', 'a healthcare provider',
  'the fraud team', 'a logistics company', 'the recommendations squad', 'a public sector agency',
];
const VERBS = [
  'rebuilt', 'monitored', 'versioned', 'retrained', 'documented', 'automated', 'questioned', 'measured', 'simplified', 'migrated',
  'replaced', 'tested', 'audited', 'shipped', 'split', 'consolidated', 'instrumented', 'benchmarked', 'deprecated', 'standardised',
];
const OBJECTS = [
  'the feature pipeline', 'the training data', 'the serving layer', 'the evaluation suite', 'the model registry', 'the nightly batch jobs',
  'every production model', 'the labeling workflow', 'the experiment tracker', 'the drift dashboards', 'the deployment scripts',
  'the data contracts', 'the embedding index', 'the GPU cluster', 'the prompt templates', 'the retraining schedule', 'the alerting rules',
  'the offline metrics', 'the inference cache', 'the lineage graph', 'the shared notebooks', 'the canary analysis',
];
const TAILS = [
  'before the first incident', 'without adding new tooling', 'over two quarters', 'once the data contracts were agreed',
  'with a single shared dashboard', 'after a painful outage', 'in less than a month', 'while traffic kept growing',
  'to cut the cloud bill', 'so that releases became boring', 'because nobody trusted the numbers', 'with help from the security team',
  'long before it was fashionable', 'to make audits painless', 'as the company grew', 'despite a tight budget', 'and never looked back',
  'to shorten the feedback loop', 'for every new use case', 'under real production load',
];
const OPENERS = ['', '', '', '', 'In practice, ', 'As a result, ', 'Surprisingly, ', 'Later, ', 'Meanwhile, ', 'At first, ', 'Over time, ', 'In the end, ', 'Crucially, ', 'By contrast, '];
const ABSTRACTS = [
  'ownership', 'interface design', 'a sensible default', 'observability', 'reproducibility', 'team culture', 'fast feedback', 'simple tooling',
  'data quality', 'documentation', 'a shared vocabulary', 'a boring release process', 'careful evaluation', 'cost awareness',
];
const ANALOGIES = ['any other production service', 'a product with real users', 'a contract between teams', 'a living document', 'a shared library', 'critical infrastructure'];
const FAILURES = ['break', 'drift', 'slow down', 'fail silently', 'double in cost', 'fall out of date', 'page the wrong team'];
const EFFECTS = [
  'save hours every week', 'remove a whole class of bugs', 'halve the time to production', 'make the on-call rotation bearable',
  'surface problems days earlier', 'unblock three other teams', 'pay for themselves within a quarter',
];
const HEADINGS = ['Why it matters', 'In practice', 'What to watch for', 'How teams get there', 'Where it goes wrong', 'Further reading', 'The short version'];

const TALK_TITLE_TEMPLATES = [
  (t: string, c: string) => `Scaling ${t} at ${c}`,
  (t: string) => `What we learned from five years of ${t}`,
  (t: string) => `${cap(t)}: lessons from production`,
  (t: string) => `Why your ${t} strategy is failing`,
  (t: string) => `From notebooks to ${t}`,
  (t: string) => `The hidden cost of ${t}`,
  (t: string, c: string) => `How ${c} does ${t}`,
  (t: string) => `${cap(t)} without the hype`,
  (t: string) => `A practical guide to ${t}`,
  (t: string) => `${cap(t)} for small teams`,
  (t: string, c: string) => `Rebuilding ${t} at ${c}`,
  (t: string) => `Getting ${t} right the second time`,
  (t: string, c: string) => `${cap(t)} in a regulated industry: the ${c} story`,
  (t: string) => `Ten things nobody tells you about ${t}`,
  (t: string, c: string) => `Inside the ${t} stack at ${c}`,
  (t: string) => `Is ${t} worth it?`,
  (t: string) => `Debugging ${t} in production`,
  (t: string) => `The state of ${t}`,
];
const CHAPTER_TITLES = [
  'Introductions', 'Background', 'How the platform started', 'The first model in production', 'What broke', 'Choosing the tools',
  'Team structure', 'Monitoring in practice', 'Data quality checks', 'Cost and budgets', 'Evaluation', 'Lessons learned', 'Hiring',
  'Build versus buy', 'The migration', 'Rollouts and rollbacks', 'Working with product', 'Open source', 'Governance', 'Audience questions',
  'What is next', 'Wrap-up', 'Rapid-fire questions', 'Advice for newcomers', 'A war story', 'The architecture', 'Feature pipelines',
  'Serving at scale', 'Retraining', 'LLMs and agents',
];
const PATTERN_PREFIXES = [
  'Shadow', 'Canary', 'Cascading', 'Ensemble', 'Fallback', 'Two-Phase', 'Windowed', 'Checkpointed', 'Federated', 'Stateless',
  'Keyed', 'Batched', 'Tiered', 'Versioned', 'Gated', 'Rebalanced', 'Hashed', 'Cached', 'Distilled', 'Frozen', 'Sharded', 'Replayable',
];
const PATTERN_NOUNS = [
  'Feature Store', 'Model Serving', 'Inference', 'Training Loop', 'Evaluation', 'Rollout', 'Feature Cross', 'Embedding', 'Labeling',
  'Retraining', 'Prediction Cache', 'Data Validation', 'Model Registry', 'Serving Function', 'Pipeline', 'Checkpoint', 'Workflow',
  'Prompt Store', 'Retrieval', 'Scoring',
];
const PATTERN_QUALIFIERS = ['with Backfill', 'per Tenant', 'at the Edge', 'for Streaming', 'with Human Review', 'behind a Flag', 'over Snapshots'];
const MYTH_THINGS = [
  'a feature store', 'Kubernetes', 'more data', 'a bigger model', 'AutoML', 'a data lake', 'an ML platform', 'real-time inference',
  'a vector database', 'fine-tuning', 'a model registry', 'deep learning', 'an LLM', 'a monorepo', 'offline accuracy',
  'a data catalogue', 'an orchestrator', 'synthetic data', 'a lakehouse', 'prompt engineering', 'an evaluation harness', 'GPUs',
  'a dedicated MLOps team', 'microservices', 'a service mesh',
];
const MYTH_SCOPES = ['', '', '', ' for small teams', ' in regulated industries', ' once you have ten models', ' for LLM applications', ' in a start-up', ' at enterprise scale'];
const MYTH_TEMPLATES = [
  (a: string) => `You need ${a} on day one`,
  (a: string) => `${cap(a)} always beats better features`,
  (a: string) => `${cap(a)} solves monitoring`,
  (a: string) => `${cap(a)} is only for big tech`,
  (a: string) => `Nobody needs ${a} anymore`,
  (a: string) => `${cap(a)} makes data scientists obsolete`,
  (a: string) => `${cap(a)} removes the need for testing`,
  (a: string) => `Every team should build ${a}`,
  (a: string) => `${cap(a)} guarantees reproducibility`,
  (a: string) => `${cap(a)} is too expensive to start with`,
  (a: string) => `Buying ${a} is always cheaper than building it`,
  (a: string) => `${cap(a)} fixes bad data`,
  (a: string) => `You can add ${a} later without pain`,
  (a: string) => `${cap(a)} is a solved problem`,
];
const STORY_ADJECTIVES = ['silent', 'forgotten', 'expensive', 'innocent-looking', 'midnight', 'untested', 'orphaned', 'runaway', 'stale', 'duplicated', 'half-finished', 'hard-coded', 'undocumented', 'well-meant'];
const STORY_NOUNS = [
  'schema change', 'cron job', 'feature flag', 'training run', 'GPU reservation', 'label fix', 'config file', 'timezone bug', 'cache key',
  'retry loop', 'backfill', 'dependency upgrade', 'random seed', 'sampling step', 'join key', 'default threshold',
];
const STORY_EVENTS = [
  'broke the forecasts', 'doubled the cloud bill', 'took down search', 'poisoned the training set', 'paged the whole company',
  'froze every release', 'leaked into production', 'hid a drift for weeks', 'fooled the offline metrics', 'emptied the feature store',
  'filled the disk', 'blocked the audit',
];
const REFERENCE_TEMPLATES = [
  (t: string) => `${t} in Practice`,
  (t: string) => `A Survey of ${t}`,
  (t: string) => `Towards Reliable ${t}`,
  (t: string) => `${t}: A Field Guide for Engineers`,
  (t: string) => `Hidden Costs of ${t}`,
  (t: string) => `Designing ${t} Systems`,
  (t: string) => `${t} at Scale: An Industry Study`,
  (t: string) => `Rethinking ${t}`,
  (t: string) => `${t}: Patterns and Anti-Patterns`,
  (t: string) => `The Economics of ${t}`,
  (t: string) => `An Empirical Study of ${t} Failures`,
  (t: string) => `Lessons Learned from ${t} in Industry`,
  (t: string) => `${t} for Practitioners`,
  (t: string) => `Benchmarking ${t}`,
  (t: string) => `On the Reliability of ${t}`,
  (t: string) => `${t}: What We Know and What We Don't`,
];
/** In order of maturity: a model's levels keep this order. */
const MATURITY_LEVELS = [
  'Manual process', 'Managed experimentation', 'Repeatable pipelines', 'Automated training', 'Monitored production',
  'Continuous delivery', 'Governed operations', 'Self-service platform', 'Full automation',
];
const CHAPTER_SUFFIXES = ['in practice', 'deep dive', 'trade-offs', 'tooling', 'questions', 'war stories', 'at scale'];
/** Words that keep their capital letter inside a sentence. */
const PROPER = new Set(['Kubernetes', 'AutoML', 'LLMOps', 'A/B', 'CI/CD', 'RAG', 'CT', 'NLP', 'XAI']);
const MATURITY_NAMES = [
  'MLOps maturity model', 'ML engineering levels', 'MLOps capability model', 'AI readiness scale', 'ML platform maturity', 'LLMOps maturity levels',
  'Data and AI maturity framework', 'Model operations maturity', 'Responsible AI maturity model', 'ML monitoring maturity', 'Feature platform maturity curve', 'GenAI adoption levels',
];
const TRADE_OFFS = [
  'Another system to run', 'More moving parts', 'A slower first release', 'Higher storage cost', 'Subtle correctness rules',
  'A steeper learning curve', 'Extra latency on the hot path', 'Harder debugging', 'More on-call surface',
];
const LOCATORS = ['Section 2', 'Section 3', 'Chapter 4', 'Chapter 6', 'Figure 2', 'Table 1', 'Appendix A', 'page 12'];

const RELATED_RELATIONS = CHOOSABLE_RELATIONS.filter((r) => r !== 'maps-to');

// ---------------------------------------------------------------------------
// Text helpers

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
/** Lowercases the first letter for use inside a sentence, keeping acronyms and names (CT, Kubernetes) as they are. */
function lower(s: string): string {
  return PROPER.has(s.split(' ')[0]) || /^[A-Z]{2}/.test(s) ? s : s.charAt(0).toLowerCase() + s.slice(1);
}
/** Title Case for paper titles: `Model lifecycle` → `Model Lifecycle`. */
function titleCase(s: string): string {
  return s.replace(/(^|[\s-])([a-z])/g, (_m, pre: string, c: string) => pre + c.toUpperCase()).replace(/(?<=\s)(For|In|Of|And|The|To|At|On)(?=\s)/g, (w) => w.toLowerCase());
}
/** `is` or `are`, for a noun phrase from OBJECTS. */
function be(noun: string): string {
  return /s$/.test(noun) && !/(ss|is)$/.test(noun) ? 'are' : 'is';
}
/** Words as the validator counts them: runs of non-whitespace. */
function words(s: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const space = c === 32 || c === 10 || c === 9 || c === 13;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}
/** Cuts `s` at a word boundary so it fits `max` characters, ending with a full stop. */
function fit(s: string, max: number): string {
  if (s.length <= max) return s;
  let out = s.slice(0, max - 1);
  out = out.slice(0, out.lastIndexOf(' ')).replace(/[,;:.]+$/, '');
  return `${out}.`;
}

const DAY = 86_400_000;
const EPOCH_2019 = Date.UTC(2019, 0, 1);
const EPOCH_2020 = Date.UTC(2020, 0, 1);
const DAYS_2020_2026 = (Date.UTC(2027, 0, 1) - EPOCH_2020) / DAY;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

// ---------------------------------------------------------------------------
// YAML output (a small writer: ids and references plain, free text quoted)

type Yaml = string | number | boolean | Raw | Yaml[] | { [key: string]: Yaml | undefined };
/** Text written as is (ids, references, dates). */
class Raw {
  readonly text: string;
  constructor(text: string) {
    this.text = text;
  }
}
const PLAIN = /^[a-z][a-z0-9-]*(?::[a-z0-9-]+(?:#[a-z0-9-]+)?)?$|^\d{4}-\d{2}(?:-\d{2})?$/;
/** A plain YAML scalar, quoted after all if YAML would read it as something other than text. */
const plain = (s: string) => new Raw(/^(?:true|false|null|yes|no|on|off|~|[-+.]?\d.*)$/i.test(s) && !/^\d{4}-\d{2}(?:-\d{2})?$/.test(s) ? JSON.stringify(s) : s);

function scalar(v: Yaml): string {
  if (v instanceof Raw) return v.text;
  if (typeof v === 'string') return PLAIN.test(v) && !/^(?:true|false|null|yes|no|on|off)$/.test(v) ? v : JSON.stringify(v);
  return String(v);
}
const isScalar = (v: Yaml | undefined) => v === undefined || typeof v !== 'object' || v instanceof Raw;

function flow(v: Yaml): string {
  if (isScalar(v)) return scalar(v);
  if (Array.isArray(v)) return `[${v.map(flow).join(', ')}]`;
  const parts = Object.entries(v).filter(([, x]) => x !== undefined).map(([k, x]) => `${k}: ${flow(x!)}`);
  return `{ ${parts.join(', ')} }`;
}

/** A map in block style; short objects in lists are written in flow style, as contributors do. */
function block(obj: { [key: string]: Yaml | undefined }, indent: string, out: string[]): void {
  for (const [key, value] of Object.entries(obj)) {
    if (value === undefined) continue;
    if (isScalar(value)) {
      out.push(`${indent}${key}: ${scalar(value)}`);
    } else if (Array.isArray(value)) {
      if (value.every((x) => isScalar(x))) {
        const line = flow(value);
        if (line.length < 100) {
          out.push(`${indent}${key}: ${line}`);
          continue;
        }
      }
      out.push(`${indent}${key}:`);
      for (const item of value) {
        const line = flow(item);
        if (line.length <= 110 || Array.isArray(item)) {
          out.push(`${indent}  - ${line}`);
        } else {
          const inner: string[] = [];
          block(item as { [key: string]: Yaml | undefined }, `${indent}    `, inner);
          inner[0] = `${indent}  - ${inner[0].trimStart()}`;
          out.push(...inner);
        }
      }
    } else {
      out.push(`${indent}${key}:`);
      block(value as { [key: string]: Yaml | undefined }, `${indent}  `, out);
    }
  }
}

function mdx(front: { [key: string]: Yaml | undefined }, body: string): string {
  const lines = ['---'];
  block(front, '', lines);
  lines.push('---');
  return `${lines.join('\n')}\n${body}\n`;
}

// ---------------------------------------------------------------------------
// Plans: what exists, decided before any file is written, so every reference
// can point at something real.

interface TalkPlan {
  id: string;
  title: string;
  duration: number;
  chapters: number[];
  people: Array<{ person: number; role: string }>;
  topics: string[];
}
interface MaturityPlan {
  id: string;
  title: string;
  ordinals: number[];
}
interface Named {
  id: string;
  title: string;
}
interface Link {
  ref: string;
  text: string;
  kind: EntryType;
}

/** How many entries of each type a corpus of `n` entries has. */
export function typeCounts(n: number): Record<EntryType, number> {
  if (!Number.isInteger(n) || n < MIN_ENTRIES) throw new Error(`a corpus needs a whole number of at least ${MIN_ENTRIES} entries (one per type), not ${n}`);
  const topic = Math.max(1, Math.min(80, 40 + Math.floor(n / 250), Math.floor(n / 5)));
  const maturity = Math.max(1, Math.round(n * 0.02));
  const weights: Array<[EntryType, number]> = [['talk', 15], ['war-story', 15], ['person', 12], ['myth', 12], ['pattern', 12], ['reference', 12]];
  const total = weights.reduce((s, [, w]) => s + w, 0);
  const rest = n - topic - maturity - weights.length;
  const counts: Record<EntryType, number> = { talk: 1, person: 1, myth: 1, maturity, 'war-story': 1, pattern: 1, reference: 1, topic };
  const shares = weights.map(([t, w]) => ({ t, exact: (rest * w) / total }));
  let given = 0;
  for (const s of shares) {
    counts[s.t] += Math.floor(s.exact);
    given += Math.floor(s.exact);
  }
  // Largest remainder; ties go to the earlier type, so the result is stable.
  const order = [...shares].sort((a, b) => (b.exact % 1) - (a.exact % 1));
  for (let i = 0; given < rest; i++, given++) counts[order[i % order.length].t]++;
  return counts;
}

/** Generates the corpus: path relative to the content root → file text. */
export function generateCorpus(opts: CorpusOptions): Map<string, string> {
  const n = opts.entries;
  const seed = opts.seed ?? 1;
  if (!Number.isInteger(seed)) throw new Error(`the seed must be a whole number, not ${seed}`);
  const counts = typeCounts(n);
  const r = new Rng(seed);
  const files = new Map<string, string>();

  // Unique ids per type: a few new titles, then a numbered variant.
  const usedIds = new Map<EntryType, Set<string>>(ENTRY_TYPES.map((t) => [t, new Set<string>()]));
  const claim = (type: EntryType, make: () => string, variant = (base: string, k: number) => `${base} (part ${k})`): Named => {
    const used = usedIds.get(type)!;
    let title = make();
    for (let i = 0; i < 6 && used.has(slugify(title)); i++) title = make();
    if (used.has(slugify(title))) {
      const base = title;
      for (let k = 2; used.has(slugify(title)); k++) title = variant(base, k);
    }
    const id = slugify(title);
    used.add(id);
    return { id, title };
  };

  // Topics: the first `counts.topic` terms, in a seeded order.
  const topicOrder = r.sample(TOPICS.map((_, i) => i), TOPICS.length);
  const topics = topicOrder.slice(0, counts.topic).map((i) => {
    const [name, ...aliases] = TOPICS[i];
    const t = claim('topic', () => name);
    return { ...t, name, aliases };
  });
  const topicIds = topics.map((t) => t.id);
  const topicName = new Map(topics.map((t) => [t.id, t.name]));

  const people = Array.from({ length: counts.person }, () => {
    const p = claim('person', () => {
      const first = r.pick(FIRST_NAMES);
      const last = r.pick(LAST_NAMES);
      return r.chance(0.15) ? `${first} ${r.pick(INITIALS)}. ${last}` : `${first} ${last}`;
    });
    return { ...p, name: p.title };
  });
  const references = Array.from({ length: counts.reference }, () =>
    claim('reference', () => r.pick(REFERENCE_TEMPLATES)(titleCase(topicName.get(r.pick(topicIds))!)), (b, k) => `${b}, Volume ${k}`),
  );
  const personIndices = people.map((_, i) => i);
  const talks: TalkPlan[] = Array.from({ length: counts.talk }, () => {
    const ts = r.sample(topicIds, r.int(1, 4), true);
    const t = claim('talk', () => r.pick(TALK_TITLE_TEMPLATES)(lower(topicName.get(r.pick(ts))!), r.pick(COMPANIES)));
    const duration = r.int(20 * 60, 90 * 60);
    const k = r.int(5, 40);
    const starts = new Set<number>([0]);
    while (starts.size < k) starts.add(r.int(15, duration - 15));
    const chapters = [...starts].sort((a, b) => a - b);
    const cast = r.sample(personIndices, r.int(2, 4), true);
    const panel = cast.length === 4 && r.chance(0.5);
    const roles = cast.map((person, i) => ({
      person,
      role: i === 0 ? (panel ? 'moderator' : 'host') : panel ? 'panelist' : r.chance(0.7) ? 'guest' : 'speaker',
    }));
    return { ...t, duration, chapters, people: roles, topics: ts };
  });
  const myths = Array.from({ length: counts.myth }, () => claim('myth', () => r.pick(MYTH_TEMPLATES)(r.pick(MYTH_THINGS)) + r.pick(MYTH_SCOPES), (b, k) => `${b} (take ${k})`));
  const patterns = Array.from({ length: counts.pattern }, () =>
    claim('pattern', () => `${r.pick(PATTERN_PREFIXES)} ${r.pick(PATTERN_NOUNS)}${r.chance(0.3) ? ` ${r.pick(PATTERN_QUALIFIERS)}` : ''}`),
  );
  const stories = Array.from({ length: counts['war-story'] }, () =>
    claim('war-story', () =>
      r.chance(0.5)
        ? `The ${r.pick(STORY_ADJECTIVES)} ${r.pick(STORY_NOUNS)} that ${r.pick(STORY_EVENTS)}`
        : r.chance(0.5)
          ? `Nobody owned the ${r.pick(STORY_NOUNS)}`
          : `When the ${r.pick(STORY_NOUNS)} ${r.pick(STORY_EVENTS)}`,
    ),
  );
  const maturities: MaturityPlan[] = Array.from({ length: counts.maturity }, () => {
    const m = claim('maturity', () => `${r.pick(MATURITY_NAMES)} (${r.pick(PUBLISHERS)})`, (b, k) => `${b}, version ${k}`);
    const first = r.chance(0.6) ? 0 : 1;
    return { ...m, ordinals: Array.from({ length: r.int(3, 5) }, (_, i) => first + i) };
  });

  // Who speaks where, for person sources and affiliations.
  const talksOf = people.map(() => [] as number[]);
  talks.forEach((t, ti) => t.people.forEach((p) => talksOf[p.person].push(ti)));

  // -- references between entries -----------------------------------------

  /** Two different abstract nouns, for "X matters more than Y". */
  const pair = (): [string, string] => {
    const [a, b] = r.sample(ABSTRACTS, 2);
    return [a, b];
  };
  const lesson = () => {
    const [a, b] = pair();
    return `The lesson is that ${a} matters more than ${b}.`;
  };

  /** A moment inside a talk: a chapter start, or a second between two chapters. */
  const momentIn = (talk: TalkPlan): number => {
    const c = r.int(0, talk.chapters.length - 1);
    const start = talk.chapters[c];
    if (r.chance(0.5)) return start;
    const end = c + 1 < talk.chapters.length ? talk.chapters[c + 1] : talk.duration;
    return start + r.int(0, end - start - 1);
  };
  const moment = (talk: TalkPlan, at = momentIn(talk)) => `talk:${talk.id}@${formatTimestamp(at)}`;
  const skewedTalk = () => r.pickSkewed(talks);

  const source = (self: string): Yaml => {
    const roll = r.next();
    if (roll < 0.6 || references.length === 0) return moment(skewedTalk());
    if (roll < 0.7) return plain(moment(skewedTalk()));
    const ref = r.pickSkewed(references);
    if (`reference:${ref.id}` === self) return moment(skewedTalk());
    if (roll < 0.85) return plain(`reference:${ref.id}`);
    const [a, b] = pair();
    return { ref: plain(`reference:${ref.id}`), locator: r.pick(LOCATORS), quote: r.chance(0.5) ? cap(`${a} matters more than ${b}.`) : undefined };
  };
  const sources = (self: string, lo = 1, hi = 3, first?: Yaml): Yaml[] => {
    const out: Yaml[] = first === undefined ? [] : [first];
    const seen = new Set(out.map(flow));
    const want = r.int(lo, hi);
    for (let tries = 0; out.length < want && tries < 10; tries++) {
      const s = source(self);
      if (!seen.has(flow(s))) {
        seen.add(flow(s));
        out.push(s);
      }
    }
    return out;
  };
  const topicList = (lo = 1, hi = 4) => r.sample(topicIds, r.int(lo, hi), true).map(plain);

  /** Something to link to, never `self`: the reference, link text and type. */
  const target = (self: string, kinds: readonly EntryType[] = ['talk', 'talk', 'pattern', 'myth', 'war-story', 'reference', 'maturity', 'topic', 'person']): Link | undefined => {
    for (let tries = 0; tries < 6; tries++) {
      const kind = r.pick(kinds);
      let ref: string;
      let text: string;
      switch (kind) {
        case 'talk': {
          const t = skewedTalk();
          if (`talk:${t.id}` === self) continue;
          ref = moment(t);
          text = r.chance(0.5) ? t.title : r.pick(['this talk', 'the conversation', 'an episode on the subject', 'a related episode']);
          break;
        }
        case 'maturity': {
          const m = r.pick(maturities);
          if (`maturity:${m.id}` === self) continue;
          if (r.chance(0.6)) {
            const o = r.pick(m.ordinals);
            ref = `maturity:${m.id}#level-${o}`;
            text = `level ${o} of ${m.title}`;
          } else {
            ref = `maturity:${m.id}`;
            text = m.title;
          }
          break;
        }
        case 'topic': {
          const t = r.pickSkewed(topics);
          ref = `topic:${t.id}`;
          text = lower(t.name);
          if (ref === self) continue;
          break;
        }
        case 'person': {
          const p = r.pick(people);
          ref = `person:${p.id}`;
          text = p.name;
          if (ref === self) continue;
          break;
        }
        default: {
          const list = kind === 'pattern' ? patterns : kind === 'myth' ? myths : kind === 'war-story' ? stories : references;
          const e = r.pickSkewed(list);
          ref = `${kind}:${e.id}`;
          text = kind === 'pattern' ? `the ${e.title} pattern` : e.title;
          if (ref === self) continue;
        }
      }
      return { ref, text, kind };
    }
    return undefined;
  };

  const related = (self: string, max = 4, extra: Yaml[] = []): Yaml[] | undefined => {
    const out: Yaml[] = [...extra];
    const seen = new Set<string>();
    const want = r.int(0, max);
    for (let i = 0; i < want; i++) {
      const t = target(self, ['talk', 'pattern', 'pattern', 'myth', 'war-story', 'reference', 'maturity', 'topic']);
      if (!t) continue;
      const to = t.ref.replace(/#.*$/, '');
      if (seen.has(to.replace(/@.*$/, ''))) continue;
      seen.add(to.replace(/@.*$/, ''));
      if (r.chance(0.35)) out.push(plain(to));
      else out.push({ to: plain(to), relation: r.pick(RELATED_RELATIONS), note: r.chance(0.4) ? cap(`${r.pick(ABSTRACTS)} is the common thread.`) : undefined });
    }
    return out.length ? out : undefined;
  };

  // -- prose ------------------------------------------------------------------


  const sentence = (subjects: readonly string[]): string => {
    const subject = r.pick(subjects);
    switch (r.int(0, 6)) {
      case 0:
      case 1:
        return cap(`${r.pick(OPENERS)}${subject} ${r.pick(VERBS)} ${r.pick(OBJECTS)} ${r.pick(TAILS)}.`);
      case 2:
        return lesson();
      case 3:
        return cap(`${subject} argued that ${r.pick(OBJECTS)} should be treated like ${r.pick(ANALOGIES)}.`);
      case 4:
        return cap(`${r.pick(OPENERS)}nobody expected ${r.pick(OBJECTS)} to ${r.pick(FAILURES)} ${r.pick(TAILS)}.`);
      case 5:
        return `Small changes to ${r.pick(OBJECTS)} turned out to ${r.pick(EFFECTS)}.`;
      default:
        return cap(`${r.pick(OPENERS)}${subject} ${r.pick(VERBS)} ${r.pick(OBJECTS)}, and ${r.pick(OBJECTS)} followed ${r.pick(TAILS)}.`);
    }
  };
  const linkSentence = (t: Link): string => {
    const link = `[${t.text}](${t.ref})`;
    if (t.kind === 'person') {
      return r.pick([`${link} has said much the same.`, `${link} tells a similar story ${r.pick(TAILS)}.`, `Ask ${link} about it.`]);
    }
    if (t.kind === 'topic') {
      return r.pick([`More on ${link} elsewhere in the knowledge base.`, `It is one of the recurring themes of ${link}.`]);
    }
    if (t.kind === 'talk' && t.ref.includes('@')) {
      return r.pick([`This comes up in ${link} as well.`, `The point is made directly in ${link}.`, cap(`${r.pick(SUBJECTS)} explains it in ${link}.`)]);
    }
    switch (r.int(0, 4)) {
      case 0:
        return `This comes up in ${link} as well.`;
      case 1:
        return cap(`${r.pick(SUBJECTS)} points to ${link} ${r.pick(TAILS)}.`);
      case 2:
        return `Compare ${link}, which reaches a different conclusion.`;
      case 3:
        return `For the background, see ${link} first.`;
      default:
        return `It is close to ${link} in spirit.`;
    }
  };
  /** Paragraphs of filler with a few reference links, `lo`-`hi` words as the validator counts them. */
  const body = (self: string, lo: number, hi: number, opts: { subjects?: readonly string[]; topics?: string[]; links?: number; linkKinds?: readonly EntryType[]; list?: boolean } = {}): string => {
    // Some entries end with a short bullet list, counted in the word budget.
    const list = opts.list && r.chance(0.2) ? r.sample(OBJECTS, r.int(2, 4)).map((o) => `- ${cap(o)} ${be(o)} ${r.pick(['checked weekly', 'owned by one team', 'versioned', 'documented', 'tested before release'])}.`) : [];
    const listHeading = list.length ? r.pick(['What to check', 'Signs you need it', 'Checklist']) : '';
    const listWords = list.length ? words(listHeading) + list.reduce((n, l) => n + words(l) - 1, 0) : 0;
    lo -= listWords;
    hi -= listWords;
    const goal = r.int(lo, hi);
    const subjects = opts.subjects ?? SUBJECTS;
    const linkCount = opts.links ?? r.int(1, 3);
    const paragraphs: string[][] = [[]];
    const out: string[] = [];
    let count = 0;
    let links = 0;
    const linkEvery = Math.max(2, Math.floor(goal / 12 / (linkCount + 1)));
    let sentences = 0;
    const topicNames = (opts.topics ?? []).map((id) => lower(topicName.get(id) ?? id));
    while (true) {
      let s: string;
      sentences++;
      if (links < linkCount && sentences % linkEvery === 0) {
        const t = target(self, opts.linkKinds);
        s = t ? linkSentence(t) : sentence(subjects);
        if (t) links++;
      } else if (topicNames.length && r.chance(0.15)) {
        s = cap(`${r.pick(OPENERS)}the discussion turns to ${r.pick(topicNames)}, and why ${r.pick(subjects)} cares about it.`);
      } else {
        s = sentence(subjects);
      }
      const w = words(s.replace(/\]\([^)]*\)/g, ']'));
      if (count + w > goal && count >= lo) break;
      count += w;
      paragraphs[paragraphs.length - 1].push(s);
      if (paragraphs[paragraphs.length - 1].length >= r.int(3, 6)) {
        if (r.chance(0.25) && count + 4 < goal) {
          const h = r.pick(HEADINGS);
          count += words(h);
          paragraphs.push([`## ${h}`]);
        }
        paragraphs.push([]);
      }
    }
    for (const p of paragraphs) if (p.length) out.push(p[0].startsWith('## ') ? p[0] : p.join(' '));
    if (out.length && out[out.length - 1].startsWith('## ')) out.pop();
    if (list.length) out.push(`## ${listHeading}`, list.join('\n'));
    return out.join('\n\n');
  };

  const added = () => isoDay(EPOCH_2020 + r.int(0, DAYS_2020_2026 - 1) * DAY);

  // -- entries ------------------------------------------------------------------

  const write = (type: EntryType, id: string, front: { [key: string]: Yaml | undefined }, text: string) => {
    // A few entries were renamed: their old ids redirect here. An old id is never a current id or another entry's old id.
    if (r.chance(0.03)) {
      const old = `${id}-${r.pick(['old', 'draft', 'v1', String(r.int(2019, 2024))])}`;
      if (!usedIds.get(type)!.has(old)) {
        usedIds.get(type)!.add(old);
        front = { ...front, redirectFrom: [plain(old)] };
      }
    }
    files.set(`${TYPE_INFO[type].folder}/${id}.mdx`, mdx(front, text));
  };

  const youtubeId = (i: number) => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    // An odd multiplier modulo 2^36 is a bijection, so ids never repeat.
    let v = (i * 2654435761 + (seed >>> 0) * 40503) % 2 ** 36;
    let s = '';
    for (let k = 0; k < 6; k++) {
      s += alphabet[v % 64];
      v = Math.floor(v / 64);
    }
    return `synth${s}`;
  };
  const episodes = new Map<string, number>();

  talks.forEach((t, i) => {
    const self = `talk:${t.id}`;
    const series = r.pick(SERIES);
    const episode = (episodes.get(series) ?? 0) + 1;
    episodes.set(series, episode);
    const addedMs = EPOCH_2020 + r.int(0, DAYS_2020_2026 - 1) * DAY;
    const dateMs = Math.max(EPOCH_2019, addedMs - r.int(0, 400) * DAY);
    const dateRoll = r.next();
    const date = dateRoll < 0.75 ? isoDay(dateMs) : dateRoll < 0.9 ? isoDay(dateMs).slice(0, 7) : dateRoll < 0.95 ? Number(isoDay(dateMs).slice(0, 4)) : undefined;
    const names = t.people.map((p) => people[p.person].name);
    const recordings: Yaml[] = [{ kind: 'video', url: `https://www.youtube.com/watch?v=${youtubeId(i)}` }];
    if (r.chance(0.4)) recordings.push({ kind: 'audio', url: `https://podcasts.example.com/${slugify(series)}/episode-${episode}.mp3` });
    if (r.chance(0.3)) recordings.unshift({ kind: 'page', url: `https://mlops.example.org/watch/${t.id}/` });
    const chapterTitles = r.sample(CHAPTER_TITLES.slice(1), t.chapters.length - 1);
    const chapters = t.chapters.map((at, c) => ({
      at: formatTimestamp(at),
      title: c === 0 ? CHAPTER_TITLES[0] : (chapterTitles[c - 1] ?? cap(`${lower(topicName.get(r.pick(t.topics))!)} ${r.pick(CHAPTER_SUFFIXES)}`)),
      summary: r.chance(0.3) ? sentence(SUBJECTS) : undefined,
    }));
    const takeaways = Array.from({ length: r.int(2, 5) }, (): Yaml =>
      r.chance(0.75) ? { text: lesson(), at: formatTimestamp(momentIn(t)) } : cap(`${r.pick(ABSTRACTS)} pays off ${r.pick(TAILS)}.`),
    );
    const description = fit(`${names.slice(0, -1).join(', ')}${names.length > 1 ? ' and ' : ''}${names[names.length - 1]} on ${t.topics.map((id) => lower(topicName.get(id)!)).join(', ')}: what worked, what broke and what they would do again.`, 300);
    const refs = references.length ? r.sample(references, r.int(0, 3), true).map((x) => plain(x.id)) : [];
    const cast = t.people.map((p) => `[${people[p.person].name}](person:${people[p.person].id})`);
    const intro = `${cast.slice(0, -1).join(', ')}${cast.length > 1 ? ' and ' : ''}${cast[cast.length - 1]} talk about ${t.topics.map((id) => lower(topicName.get(id)!)).join(', ')}.`;
    const introWords = words(intro.replace(/\]\([^)]*\)/g, ']'));
    const summary = body(self, 180 - introWords, 300 - introWords, { subjects: [...SUBJECTS, ...names], topics: t.topics, links: r.int(1, 4), linkKinds: ['talk', 'pattern', 'myth', 'person', 'reference', 'topic'] });
    write('talk', t.id, {
      title: t.title,
      series,
      episode: r.chance(0.85) ? episode : undefined,
      date: typeof date === 'string' ? plain(date) : date,
      duration: formatTimestamp(t.duration),
      recordings,
      people: t.people.map((p) => ({ person: plain(people[p.person].id), role: plain(p.role) })),
      description,
      takeaways,
      chapters,
      topics: t.topics.map(plain),
      references: refs.length ? refs : undefined,
      related: related(self, 2),
      added: plain(isoDay(addedMs)),
    }, `${intro} ${summary}`);
  });

  people.forEach((p, i) => {
    const self = `person:${p.id}`;
    const spoke = talksOf[i];
    const affiliations = Array.from({ length: r.int(0, 3) }, (_, k): Yaml => {
      const year = 2012 + r.int(0, 12) + k;
      const src = spoke.length && r.chance(0.8) ? moment(talks[r.pick(spoke)]) : references.length ? plain(`reference:${r.pick(references).id}`) : undefined;
      const roll = r.next();
      return {
        organisation: r.pick(COMPANIES),
        role: r.pick(JOB_ROLES),
        from: roll < 0.5 ? year : roll < 0.7 ? plain(`${year}-${String(r.int(1, 12)).padStart(2, '0')}`) : undefined,
        asOf: roll >= 0.7 ? year + 1 : undefined,
        source: src,
      };
    });
    const first = spoke.length ? moment(talks[spoke[0]], 0) : undefined;
    const links: Yaml[] = [{ label: 'LinkedIn', url: `https://www.linkedin.com/in/${p.id}` }];
    if (r.chance(0.4)) links.push({ label: 'Website', url: `https://${p.id}.example.com/` });
    const org = affiliations.length ? ` at ${(affiliations[affiliations.length - 1] as { organisation: string }).organisation}` : '';
    write('person', p.id, {
      name: p.name,
      description: fit(`${p.name} works on ${lower(topicName.get(r.pickSkewed(topicIds))!)}${org}, and has spoken about ${pair().join(' and ')}.`, 300),
      affiliations: affiliations.length ? affiliations : undefined,
      links,
      sources: sources(self, 1, 2, first),
      added: plain(added()),
    }, body(self, 60, 140, { subjects: [p.name, 'they', ...SUBJECTS.slice(0, 6)], links: r.int(1, 2), linkKinds: ['talk', 'pattern', 'war-story'] }));
  });

  myths.forEach((m, i) => {
    const self = `myth:${m.id}`;
    const stated = moment(skewedTalk());
    const ts = topicList();
    write('myth', m.id, {
      title: m.title,
      claim: cap(`many teams believe that ${lower(m.title)}, so ${r.pick(OBJECTS)} gets built first.`),
      reality: `In practice ${r.pick(ABSTRACTS)} matters more; ${r.pick(SUBJECTS)} ${r.pick(VERBS)} ${r.pick(OBJECTS)} ${r.pick(TAILS)}.`,
      statedIn: plain(stated),
      number: r.chance(0.3) ? (i % 10) + 1 : undefined,
      sources: sources(self, 1, 3, plain(stated)),
      topics: ts,
      related: related(self),
      added: plain(added()),
    }, body(self, 60, 200, { topics: ts.map((x) => (x as Raw).text), list: true }));
  });

  patterns.forEach((p) => {
    const self = `pattern:${p.id}`;
    const ts = topicList();
    const obj = r.pick(OBJECTS);
    const alternatives = r.chance(0.4) ? r.sample(patterns, r.int(1, 2) + 1).filter((x) => x !== p).slice(0, 2) : [];
    const extra: Yaml[] = alternatives.map((a) => ({ to: plain(`pattern:${a.id}`), relation: 'alternative-to' }));
    write('pattern', p.id, {
      title: p.title,
      category: r.pick(PATTERN_CATEGORIES),
      problem: `${cap(obj)} ${be(obj) === 'are' ? 'tend' : 'tends'} to ${r.pick(FAILURES)} ${r.pick(TAILS)}, and nobody notices until users do.`,
      solution: `Make ${r.pick(OBJECTS)} explicit and owned, so ${r.pick(ABSTRACTS)} comes for free.`,
      tradeOffs: r.sample(TRADE_OFFS, r.int(1, 4)),
      alternatives: alternatives.length ? alternatives.map((a) => a.title) : undefined,
      sources: sources(self),
      topics: ts,
      related: related(self, 3, extra),
      added: plain(added()),
    }, body(self, 60, 200, { topics: ts.map((x) => (x as Raw).text), list: true }));
  });

  stories.forEach((s) => {
    const self = `war-story:${s.id}`;
    const ts = topicList();
    let toldIn: string;
    let toldBy: Yaml[] | undefined;
    if (references.length && r.chance(0.15)) {
      toldIn = `reference:${r.pick(references).id}`;
    } else {
      const t = skewedTalk();
      toldIn = r.chance(0.9) ? moment(t) : `talk:${t.id}`;
      toldBy = r.chance(0.8) ? r.sample(t.people.filter((p) => p.role !== 'host' && p.role !== 'moderator'), r.int(1, 2)).map((p) => plain(people[p.person].id)) : undefined;
      if (toldBy && toldBy.length === 0) toldBy = undefined;
    }
    write('war-story', s.id, {
      title: s.title,
      context: cap(`${r.pick(SUBJECTS)} ran ${r.pick(OBJECTS)} for ${r.pick(['a bank', 'a marketplace', 'a hospital network', 'a ride-hailing app', 'a news site', 'a game studio'])} with ${r.int(2, 40)} people.`),
      whatHappened: `Nobody expected ${r.pick(OBJECTS)} to ${r.pick(FAILURES)}, and it did ${r.pick(TAILS)}.`,
      impact: cap(`${r.pick(['two days of bad predictions', 'a five-figure cloud bill', 'a week of rollbacks', 'an angry customer escalation', 'a missed quarterly target', 'a frozen release train'])}.`),
      lesson: `Treat ${r.pick(OBJECTS)} like ${r.pick(ANALOGIES)}.`,
      toldIn: plain(toldIn),
      toldBy,
      sources: r.chance(0.5) ? sources(self, 1, 2) : undefined,
      topics: ts,
      related: related(self),
      added: plain(added()),
    }, body(self, 60, 200, { topics: ts.map((x) => (x as Raw).text), list: true }));
  });

  references.forEach((ref) => {
    const self = `reference:${ref.id}`;
    const authors = Array.from({ length: r.int(1, 5) }, (): Yaml => {
      if (r.chance(0.25)) {
        const p = r.pickSkewed(people);
        return { name: p.name, person: plain(p.id) };
      }
      return `${r.pick(FIRST_NAMES)} ${r.pick(LAST_NAMES)}`;
    });
    const kind = r.pick(REFERENCE_KINDS);
    write('reference', ref.id, {
      title: ref.title,
      kind,
      authors,
      year: r.int(2005, 2026),
      venue: r.chance(0.8) ? r.pick(VENUES) : undefined,
      url: r.chance(0.85) ? `https://papers.example.org/${kind}s/${ref.id}` : undefined,
      description: fit(`${ref.title} argues that ${pair().join(' matters more than ')}, with evidence from ${r.pick(SUBJECTS)}.`, 300),
      sources: sources(self, 1, 2),
      topics: r.chance(0.8) ? topicList(1, 3) : undefined,
      related: related(self, 2),
      added: plain(added()),
    }, body(self, 60, 160));
  });

  maturities.forEach((m, mi) => {
    const self = `maturity:${m.id}`;
    const others = maturities.filter((_, j) => j !== mi);
    const levelNames = r.sample(MATURITY_LEVELS, m.ordinals.length).sort((a, b) => MATURITY_LEVELS.indexOf(a) - MATURITY_LEVELS.indexOf(b));
    const levels = m.ordinals.map((ordinal, li): Yaml => {
      const other = others.length && r.chance(0.35) ? r.pick(others) : undefined;
      const o = r.pick(OBJECTS);
      return {
        ordinal,
        name: levelNames[li] ?? `Stage ${ordinal}`,
        summary: `${cap(o)} ${be(o)} ${li === 0 ? 'run by hand' : r.pick(['automated', 'monitored', 'versioned', 'self-service', 'audited'])}.`,
        characteristics: r.sample(OBJECTS, r.int(1, 4)).map((o) => cap(`${o} ${be(o)} ${r.pick(['tested', 'owned', 'shared', 'reviewed', 'on a schedule', 'versioned', 'monitored'])}.`)),
        changes: li === 0 ? undefined : cap(`${r.pick(SUBJECTS)} ${r.pick(VERBS)} ${r.pick(OBJECTS)} ${r.pick(TAILS)}.`),
        mapsTo: other ? [{ level: plain(`maturity:${other.id}#level-${r.pick(other.ordinals)}`), note: `Both describe ${r.pick(ABSTRACTS)} at a similar stage.` }] : undefined,
        sources: sources(self, 1, 2),
      };
    });
    const ts = topicList(1, 3);
    const extra: Yaml[] = others.length && r.chance(0.5) ? [{ to: plain(`maturity:${r.pick(others).id}`), relation: 'maps-to', note: 'An editorial mapping between the two scales.' }] : [];
    const publisher = /\(([^)]+)\)/.exec(m.title)?.[1] ?? r.pick(PUBLISHERS);
    const pub = 2016 + r.int(0, 10);
    write('maturity', m.id, {
      title: m.title,
      publisher,
      published: r.chance(0.7) ? (r.chance(0.5) ? pub : plain(`${pub}-${String(r.int(1, 12)).padStart(2, '0')}`)) : undefined,
      description: fit(`${m.ordinals.length} levels from ${lower(String((levels[0] as { name: string }).name))} to ${lower(String((levels[levels.length - 1] as { name: string }).name))}, measuring ${pair().join(' and ')}.`, 300),
      levels,
      sources: sources(self),
      topics: ts,
      related: related(self, 3, extra),
      added: plain(added()),
    }, body(self, 80, 200, { topics: ts.map((x) => (x as Raw).text), links: r.int(2, 4) }));
  });

  topics.forEach((t, i) => {
    const self = `topic:${t.id}`;
    const broader = i >= 8 && r.chance(0.4) ? topics[r.int(0, Math.min(i, 20) - 1)].id : undefined;
    write('topic', t.id, {
      name: t.name,
      aliases: t.aliases.length ? t.aliases : undefined,
      description: fit(`${t.name} covers how teams handle ${r.pick(OBJECTS)} and why ${r.pick(ABSTRACTS)} matters for it.`, 300),
      broader: broader ? plain(broader) : undefined,
      sources: sources(self, 1, 2),
      added: plain(added()),
    }, body(self, 60, 120, { links: r.int(1, 2), linkKinds: ['talk', 'pattern', 'myth', 'reference'] }));
  });

  if (files.size !== n) throw new Error(`internal error: generated ${files.size} files for ${n} entries`);
  return files;
}

// ---------------------------------------------------------------------------
// CLI

const projectRoot = path.resolve(import.meta.dirname, '..');

function real(p: string): string {
  // Resolve symlinks of the part that exists, so a link cannot smuggle content/ in.
  let head = p;
  const tail: string[] = [];
  while (!existsSync(head)) {
    tail.unshift(path.basename(head));
    const up = path.dirname(head);
    if (up === head) break;
    head = up;
  }
  return path.join(realpathSync(head), ...tail);
}
const inside = (child: string, parent: string) => {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
};

/** Why `out` must not be deleted and written, or undefined when it is safe. */
export function refuseOut(out: string, root = projectRoot): string | undefined {
  const target = real(path.resolve(out));
  const content = real(path.join(root, 'content'));
  if (inside(target, content)) return `${out} is the project's content directory (or inside it); write the corpus elsewhere, e.g. .bench/corpus-1000`;
  if (inside(content, target)) return `${out} holds the project's content directory; deleting it would delete the content`;
  if (existsSync(target)) {
    const items = readdirSync(target);
    if (items.length > 0 && !items.includes(MARKER_FILE)) {
      return `${out} exists, is not empty and was not made by this script (no ${MARKER_FILE}); delete it yourself or choose another --out`;
    }
  }
  return undefined;
}

function main(): void {
  const { values } = parseArgs({
    options: {
      entries: { type: 'string' },
      out: { type: 'string' },
      seed: { type: 'string', default: '1' },
    },
  });
  const usage = 'usage: node scripts/generate-corpus.ts --entries <n> --out <dir> [--seed <n>]';
  if (values.entries === undefined || values.out === undefined) {
    console.error(usage);
    process.exit(2);
  }
  const entries = Number(values.entries);
  const seed = Number(values.seed);
  if (!/^\d+$/.test(values.entries) || entries < MIN_ENTRIES) {
    console.error(`--entries must be a whole number of at least ${MIN_ENTRIES}\n${usage}`);
    process.exit(2);
  }
  if (!/^-?\d+$/.test(values.seed!)) {
    console.error(`--seed must be a whole number\n${usage}`);
    process.exit(2);
  }
  const out = path.resolve(values.out);
  const refusal = refuseOut(out);
  if (refusal) {
    console.error(`refusing: ${refusal}`);
    process.exit(1);
  }
  const started = performance.now();
  const files = generateCorpus({ entries, seed });
  const generated = performance.now() - started;
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  writeFileSync(path.join(out, MARKER_FILE), `generated by scripts/generate-corpus.ts --entries ${entries} --seed ${seed}\n`);
  const dirs = new Set<string>();
  for (const [rel, text] of files) {
    const dir = path.dirname(path.join(out, rel));
    if (!dirs.has(dir)) {
      mkdirSync(dir, { recursive: true });
      dirs.add(dir);
    }
    writeFileSync(path.join(out, rel), text);
  }
  const total = performance.now() - started;
  const counts = typeCounts(entries);
  console.log(`wrote ${files.size} entries to ${path.relative(process.cwd(), out) || '.'} (seed ${seed})`);
  console.log(ENTRY_TYPES.map((t) => `${TYPE_INFO[t].folder} ${counts[t]}`).join(', '));
  console.error(`generated in ${generated.toFixed(0)} ms, written in ${total.toFixed(0)} ms`);
}

if (import.meta.main) main();
