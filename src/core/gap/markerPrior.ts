import { matchStockPhrases, REGISTER_PHRASES } from '../features/stockPhrases';

/**
 * How often LLM-written text uses one given register phrase of the lexicon (`kindly`, `Could you inform me`).
 * Measured on CLINC150's 30,007 gpt-3.5 paraphrases, casual short requests: the most used stock phrase in 1.3%
 * of rows, the next ten in 0.4-1.25%. 1% is the rate at the top of that range; only register phrases, which
 * real messages rarely use at all, carry this prior (polite phrasing such as `Could you please` is in 0.1-0.4%
 * of real rows, too close to LLM rates to be evidence on its own).
 */
const LLM_PHRASE_RATE = 0.01;
/**
 * At most this many logits from phrases in one row, about a 3,000-fold likelihood ratio: enough to flag a row
 * that stacks several stock phrases whatever the detector thinks of the rest of it, while the scores of such
 * rows still differ by what the detector saw.
 */
const MAX_BOOST = 8;

/**
 * The evidence (in logits) that one stock phrase is LLM writing, given that `realCount` of `referenceRows`
 * real rows use it: log(LLM rate / real rate), the real rate with half a row added (so an unused phrase on a
 * small reference set counts less than on a large one), and never below 0. A phrase real people use as often
 * as LLMs do carries no evidence.
 *
 * @example phraseEvidence(0, 760) // log(0.01 / (0.5 / 761)) ≈ 2.72
 */
export function phraseEvidence(realCount: number, referenceRows: number): number {
  const realRate = (Math.max(0, realCount) + 0.5) / (Math.max(0, referenceRows) + 1);
  return Math.max(0, Math.log(LLM_PHRASE_RATE / realRate));
}

/** A row's stock phrases with their evidence, strongest first (ties in lexicon order). */
export interface PhraseEvidence {
  readonly phrase: string;
  readonly realCount: number;
  readonly evidence: number;
}

/**
 * The register phrases of a row that real rows rarely use, strongest evidence first. `ownRow`: the row is itself
 * one of the reference rows, whose counts include it; it is then left out of them (a real row's own phrase is
 * no evidence that real people use it).
 */
export function rowPhraseEvidence(text: string, counts: ReadonlyMap<string, number>, referenceRows: number, ownRow = false): PhraseEvidence[] {
  const found: PhraseEvidence[] = [];
  const matched = [...new Set(matchStockPhrases(text))];
  const lower = matched.map((phrase) => phrase.toLowerCase());
  for (const phrase of matched) {
    if (!REGISTER_PHRASES.has(phrase)) continue;
    // A phrase inside a longer one the row also uses (`delve` in `delve into`) is the same evidence, once.
    const own = phrase.toLowerCase();
    if (lower.some((other) => other !== own && other.includes(own))) continue;
    const realCount = (counts.get(phrase) ?? 0) - (ownRow ? 1 : 0);
    const evidence = phraseEvidence(realCount, referenceRows - (ownRow ? 1 : 0));
    if (evidence > 0) found.push({ phrase, realCount: Math.max(0, realCount), evidence });
  }
  return found.sort((a, b) => b.evidence - a.evidence);
}

/**
 * The prior knowledge of how LLMs write, as logits added to a row's detector score: the summed evidence of
 * its stock phrases (a naive-Bayes likelihood ratio), capped at {@link MAX_BOOST}. The detector only learns
 * what separates this synthetic file from the reference, so a textbook phrase that no other synthetic row
 * uses would otherwise weigh nothing; applied alike to reference rows (leaving each out of the counts), it
 * moves the flag threshold with it, and real rows stay flagged at the calibrated rate.
 */
export function phraseBoost(text: string, counts: ReadonlyMap<string, number>, referenceRows: number, ownRow = false): number {
  let sum = 0;
  for (const { evidence } of rowPhraseEvidence(text, counts, referenceRows, ownRow)) sum += evidence;
  return Math.min(MAX_BOOST, sum);
}
