import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeGap, describeRowFeature } from '../../../src/core/features/describe';
import { markdownStructure } from '../../../src/core/features/markdown';
import { FEATURES } from '../../../src/core/features/registry';
import { featureMap } from './support';

const MARKDOWN = ['markdown-heading', 'markdown-bullet-list', 'markdown-numbered-list', 'markdown-bold', 'markdown-code-block'];
const markdownOf = (text: string) => MARKDOWN.filter((id) => featureMap(text)[id] === 1);

const RESPONSE = [
  '## Steps to reset your password',
  '',
  'Here is what to do:',
  '',
  '1. Open **Settings**.',
  '2. Choose *Security*.',
  '',
  'You will need:',
  '- your e-mail address',
  '- the app',
  '',
  '```bash',
  '# not a heading: a comment in the code',
  'reset --user me',
  '```',
].join('\n');

test('a formatted response has each kind of Markdown structure', () => {
  assert.deepEqual(markdownOf(RESPONSE), MARKDOWN);
  assert.deepEqual(markdownStructure(RESPONSE), { heading: true, bulletList: true, numberedList: true, bold: true, codeBlock: true });
});

test('each structure alone', () => {
  assert.deepEqual(markdownOf('# Title\nSome text.'), ['markdown-heading']);
  assert.deepEqual(markdownOf('Options:\n* red\n* blue'), ['markdown-bullet-list']);
  assert.deepEqual(markdownOf('Steps:\n  1) mix\n  2) bake'), ['markdown-numbered-list']);
  assert.deepEqual(markdownOf('This is **very** important.'), ['markdown-bold']);
  assert.deepEqual(markdownOf('Run:\n```\nnpm test\n```'), ['markdown-code-block']);
  assert.deepEqual(markdownOf('```js\nunclosed'), ['markdown-code-block']);
});

test('Markdown characters inside prose are not Markdown', () => {
  for (const text of [
    'what is 5 - 3', 'a*b and 2**3 and x**2 + y**2', 'Order #5 has not arrived', '#hashtag at the start', '#1 priority',
    'one - two - three', '1. what is my balance', '- just a dash to start', '** not bold **', 'price: 3.50 dollars',
    'use `npm test` inline', '2024. was a good year\n10 people came', '####### seven hashes is text', '',
  ]) {
    assert.deepEqual(markdownOf(text), [], JSON.stringify(text));
  }
});

test('lines in a code block count for nothing else; four spaces of indent make no heading', () => {
  assert.deepEqual(markdownOf('```\n# comment\n- a\n- b\n**x**\n```'), ['markdown-code-block']);
  assert.deepEqual(markdownOf('    # indented code, not a heading'), []);
  assert.deepEqual(markdownOf('   ### three spaces still a heading'), ['markdown-heading']);
});

test('Windows line endings and a long line stay correct and linear', () => {
  assert.deepEqual(markdownOf('Steps:\r\n1. mix\r\n2. bake\r\n'), ['markdown-numbered-list']);
  const start = performance.now();
  markdownStructure('**'.repeat(50_000));
  markdownStructure('- a\n'.repeat(50_000));
  markdownStructure('a **b'.repeat(20_000));
  assert.ok(performance.now() - start < 500);
});

test('the wording names the structure', () => {
  const def = (id: string) => FEATURES.find((feature) => feature.id === id)!;
  const ones = (share: number) => Float64Array.from({ length: 100 }, (_, i) => (i < 100 - share * 100 ? 0 : 1));
  assert.equal(describeRowFeature(def('markdown-bullet-list'), 1, ones(0.05)), 'uses a Markdown bullet list (only 5.0% of real rows do)');
  assert.equal(describeRowFeature(def('markdown-heading'), 0, ones(0.6)), 'no Markdown headings (60% of real rows have one)');
  assert.equal(describeGap(def('markdown-bold'), ones(0.02), ones(0.4)), '2.0% of real rows use Markdown bold text, against 40% of synthetic rows.');
  assert.equal(describeGap(def('markdown-code-block'), ones(0.1), ones(0.3)), '10% of real rows have a Markdown code block, against 30% of synthetic rows.');
});
