import { binary } from './define';
import type { FeatureFamily } from './family';

// Markdown structure, read line by line as CommonMark does, but only as far as telling a formatted response
// from prose: `5 - 3`, `a*b` or `Order #5` inside a line are no Markdown.

const HEADING = 1;
const BULLET_LIST = 2;
const NUMBERED_LIST = 4;
const BOLD = 8;
const CODE_BLOCK = 16;

/** CommonMark lets a heading or fence be indented by up to 3 spaces; 4 make an indented code block. */
const MAX_INDENT = 3;
/**
 * A list is at least two items: one line starting `- ` or `1. ` is as often a dash or a number opening a
 * sentence (`1. what is my balance`) as it is a list, two such lines are a list.
 */
const MIN_LIST_ITEMS = 2;
/** `######` is CommonMark's deepest heading; more `#` are text. */
const MAX_HEADING_LEVEL = 6;
/** `1.` to `999999999.`: CommonMark's longest list number; longer digit runs are numbers in prose. */
const MAX_NUMBER_DIGITS = 9;

/** The Markdown structure a text uses. */
export interface MarkdownStructure {
  readonly heading: boolean;
  readonly bulletList: boolean;
  readonly numberedList: boolean;
  readonly bold: boolean;
  readonly codeBlock: boolean;
}

/**
 * Which Markdown structure a text uses: a heading (`## Steps` at a line start), a bullet list (two or more
 * lines starting `- ` or `* `), a numbered list (two or more lines starting `1. ` or `1) `), bold (`**x**`,
 * not `2**3`) and a fenced code block (a line starting with three backticks). Lines inside a code block count
 * for nothing else. The empty text has none.
 *
 * @example markdownStructure('## Steps\n1. Mix\n2. Bake').numberedList // true
 */
export function markdownStructure(text: string): MarkdownStructure {
  const bits = markdownBits(text);
  return {
    heading: (bits & HEADING) !== 0, bulletList: (bits & BULLET_LIST) !== 0, numberedList: (bits & NUMBERED_LIST) !== 0,
    bold: (bits & BOLD) !== 0, codeBlock: (bits & CODE_BLOCK) !== 0,
  };
}

function markdownBits(text: string): number {
  let bits = 0;
  let bullets = 0;
  let numbered = 0;
  let fenced = false;
  for (let start = 0; start <= text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    let at = start;
    while (at < end && (text.charCodeAt(at) === 32 || text.charCodeAt(at) === 9)) at++;
    if (at - start <= MAX_INDENT && text.startsWith('```', at)) {
      bits |= CODE_BLOCK;
      fenced = !fenced;
    } else if (!fenced) {
      const c = text.charCodeAt(at);
      if (c === 35 && at - start <= MAX_INDENT && isHeading(text, at, end)) bits |= HEADING;
      else if ((c === 45 || c === 42) && hasContentAfterSpace(text, at + 1, end)) bullets++;
      else if (c >= 48 && c <= 57 && isNumberedItem(text, at, end)) numbered++;
      if (!(bits & BOLD) && hasBold(text, at, end)) bits |= BOLD;
    }
    start = end + 1;
  }
  if (bullets >= MIN_LIST_ITEMS) bits |= BULLET_LIST;
  if (numbered >= MIN_LIST_ITEMS) bits |= NUMBERED_LIST;
  return bits;
}

/** `#` to `######`, a space, then some text. */
function isHeading(text: string, at: number, end: number): boolean {
  let level = 0;
  while (at + level < end && text.charCodeAt(at + level) === 35) level++;
  return level <= MAX_HEADING_LEVEL && hasContentAfterSpace(text, at + level, end);
}

/** Digits, `.` or `)`, a space, then some text. */
function isNumberedItem(text: string, at: number, end: number): boolean {
  let i = at;
  while (i < end && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
  if (i - at > MAX_NUMBER_DIGITS || (text.charCodeAt(i) !== 46 && text.charCodeAt(i) !== 41)) return false;
  return hasContentAfterSpace(text, i + 1, end);
}

/** A space or tab at `at`, and something other than whitespace after it on the line. */
function hasContentAfterSpace(text: string, at: number, end: number): boolean {
  const c = text.charCodeAt(at);
  if (at >= end || (c !== 32 && c !== 9)) return false;
  return text.slice(at, end).trim() !== '';
}

/**
 * `**x**` on one line: the opening `**` not after a letter or digit and before a non-space, the closing one
 * after a non-space and not before a letter or digit, so `2**3` and `x**2 + y**2` are arithmetic, not bold.
 * Linear: a closer after a later opener also stands after the first opener.
 */
function hasBold(text: string, from: number, end: number): boolean {
  let open = text.indexOf('**', from);
  while (open >= 0 && open < end && (isWordChar(text.charCodeAt(open - 1)) || isSpaceOrStar(text.charCodeAt(open + 2)))) {
    open = text.indexOf('**', open + 1);
  }
  if (open < 0 || open >= end) return false;
  for (let close = text.indexOf('**', open + 3); close >= 0 && close < end; close = text.indexOf('**', close + 1)) {
    if (!isSpaceOrStar(text.charCodeAt(close - 1)) && !isWordChar(text.charCodeAt(close + 2))) return true;
  }
  return false;
}

function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isSpaceOrStar(c: number): boolean {
  return c === 32 || c === 9 || c === 42 || c === 10 || c === 13 || Number.isNaN(c);
}

/** Markdown structure, which LLM responses use far more than people writing a message or an answer. */
export const markdownFamily: FeatureFamily = {
  features: [
    // One group: a formatted response is one thing, and a row's reasons should not spend three lines on it.
    binary('markdown-heading', 'Markdown heading', 'markdown', {
      yes: 'has a Markdown heading', no: 'no Markdown headings', realYes: 'have one', yesPlural: 'have a Markdown heading',
    }),
    binary('markdown-bullet-list', 'Bullet list', 'markdown', {
      yes: 'uses a Markdown bullet list', no: 'no bullet lists', realYes: 'do', yesPlural: 'use a Markdown bullet list',
    }),
    binary('markdown-numbered-list', 'Numbered list', 'markdown', {
      yes: 'uses a numbered list', no: 'no numbered lists', realYes: 'do', yesPlural: 'use a numbered list',
    }),
    binary('markdown-bold', 'Bold text', 'markdown', {
      yes: 'uses Markdown bold text', no: 'no bold text', realYes: 'do', yesPlural: 'use Markdown bold text',
    }),
    binary('markdown-code-block', 'Code block', 'markdown', {
      yes: 'has a Markdown code block', no: 'no code blocks', realYes: 'have one', yesPlural: 'have a Markdown code block',
    }),
  ],

  compute(scan, _dictionary, out, offset) {
    const bits = markdownBits(scan.text);
    out[offset] = bits & HEADING ? 1 : 0;
    out[offset + 1] = bits & BULLET_LIST ? 1 : 0;
    out[offset + 2] = bits & NUMBERED_LIST ? 1 : 0;
    out[offset + 3] = bits & BOLD ? 1 : 0;
    out[offset + 4] = bits & CODE_BLOCK ? 1 : 0;
  },
};
