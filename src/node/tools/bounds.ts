/**
 * Results stay small whatever the data: an agent reads them into its context, where a million rows' report would
 * crowd out everything else. Each tool caps its lists (saying why at the cap); texts are cut here.
 */
import { excerpt } from '../../core';

/** Characters of a row's text in a result: a long paragraph, enough to see what the row is about. */
export const TEXT_CHARS = 300;

/** A result's JSON is at most this long: about 8,000 tokens, a small share of any agent's context. */
export const MAX_RESULT_CHARS = 32_000;

/** A row's text on one line, cut to `max` code points with an ellipsis (the summaries' own excerpt). */
export function clip(text: string, max = TEXT_CHARS): string {
  return excerpt(text, max);
}

/** The first `max` items, and how many were left out (0 when none). */
export function capped<T>(items: readonly T[], max: number): { items: T[]; more: number } {
  return { items: items.slice(0, max), more: Math.max(0, items.length - max) };
}
