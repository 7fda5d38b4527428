/**
 * How many bytes `text.slice(start, end)` takes in UTF-8, without building the slice. A lone surrogate
 * counts 3 bytes, as TextEncoder writes it (U+FFFD). 0 for an empty range.
 *
 * @example utf8ByteLength('é😀') // 6
 */
export function utf8ByteLength(text: string, start = 0, end = text.length): number {
  let bytes = end - start;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) {
      bytes += 1;
    } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < end && isLowSurrogate(text.charCodeAt(i + 1))) {
      bytes += 2;
      i++;
    } else {
      bytes += 2;
    }
  }
  return bytes;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** The error for a line over the limit; exact byte counts, because "1.0 MB over 1.0 MB" would say nothing. */
export function lineTooLongMessage(bytes: number, limit: number): string {
  return `line is ${groupDigits(bytes)} bytes, over the limit of ${groupDigits(limit)} bytes (maxLineBytes)`;
}

/** `1048576` → `1,048,576`, independent of the runtime's locale data. */
function groupDigits(n: number): string {
  const digits = String(n);
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += ',';
    out += digits[i];
  }
  return out;
}
