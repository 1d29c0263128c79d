/**
 * The words the synthetic corpus is made of: topics with their aliases,
 * names, companies, series, and the pieces titles and sentences are built
 * from. Data only; what picks from it is in the other modules of
 * tools/corpus/. The topic list bounds the vocabulary (40-80 topics whatever
 * the size of the corpus).
 */
import { CHOOSABLE_RELATIONS } from '../../src/lib/content-model/relations.ts';
import { cap } from './text.ts';

export const TOPICS: ReadonlyArray<readonly [string, ...string[]]> = [
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

export const FIRST_NAMES = [
  'Ana', 'Ben', 'Chloé', 'David', 'Elif', 'Farid', 'Grace', 'Hiro', 'Ines', 'Jonas', 'Kavya', 'Liam', 'Maya', 'Nikolai', 'Olu',
  'Priya', 'Quentin', 'Rosa', 'Sven', 'Tomás', 'Uma', 'Victor', 'Wen', 'Ximena', 'Yusuf', 'Zoë', 'Aisha', 'Bruno', 'Carmen', 'Dmitri',
  'Emeka', 'Fatima', 'Gustavo', 'Hannah', 'Ivan', 'Julia', 'Kenji', 'Lena', 'Mateo', 'Noor', 'Oscar', 'Paula', 'Rahul', 'Sara',
  'Thabo', 'Ulla', 'Valentina', 'Will', 'Yara', 'Zain', 'Amara', 'Björn', 'Camille', 'Diego', 'Esther', 'Felix', 'Giulia', 'Hamza',
];
export const LAST_NAMES = [
  'Silva', 'Okafor', 'Müller', 'Nakamura', 'Kowalski', 'Haddad', 'Johansson', 'Patel', 'Moreau', 'Rossi', 'Novak', 'Fernández',
  'Chen', 'Ivanova', 'Mensah', 'Larsen', 'García', 'Tanaka', 'Dubois', 'Schmidt', 'Kim', 'Oliveira', 'Nguyen', 'Brennan', 'Costa',
  'Hoffmann', 'Yilmaz', 'Andersen', 'Reyes', 'Sato', 'Walsh', 'Horvat', 'Achebe', 'Lindqvist', 'Bianchi', 'Kapoor', 'Novotná',
  'Ortiz', 'Park', 'Quinn', 'Rahman', 'Svensson', 'Toure', 'Ueda', 'Vargas', 'Weber', 'Xu', 'Young', 'Zhang', 'Abebe', 'Brinkmann',
  'Castillo', 'Dias', 'Eriksen', 'Fischer', 'Gallagher', 'Ito', 'Jovanović', 'Kraus', 'Lopes',
];
export const INITIALS = 'ABCDEFGHJKLMNPRSTVW'.split('');

export const COMPANIES = [
  'Acme Logistics', 'Northwind Bank', 'Globex Retail', 'Initech', 'Umbrella Health', 'Stark Mobility', 'Wayne Analytics', 'Hooli',
  'Pied Piper', 'Vandelay Imports', 'Soylent Foods', 'Tyrell Robotics', 'Cyberdyne Cloud', 'Aperture Labs', 'Monarch Insurance',
  'Blue Sun Energy', 'Oceanic Airlines', 'Gringotts Payments', 'Massive Dynamic', 'Wonka Labs', 'Dunder Paper', 'Prestige Worldwide',
  'Nakatomi Trading', 'Weyland Systems', 'Octan Fuels', 'Sirius Cybernetics', 'Virtucon', 'Zorg Industries', 'Ollivander Tools',
  'Kwik-E Mart Data',
];
export const JOB_ROLES = [
  'ML engineer', 'Senior ML engineer', 'Staff ML engineer', 'Head of ML platform', 'Data scientist', 'Principal data scientist',
  'MLOps engineer', 'Engineering manager', 'Director of data', 'CTO', 'Co-founder', 'Research scientist', 'Platform lead',
  'Developer advocate', 'Product manager, ML', 'VP of engineering', 'Data engineer', 'Solutions architect',
];
export const SERIES = [
  'MLOps Coffee Sessions', 'MLOps Community Podcast', 'MLOps Community Meetup', 'LLMs in Production', 'AI in Production',
  'MLOps Reading Group', 'Data Engineering for ML', 'Platform Office Hours',
];
export const PUBLISHERS = [
  'Google Cloud', 'Microsoft Azure', 'AWS', 'Databricks', 'ThoughtWorks', 'MLOps Community', 'Red Hat', 'Valohai', 'NVIDIA', 'Canonical',
  'Gartner', 'IBM', 'Snowflake', 'Weights and Biases', 'Hugging Face', 'Neptune', 'Iguazio', 'Domino', 'DataRobot', 'Oracle',
];
export const VENUES = ['NeurIPS', 'ICML', 'KDD', 'MLSys', 'OSDI', 'VLDB', 'IEEE Big Data', 'SIGMOD', "O'Reilly Media", 'Manning', 'the company blog', 'ACM Queue', 'arXiv'];

export const SUBJECTS = [
  'the team', 'the platform team', 'a two-person data science team', 'the speaker', 'the guest', 'most organisations',
  'the on-call engineer', 'every model owner', 'the analytics group', 'a fintech start-up', 'the search team', 'our host',
  'the infrastructure group', 'a retail company', 'the research lab', 'product managers', 'the data engineers', 'a healthcare provider',
  'the fraud team', 'a logistics company', 'the recommendations squad', 'a public sector agency',
];
export const VERBS = [
  'rebuilt', 'monitored', 'versioned', 'retrained', 'documented', 'automated', 'questioned', 'measured', 'simplified', 'migrated',
  'replaced', 'tested', 'audited', 'shipped', 'split', 'consolidated', 'instrumented', 'benchmarked', 'deprecated', 'standardised',
];
export const OBJECTS = [
  'the feature pipeline', 'the training data', 'the serving layer', 'the evaluation suite', 'the model registry', 'the nightly batch jobs',
  'every production model', 'the labeling workflow', 'the experiment tracker', 'the drift dashboards', 'the deployment scripts',
  'the data contracts', 'the embedding index', 'the GPU cluster', 'the prompt templates', 'the retraining schedule', 'the alerting rules',
  'the offline metrics', 'the inference cache', 'the lineage graph', 'the shared notebooks', 'the canary analysis',
];
export const TAILS = [
  'before the first incident', 'without adding new tooling', 'over two quarters', 'once the data contracts were agreed',
  'with a single shared dashboard', 'after a painful outage', 'in less than a month', 'while traffic kept growing',
  'to cut the cloud bill', 'so that releases became boring', 'because nobody trusted the numbers', 'with help from the security team',
  'long before it was fashionable', 'to make audits painless', 'as the company grew', 'despite a tight budget', 'and never looked back',
  'to shorten the feedback loop', 'for every new use case', 'under real production load',
];
export const OPENERS = ['', '', '', '', 'In practice, ', 'As a result, ', 'Surprisingly, ', 'Later, ', 'Meanwhile, ', 'At first, ', 'Over time, ', 'In the end, ', 'Crucially, ', 'By contrast, '];
export const ABSTRACTS = [
  'ownership', 'interface design', 'a sensible default', 'observability', 'reproducibility', 'team culture', 'fast feedback', 'simple tooling',
  'data quality', 'documentation', 'a shared vocabulary', 'a boring release process', 'careful evaluation', 'cost awareness',
];
export const ANALOGIES = ['any other production service', 'a product with real users', 'a contract between teams', 'a living document', 'a shared library', 'critical infrastructure'];
export const FAILURES = ['break', 'drift', 'slow down', 'fail silently', 'double in cost', 'fall out of date', 'page the wrong team'];
export const EFFECTS = [
  'save hours every week', 'remove a whole class of bugs', 'halve the time to production', 'make the on-call rotation bearable',
  'surface problems days earlier', 'unblock three other teams', 'pay for themselves within a quarter',
];
export const HEADINGS = ['Why it matters', 'In practice', 'What to watch for', 'How teams get there', 'Where it goes wrong', 'Further reading', 'The short version'];

export const TALK_TITLE_TEMPLATES = [
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
export const CHAPTER_TITLES = [
  'Introductions', 'Background', 'How the platform started', 'The first model in production', 'What broke', 'Choosing the tools',
  'Team structure', 'Monitoring in practice', 'Data quality checks', 'Cost and budgets', 'Evaluation', 'Lessons learned', 'Hiring',
  'Build versus buy', 'The migration', 'Rollouts and rollbacks', 'Working with product', 'Open source', 'Governance', 'Audience questions',
  'What is next', 'Wrap-up', 'Rapid-fire questions', 'Advice for newcomers', 'A war story', 'The architecture', 'Feature pipelines',
  'Serving at scale', 'Retraining', 'LLMs and agents',
];
export const PATTERN_PREFIXES = [
  'Shadow', 'Canary', 'Cascading', 'Ensemble', 'Fallback', 'Two-Phase', 'Windowed', 'Checkpointed', 'Federated', 'Stateless',
  'Keyed', 'Batched', 'Tiered', 'Versioned', 'Gated', 'Rebalanced', 'Hashed', 'Cached', 'Distilled', 'Frozen', 'Sharded', 'Replayable',
];
export const PATTERN_NOUNS = [
  'Feature Store', 'Model Serving', 'Inference', 'Training Loop', 'Evaluation', 'Rollout', 'Feature Cross', 'Embedding', 'Labeling',
  'Retraining', 'Prediction Cache', 'Data Validation', 'Model Registry', 'Serving Function', 'Pipeline', 'Checkpoint', 'Workflow',
  'Prompt Store', 'Retrieval', 'Scoring',
];
export const PATTERN_QUALIFIERS = ['with Backfill', 'per Tenant', 'at the Edge', 'for Streaming', 'with Human Review', 'behind a Flag', 'over Snapshots'];
export const MYTH_THINGS = [
  'a feature store', 'Kubernetes', 'more data', 'a bigger model', 'AutoML', 'a data lake', 'an ML platform', 'real-time inference',
  'a vector database', 'fine-tuning', 'a model registry', 'deep learning', 'an LLM', 'a monorepo', 'offline accuracy',
  'a data catalogue', 'an orchestrator', 'synthetic data', 'a lakehouse', 'prompt engineering', 'an evaluation harness', 'GPUs',
  'a dedicated MLOps team', 'microservices', 'a service mesh',
];
export const MYTH_SCOPES = ['', '', '', ' for small teams', ' in regulated industries', ' once you have ten models', ' for LLM applications', ' in a start-up', ' at enterprise scale'];
export const MYTH_TEMPLATES = [
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
export const STORY_ADJECTIVES = ['silent', 'forgotten', 'expensive', 'innocent-looking', 'midnight', 'untested', 'orphaned', 'runaway', 'stale', 'duplicated', 'half-finished', 'hard-coded', 'undocumented', 'well-meant'];
export const STORY_NOUNS = [
  'schema change', 'cron job', 'feature flag', 'training run', 'GPU reservation', 'label fix', 'config file', 'timezone bug', 'cache key',
  'retry loop', 'backfill', 'dependency upgrade', 'random seed', 'sampling step', 'join key', 'default threshold',
];
export const STORY_EVENTS = [
  'broke the forecasts', 'doubled the cloud bill', 'took down search', 'poisoned the training set', 'paged the whole company',
  'froze every release', 'leaked into production', 'hid a drift for weeks', 'fooled the offline metrics', 'emptied the feature store',
  'filled the disk', 'blocked the audit',
];
export const REFERENCE_TEMPLATES = [
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
export const MATURITY_LEVELS = [
  'Manual process', 'Managed experimentation', 'Repeatable pipelines', 'Automated training', 'Monitored production',
  'Continuous delivery', 'Governed operations', 'Self-service platform', 'Full automation',
];
export const CHAPTER_SUFFIXES = ['in practice', 'deep dive', 'trade-offs', 'tooling', 'questions', 'war stories', 'at scale'];
export const MATURITY_NAMES = [
  'MLOps maturity model', 'ML engineering levels', 'MLOps capability model', 'AI readiness scale', 'ML platform maturity', 'LLMOps maturity levels',
  'Data and AI maturity framework', 'Model operations maturity', 'Responsible AI maturity model', 'ML monitoring maturity', 'Feature platform maturity curve', 'GenAI adoption levels',
];
export const TRADE_OFFS = [
  'Another system to run', 'More moving parts', 'A slower first release', 'Higher storage cost', 'Subtle correctness rules',
  'A steeper learning curve', 'Extra latency on the hot path', 'Harder debugging', 'More on-call surface',
];
export const LOCATORS = ['Section 2', 'Section 3', 'Chapter 4', 'Chapter 6', 'Figure 2', 'Table 1', 'Appendix A', 'page 12'];

/** Relations a `related` link may name; `maps-to` is kept for links between maturity models. */
export const RELATED_RELATIONS = CHOOSABLE_RELATIONS.filter((r) => r !== 'maps-to');
