// Typed arrays as base64 of their little-endian bytes, so a model file reads the same on any machine. Core has no
// Buffer (it runs in the webview too), so the alphabet is walked here; a few MB take a few milliseconds.
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const CODES = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) CODES[ALPHABET.charCodeAt(i)] = i;

/** Standard base64 (with `=` padding) of bytes; '' for none. @example encodeBase64(new Uint8Array([1, 2])) // 'AQI=' */
export function encodeBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  // Built in slices: one string per character of a 1 MB table would cost more than the table.
  const SLICE = 3 * 4096;
  for (let from = 0; from < bytes.length; from += SLICE) {
    const to = Math.min(bytes.length, from + SLICE);
    let out = '';
    for (let i = from; i < to; i += 3) {
      const b0 = bytes[i];
      const b1 = i + 1 < to ? bytes[i + 1] : 0;
      const b2 = i + 2 < to ? bytes[i + 2] : 0;
      out += ALPHABET[b0 >> 2] + ALPHABET[((b0 & 3) << 4) | (b1 >> 4)];
      out += i + 1 < to ? ALPHABET[((b1 & 15) << 2) | (b2 >> 6)] : '=';
      out += i + 2 < to ? ALPHABET[b2 & 63] : '=';
    }
    parts.push(out);
  }
  return parts.join('');
}

/** The bytes of standard base64; throws a RangeError on a character outside the alphabet or a bad length. */
export function decodeBase64(text: string): Uint8Array {
  if (text.length % 4 !== 0) throw new RangeError('base64 length is not a multiple of 4');
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const out = new Uint8Array((text.length / 4) * 3 - padding);
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    const c0 = code(text, i);
    const c1 = code(text, i + 1);
    const c2 = text[i + 2] === '=' ? 0 : code(text, i + 2);
    const c3 = text[i + 3] === '=' ? 0 : code(text, i + 3);
    const n = (c0 << 18) | (c1 << 12) | (c2 << 6) | c3;
    if (o < out.length) out[o++] = n >> 16;
    if (o < out.length) out[o++] = (n >> 8) & 255;
    if (o < out.length) out[o++] = n & 255;
  }
  return out;
}

function code(text: string, i: number): number {
  const c = text.charCodeAt(i);
  const value = c < 128 ? CODES[c] : -1;
  if (value < 0) throw new RangeError(`not base64 at character ${i + 1}`);
  return value;
}

type Numbers = Float64Array | Float32Array | Int32Array | Uint32Array | Uint8Array;

/** A typed array's values as little-endian bytes in base64. @example encodeArray(Float64Array.of(0.5)) // 'AAAAAAAA4D8=' */
export function encodeArray(values: Numbers): string {
  if (values instanceof Uint8Array) return encodeBase64(values);
  const view = new DataView(new ArrayBuffer(values.byteLength));
  const size = values.BYTES_PER_ELEMENT;
  for (let i = 0; i < values.length; i++) {
    if (values instanceof Float64Array) view.setFloat64(i * size, values[i], true);
    else if (values instanceof Float32Array) view.setFloat32(i * size, values[i], true);
    else if (values instanceof Int32Array) view.setInt32(i * size, values[i], true);
    else view.setUint32(i * size, values[i], true);
  }
  return encodeBase64(new Uint8Array(view.buffer));
}

/** The Float64Array {@link encodeArray} wrote. */
export function decodeFloat64(text: string): Float64Array {
  const view = viewOf(text, 8);
  return Float64Array.from({ length: view.byteLength / 8 }, (_, i) => view.getFloat64(i * 8, true));
}

/** The Float32Array {@link encodeArray} wrote. */
export function decodeFloat32(text: string): Float32Array {
  const view = viewOf(text, 4);
  const out = new Float32Array(view.byteLength / 4);
  for (let i = 0; i < out.length; i++) out[i] = view.getFloat32(i * 4, true);
  return out;
}

function viewOf(text: string, size: number): DataView {
  const bytes = decodeBase64(text);
  if (bytes.length % size !== 0) throw new RangeError(`${bytes.length} bytes do not hold whole ${size}-byte numbers`);
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** The Uint32Array {@link encodeArray} wrote. */
export function decodeUint32(text: string): Uint32Array {
  const bytes = decodeBase64(text);
  if (bytes.length % 4 !== 0) throw new RangeError('a 32-bit array has a length that is not a multiple of 4 bytes');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Uint32Array(bytes.length / 4);
  for (let i = 0; i < out.length; i++) out[i] = view.getUint32(i * 4, true);
  return out;
}
