import { formatShare } from '../exporters/format';
import type { StyleProfile } from './style';

/** A habit shared by at least this share of rows is stated as the rule; at most its complement, as never. */
const MOST = 0.8;
/** Below this share a habit is worth asking for only when real rows show it at all. */
const SOME = 0.03;

/**
 * The style of real rows as instructions a generator can follow, each with the measured share so the user can
 * judge it: length range, casing, final punctuation, typos (with real examples), slang actually used, dropped
 * apostrophes, politeness, digits, emoji, and stock LLM phrases. Habits no real row shows are stated as
 * "never" only where LLMs tend to add them (stock phrases, please, final punctuation, capitals).
 *
 * @example styleConstraints(profile)[0] // 'Length: 4 to 12 words (median 7).'
 */
export function styleConstraints(style: StyleProfile): string[] {
  const rules: string[] = [];
  const { p10, median, p90 } = style.words;
  if (Number.isFinite(median)) rules.push(`Length: ${Math.round(p10)} to ${Math.round(p90)} words (median ${Math.round(median)}); most real messages are short, so keep to this range.`);
  if (style.allLowercase >= MOST) rules.push(`Casing: all lower-case, no capital letters at all (${formatShare(style.allLowercase)} of real messages).`);
  else if (style.startsCapital >= MOST) rules.push(`Casing: start with a capital letter (${formatShare(style.startsCapital)} of real messages do).`);
  else rules.push(`Casing: mixed; ${formatShare(style.allLowercase)} of real messages are all lower-case and ${formatShare(style.startsCapital)} start with a capital.`);
  if (style.noFinalPunctuation >= MOST) rules.push(`Ending: no final . ! or ? (${formatShare(style.noFinalPunctuation)} of real messages end without one).`);
  else if (style.noFinalPunctuation <= 1 - MOST) rules.push(`Ending: end with . ! or ? (${formatShare(1 - style.noFinalPunctuation)} of real messages do).`);
  else rules.push(`Ending: leave off the final . ! or ? in about ${formatShare(style.noFinalPunctuation)} of messages.`);
  if (style.typoRows >= SOME) {
    const seen = style.typos.length > 0 ? `; real ones: ${quoteList(style.typos)}` : '';
    rules.push(`Typos: a misspelling in ${about(style.typoRows)}${seen}.`);
  } else {
    rules.push(`Typos: spell correctly (${few(style.typoRows)} real messages have a misspelling).`);
  }
  if (style.slangRows >= SOME && style.slang.length > 0) rules.push(`Slang: chat slang in ${about(style.slangRows)}, such as ${quoteList(style.slang)}.`);
  else rules.push(`Slang: none (${few(style.slangRows)} real messages use chat slang).`);
  if (style.bareContractionRows >= SOME && style.bareContractions.length > 0) rules.push(`Apostrophes: dropped in ${about(style.bareContractionRows)}, as in ${quoteList(style.bareContractions)}.`);
  if (style.politenessRows < SOME) rules.push(`Politeness: no please, thanks or greetings (${few(style.politenessRows)} real messages have them).`);
  else if (style.politenessRows < MOST) rules.push(`Politeness: about ${formatShare(style.politenessRows)} of messages say please, thanks or hello; the rest get straight to the point.`);
  if (style.digitRows >= SOME) rules.push(`Numbers: digits (amounts, dates, times, codes) in ${about(style.digitRows)}.`);
  if (style.emojiRows >= SOME) rules.push(`Emoji: an emoji in ${about(style.emojiRows)}.`);
  if (style.stockPhraseRows < SOME) rules.push(`Never use assistant phrasing such as "I hope this helps", "Certainly" or "Could you please" (${few(style.stockPhraseRows)} real messages do).`);
  else rules.push(`Stock phrasing ("Could you please", "I would like to"): about ${formatShare(style.stockPhraseRows)} of messages, no more.`);
  return rules;
}

/**
 * A share as a generator can follow it: `about 1 in 10 messages (10%)` below a half, where counting is easier
 * than a percentage; `about 60% of messages` from a half on.
 */
function about(share: number): string {
  if (share > 0 && share < 0.5) return `about 1 in ${Math.round(1 / share)} messages (${formatShare(share)})`;
  return `about ${formatShare(share)} of messages`;
}

/** `no`, or `only 1.4% of` before "real messages". */
function few(share: number): string {
  return share > 0 ? `only ${formatShare(share)} of` : 'no';
}

function quoteList(words: readonly string[]): string {
  return words.map((word) => `"${word}"`).join(', ');
}
