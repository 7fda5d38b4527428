import { numeric } from './define';
import type { FeatureFamily } from './family';
import { TAG } from './lexicons';
import { TOKEN, type TextScan } from './scan';

const { FIRST_PERSON, STOPWORD } = TAG;
const { ALL_UPPER } = TOKEN;

/** Rows up to this many words count distinct words by pairwise comparison, cheaper than a Set at this size. */
const SMALL = 48;
/** Reused across longer rows: their distinct words. */
const distinct = new Set<string>();

/** Distinct words among the row's tokens. */
function distinctWords(scan: TextScan): number {
  const { words, count } = scan;
  if (count > SMALL) {
    distinct.clear();
    for (let k = 0; k < count; k++) distinct.add(words[k]);
    return distinct.size;
  }
  let unique = 0;
  outer: for (let k = 0; k < count; k++) {
    for (let j = 0; j < k; j++) if (words[j] === words[k]) continue outer;
    unique++;
  }
  return unique;
}

/** Word choice: first-person pronouns, distinct words (type-token ratio) and stopwords, each per word. */
export const vocabularyFamily: FeatureFamily = {
  features: [
    numeric('first-person-rate', 'First-person rate', 'first-person', {
      unit: 'of words are I, me, my or we', higher: 'higher', lower: 'lower', format: 'percent',
      gapHigher: 'say I, me and my more', gapLower: 'say I, me and my less',
    }),
    // Short rows have a high ratio almost by definition, so this one is read together with length.
    numeric('type-token-ratio', 'Distinct words', 'vocabulary', {
      unit: 'of words distinct', higher: 'higher', lower: 'lower', format: 'percent',
      gapHigher: 'repeat words less', gapLower: 'repeat words more',
    }),
    numeric('stopword-ratio', 'Stopword ratio', 'stopwords', {
      unit: 'of words are stopwords', higher: 'higher', lower: 'lower', format: 'percent',
      gapHigher: 'use more stopwords', gapLower: 'use fewer stopwords',
    }),
  ],

  compute(scan, _dictionary, out, offset) {
    const n = scan.count;
    let firstPersonCount = 0;
    let stopCount = 0;
    for (let k = 0; k < n; k++) {
      const tags = scan.tags[k];
      if (tags & STOPWORD) stopCount++;
      // `US` in capitals is the country, not the pronoun.
      if (tags & FIRST_PERSON && !(scan.flags[k] & ALL_UPPER && scan.words[k] === 'us')) firstPersonCount++;
    }
    out[offset] = n > 0 ? firstPersonCount / n : 0;
    out[offset + 1] = n > 0 ? distinctWords(scan) / n : 0;
    out[offset + 2] = n > 0 ? stopCount / n : 0;
  },
};
