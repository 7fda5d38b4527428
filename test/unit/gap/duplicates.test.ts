import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nearDuplicateGroups, normalizeForMatch } from '../../../src/core/gap/duplicates';
import { NOT_EMBEDDED } from '../../../src/core/gap/sideRows';
import { seededRandom } from '../../../src/core/stats/random';
import { sideOf } from './testEmbedding';

test('normalized text: lower-case, no punctuation, single spaces', () => {
  assert.equal(normalizeForMatch('  Where is my package?'), 'where is my package');
  assert.equal(normalizeForMatch('Where   is my\tpackage'), 'where is my package');
  assert.equal(normalizeForMatch('?!'), '');
});

test('groups near-copies, leaves distinct rows alone', () => {
  const texts = [
    'Where is my package?', // 1
    'How do I reset my card PIN?', // 2
    'where is my package', // 3: same text
    'Can I get a refund for the damaged blender I bought last week', // 4
    'can I get a refund for the damaged blender I bought last week please', // 5: cosine ≈ 0.96
    'What is the weather in Lisbon tomorrow', // 6
    'WHERE is my package!!', // 7
  ];
  const result = nearDuplicateGroups(sideOf(texts), { seed: 1 });
  assert.equal(result.groupCount, 2);
  assert.equal(result.duplicateRows, 3);
  assert.deepEqual(result.groups[0], { size: 3, lines: [1, 3, 7], examples: ['Where is my package?', 'where is my package', 'WHERE is my package!!'] });
  assert.deepEqual(result.groups[1].lines, [4, 5]);
});

test('exact text needs no embeddings; a lower threshold joins looser paraphrases', () => {
  const texts = ['Where is my package?', 'where is my package', 'where is my package right now', 'how do i cancel'];
  assert.equal(nearDuplicateGroups({ texts, rows: texts.map((_, i) => ({ line: i + 1 })), embedded: NOT_EMBEDDED }).duplicateRows, 1);
  assert.equal(nearDuplicateGroups(sideOf(texts), { threshold: 0.7 }).duplicateRows, 2);
  assert.deepEqual(nearDuplicateGroups(sideOf([])), { groups: [], groupCount: 0, duplicateRows: 0 });
});

test('scales to 20,000 rows and finds the planted near-copies', () => {
  const random = seededRandom(9);
  const vocabulary = Array.from({ length: 5000 }, (_, i) => `w${i}`);
  const texts: string[] = [];
  const planted: [number, number][] = [];
  for (let i = 0; i < 20_000; i++) {
    const text = Array.from({ length: 10 }, () => vocabulary[Math.floor(random() * vocabulary.length)]).join(' ');
    texts.push(text);
    if (i % 100 === 0) {
      planted.push([texts.length - 1, texts.length]);
      texts.push(`${text} please`); // cosine 10/√110 ≈ 0.95
    }
  }
  const result = nearDuplicateGroups(sideOf(texts, { dimension: 256 }), { seed: 2, maxGroups: 1000 });
  const lines = new Set(result.groups.flatMap((g) => g.lines));
  const found = planted.filter(([a, b]) => lines.has(a + 1) && lines.has(b + 1)).length;
  assert.ok(found >= 0.95 * planted.length, `found ${found} of ${planted.length}`);
  assert.equal(result.duplicateRows, found, 'nothing else is grouped');
});
