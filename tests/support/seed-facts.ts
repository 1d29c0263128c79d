/**
 * Facts the content is checked against, taken from the five source talks in
 * ../shared/seeds/ (which only our own machines have): times, counts and
 * names, not the seeds' sentences. tests/unit/content/coverage.test.ts checks
 * the content against these facts on every machine; where the seeds are
 * present, tests/unit/content/seed-facts.test.ts checks these facts against them.
 */

export interface SeedTalk {
  /** The seed file's number: ../shared/seeds/<seed>_*.txt. */
  seed: string;
  /** The talk entry it became: content/talks/<talk>.mdx. */
  talk: string;
}

/** Seeds whose show notes list chapters: every chapter time, in order, as m:ss. */
export const CHAPTERED: Array<SeedTalk & { times: string[] }> = [
  { seed: '000', talk: 'godfather-of-mlops', times: ['0:00', '0:40', '2:08', '2:56', '4:38', '5:12', '6:30', '7:08', '7:57', '11:09', '12:27', '13:04', '14:36', '17:05', '18:34', '19:15', '20:27', '21:10', '23:11', '24:39', '25:37', '26:47', '27:22', '30:58', '32:27', '34:57', '42:37', '46:00', '46:42', '47:47', '49:28'] },
  { seed: '001', talk: 'principles-of-good-ml-systems-design', times: ['0:00', '0:12', '2:47', '3:12', '3:23', '3:53', '5:42', '5:57', '6:19', '9:52', '11:33', '15:08', '18:08', '20:22', '21:31', '23:24', '24:38', '26:15', '28:25', '29:29', '30:00', '31:32', '32:12', '34:30'] },
  { seed: '002', talk: 'ml-design-patterns-for-mlops', times: ['0:00', '0:19', '0:35', '5:50', '8:07', '9:25', '12:34', '16:06', '20:09', '20:59', '24:14', '31:29', '38:05', '42:08', '43:08', '46:07', '49:23'] },
];

/** Seed 001's seven production myths: the chapter that states each. */
export const MYTHS: Array<{ number: number; at: string; name: string }> = [
  { number: 1, at: '9:52', name: 'Deploying is hard' },
  { number: 2, at: '11:33', name: 'You only deploy one or two ML models at a time' },
  { number: 3, at: '15:08', name: "If we don't do anything, model performance remains the same" },
  { number: 4, at: '18:08', name: "You won't need to update your models as much" },
  { number: 5, at: '20:22', name: "Most ML engineers don't need to worry about scale" },
  { number: 6, at: '21:31', name: 'ML can magically transform your business overnight' },
  { number: 7, at: '23:24', name: 'Efficiency improves with maturity' },
];

/** Seed 001's four phases of ML adoption: the chapter that names each. */
export const PHASES: Array<{ ordinal: number; at: string; name: string }> = [
  { ordinal: 1, at: '24:38', name: 'Before ML' },
  { ordinal: 2, at: '26:15', name: 'Simplest ML models' },
  { ordinal: 3, at: '28:25', name: 'Optimizing simple models' },
  { ordinal: 4, at: '29:29', name: "Don't be afraid of rules-based" },
];

/** The patterns the abstract of seed 002 names, singular. */
export const PATTERNS: string[] = ['Workflow Pipeline', 'Transform', 'Multimodal Input', 'Feature Store', 'Cascade'];

