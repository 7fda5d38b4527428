import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { describeGap, describeRowFeature } from '../../../src/core/features/describe';
import { FEATURES } from '../../../src/core/features/registry';
import { matchResponsePhrases, matchStockOpener } from '../../../src/core/features/responsePhrases';
import { feature, featureMap } from './support';

const RESPONSE_FEATURES = ['stock-opener', 'assistant-boilerplate', 'refusal', 'hedging', 'closing-offer'];
const flagsOf = (text: string) => RESPONSE_FEATURES.filter((id) => featureMap(text)[id] === 1);

test('an LLM response shows each habit', () => {
  const text = "Certainly! As an AI language model, I don't have personal opinions. It's important to note that prices may vary. I hope this helps!";
  assert.deepEqual(flagsOf(text), ['stock-opener', 'assistant-boilerplate', 'hedging', 'closing-offer']);
  assert.deepEqual(matchResponsePhrases(text), {
    opener: 'Certainly!',
    // Nested phrases are each found, the shorter first, as the stock-phrase matcher does (`delve`, `delve into`).
    boilerplate: ['As an AI', 'As an AI language model', "I don't have personal opinions"],
    refusals: [],
    hedges: ["It's important to note", 'may vary'],
    closingOffers: ['I hope this helps', 'Hope this helps'],
  });
});

test('stock openers count only at the start and with their punctuation', () => {
  for (const text of ['Sure! Here it is.', '  of course, the answer is 4', 'Great question! It depends.', 'Absolutely.', 'Sure thing!']) {
    assert.equal(feature(text, 'stock-opener'), 1, text);
  }
  for (const text of ['Absolutely not.', 'Sure enough, it rained.', 'Of course it does', 'I am sure! Yes.', 'Surely, no', 'Certainlyy!']) {
    assert.equal(feature(text, 'stock-opener'), 0, text);
  }
  assert.deepEqual(matchStockOpener('Sure thing!! Done.'), { opener: 'Sure thing!!', end: 12 });
  assert.deepEqual(matchStockOpener('Well. Sure, done.', 6), { opener: 'Sure,', end: 11 });
});

test('refusals, written with or without the comma, and not a user who cannot log in', () => {
  for (const text of ["I'm sorry, but I can't assist with that.", 'I’m sorry but that is not possible.', 'I cannot fulfill this request.', "I'm unable to provide medical advice."]) {
    assert.equal(feature(text, 'refusal'), 1, text);
  }
  for (const text of ['I cannot log in to my account', "i can't find my card", "I'm unable to pay my bill", "I'm sorry. But why?", 'sorry but no']) {
    assert.equal(feature(text, 'refusal'), 0, text);
  }
  assert.deepEqual(matchResponsePhrases("I'm sorry, but I can't assist with that.").refusals, ["I'm sorry, but", "I can't assist"]);
});

test('boilerplate, hedging and closing offers match whole words, case-insensitively', () => {
  assert.equal(feature('as an ai, i have no body', 'assistant-boilerplate'), 1);
  assert.equal(feature('As of my last update, the law was new.', 'assistant-boilerplate'), 1);
  assert.equal(feature('I need to ask as an aide to the mayor', 'assistant-boilerplate'), 0);
  assert.equal(feature('It is worth noting that the results depend on the soil.', 'hedging'), 1);
  assert.equal(feature('Prices can vary depending on the region.', 'hedging'), 1);
  assert.equal(feature('It may rain, it is important, and I note it', 'hedging'), 0);
  assert.equal(feature('Let me know if you have questions', 'closing-offer'), 1);
  assert.equal(feature('If you have any further questions, ask.', 'closing-offer'), 1);
  assert.equal(feature('let me know. If you need it', 'closing-offer'), 0);
  assert.equal(feature('I hope this is the right place', 'closing-offer'), 0);
});

test('plain answers and short messages have none', () => {
  for (const text of ['The capital of France is Paris.', 'wtf my package isnt here???', 'what is my balance', '']) {
    assert.deepEqual(flagsOf(text), [], text);
  }
});

test('about 0 on the intent messages of the CLINC150 fixture, real and synthetic', () => {
  for (const file of ['real.jsonl', 'synthetic.jsonl']) {
    const texts = readFileSync(join(__dirname, '../../fixtures/clinc-subset', file), 'utf8').split('\n').filter(Boolean).map((line) => (JSON.parse(line) as { text: string }).text);
    for (const id of [...RESPONSE_FEATURES, 'markdown-heading', 'markdown-bullet-list', 'markdown-numbered-list', 'markdown-bold', 'markdown-code-block']) {
      const share = texts.filter((text) => feature(text, id) === 1).length / texts.length;
      assert.ok(share <= 0.01, `${file} ${id}: ${share}`);
    }
  }
});

test('the wording names the habit', () => {
  const def = (id: string) => FEATURES.find((candidate) => candidate.id === id)!;
  const ones = (share: number) => Float64Array.from({ length: 100 }, (_, i) => (i < 100 - share * 100 ? 0 : 1));
  assert.equal(describeRowFeature(def('stock-opener'), 1, ones(0.03)), 'opens with a stock opener like "Certainly!" (only 3.0% of real rows do)');
  assert.equal(describeRowFeature(def('closing-offer'), 1, ones(0)), 'has a closing offer like "Let me know if…" (no real rows have one)');
  assert.equal(describeRowFeature(def('hedging'), 0, ones(0.7)), 'no hedging phrases (70% of real rows hedge, as in "It\'s important to note")');
  assert.equal(describeGap(def('refusal'), ones(0.01), ones(0.12)), '1.0% of real rows have a refusal like "I\'m sorry, but", against 12% of synthetic rows.');
  assert.equal(
    describeGap(def('assistant-boilerplate'), ones(0), ones(0.05)),
    '0% of real rows use AI-assistant boilerplate like "As an AI language model", against 5.0% of synthetic rows.',
  );
});
