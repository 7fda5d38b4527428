/** The verdicts in the panel's words, for the headline and each field of a file read field by field. */
import type { Verdict } from '../types';

const VERDICTS: Record<Verdict, string> = {
  'no-gap': 'No gap',
  'small-gap': 'Small gap',
  gap: 'Gap',
  'large-gap': 'Large gap',
  'insufficient-data': 'Not enough data',
};

/** `Large gap`; an unknown verdict (a newer server) shows as it is. */
export function verdictText(verdict: Verdict): string {
  return VERDICTS[verdict] ?? verdict;
}
