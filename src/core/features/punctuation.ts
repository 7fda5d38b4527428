import { binary, numeric } from './define';
import type { FeatureFamily } from './family';

/** Punctuation: a final . ! or ?, how much punctuation, doubled ?? and !!, and ellipses. */
export const punctuationFamily: FeatureFamily = {
  features: [
    binary('terminal-punctuation', 'Final punctuation', 'final-punctuation', {
      yes: 'ends with . ! or ?', no: 'no final punctuation', realYes: 'do', yesPlural: 'end with . ! or ?',
    }),
    numeric('punctuation-density', 'Punctuation density', 'punctuation', {
      unit: 'of characters are punctuation', higher: 'higher', lower: 'lower', format: 'percent',
      gapHigher: 'have more punctuation', gapLower: 'have less punctuation',
    }),
    binary('repeated-punctuation', 'Repeated ?? or !!', 'punctuation', {
      yes: 'has repeated ?? or !!', no: 'no ?? or !!', realYes: 'do', yesPlural: 'have repeated ?? or !!',
    }),
    binary('ellipsis', 'Ellipsis', 'ellipsis', {
      yes: 'has an ellipsis (...)', no: 'no ellipsis', realYes: 'have one', yesPlural: 'have an ellipsis (...)',
    }),
  ],

  compute(scan, _dictionary, out, offset) {
    out[offset] = scan.endsWithTerminal() ? 1 : 0;
    out[offset + 1] = scan.chars > 0 ? scan.punctuation / scan.chars : 0;
    out[offset + 2] = scan.repeatedPunctuation ? 1 : 0;
    out[offset + 3] = scan.ellipsis ? 1 : 0;
  },
};
