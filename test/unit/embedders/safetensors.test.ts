import assert from 'node:assert/strict';
import { test } from 'node:test';
import { halfToFloat, readSafetensors } from '../../../src/embedders/safetensors';
import { safetensors } from './helpers';

test('reads float32, float16, bfloat16 and int8 tensors as float32', () => {
  const f16 = new Uint16Array([0x3c00, 0xc000, 0x3800, 0x0000]); // 1, -2, 0.5, 0
  const bf16 = new Uint16Array([0x3f80, 0xc040]); // 1, -3
  const file = safetensors({
    a: { dtype: 'F32', shape: [2], bytes: new Uint8Array(Float32Array.of(1.5, -2).buffer) },
    b: { dtype: 'F16', shape: [2, 2], bytes: new Uint8Array(f16.buffer) },
    c: { dtype: 'BF16', shape: [2], bytes: new Uint8Array(bf16.buffer) },
    d: { dtype: 'I8', shape: [3], bytes: new Uint8Array(Int8Array.of(-128, 0, 127).buffer) },
  });
  const tensors = readSafetensors(file);
  assert.deepEqual([...tensors.get('a')!.data], [1.5, -2]);
  assert.deepEqual([...tensors.get('b')!.data], [1, -2, 0.5, 0]);
  assert.deepEqual(tensors.get('b')!.shape, [2, 2]);
  assert.deepEqual([...tensors.get('c')!.data], [1, -3]);
  assert.deepEqual([...tensors.get('d')!.data], [-128, 0, 127]);
  assert.equal(tensors.has('__metadata__'), false);
});

test('says what is wrong with a truncated or foreign file instead of reading garbage', () => {
  const good = safetensors({ a: { dtype: 'F32', shape: [4], bytes: new Uint8Array(16) } });
  assert.throws(() => readSafetensors(good.subarray(0, good.length - 4)), /does not fit the file/);
  assert.throws(() => readSafetensors(Buffer.from('not a safetensors file at all')), /header/);
  assert.throws(() => readSafetensors(new Uint8Array(3)), /shorter than/);
  const odd = safetensors({ a: { dtype: 'C64', shape: [1], bytes: new Uint8Array(8) } });
  assert.throws(() => readSafetensors(odd), /dtype C64/);
});

test('half precision covers subnormals and infinities', () => {
  assert.equal(halfToFloat(0x0001), 2 ** -24);
  assert.equal(halfToFloat(0x7c00), Infinity);
  assert.ok(Number.isNaN(halfToFloat(0x7e00)));
});
