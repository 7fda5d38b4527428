// The generated fine-tuning sides that e2e tests and bench/finetune.ts use: the promised shape, seeded, mostly empty
// inputs, and no single word that tells the sides apart (else every detector scores 1 and the bench says nothing).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { alpacaSides, chatSides } from '../../support/finetuneData';

type Row = Record<string, unknown>;
const rows = (jsonl: string): Row[] => jsonl.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Row);

/** The largest gap, over single words, between the shares of the two sides' texts that contain the word. */
function bestSingleWord(real: readonly string[], synthetic: readonly string[]): { word: string; gap: number } {
  const shares = (texts: readonly string[]) => {
    const counts = new Map<string, number>();
    for (const text of texts) for (const word of new Set(text.toLowerCase().match(/[\p{L}']+|[^\s\p{L}\p{N}]/gu) ?? [])) counts.set(word, (counts.get(word) ?? 0) + 1);
    return (word: string) => (counts.get(word) ?? 0) / texts.length;
  };
  const [r, s] = [shares(real), shares(synthetic)];
  let best = { word: '', gap: 0 };
  for (const word of new Set([...real, ...synthetic].flatMap((text) => text.toLowerCase().match(/[\p{L}']+|[^\s\p{L}\p{N}]/gu) ?? []))) {
    const gap = Math.abs(s(word) - r(word));
    if (gap > best.gap) best = { word, gap };
  }
  return best;
}

describe('alpacaSides', () => {
  const { real, synthetic } = alpacaSides(600, 3);

  test('gives n Alpaca rows a side with string fields, most inputs empty', () => {
    for (const side of [real, synthetic]) {
      const all = rows(side);
      assert.equal(all.length, 600);
      for (const row of all) assert.deepEqual(Object.keys(row), ['instruction', 'input', 'output']);
      assert.ok(all.every((row) => typeof row.instruction === 'string' && typeof row.output === 'string' && (row.output as string).length > 0));
      const empty = all.filter((row) => row.input === '').length / all.length;
      assert.ok(empty > 0.8 && empty < 0.97, `empty inputs ${empty}`);
    }
  });

  test('the same seed gives the same rows, another seed others', () => {
    assert.equal(alpacaSides(600, 3).synthetic, synthetic);
    assert.notEqual(alpacaSides(600, 4).synthetic, synthetic);
  });

  test('the synthetic outputs look like LLM output, yet no single word separates the sides', () => {
    const outputs = (jsonl: string) => rows(jsonl).map((row) => row.output as string);
    const markdown = (texts: string[]) => texts.filter((text) => /^(\d\.|-) |\*\*/m.test(text)).length / texts.length;
    assert.ok(markdown(outputs(synthetic)) > 0.2 && markdown(outputs(real)) === 0);
    const best = bestSingleWord(outputs(real), outputs(synthetic));
    assert.ok(best.gap < 0.6, `"${best.word}" separates the outputs by ${best.gap}`);
  });
});

describe('chatSides', () => {
  test('OpenAI conversations open with a user or system turn and alternate user and assistant after it', () => {
    for (const side of Object.values(chatSides(300, 5))) {
      const all = rows(side);
      assert.equal(all.length, 300);
      let multi = 0;
      let system = 0;
      for (const row of all) {
        const roles = (row.messages as { role: string }[]).map((turn) => turn.role);
        if (roles[0] === 'system') {
          system++;
          roles.shift();
        }
        assert.deepEqual(roles, roles.map((_, i) => (i % 2 ? 'assistant' : 'user')));
        if (roles.length > 2) multi++;
      }
      assert.ok(multi > 100 && system > 50, `${multi} multi-turn, ${system} with a system prompt`);
    }
  });

  test('ShareGPT conversations use from/value with human, gpt and system', () => {
    const { real } = chatSides(100, 5, { format: 'sharegpt' });
    const froms = new Set(rows(real).flatMap((row) => (row.conversations as { from: string; value: string }[]).map((turn) => turn.from)));
    assert.deepEqual([...froms].sort(), ['gpt', 'human', 'system']);
  });

  test('no single word separates the assistant turns', () => {
    const { real, synthetic } = chatSides(600, 5);
    const assistant = (jsonl: string) => rows(jsonl).flatMap((row) => (row.messages as { role: string; content: string }[]).filter((turn) => turn.role === 'assistant').map((turn) => turn.content));
    const best = bestSingleWord(assistant(real), assistant(synthetic));
    assert.ok(best.gap < 0.6, `"${best.word}" separates the assistant turns by ${best.gap}`);
  });
});
