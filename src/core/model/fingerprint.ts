import abbreviations from '../lexicons/abbreviations.json';
import acronyms from '../lexicons/acronyms.json';
import contractions from '../lexicons/contractions.json';
import extraWords from '../lexicons/extraWords.json';
import firstPerson from '../lexicons/firstPerson.json';
import plainWords from '../lexicons/plainWords.json';
import politeness from '../lexicons/politeness.json';
import properNouns from '../lexicons/properNouns.json';
import responsePhrases from '../lexicons/responsePhrases.json';
import slang from '../lexicons/slang.json';
import stockPhrases from '../lexicons/stockPhrases.json';
import stopwords from '../lexicons/stopwords.json';
import { FEATURES } from '../features/registry';
import { textHash } from '../stats/hash';

/** Every lexicon by file name, in name order: a lexicon added here changes every fingerprint, as it should. */
const LEXICONS: Readonly<Record<string, unknown>> = {
  abbreviations, acronyms, contractions, extraWords, firstPerson, plainWords, politeness, properNouns, responsePhrases, slang, stockPhrases, stopwords,
};

let cached: string | undefined;

/**
 * What a model's features mean: a hash of the lexicons' content and the feature ids in their order. A model
 * fitted where either differed computes other columns than this build's, so its weights would apply to the wrong
 * values; loading refuses it. The same build always gives the same fingerprint.
 *
 * @example lexiconFingerprint() // 'lex1-9f0c…' (16 hex digits)
 */
export function lexiconFingerprint(): string {
  cached ??= `lex1-${textHash(JSON.stringify({ lexicons: LEXICONS, features: FEATURES.map((feature) => feature.id) }))}`;
  return cached;
}
