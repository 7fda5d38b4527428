/**
 * Number and text formatting shared by the exporters (terminal, Markdown, HTML), so a number reads the same
 * in every one of them. Everything here is pure and locale-independent: thousands separators are written by
 * hand rather than through Intl, so output does not change with the ICU build or the user's locale.
 * Non-finite numbers (an AUC on too little data) print as `n/a` everywhere.
 */

export const NOT_AVAILABLE = 'n/a';

/** A count with en-US thousands separators, rounded to an integer. @example formatCount(10000) // "10,000" */
export function formatCount(value: number): string {
  return formatDecimal(value, 0);
}

/** A fixed-point number with en-US thousands separators. @example formatDecimal(-1234.5, 1) // "-1,234.5" */
export function formatDecimal(value: number, digits: number): string {
  if (!Number.isFinite(value)) return NOT_AVAILABLE;
  const fixed = Math.abs(value).toFixed(digits);
  const [whole, fraction] = fixed.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  // A value that rounds to zero prints without a sign: "-0.00" reads like a finding.
  const sign = value < 0 && Number(fixed) !== 0 ? '-' : '';
  return sign + grouped + (fraction === undefined ? '' : `.${fraction}`);
}

/** A number with an explicit sign. @example formatSigned(0.5, 2) // "+0.50" */
export function formatSigned(value: number, digits: number): string {
  const text = formatDecimal(value, digits);
  if (text === NOT_AVAILABLE || text.startsWith('-') || Number(text.replace(/,/g, '')) === 0) return text;
  return `+${text}`;
}

/**
 * A score or probability in [0, 1] with two decimals (or `digits`), except that it never rounds to a certainty it
 * does not have: `>0.99` and `<0.01` instead of `1.00` and `0.00` (`>0.999` with three decimals).
 *
 * @example formatScore(0.998) // ">0.99"
 * @example formatScore(0.9998, 3) // ">0.999"
 */
export function formatScore(value: number, digits = 2): string {
  const unit = 10 ** -digits;
  if (value > 0 && value < unit / 2) return `<${unit.toFixed(digits)}`;
  if (value >= 1 - unit / 2 && value < 1) return `>${(1 - unit).toFixed(digits)}`;
  return formatDecimal(value, digits);
}

/**
 * A share in [0, 1] as a percentage. The one rule for every view (terminal, Markdown, the panel, the saved page,
 * hovers and squiggles): a share prints as `0%` or `100%` only when it is exactly 0 or 1, because "100% of rows
 * flagged" when 5 in 1,000 are not is a claim the data does not make. Whole percents from 10% to 99%; one
 * decimal below 10% (`5.0%`, `0.4%`: small shares are compared with each other) and above 99% (`99.5%`, where a
 * whole percent would read `100%`); past one decimal, `under 0.1%` and `over 99.9%`.
 * A ratio above 1 prints in whole percents (`150%`); non-finite values print as `n/a`.
 *
 * @example formatShare(0.995) // "99.5%"
 * @example formatShare(0.9996) // "over 99.9%"
 * @example formatShare(0.4167) // "42%"
 */
export function formatShare(share: number): string {
  if (!Number.isFinite(share)) return NOT_AVAILABLE;
  if (share === 0 || share === 1) return `${share * 100}%`;
  if (share < 0) return `${formatDecimal(share * 100, 1)}%`;
  if (share > 1) return share < 1.005 ? 'over 100%' : `${formatCount(share * 100)}%`;
  if (share < 0.001) return 'under 0.1%';
  if (share > 0.999) return 'over 99.9%';
  // 0.0995 and 0.99: where one decimal and a whole percent meet without printing "10.0%" or "100%".
  if (share < 0.0995 || share > 0.99) return `${(share * 100).toFixed(1)}%`;
  return `${Math.round(share * 100)}%`;
}

