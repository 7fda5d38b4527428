import { SLANG } from '../features/lexicons';
import { PhraseFinder } from './phraseSpans';

/** Every formal phrase the slang lexicon has slang for, lower-case, each once: `you`, `please`, `by the way`. */
export const FORMAL_PHRASES: readonly string[] = [...new Set(SLANG.flatMap((entry) => entry.formal.map((formal) => formal.toLowerCase())))];

/** Finds {@link FORMAL_PHRASES} in a scanned row. */
export const formalFinder = new PhraseFinder(FORMAL_PHRASES);

/** For each slang word, the indexes of the formal phrases it stands for. */
export const FORMALS_OF_SLANG: ReadonlyMap<string, readonly number[]> = new Map(
  SLANG.map((entry) => [entry.slang, entry.formal.map((formal) => FORMAL_PHRASES.indexOf(formal.toLowerCase()))]),
);
