import { CONTRACTIONS, type ContractionEntry } from '../features/lexicons';
import { TOKEN, type TextScan } from '../features/scan';
import { PhraseFinder, type PhraseHit } from './phraseSpans';

const { JOINED } = TOKEN;

/** Contractions roughening never writes: dialect (`ain't`, `y'all`) or another meaning (`let us know` ≠ `let's know`). */
const NEVER = new Set(["ain't", "y'all", "let's"]);

/** Words after `I have` (and the like) that make it an auxiliary, which alone may contract: `I've been`, not `I've a card`. */
const PARTICIPLE_WORDS = new Set(['been', 'got', 'gotten', 'done', 'had', 'made', 'seen', 'never', 'already', 'just', 'ever', 'lost', 'forgotten']);

/** Contractions that may be written from their full form. */
export const CONTRACTABLE: readonly ContractionEntry[] = CONTRACTIONS.filter((entry) => !NEVER.has(entry.contracted.toLowerCase()));

const fullForms = new PhraseFinder(CONTRACTABLE.map((entry) => entry.full.toLowerCase()));

/**
 * Full forms in a scanned row that a writer could contract (`do not`, `I am`, `I have been`), as hits into
 * {@link CONTRACTABLE}. A form counts only with a word after it in the same clause, and one ending in `have`
 * only before a past participle.
 */
export function findContractable(scan: TextScan): PhraseHit[] {
  return fullForms.find(scan).filter((hit) => {
    // A contraction needs a word after it in the same clause: `where it is.` never becomes `where it's.`
    const next = hit.last + 1 < scan.count && scan.flags[hit.last + 1] & JOINED ? scan.words[hit.last + 1] : '';
    if (next === '') return false;
    if (!CONTRACTABLE[hit.index].full.endsWith(' have')) return true;
    return PARTICIPLE_WORDS.has(next) || /[a-z]{2}(ed|en)$/.test(next);
  });
}

const BARE_OF = new Map(CONTRACTIONS.filter((entry) => !entry.bareIsWord).map((entry) => [entry.contracted.toLowerCase(), entry.bare]));

/**
 * The apostrophe-less form of a lower-case contraction (`don't` → `dont`), or undefined when there is none or
 * it would be another word (`it's` → `its`, `we're` → `were`).
 */
export function bareFormOf(contracted: string): string | undefined {
  return BARE_OF.get(contracted.replaceAll('\u2019', "'"));
}
