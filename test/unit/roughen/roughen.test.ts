import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { scanText } from '../../../src/core/features/scan';
import { learnNoiseProfile } from '../../../src/core/roughen/profile';
import { protectionFor } from '../../../src/core/roughen/protect';
import { roughenText } from '../../../src/core/roughen/roughen';
import { DONOR } from '../../../src/core/roughen/types';
import { donor, profile, wordList } from './support';

const EXAMPLES = join(__dirname, '../../../examples');
const load = (file: string) =>
  readFileSync(join(EXAMPLES, file), 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as { text: string; label: string });

describe('roughenText', () => {
  const real = load('real.jsonl');
  const synthetic = load('synthetic.jsonl').slice(0, 600);
  const noisy = learnNoiseProfile(real.map((r) => r.text), wordList(), { labels: real.map((r) => r.label) });

  test('is deterministic per text and seed, whatever the other rows and their order', () => {
    const forward = synthetic.map((r) => roughenText(r.text, noisy, { seed: 7, label: r.label }));
    const backward = [...synthetic].reverse().map((r) => roughenText(r.text, noisy, { seed: 7, label: r.label })).reverse();
    assert.deepEqual(backward, forward);
    const other = synthetic.map((r) => roughenText(r.text, noisy, { seed: 8, label: r.label }).text);
    assert.notDeepEqual(other, forward.map((r) => r.text));
  });

  test('moves CLINC-like rows toward the real style and lists what it changed', () => {
    const result = roughenText('Could you please tell me the Spanish word for "cat"?', noisy, { seed: 7, label: 'translate' });
    assert.equal(result.text, 'can you tell me the spanish word for "cat"');
    assert.deepEqual(result.changes.map((c) => c.kind), ['stock-phrase', 'drop-punctuation', 'lowercase-all']);
    for (const change of result.changes) assert.ok(change.description.length > 5 && typeof change.before === 'string');
  });

  test('strength 0 changes nothing; more strength, more changes', () => {
    const texts = synthetic.map((r) => r.text);
    assert.ok(texts.every((text) => roughenText(text, noisy, { seed: 1, strength: 0 }).text === text));
    const count = (strength: number) => texts.reduce((sum, text) => sum + roughenText(text, noisy, { seed: 1, strength }).changes.length, 0);
    assert.ok(count(0.3) < count(1) && count(1) < count(3), `${count(0.3)} < ${count(1)} < ${count(3)}`);
  });

  test('never adds noise the real set does not have', () => {
    const clean = learnNoiseProfile(
      ['Hi, where is my card?', 'So, how do I reset my PIN?', 'Please, block my card.', 'What is the fee, roughly, for a transfer to Spain?'],
      wordList(),
    );
    for (const { text } of synthetic) {
      const kinds = roughenText(text, clean, { seed: 3, strength: 5 }).changes.map((c) => c.kind);
      // Wording moves toward the real set's are not noise: plain words only ever write what the real rows write (`how do I`).
      assert.ok(kinds.every((kind) => kind === 'stock-phrase' || kind === 'drop-politeness' || kind === 'plain-words'), `${text}: ${kinds.join(', ')}`);
    }
  });

  test('never corrupts a protected token: numbers, amounts, dates, names, label words', () => {
    const rows = [
      { text: 'Could you please send $1,250.50 to Jacob Miller on 2024-03-05 at 9:30am?', label: 'transfer' },
      { text: 'I would like to know when my new card will arrive, it has been 10 days.', label: 'card_arrival' },
      { text: 'Please email bob@bank.com about the ATM in Chicago before Friday.', label: 'email' },
      ...synthetic,
    ];
    for (const { text, label } of rows) {
      const rule = protectionFor(text, label);
      const before = scanText(text);
      for (let seed = 1; seed <= 5; seed++) {
        const after = roughenText(text, noisy, { seed, label, strength: 3 }).text.toLowerCase();
        for (let k = 0; k < before.count; k++) {
          if (rule(before.words[k], before.flags[k])) assert.ok(after.includes(before.words[k]), `"${before.words[k]}" lost from "${text}" → "${after}"`);
        }
      }
    }
  });

  test('borrows the style of the donor asked for, or of a donor with the same label', () => {
    const two = profile({ donors: [donor(0), donor(DONOR.ALL_LOWER | DONOR.NO_TERMINAL)] });
    assert.equal(roughenText('Where is my card?', two, { seed: 1, donor: 0 }).text, 'Where is my card?');
    assert.equal(roughenText('Where is my card?', two, { seed: 1, donor: 1 }).text, 'where is my card');
    const byLabel = profile({ labels: ['quiet', 'loud'], donors: [donor(0, { label: 0 }), donor(DONOR.ALL_LOWER, { label: 1 })] });
    for (let seed = 0; seed < 20; seed++) {
      assert.equal(roughenText('Where is my card?', byLabel, { seed, label: 'quiet' }).text, 'Where is my card?');
      assert.equal(roughenText('Where is my card?', byLabel, { seed, label: 'loud' }).text, 'where is my card?');
    }
  });

  test('leaves blank text and a profile without donors alone', () => {
    assert.deepEqual(roughenText('   ', noisy, { seed: 1 }), { text: '   ', changes: [] });
    assert.deepEqual(roughenText('Hi there!', profile({ donors: [] }), { seed: 1 }), { text: 'Hi there!', changes: [] });
  });
});
