import { formatCount, formatDecimal, formatShare } from '../exporters/format';
import type { BinaryWording, FeatureDef, NumericWording } from './types';

// Shares print by the one rule of exporters/format.ts: never a misleading 0% or 100% (0.3% is "0.3%", 99.96% is
// "over 99.9%"). Re-exported so the feature wording and the reports cannot drift apart.
export { formatShare };

/** `41% of real rows`, or `all real rows` / `no real rows` at the ends. */
export function shareOfRows(share: number, side: string): string {
  if (share >= 1) return `all ${side} rows`;
  if (!(share > 0)) return `no ${side} rows`;
  return `${formatShare(share)} of ${side} rows`;
}

type Format = NumericWording['format'];

/** A numeric value as printed in `format` (the wording's by default): `1,204`, `4.2`, `8%`. */
export function formatValue(value: number, wording: NumericWording, format: Format = wording.format): string {
  if (format === 'percent') return formatShare(value);
  if (format === 'decimal') return formatDecimal(value, 1);
  return formatCount(value);
}

/** A value with its unit: `27 words`, `1 sentence`, `8% of words misspelled`, `reading ease 72` (bare scores). */
export function valuePhrase(def: FeatureDef, value: number, format?: Format): string {
  const wording = def.wording as NumericWording;
  const shown = formatValue(value, wording, format);
  if (wording.unit === '') return `${def.name.charAt(0).toLowerCase()}${def.name.slice(1)} ${shown}`;
  const unit = shown === '1' && wording.unitOne ? wording.unitOne : wording.unit;
  return `${shown} ${unit}`;
}

const PLURAL_VERBS: Readonly<Record<string, string>> = { has: 'have', is: 'are', does: 'do', was: 'were' };

/** `yes` said of many rows: the explicit `yesPlural`, or `yes` with its first verb made plural (`uses` → `use`). */
export function yesPlural(wording: BinaryWording): string {
  if (wording.yesPlural) return wording.yesPlural;
  const space = wording.yes.indexOf(' ');
  const verb = space < 0 ? wording.yes : wording.yes.slice(0, space);
  const rest = space < 0 ? '' : wording.yes.slice(space);
  const plural = PLURAL_VERBS[verb] ?? (/(?:sh|ch|x|ss)es$/.test(verb) ? verb.slice(0, -2) : verb.endsWith('s') ? verb.slice(0, -1) : verb);
  return plural + rest;
}

export function capitalize(sentence: string): string {
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}
