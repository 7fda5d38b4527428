import { findResponseCuts, type ResponseCut, type ResponseCutKind, type ResponseCutOptions } from './responseCuts';
import type { RoughenChange, RoughenResult } from './types';

/** Which packaging `roughenResponse` removes: `openers`, `boilerplate` and `closers`, each true by default. */
export type RoughenResponseOptions = ResponseCutOptions;

const WHAT: Readonly<Record<ResponseCutKind, string>> = {
  'stock-opener': 'the opener',
  'assistant-boilerplate': 'the boilerplate',
  'closing-offer': 'the closing offer',
};

/**
 * The fix for an assistant turn or an `output` field, which must keep the answer correct: removes stock openers
 * (`Certainly!`, `Sure,`), AI boilerplate clauses (`As an AI language model,`) and closing offers as whole
 * trailing sentences (`I hope this helps!`, `Let me know if you have any other questions.`), and nothing else:
 * no typos, no casing or punctuation noise, no content words. The text between the cuts stays as it was, except
 * that a word that now starts a sentence takes a capital. When everything would be cut, the text is returned
 * unchanged. Deterministic; no profile or seed, since it adds no noise.
 *
 * @example roughenResponse('Certainly! the answer is 42. I hope this helps!').text // 'The answer is 42.'
 */
export function roughenResponse(text: string, options: RoughenResponseOptions = {}): RoughenResult {
  const cuts = findResponseCuts(text, options);
  if (cuts.length === 0) return { text, changes: [] };
  let out = '';
  let at = 0;
  let capitalize = false;
  for (const cut of cuts) {
    out += capitalize ? capitalizeFirstWord(text.slice(at, cut.start)) : text.slice(at, cut.start);
    // Adjacent cuts (an opener, then a boilerplate clause) pass the capital on to what follows them both.
    capitalize = cut.start <= at ? capitalize || cut.capitalize : cut.capitalize;
    at = Math.max(at, cut.end);
  }
  out += capitalize ? capitalizeFirstWord(text.slice(at)) : text.slice(at);
  const changes: RoughenChange[] = cuts.map((cut: ResponseCut) => ({
    kind: cut.kind, description: `removed ${WHAT[cut.kind]} "${cut.phrase}"`, before: cut.phrase, after: '',
  }));
  return { text: out, changes };
}

/**
 * A lower-case first word that stands as a word gets a capital (`the answer` → `The answer`, `it's` → `It's`).
 * Left alone: what does not start with a letter (`` `npm` ``, `42`), a word with capitals inside (`iPhone`), a
 * single letter other than `a` and `i` (a variable: `x = 2`), and a word joined to code (`np.array`, `f(x)`).
 */
function capitalizeFirstWord(segment: string): string {
  const word = /^\p{Ll}+(?=$|[\s,;:!?'\u2019")\]]|\.(?:\s|$))/u.exec(segment)?.[0];
  if (word === undefined || (word.length === 1 && word !== 'a' && word !== 'i')) return segment;
  const first = String.fromCodePoint(word.codePointAt(0) ?? 0);
  const upper = first.toUpperCase();
  // A letter whose capital is two letters (`ß` → `SS`) stays: the fix adds no characters.
  return [...upper].length === 1 ? upper + segment.slice(first.length) : segment;
}
