import { binary } from './define';
import type { FeatureFamily } from './family';

/** Emoji (pictographs or text emoticons such as `:)`) and digits. */
export const symbolFamily: FeatureFamily = {
  features: [
    binary('emoji', 'Emoji', 'emoji', {
      yes: 'has an emoji or emoticon', no: 'no emoji', realYes: 'have one', yesPlural: 'have an emoji or emoticon',
    }),
    binary('digits', 'Digits', 'digits', { yes: 'has digits', no: 'no digits', realYes: 'do', yesPlural: 'have digits' }),
  ],

  compute(scan, _dictionary, out, offset) {
    out[offset] = scan.hasEmoji ? 1 : 0;
    out[offset + 1] = scan.hasDigit ? 1 : 0;
  },
};
