import { TextScan } from '../features/scan';
import type { WordDictionary } from '../host';
import { quantileSorted, sortedCopy } from '../stats/quantile';
import { sampleIndexes, seededRandom } from '../stats/random';
import { NoiseCounter } from './noiseCounter';
import { PlainWordCounter } from './plainForms';
import { TypoVocabulary } from './typoVocabulary';
import { FORMAL_PHRASES } from './slangForms';
import { DONOR, type NoiseProfile, type SlangChoice, type StyleDonor, type TypoKind } from './types';

export interface ProfileOptions {
  /** The real rows' labels, parallel to the texts; donors keep them so a row can borrow a same-label style. */
  readonly labels?: readonly (string | undefined)[];
  readonly seed?: number;
  /** Donors kept, a seeded sample of the rows. Default 5,000. */
  readonly maxDonors?: number;
  /** Rows measured, a seeded sample beyond it: rates from 100,000 rows are within a fraction of a percent. */
  readonly maxRows?: number;
  /** Lower-case names known from elsewhere (`namesIn` of typoVocabulary.ts): the typo count does not count them. */
  readonly knownNames?: ReadonlySet<string>;
}

export const PROFILE_DEFAULTS = { seed: 42, maxDonors: 5000, maxRows: 100_000 } as const;

const QUANTILES = [0.1, 0.25, 0.5, 0.75, 0.9];
/** A word is common vocabulary when one real row in this many uses it (and at least three rows do). */
const COMMON_ROWS = 2000;
const MAX_COMMON_WORDS = 5000;

/**
 * Measures how noisy the real rows are: typos, casing, punctuation, contractions, slang, formal wording,
 * stock phrases, politeness and length, as shares of rows (see {@link NoiseProfile}), plus a seeded sample of the rows'
 * styles to borrow. The same texts and seed give the same profile. Empty input gives all-zero rates, no
 * donors and NaN quantiles, which makes roughening a no-op.
 *
 * @example learnNoiseProfile(['where is my card', 'pls help!!'], dictionary).noTerminalShare // 0.5
 */
export function learnNoiseProfile(realTexts: readonly string[], dictionary: WordDictionary, options: ProfileOptions = {}): NoiseProfile {
  const seed = options.seed ?? PROFILE_DEFAULTS.seed;
  const random = seededRandom(seed ^ 0x9e3779b9);
  const measured = sampleIndexes(realTexts.length, options.maxRows ?? PROFILE_DEFAULTS.maxRows, random);
  const donorPicks = new Set(sampleIndexes(measured.length, options.maxDonors ?? PROFILE_DEFAULTS.maxDonors, random));
  const scan = new TextScan();
  const vocabulary = new TypoVocabulary(options.knownNames);
  for (const row of measured) vocabulary.add(scan.scan(realTexts[row]));
  const counter = new NoiseCounter(dictionary, (word) => vocabulary.notATypo(word));
  const plainCounter = new PlainWordCounter();
  const labels: string[] = [];
  const labelIndex = new Map<string, number>();
  const donors: StyleDonor[] = [];
  measured.forEach((row, i) => {
    const scanned = scan.scan(realTexts[row]);
    plainCounter.add(scanned);
    const style = counter.add(scanned);
    if (!donorPicks.has(i)) return;
    const label = options.labels?.[row];
    if (label !== undefined && !labelIndex.has(label)) labelIndex.set(label, labels.push(label) - 1);
    donors.push({ ...style, label: label === undefined ? -1 : (labelIndex.get(label) as number) });
  });
  return {
    rows: counter.rows,
    typoRowShare: ratio(counter.typoRows, counter.rows),
    typosPerWord: ratio(counter.typoWordsInTypoRows, counter.checkedInTypoRows),
    typoKinds: typoKindShares(counter.typoKinds),
    startsLowercaseShare: ratio(counter.lowerStarts, counter.letterStarts),
    allLowercaseShare: counter.share(DONOR.ALL_LOWER),
    noTerminalShare: counter.share(DONOR.NO_TERMINAL),
    noCommaShare: counter.share(DONOR.NO_COMMA),
    noPunctuationShare: counter.share(DONOR.NO_PUNCTUATION),
    repeatedPunctuationShare: counter.share(DONOR.REPEATED),
    contractionShare: ratio(counter.contracted, counter.contracted + counter.full),
    contractionRowShare: counter.share(DONOR.CONTRACTION),
    bareContractionShare: ratio(counter.bare, counter.bare + counter.droppable),
    slangRowShare: ratio(counter.slangRows, counter.rows),
    slang: slangChoices(counter),
    plainWords: plainCounter.choices(),
    stockPhraseShare: counter.share(DONOR.STOCK),
    politenessShare: counter.share(DONOR.POLITE),
    wordQuantiles: QUANTILES.map((p) => quantileSorted(sortedCopy(counter.words), p)),
    commonWords: commonWords(counter.wordRows, counter.rows),
    properNouns: vocabulary.properNouns(),
    labels,
    donors,
  };
}

function ratio(part: number, whole: number): number {
  return whole > 0 ? part / whole : 0;
}

function typoKindShares(counts: Readonly<Record<TypoKind, number>>): Record<TypoKind, number> {
  const total = counts.neighbour + counts.drop + counts.double + counts.swap;
  return { neighbour: ratio(counts.neighbour, total), drop: ratio(counts.drop, total), double: ratio(counts.double, total), swap: ratio(counts.swap, total) };
}

function slangChoices(counter: NoiseCounter): SlangChoice[] {
  const choices: SlangChoice[] = [];
  FORMAL_PHRASES.forEach((formal, index) => {
    const slang = counter.slangFor(index);
    const used = slang.reduce((sum, choice) => sum + choice.count, 0);
    if (used > 0) choices.push({ formal, rate: used / (used + counter.formalCounts[index]), slang });
  });
  return choices;
}

function commonWords(wordRows: ReadonlyMap<string, number>, rows: number): string[] {
  const least = Math.max(3, rows / COMMON_ROWS);
  const common = [...wordRows].filter(([, count]) => count >= least);
  common.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return common.slice(0, MAX_COMMON_WORDS).map(([word]) => word);
}
