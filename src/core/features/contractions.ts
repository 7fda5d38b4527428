import { binary } from './define';
import type { FeatureFamily } from './family';
import { TAG, isContracted } from './lexicons';
import { TOKEN, scanText, type TextScan } from './scan';

const { APOSTROPHE } = TOKEN;
const { BARE } = TAG;

/** Whether token `k` is a contraction written with its apostrophe: `don't`, `it's`, `we've`. */
export function isContractionAt(scan: TextScan, k: number): boolean {
  return (scan.flags[k] & APOSTROPHE) !== 0 && isContracted(scan.words[k]);
}

/** Whether token `k` is a contraction that lost its apostrophe, `dont` or `im`; never an ordinary word like `its`. */
export function isBareContractionAt(scan: TextScan, k: number): boolean {
  return (scan.tags[k] & BARE) !== 0;
}

/** The contractions of a text, with and without apostrophes, lower-case, in order. */
export function matchContractions(text: string): { readonly contracted: string[]; readonly bare: string[] } {
  const scan = scanText(text);
  const contracted: string[] = [];
  const bare: string[] = [];
  for (let k = 0; k < scan.count; k++) {
    if (isContractionAt(scan, k)) contracted.push(scan.words[k]);
    else if (isBareContractionAt(scan, k)) bare.push(scan.words[k]);
  }
  return { contracted, bare };
}

/** Contractions: written with an apostrophe (`don't`), and missing it (`dont`, `isnt`, `im`). */
export const contractionFamily: FeatureFamily = {
  features: [
    binary('contraction', 'Contraction', 'contractions', {
      yes: "uses a contraction like don't", no: 'no contractions', realYes: 'do', yesPlural: "use contractions like don't",
    }),
    binary('bare-contraction', 'Contraction without apostrophe', 'contractions', {
      yes: 'drops an apostrophe, as in dont', no: 'no dropped apostrophes', realYes: 'do', yesPlural: 'drop an apostrophe, as in dont',
    }),
  ],

  compute(scan, _dictionary, out, offset) {
    let contracted = 0;
    let bare = 0;
    for (let k = 0; k < scan.count; k++) {
      if (isContractionAt(scan, k)) contracted = 1;
      else if (isBareContractionAt(scan, k)) bare = 1;
    }
    out[offset] = contracted;
    out[offset + 1] = bare;
  },
};
