/**
 * A reader for the safetensors format (https://github.com/huggingface/safetensors): 8 bytes of little-endian
 * header length, a JSON header naming each tensor's dtype, shape and byte range, then the raw data. Only the
 * dtypes Model2Vec writes are decoded (F32, F16, BF16, F64, I8, U8, I32, I64); anything else throws a
 * sentence naming the tensor.
 */

export interface Tensor {
  readonly dtype: string;
  readonly shape: readonly number[];
  /** The values widened to float32, in row-major order. */
  readonly data: Float32Array;
}

interface HeaderEntry {
  readonly dtype: string;
  readonly shape: number[];
  readonly data_offsets: [number, number];
}

const BYTES: Record<string, number> = { F32: 4, F16: 2, BF16: 2, F64: 8, I8: 1, U8: 1, I32: 4, I64: 8 };

/** Every tensor in a safetensors file, by name. Throws an Error whose message says what is wrong with the file. */
export function readSafetensors(bytes: Uint8Array): Map<string, Tensor> {
  if (bytes.length < 8) throw new Error('the safetensors file is shorter than its 8-byte header length');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = Number(view.getBigUint64(0, true));
  if (headerLength > bytes.length - 8) throw new Error('the safetensors header runs past the end of the file (truncated or not safetensors)');
  let header: Record<string, HeaderEntry | Record<string, string>>;
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + headerLength)));
  } catch {
    throw new Error('the safetensors header is not valid JSON (truncated or not safetensors)');
  }
  const dataStart = 8 + headerLength;
  const tensors = new Map<string, Tensor>();
  for (const [name, entry] of Object.entries(header)) {
    if (name === '__metadata__') continue;
    const { dtype, shape, data_offsets: offsets } = entry as HeaderEntry;
    const width = BYTES[dtype];
    if (width === undefined) throw new Error(`tensor "${name}" has dtype ${dtype}, which is not supported`);
    const count = shape.reduce((product, size) => product * size, 1);
    const [begin, end] = offsets;
    if (end - begin !== count * width || dataStart + end > bytes.length) {
      throw new Error(`tensor "${name}" does not fit the file (truncated?)`);
    }
    tensors.set(name, { dtype, shape, data: decode(dtype, bytes.subarray(dataStart + begin, dataStart + end), count) });
  }
  return tensors;
}

function decode(dtype: string, raw: Uint8Array, count: number): Float32Array {
  // Copy first: the data of one tensor need not be aligned to its element size within the file (and a Buffer's
  // slice() is a view into a shared pool, hence no raw.slice()).
  const copy = new Uint8Array(raw.length);
  copy.set(raw);
  const view = new DataView(copy.buffer);
  switch (dtype) {
    case 'F32':
      return new Float32Array(copy.buffer, 0, count);
    case 'I8':
      return Float32Array.from(new Int8Array(copy.buffer, 0, count));
    case 'U8':
      return Float32Array.from(copy);
    case 'I32':
      return Float32Array.from(new Int32Array(copy.buffer, 0, count));
    case 'F64':
      return Float32Array.from(new Float64Array(copy.buffer, 0, count));
    case 'I64': {
      const out = new Float32Array(count);
      for (let i = 0; i < count; i++) out[i] = Number(view.getBigInt64(i * 8, true));
      return out;
    }
    case 'F16': {
      const out = new Float32Array(count);
      for (let i = 0; i < count; i++) out[i] = halfToFloat(view.getUint16(i * 2, true));
      return out;
    }
    default: {
      // BF16: the top half of a float32.
      const out = new Float32Array(count);
      const bits = new Uint32Array(out.buffer);
      for (let i = 0; i < count; i++) bits[i] = view.getUint16(i * 2, true) << 16;
      return out;
    }
  }
}

/** IEEE 754 half precision to a number, subnormals, infinities and NaN included. */
export function halfToFloat(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exponent = (h >> 10) & 0x1f;
  const fraction = h & 0x3ff;
  if (exponent === 0) return sign * 2 ** -14 * (fraction / 1024);
  if (exponent === 31) return fraction ? NaN : sign * Infinity;
  return sign * 2 ** (exponent - 15) * (1 + fraction / 1024);
}
