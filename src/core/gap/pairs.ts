import type { DatasetRow } from '../dataset/types';
import type { CancellationToken } from '../host';
import type { PairReport } from '../report/types';
import { pickPairFields } from './pairRecords';
import { pairSentences } from './pairSentences';
import { measurePairs, PAIR_CHECKS } from './pairStats';

export interface PairCheckOptions {
  /** Example lines kept per check. Default 5: enough to open a few, short enough to print in a sentence. */
  readonly maxExamples?: number;
  /** Checked every few thousand records: a million records take tens of seconds. */
  readonly token?: CancellationToken;
}

/**
 * Checks on the request/response pairs of instruction data and chat files, the dataset against the reference: how
 * long responses run against their requests, whether they open by restating them, how many turns conversations
 * have, requests answered differently and responses given to different requests, pairs copied from the reference,
 * refusals, responses that only restate, and requests with no response. Pure and linear in rows (hash maps; the
 * medians sort). `fields` are the dataset's text fields (ParsedDataset.textFields); the reference is read with the
 * same ones. Undefined when they have no request field or no response field (see pickPairFields).
 *
 * @example pairChecks(reference.rows, dataset.rows, ['instruction', 'input', 'output']) // { request: 'instruction', response: 'output', refusals: 12, sentences: ['12 responses refuse (…)'], … }
 */
export function pairChecks(reference: readonly DatasetRow[], dataset: readonly DatasetRow[], fields: readonly string[], options: PairCheckOptions = {}): PairReport | undefined {
  const pick = pickPairFields(fields);
  if (pick === undefined) return undefined;
  const maxExamples = options.maxExamples ?? 5;
  const real = measurePairs(reference, pick, maxExamples, undefined, options.token);
  const synthetic = measurePairs(dataset, pick, maxExamples, real.pairKeys, options.token);
  const share = (count: number, of: number): number => (of > 0 ? count / of : 0);
  return {
    request: pick.request,
    ...(pick.input !== undefined ? { input: pick.input } : {}),
    response: pick.response,
    records: synthetic.answered,
    referenceRecords: real.answered,
    lengthRatio: { real: real.lengthRatio, synthetic: synthetic.lengthRatio },
    restates: { real: share(real.restates, real.answered), synthetic: share(synthetic.restates, synthetic.answered) },
    ...(synthetic.turns !== undefined
      ? {
          turns: {
            real: real.turns?.perConversation ?? NaN,
            synthetic: synthetic.turns.perConversation,
            realWords: real.turns?.words ?? NaN,
            syntheticWords: synthetic.turns.words,
          },
        }
      : {}),
    sameRequest: synthetic.sameRequest,
    sameResponse: synthetic.sameResponse,
    copiedPairs: synthetic.copiedPairs,
    refusals: synthetic.refusals,
    restatements: synthetic.restatements,
    noResponse: synthetic.noResponse,
    examples: Object.fromEntries(PAIR_CHECKS.map((check) => [check, synthetic.examples[check].lines])),
    sentences: pairSentences(pick, real, synthetic),
  };
}
