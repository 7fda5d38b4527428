import { STOPWORDS } from '../features/lexicons';
import { openingWords, sentenceWords } from './words';

/**
 * Share of the task's content words that the response's opening repeats, at or above which the response restates
 * the task. "Write a poem about the ocean." → "Here is a poem about the ocean:" repeats 2 of 3 (poem, ocean; not
 * write): two thirds is what a restating opener reaches on a short instruction, and 60% still lets one content
 * word of three or four go unrepeated; an answer that merely mentions the topic repeats one word of several.
 */
const RESTATE_SHARE = 0.6;
/**
 * Fewer distinct content words than this and the task is not judged: with one or two, a single shared word
 * ("Describe love." → "Love is…") is already 50–100%, and that is answering, not restating.
 */
const MIN_TASK_WORDS = 3;
/**
 * The opening is the first sentence, joined by the next ones while it has fewer words than this: "Sure!" or
 * "Certainly." is a stock interjection, and the restatement is the sentence after it.
 */
const OPENING_WORDS = 4;
/**
 * A restating response only restates when it is short, under this many times the task's words: an answer that
 * opens by restating and then answers at length is a style (counted in `restates`), not a non-answer.
 */
const SHORT_FACTOR = 2;
/**
 * And when it adds almost nothing: under this share of its content words are new (absent from the request). "The
 * sky is blue because of Rayleigh scattering." restates "Explain why the sky is blue." and is short, but half of
 * its content words answer; "I will explain why the sky is blue." adds none.
 */
const NEW_WORDS_SHARE = 1 / 3;

/** How a response relates to its request: whether its opening restates the task, and whether that is all it does. */
export interface Restating {
  readonly restates: boolean;
  /** The response restates the task and is short and adds almost nothing: it does not answer. */
  readonly only: boolean;
}

const NOT_RESTATING: Restating = { restates: false, only: false };

/**
 * Whether the response's opening repeats at least {@link RESTATE_SHARE} of the task's distinct content words (words
 * not in the stopword list), and whether the response does nothing else (see SHORT_FACTOR, NEW_WORDS_SHARE).
 * A task with fewer than {@link MIN_TASK_WORDS} content words does not restate. `request` is the task and its
 * input: words the response repeats from the input are not new either. Word counts are {@link countWords}'.
 *
 * @example restating('Write a poem about the ocean.', 'Write a poem about the ocean.', 'Here is a poem about the ocean:', 6, 7) // { restates: true, only: true }
 */
export function restating(task: string, request: string, response: string, taskWords: number, responseWords: number): Restating {
  const taskContent = contentWords(sentenceWords(task).flat());
  if (taskContent.size < MIN_TASK_WORDS) return NOT_RESTATING;
  const opening = new Set(openingWords(response, OPENING_WORDS));
  let repeated = 0;
  for (const word of taskContent) if (opening.has(word)) repeated++;
  if (repeated < RESTATE_SHARE * taskContent.size) return NOT_RESTATING;
  if (responseWords >= SHORT_FACTOR * taskWords) return { restates: true, only: false };
  const requestContent = task === request ? taskContent : contentWords(sentenceWords(request).flat());
  const responseContent = contentWords(sentenceWords(response).flat());
  let added = 0;
  for (const word of responseContent) if (!requestContent.has(word)) added++;
  return { restates: true, only: added < NEW_WORDS_SHARE * responseContent.size };
}

function contentWords(words: readonly string[]): Set<string> {
  const content = new Set<string>();
  for (const word of words) if (!STOPWORDS.has(word)) content.add(word);
  return content;
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;

/**
 * Words in a text: runs of letters and digits (inner apostrophes kept), as sentenceWords counts them. 0 for an
 * empty text.
 *
 * @example countWords("Hi there! What's up?") // 4
 */
export function countWords(text: string): number {
  let count = 0;
  WORD.lastIndex = 0;
  while (WORD.exec(text) !== null) count++;
  return count;
}
