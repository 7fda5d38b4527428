/**
 * A tagged template that escapes by default: every interpolated string or number is HTML-escaped unless it is
 * already `SafeHtml` (the result of another `html` template). Markup can therefore only come from template
 * literals in this folder, never from a report field, which is what keeps dataset text inert in the page.
 */
import { escapeHtml } from './format';

export class SafeHtml {
  constructor(readonly value: string) {}

  toString(): string {
    return this.value;
  }
}

/** What may be interpolated: `false`, null and undefined render nothing, so `cond && html\`…\`` works. */
export type HtmlValue = SafeHtml | string | number | false | null | undefined | readonly HtmlValue[];

export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1];
  return new SafeHtml(out);
}

function render(value: HtmlValue): string {
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(String(value));
}
