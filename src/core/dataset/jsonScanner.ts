import { CLOSE_BRACKET, COLON, COMMA, JsonCursor, OPEN_BRACE, OPEN_BRACKET, QUOTE } from './jsonCursor';
import type { TextRange } from './types';

// Finds where values stand in a line JSON.parse has accepted, in one pass and without a second parse.
// One shared cursor keeps the walk allocation-free; the scanner is synchronous and never re-entered.
const cursor = new JsonCursor();

/**
 * Where the string literal at `path` stands in the JSON object text `line`, quotes included; undefined
 * when the path is missing or does not end at a string. Like JSON.parse, the last of duplicate keys wins.
 *
 * @example findStringLiteral('{"a": {"b": "x"}}', ['a', 'b']) // { start: 12, end: 15 }
 */
export function findStringLiteral(line: string, path: readonly string[]): TextRange | undefined {
  if (!startObject(line)) return undefined;
  return member(path, 0, stringLiteral);
}

/**
 * For `{"<arrayKey>": [{…}, …]}`: by element index, the range of each element's `<itemKey>` string
 * literal (undefined where an element has none). Empty when the array is missing.
 *
 * @example findItemLiterals('{"m":[{"c":"x"},1]}', 'm', 'c') // [{ start: 11, end: 14 }, undefined]
 */
export function findItemLiterals(line: string, arrayKey: string, itemKey: string): (TextRange | undefined)[] {
  if (!startObject(line)) return [];
  const itemPath = [itemKey];
  const items = (): (TextRange | undefined)[] | undefined => {
    if (cursor.code() !== OPEN_BRACKET) return cursor.skipValue();
    const found: (TextRange | undefined)[] = [];
    cursor.pos++;
    cursor.skipSpace();
    if (cursor.code() === CLOSE_BRACKET) {
      cursor.pos++;
      return found;
    }
    for (;;) {
      cursor.skipSpace();
      found.push(cursor.code() === OPEN_BRACE ? member(itemPath, 0, stringLiteral) : cursor.skipValue());
      cursor.skipSpace();
      if (cursor.src.charCodeAt(cursor.pos++) !== COMMA) return found;
    }
  };
  return member([arrayKey], 0, items) ?? [];
}

function startObject(line: string): boolean {
  cursor.reset(line);
  cursor.skipSpace();
  return cursor.code() === OPEN_BRACE;
}

/** On `{`: what `leaf` reads at the last key matching `path[depth]`, descending; then moves past `}`. */
function member<T>(path: readonly string[], depth: number, leaf: () => T | undefined): T | undefined {
  let found: T | undefined;
  cursor.pos++;
  for (;;) {
    cursor.skipSpace();
    if (cursor.code() !== QUOTE) break; // the `}` of an empty object
    const keyStart = cursor.pos;
    cursor.skipString();
    const matches = cursor.keyEquals(keyStart, cursor.pos, path[depth]);
    cursor.skipSpace();
    if (cursor.code() !== COLON) break;
    cursor.pos++;
    cursor.skipSpace();
    if (!matches) cursor.skipValue();
    else if (depth === path.length - 1) found = leaf();
    else found = cursor.code() === OPEN_BRACE ? member(path, depth + 1, leaf) : cursor.skipValue();
    cursor.skipSpace();
    if (cursor.code() !== COMMA) break;
    cursor.pos++;
  }
  cursor.pos++;
  return found;
}

function stringLiteral(): TextRange | undefined {
  if (cursor.code() !== QUOTE) return cursor.skipValue();
  const start = cursor.pos;
  cursor.skipString();
  return { start, end: cursor.pos };
}
