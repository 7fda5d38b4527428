/** Number formatting for the panel, en-US like the CLI and the exporters; non-finite numbers print as n/a. */
const counts = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export function formatCount(value: number): string {
  return Number.isFinite(value) ? counts.format(value) : 'n/a';
}

export function formatDecimal(value: number, digits: number): string {
  return Number.isFinite(value) ? value.toFixed(digits) : 'n/a';
}

/** A share 0..1 as a percentage: one decimal below 10%, none above. */
export function formatShare(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  const percent = value * 100;
  return `${percent !== 0 && Math.abs(percent) < 10 ? percent.toFixed(1).replace(/\.0$/, '') : Math.round(percent).toString()}%`;
}

/** A feature value: integers as they are, small values with two significant decimals. */
export function formatValue(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  if (Number.isInteger(value)) return formatCount(value);
  return Math.abs(value) >= 10 ? value.toFixed(1) : value.toFixed(2);
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}

/**
 * The last segment of a path, for display: reports name reference files by absolute path.
 * @example fileName('/home/me/data/real.jsonl') // 'real.jsonl'
 */
export function fileName(path: string): string {
  return path.split(/[\\/]/).filter(Boolean).pop() ?? path;
}
