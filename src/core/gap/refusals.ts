/**
 * The characters of a response searched for a refusal. A model that declines says so first ("I'm sorry, but I
 * can't…", "As an AI language model, I cannot…"); 300 characters hold the first two or three sentences, so a story
 * whose character says "I'm sorry, but I can't stay" halfway through is not read as the response refusing.
 */
const REFUSAL_WINDOW = 300;

/**
 * What a refusal declines to do: "I can't help with that", "I'm unable to provide…". A refusal names one of these
 * or stops ("I can't."); "I can't imagine how hard that is" and "I can't help but smile" are not refusals.
 */
const DECLINED = String.raw`(?: to)?(?: (?:assist|help|provide|comply|fulfil+|complete|answer|generate|create|write|produce|make|do|give|share|tell|say|offer|recommend|engage|support|discuss|continue|perform|participate|browse|access|predict|express|form)\b(?! but)|[.,;:!]|$)`;
/** "I" and a refusal: the speaker cannot or will not do it, or lacks the means. "I don't have personal opinions" is a hedge. */
const I_REFUSE = String.raw`I(?:(?: (?:can't|cannot|can not|won't|will not|am (?:unable|not able|not allowed|not permitted))|'m (?:unable|not able|not allowed|not permitted))${DECLINED}| (?:don't|do not) have (?:the ability|access))`;
/** Within one sentence: the apology or the disclaimer and the refusal belong to the same statement. */
const SAME_SENTENCE = String.raw`[^.!?\n]{0,40}`;

/**
 * How refusals are worded, the stock forms of chat models' safety and capability refusals. The list is small on
 * purpose: each form is one a person answering an instruction rarely writes, so a match is a refusal, not a reply
 * that happens to contain an apology.
 */
const REFUSALS: readonly RegExp[] = [
  // "I'm sorry, but I can't…", "I am afraid I cannot…", "I apologize, but I'm unable to…", "Sorry, I can't…"
  new RegExp(String.raw`\b(?:I(?:'m| am) (?:sorry|afraid)|I apologi[sz]e|sorry)\b${SAME_SENTENCE}\b${I_REFUSE}`, 'i'),
  // "As an AI language model, I cannot…", "As an AI assistant, I don't have access…"
  new RegExp(String.raw`\bas an AI\b${SAME_SENTENCE}\b${I_REFUSE}`, 'i'),
  // A response that opens by declining: "I cannot assist with that.", "I'm unable to provide…".
  new RegExp(String.raw`^\W*${I_REFUSE}`, 'i'),
];

/**
 * Whether a response refuses the request, by the stock forms in {@link REFUSALS} within its first
 * {@link REFUSAL_WINDOW} characters (curly apostrophes read as straight ones). False for an empty text.
 *
 * @example isRefusal("I'm sorry, but I can't help with that request.") // true
 * @example isRefusal('Sorry for the delay: here is the list.') // false
 */
export function isRefusal(response: string): boolean {
  const opening = response.slice(0, REFUSAL_WINDOW).replaceAll('’', "'");
  return REFUSALS.some((pattern) => pattern.test(opening));
}
