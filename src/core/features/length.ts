import { numeric } from './define';
import type { FeatureFamily } from './family';
import { TOKEN } from './scan';

const { SPECIAL } = TOKEN;

const LONGER = { higher: 'longer', lower: 'shorter' } as const;

/** How long a row is: characters, words, word length, sentences and sentence length. Empty text gives 0s. */
export const lengthFamily: FeatureFamily = {
  features: [
    numeric('characters', 'Characters', 'length', {
      unit: 'characters', unitOne: 'character', ...LONGER, format: 'integer', gapHigher: 'are longer', gapLower: 'are shorter',
    }),
    numeric('words', 'Words', 'length', {
      unit: 'words', unitOne: 'word', ...LONGER, format: 'integer', gapHigher: 'are longer', gapLower: 'are shorter',
    }),
    numeric('mean-word-length', 'Mean word length', 'word-length', {
      unit: 'characters per word', ...LONGER, format: 'decimal', gapHigher: 'use longer words', gapLower: 'use shorter words',
    }),
    numeric('sentences', 'Sentences', 'sentences', {
      unit: 'sentences', unitOne: 'sentence', higher: 'more', lower: 'fewer', format: 'integer',
      gapHigher: 'have more sentences', gapLower: 'have fewer sentences',
    }),
    // Grouped with length: in one-sentence rows it is the word count again, and one reason should say so once.
    numeric('words-per-sentence', 'Words per sentence', 'length', {
      unit: 'words per sentence', ...LONGER, format: 'decimal', gapHigher: 'have longer sentences', gapLower: 'have shorter sentences',
    }),
  ],

  compute(scan, _dictionary, out, offset) {
    // Word length leaves out URLs and e-mail addresses, which would swamp it.
    let wordChars = 0;
    let plainWords = 0;
    for (let k = 0; k < scan.count; k++) {
      if (scan.flags[k] & SPECIAL) continue;
      wordChars += scan.ends[k] - scan.starts[k];
      plainWords++;
    }
    out[offset] = scan.chars;
    out[offset + 1] = scan.count;
    out[offset + 2] = plainWords > 0 ? wordChars / plainWords : 0;
    out[offset + 3] = scan.sentences;
    out[offset + 4] = scan.sentences > 0 ? scan.count / scan.sentences : 0;
  },
};