/**
 * An AUC with two decimals, as every view shows it (its 95% interval on a few hundred rows is several hundredths
 * wide, so a third decimal would be noise), and, like a score, never rounded to a certainty it does not have:
 * 0.9998 is `>0.99`, not `1.00`. (Only the `--fail-above-auc` message shows three decimals, next to the gate.)
 *
 * @example formatAuc(0.9134) // "0.91"
 */
export function formatAuc(auc: number): string {
  return formatScore(auc);
}

/**
 * An AUC's 95% interval: `0.90–0.92`, or one value when both ends print the same (`>0.99`). An interval narrower
 * than two decimals (a million rows give ±0.001) prints with three, `0.951–0.953`, so it does not read as an
 * exact value.
 * @example formatAucRange(0.9995, 0.99999) // ">0.99"
 * @example formatAucRange(0.9512, 0.9531) // "0.951–0.953"
 */
export function formatAucRange(low: number, high: number): string {
  const [from, to] = [formatAuc(low), formatAuc(high)];
  if (from !== to) return `${from}–${to}`;
  if (from.startsWith('>') || from.startsWith('<')) return from;
  const [fine, fineTo] = [formatScore(low, 3), formatScore(high, 3)];
  return fine === fineTo ? fine : `${fine}–${fineTo}`;
}

/**
 * A measured feature value with about three significant digits; whole numbers print as counts, so a length of
 * 3 words reads `3`, not `3.00`. @example formatValue(14.236) // "14.2"
 */
export function formatValue(value: number): string {
  if (Number.isInteger(value)) return formatCount(value);
  const magnitude = Math.abs(value);
  if (magnitude >= 100) return formatDecimal(value, 0);
  if (magnitude >= 10) return formatDecimal(value, 1);
  return formatDecimal(value, 2);
}

/** `1 row` / `10,000 rows`. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${formatCount(count)} ${count === 1 ? singular : pluralForm}`;
}

// C0/C1 controls (ANSI escapes included) and bidirectional overrides can rewrite a terminal or reorder what a
// reader sees ("Trojan Source"); dataset text never needs them in a summary.
const LINE_BREAKS = /\r\n|[\r\n\u2028\u2029]/g;
const UNSAFE_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Dataset text made safe to show on one line: line breaks become ` ↵ `, tabs spaces, control and bidi
 * characters `�`, and surrounding whitespace is trimmed. Escaping for a target format comes after this.
 */
export function oneLine(text: string): string {
  return text.replace(LINE_BREAKS, ' ↵ ').replace(/\t/g, ' ').replace(UNSAFE_CHARACTERS, '\ufffd').trim();
}

/** At most `max` code points (surrogate pairs stay whole), ending in `…` when cut. */
export function truncate(text: string, max: number): string {
  const points = Array.from(text);
  if (points.length <= max) return text;
  return `${points.slice(0, Math.max(0, max - 1)).join('').trimEnd()}…`;
}

/** Dataset text for a summary: one line, then cut to `max` code points. */
export function excerpt(text: string, max = 120): string {
  return truncate(oneLine(text), max);
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe in HTML element content and in quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/**
 * Text safe inline in Markdown and in a GFM table cell: one line, Markdown punctuation backslash-escaped,
 * `<` written as an entity so no HTML tag survives, and `&` escaped only where it would start an entity
 * (so `R&D` stays readable in a CI log). A line-start marker (`#`, `>`, `-`, `+`, `=`, `1.`) is escaped too, so
 * text placed at the start of a line or after `> ` or `- ` (a hover's quote, a list item) stays a paragraph.
 *
 * @example escapeMarkdown('a | `b`') // "a \\| \\`b\\`"
 */
export function escapeMarkdown(text: string): string {
  return oneLine(text)
    .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`)
    .replace(/&(?=#?[a-z0-9]+;)/gi, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/^([#>+=-])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

/**
 * The last segment of a path, for display: reports name reference files by absolute path.
 * @example fileName('/home/me/data/real.jsonl') // "real.jsonl"
 */
export function fileName(path: string): string {
  return path.split(/[\\/]/).filter(Boolean).pop() ?? path;
}
