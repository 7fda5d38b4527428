// Guards that keep roughening from making a row worse: it may make a row look crowd-written, never change
// what it says or leave it unreadable. Each is a small pure check the transformations consult.

/**
 * Words that turn a sentence's meaning around. Roughening never misspells, replaces or cuts them: `nevr` or a
 * lost `not` says the opposite of the row's label. Bare contractions (`dont`, `cant`) are listed because
 * crowd text writes them so.
 */
const NEGATIONS: ReadonlySet<string> = new Set([
  'not', 'no', 'never', 'nothing', 'nobody', 'none', 'nor', 'neither', 'nowhere', 'cannot', 'without', 'nope',
  'dont', 'doesnt', 'didnt', 'cant', 'couldnt', 'wont', 'wouldnt', 'isnt', 'arent', 'wasnt', 'werent', 'havent',
  'hasnt', 'hadnt', 'shouldnt', 'aint',
]);

/**
 * Whether a lower-case word negates: `not`, `never`, `no`, any `n't` contraction (`don't`, `can't`).
 *
 * @example isNegation("doesn't") // true
 */
export function isNegation(word: string): boolean {
  return NEGATIONS.has(word) || /n['\u2019]t$/.test(word);
}

/**
 * Words a sentence cannot start with when a stock opener was cut from before them: conjunctions, prepositions
 * and the infinitive `to` need what was cut (`I look forward to | your reply`, `Thank you | for your help`).
 * A request starts with a verb, a pronoun, a question word or a determiner, none of which is here.
 */
const DANGLING_START: ReadonlySet<string> = new Set([
  'and', 'but', 'or', 'nor', 'so', 'yet', 'for', 'to', 'of', 'with', 'at', 'by', 'from', 'in', 'on', 'about',
  'into', 'than', 'that', 'which', 'whom', 'whose', 'as', 'because', 'since', 'though', 'although', 'unless',
  'whether', 'if', 'upon', 'regarding', 'towards', 'toward', 'through', 'via', 'per',
]);

/**
 * Words a sentence cannot end with when a closer was cut from after them: an article, a preposition or a
 * conjunction that still expects what follows (`Thanks for the | prompt response`).
 */
const DANGLING_END: ReadonlySet<string> = new Set([
  'a', 'an', 'the', 'and', 'but', 'or', 'for', 'to', 'of', 'with', 'at', 'by', 'from', 'in', 'on', 'about',
  'your', 'my', 'our', 'their', 'its', 'very',
]);

/** Words that open a noun phrase: what a cut phrase ending in `to` or `for` leaves behind as its object. */
const DETERMINERS: ReadonlySet<string> = new Set(['a', 'an', 'the', 'your', 'my', 'our', 'their', 'his', 'her', 'its', 'this', 'that', 'hearing']);
/** Words that end a cut phrase and take the object after it (`I look forward to | your reply`). */
const TAKES_OBJECT: ReadonlySet<string> = new Set(['to', 'for', 'of', 'with', 'about', 'regarding', 'on', 'at', 'from']);

/**
 * Whether a row still reads after a phrase was cut from it: the sentence of `after` (split at . ! ? and line
 * breaks) that the cut touched neither starts with a dangling word nor ends with one, some word is left, and
 * a cut `removed` phrase that ended in a preposition (`I look forward to`) did not leave its object behind
 * (`your reply`). `cutAt` is where in `after` the cut phrase stood. Compare {@link DANGLING_START} and
 * {@link DANGLING_END}.
 *
 * @example readsAfterCut('for your help!', 0) // false: `Thank you` was cut from `Thank you for your help!`
 */
export function readsAfterCut(after: string, cutAt: number, removed = ''): boolean {
  const lastRemoved = /([\p{L}']+)\W*$/u.exec(removed.toLowerCase())?.[1] ?? '';
  const nextWord = /^\W*([\p{L}']+)/u.exec(after.slice(cutAt).toLowerCase())?.[1] ?? '';
  if (TAKES_OBJECT.has(lastRemoved) && DETERMINERS.has(nextWord)) return false;
  const before = after.slice(0, cutAt);
  const sentenceStart = Math.max(before.search(/[.!?\u2026\n][^.!?\u2026\n]*$/) + 1, 0);
  const rest = after.slice(cutAt);
  const endAt = rest.search(/[.!?\u2026\n]/);
  const sentence = after.slice(sentenceStart, endAt < 0 ? after.length : cutAt + endAt);
  const words = sentence.toLowerCase().match(/[\p{L}\p{N}'\u2019]+/gu) ?? [];
  if (words.length === 0) return after.trim() !== '' && /[\p{L}\p{N}]/u.test(after);
  return !DANGLING_START.has(words[0] ?? '') && !DANGLING_END.has(words[words.length - 1] ?? '');
}

/**
 * Whether a replacement left two modal verbs around one subject, `can you could help`, as replacing
 * `I was wondering if` by `can` does before `you could help`: such a row is worse than the formal one.
 *
 * @example doubledModal('can you could help me') // true
 */
export function doubledModal(text: string): boolean {
  return /\b(?:can|could|would|will|may|might|should)\s+(?:you|i|we|they|he|she|it|someone|somebody)\s+(?:can|could|would|will|may|might|should)\b/i.test(text);
}
