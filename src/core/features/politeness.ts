import politeness from '../lexicons/politeness.json';
import { binary } from './define';
import type { FeatureFamily } from './family';
import { TAG } from './lexicons';
import { PhraseMatcher } from './phraseMatcher';

const matcher = new PhraseMatcher(politeness, TAG.POLITE_START);

/** The politeness markers a text uses (`please`, `thanks`, `could you`), as the lexicon writes them. */
export function matchPoliteness(text: string): string[] {
  return matcher.findAllIn(text);
}

/** Politeness markers, in full or chat form: `please`, `pls`, `thank you`, `thx`, `would you`, `kindly`. */
export const politenessFamily: FeatureFamily = {
  features: [
    binary('politeness', 'Politeness marker', 'politeness', {
      yes: 'has a politeness marker like please', no: 'no politeness markers', realYes: 'have one',
      yesPlural: 'have a politeness marker like please',
    }),
  ],

  compute(scan, _dictionary, out, offset) {
    out[offset] = matcher.any(scan) ? 1 : 0;
  },
};
