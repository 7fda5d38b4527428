import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HashedTfidf, createHashedEmbedder } from '../../../src/core/embed/hashedTfidf';
import type { SparseVector } from '../../../src/core/embed/types';
import { radixSortUint32 } from '../../../src/core/embed/radixSort';
import { CancelledError } from '../../../src/core/host';
import { seededRandom } from '../../../src/core/stats/random';

function cosine(a: SparseVector, b: SparseVector): number {
  let dot = 0;
  let i = 0;
  let j = 0;
  while (i < a.indices.length && j < b.indices.length) {
    if (a.indices[i] === b.indices[j]) dot += a.values[i++] * b.values[j++];
    else if (a.indices[i] < b.indices[j]) i++;
    else j++;
  }
  return dot;
}

const dense = (a: Float32Array, b: Float32Array) => a.reduce((sum, x, k) => sum + x * b[k], 0);

const CORPUS = [
  'how do i reset my pin',
  'What is the Spanish word for pasta?',
  'my card still has not arrived',
  'Can you tell me how to say thank you in French?',
  'why was i charged a fee',
  'I would like to know the balance of my account.',
];

function fitted(options = {}): HashedTfidf {
  const model = new HashedTfidf(options);
  model.fit(CORPUS);
  return model;
}

describe('HashedTfidf', () => {
  it('gives unit vectors with strictly increasing indices inside the buckets', () => {
    for (const buckets of [1 << 18, 1000]) {
      const model = fitted({ buckets });
      for (const text of [...CORPUS, 'x', '  Tabs\tand\n\nnewlines  ', 'naïve café — “quoted” 😀']) {
        const { indices, values } = model.vector(text);
        assert.ok(indices.length > 0);
        assert.ok(indices.every((index, k) => index < buckets && (k === 0 || index > indices[k - 1])));
        assert.ok(Math.abs(values.reduce((sum, v) => sum + v * v, 0) - 1) < 1e-5);
      }
    }
  });

  it('gives identical texts cosine 1 and texts without shared characters about 0', () => {
    const model = fitted();
    const text = 'What is the Spanish word for pasta?';
    assert.ok(Math.abs(cosine(model.vector(text), model.vector(text)) - 1) < 1e-6);
    assert.deepEqual(fitted().vector(text), model.vector(text));
    assert.ok(Math.abs(cosine(model.vector('abc def ghi'), model.vector('XYZ 123 !!!'))) < 0.05);
  });

  it('keeps case and punctuation signal beside the words', () => {
    const model = fitted();
    const plain = model.vector('how do i reset my pin');
    const styled = model.vector('How do I reset my PIN?');
    const similarity = cosine(plain, styled);
    assert.ok(similarity > 0.4 && similarity < 0.9, `cosine ${similarity}`);
    assert.ok(cosine(plain, model.vector('how do i reset my pin')) > 0.999);
  });

  it('weighs rare words above common ones once fitted', () => {
    const model = fitted();
    const raw = new HashedTfidf();
    const shared = (m: HashedTfidf) => cosine(m.vector('my card balance'), m.vector('my account'));
    assert.ok(shared(model) < shared(raw), 'the common "my" counts less after fitting');
    model.fit([]);
    assert.deepEqual(model.vector('my card balance'), raw.vector('my card balance'), 'an empty corpus resets the fit');
  });

  it('changes buckets with the seed, and gives empty text an empty vector', () => {
    const a = new HashedTfidf({ seed: 1 }).vector('hello world');
    const b = new HashedTfidf({ seed: 2 }).vector('hello world');
    assert.notDeepEqual(a.indices, b.indices);
    assert.equal(new HashedTfidf().vector('').indices.length, 0);
    assert.throws(() => new HashedTfidf({ buckets: 3 }), RangeError);
  });

  it('gives the same vector as a view that the next call reuses', () => {
    const model = fitted();
    for (const text of CORPUS) {
      const view = model.vectorView(text);
      assert.deepEqual({ indices: view.indices.slice(), values: view.values.slice() }, model.vector(text));
    }
    const first = model.vectorView('one text');
    const kept = first.indices.slice();
    model.vectorView('Another, rather different text!');
    assert.notDeepEqual(first.indices.subarray(0, 3), kept.subarray(0, 3));
  });

  it('handles a text longer than its scratch buffers', () => {
    const long = Array.from({ length: 3000 }, (_, i) => `word${i}`).join(' ');
    const { indices } = fitted().vector(long);
    assert.ok(indices.length > 3000);
  });
});

describe('createHashedEmbedder', () => {
  it('folds the vector into a unit dense vector of the dimension it names', async () => {
    const embedder = createHashedEmbedder(fitted());
    assert.equal(embedder.id, 'hashed-tfidf-256');
    assert.equal(embedder.dimension, 256);
    const [a, b, c, empty] = await embedder.embed(['How do I reset my PIN?', 'How do I reset my PIN?', 'zzz qqq', '']);
    assert.equal(a.length, 256);
    assert.ok(Math.abs(dense(a, a) - 1) < 1e-5);
    assert.ok(Math.abs(dense(a, b) - 1) < 1e-5);
    assert.ok(Math.abs(dense(a, c)) < 0.3);
    assert.ok(empty.every((x) => x === 0));
  });

  it('roughly keeps cosines when folding to fewer slots', async () => {
    const model = fitted();
    const [a, b] = await createHashedEmbedder(model, 64).embed(['my card still has not arrived', 'my card has not arrived yet']);
    assert.equal(a.length, 64);
    const sparse = cosine(model.vector('my card still has not arrived'), model.vector('my card has not arrived yet'));
    assert.ok(Math.abs(dense(a, b) - sparse) < 0.2, `folded ${dense(a, b)} vs sparse ${sparse}`);
  });

  it('rejects when cancelled', async () => {
    const embedder = createHashedEmbedder(fitted());
    await assert.rejects(embedder.embed(['a'], { isCancellationRequested: true }), CancelledError);
  });
});

describe('radixSortUint32', () => {
  it('sorts short and long runs of keys, skewed ones too', () => {
    const random = seededRandom(3);
    for (const [count, bits] of [[0, 20], [1, 20], [300, 20], [300, 4], [5000, 20], [300, 26]]) {
      const keys = Uint32Array.from({ length: count + 5 }, () => Math.floor(random() * 2 ** bits));
      const expected = keys.slice(0, count).sort();
      radixSortUint32(keys, count, bits, new Uint32Array(count));
      assert.deepEqual(keys.slice(0, count), expected);
    }
  });
});
