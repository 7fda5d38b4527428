import { binary } from './define';
import type { FeatureFamily } from './family';
import { TAG } from './lexicons';
import { TOKEN, scanText, type TextScan } from './scan';

const { SLANG } = TAG;
const { DOTTED } = TOKEN;

/** Whether token `k` is chat slang or a chat abbreviation (`u`, `pls`, `idk`); not a letter of `U.S.`. */
export function isSlangAt(scan: TextScan, k: number): boolean {
  return (scan.tags[k] & SLANG) !== 0 && !(scan.flags[k] & DOTTED);
}

/** The slang words of a text, lower-case, each once, in order of first occurrence. */
export function matchSlang(text: string): string[] {
  const scan = scanText(text);
  const found: string[] = [];
  for (let k = 0; k < scan.count; k++) if (isSlangAt(scan, k) && !found.includes(scan.words[k])) found.push(scan.words[k]);
  return found;
}

/** Chat slang and abbreviations from the slang lexicon. */
export const slangFamily: FeatureFamily = {
  features: [
    binary('slang', 'Chat slang', 'slang', {
      yes: 'uses chat slang like u or pls', no: 'no chat slang', realYes: 'do', yesPlural: 'use chat slang like u or pls',
    }),
  ],

  compute(scan, _dictionary, out, offset) {
    let slang = 0;
    for (let k = 0; k < scan.count && slang === 0; k++) if (isSlangAt(scan, k)) slang = 1;
    out[offset] = slang;
  },
};
