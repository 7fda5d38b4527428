export const QUOTE = 34;
export const COMMA = 44;
export const COLON = 58;
export const OPEN_BRACE = 123;
export const OPEN_BRACKET = 91;
export const CLOSE_BRACKET = 93;
const BACKSLASH = 92;
const CLOSE_BRACE = 125;

/**
 * A position in JSON text that JSON.parse has already accepted, so moves can trust the grammar. Each move
 * is linear in what it passes; strings are skipped with native indexOf.
 */
export class JsonCursor {
  src = '';
  pos = 0;

  reset(text: string): void {
    this.src = text;
    this.pos = 0;
  }

  code(): number {
    return this.src.charCodeAt(this.pos);
  }

  skipSpace(): void {
    const src = this.src;
    let pos = this.pos;
    let c = src.charCodeAt(pos);
    while (c === 32 || c === 9 || c === 10 || c === 13) c = src.charCodeAt(++pos);
    this.pos = pos;
  }

  /** On `"`: moves past the closing quote, the first one not preceded by an odd run of backslashes. */
  skipString(): void {
    const src = this.src;
    let quote = this.pos;
    for (;;) {
      quote = src.indexOf('"', quote + 1);
      if (quote < 0) {
        this.pos = src.length;
        return;
      }
      let before = quote - 1;
      while (src.charCodeAt(before) === BACKSLASH) before--;
      if ((quote - 1 - before) % 2 === 0) break;
    }
    this.pos = quote + 1;
  }

  /** Moves past any value. Returns undefined so that callers can `return cursor.skipValue()`. */
  skipValue(): undefined {
    const src = this.src;
    let depth = 0;
    for (; this.pos < src.length; this.pos++) {
      const c = src.charCodeAt(this.pos);
      if (c === QUOTE) {
        this.skipString();
        this.pos--;
      } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
        depth++;
      } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
        if (depth === 0) return undefined;
        if (--depth === 0) {
          this.pos++;
          return undefined;
        }
      } else if (depth === 0 && (c === COMMA || c <= 32)) {
        return undefined;
      }
    }
    return undefined;
  }

  /** Whether the string literal at [start, end) decodes to `key`; decodes only keys holding escapes. */
  keyEquals(start: number, end: number, key: string): boolean {
    const src = this.src;
    for (let i = start + 1; i < end - 1; i++) {
      if (src.charCodeAt(i) !== BACKSLASH) continue;
      try {
        return JSON.parse(src.slice(start, end)) === key;
      } catch {
        return false;
      }
    }
    return end - start - 2 === key.length && src.startsWith(key, start + 1);
  }
}