/** Seed 003 is a transcript: the time of every turn and who speaks (first names, as the transcript marks them). */
export const TRANSCRIPT: SeedTalk & { turns: Array<[at: string, speaker: string]> } = {
  seed: '003',
  talk: 'practitioners-guide-to-mlops',
  turns: [
    ['0:00', 'Vishnu'],
    ['0:07', 'Demetrios'],
    ['0:35', 'Vishnu'],
    ['1:06', 'Demetrios'],
    ['1:16', 'Vishnu'],
    ['2:22', 'Demetrios'],
    ['3:15', 'Vishnu'],
    ['3:41', 'Demetrios'],
    ['5:52', 'Demetrios'],
    ['6:08', 'Donna'],
    ['6:56', 'Vishnu'],
    ['7:20', 'Donna'],
    ['8:12', 'Vishnu'],
    ['8:45', 'Christos'],
    ['10:19', 'Demetrios'],
    ['10:35', 'Christos'],
    ['11:30', 'Vishnu'],
    ['11:52', 'Demetrios'],
    ['11:53', 'Vishnu'],
    ['12:31', 'Donna'],
    ['16:16', 'Demetrios'],
    ['18:57', 'Christos'],
    ['22:38', 'Vishnu'],
    ['23:53', 'Donna'],
    ['25:21', 'Vishnu'],
    ['25:40', 'Donna'],
    ['25:44', 'Vishnu'],
    ['26:12', 'Demetrios'],
    ['27:31', 'Donna'],
    ['28:50', 'Demetrios'],
    ['29:50', 'Vishnu'],
    ['30:21', 'Christos'],
    ['32:41', 'Christos'],
    ['35:15', 'Christos'],
    ['37:36', 'Demetrios'],
    ['38:50', 'Donna'],
    ['41:08', 'Demetrios'],
    ['41:21', 'Christos'],
    ['43:17', 'Demetrios'],
    ['43:20', 'Donna'],
    ['44:08', 'Demetrios'],
    ['44:14', 'Donna'],
    ['44:21', 'Demetrios'],
    ['45:18', 'Donna'],
    ['45:32', 'Demetrios'],
    ['45:33', 'Vishnu'],
    ['45:35', 'Demetrios'],
    ['45:37', 'Christos'],
    ['45:41', 'Demetrios'],
    ['45:43', 'Vishnu'],
    ['46:03', 'Donna'],
    ['46:04', 'Demetrios'],
    ['46:10', 'Donna'],
    ['46:16', 'Demetrios'],
    ['46:29', 'Christos'],
  ],
};

/** Seed 004 lists segments by length (m:ss), not by start time. */
export const SEGMENTS: SeedTalk & { lengths: string[] } = { seed: '004', talk: 'mlops-on-the-georgian-impact-podcast', lengths: ['1:44', '3:00', '2:31', '3:07', '1:41', '2:18'] };

/** What the seeds' automatic transcripts misheard; entries write what was meant. */
export const SLIPS: Array<{ seed: string; heard: RegExp; meant: string }> = [
  { seed: '001', heard: /Machining Adoption/i, meant: 'Machine Learning Adoption' },
  { seed: '001', heard: /training fishers/i, meant: 'training features' },
  { seed: '000', heard: /edufacts/i, meant: 'network effects' },
  { seed: '003', heard: /D\. Scully/, meant: 'D. Sculley' },
  { seed: '003', heard: /\bLack\b/, meant: 'Lak (Valliappa Lakshmanan)' },
  { seed: '003', heard: /Demetrius/, meant: 'Demetrios' },
  { seed: '003', heard: /Digital MR\b/, meant: 'DigitalMR' },
  { seed: '003', heard: /\baudibility\b/i, meant: 'auditability' },
  { seed: '003', heard: /technical depth/i, meant: 'technical debt' },
  { seed: '000', heard: /auto domain/i, meant: 'out-of-domain' },
  { seed: '000', heard: /try in triage/i, meant: 'triage' },
  { seed: '002', heard: /bring on perplexity/i, meant: 'bring on complexity' },
  { seed: '003', heard: /\bby SP\b/, meant: 'by Etsy' },
  { seed: '003', heard: /spin ?offs/i, meant: 'FinOps' },
  { seed: '004', heard: /Ease\. ml/, meant: 'ease.ml' },
  { seed: '004', heard: /Benevolent AI\b/, meant: 'BenevolentAI' },
  { seed: '004', heard: /struck discovery/i, meant: 'drug discovery' },
  { seed: '004', heard: /Ethics Grade/, meant: 'EthicsGrade' },
];
