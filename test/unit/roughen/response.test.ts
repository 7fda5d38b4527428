import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { roughenResponse } from '../../../src/core/roughen/response';
import { findResponseCuts, keptText } from '../../../src/core/roughen/responseCuts';

const roughen = (text: string) => roughenResponse(text).text;

describe('roughenResponse', () => {
  test('removes stock openers and capitalizes the new first word', () => {
    assert.equal(roughen('Certainly! Here is the recipe.'), 'Here is the recipe.');
    assert.equal(roughen('Sure, the capital of France is Paris.'), 'The capital of France is Paris.');
    assert.equal(roughen('Of course! Great question! Water boils at 100 °C.'), 'Water boils at 100 °C.');
    assert.equal(roughen("  sure thing! it's done."), "  It's done.");
    assert.equal(roughen('Absolutely.\n\n## Steps\n1. Mix'), '## Steps\n1. Mix');
  });

  test('a capital only where it is safe: not on code, names with capitals inside, or variables', () => {
    assert.equal(roughen('Sure! iPhone models differ.'), 'iPhone models differ.');
    assert.equal(roughen('Sure! x = 2 solves it.'), 'x = 2 solves it.');
    assert.equal(roughen('Certainly! np.array(x) makes one.'), 'np.array(x) makes one.');
    assert.equal(roughen('Sure! `rm -rf build` deletes 3.5 GB.'), '`rm -rf build` deletes 3.5 GB.');
    assert.equal(roughen('Sure, a list works.'), 'A list works.');
    assert.equal(roughen('Sure, ßig is no word.'), 'ßig is no word.');
  });

  test('an opener that is part of the sentence stays', () => {
    for (const text of ['Absolutely not. Never do that.', 'Sure enough, it rained.', 'Of course it does: 2 + 2 = 4.', 'Certainly the best choice is B.']) {
      assert.equal(roughen(text), text);
    }
  });

  test('removes closing offers as whole trailing sentences, with the space before them', () => {
    assert.equal(
      roughen('Water boils at 100 °C at sea level. I hope this helps! Let me know if you have any other questions.'),
      'Water boils at 100 °C at sea level.',
    );
    assert.equal(roughen('Add salt.\n\nFeel free to ask if you need more tips!\n'), 'Add salt.\n');
    assert.equal(roughen('Use a loop.\r\nIf you have any further questions, just ask.'), 'Use a loop.');
    assert.equal(roughen('It is 4. Please let me know if you need anything else'), 'It is 4.');
    assert.equal(roughen('1. Sleep\n2. Eat\n\nI hope these tips help you!'), '1. Sleep\n2. Eat');
  });

  test('closing words inside the answer, or advice that opens like an offer, stay', () => {
    for (const text of [
      'Bake for 20 minutes. Feel free to add more salt to taste.',
      'Let me know if the oven is hot, the recipe says. Then bake it.',
      'I hope this helps! The answer is 42.',
      'Tell them: let me know if it hurts.',
    ]) {
      assert.equal(roughen(text), text);
    }
  });

  test('removes AI boilerplate clauses at a sentence start or after but', () => {
    assert.equal(roughen('As an AI language model, I cannot browse the internet. Paris is the capital.'), 'I cannot browse the internet. Paris is the capital.');
    assert.equal(roughen("I'm sorry, but as an AI, I can't predict prices."), "I'm sorry, but I can't predict prices.");
    assert.equal(roughen('Paris is big. As of my last update, it had 2.1 million people.'), 'Paris is big. It had 2.1 million people.');
    assert.equal(roughen('Certainly! As an AI language model, i think tea is fine.'), 'I think tea is fine.');
    assert.equal(roughen('Tea is fine. However, as an AI, I cannot taste it.'), 'Tea is fine. However, I cannot taste it.');
  });

  test('a boilerplate phrase that is no prefix clause stays', () => {
    for (const text of ['As an AI language model I have no body.', 'He works as an AI, mostly.', 'As an AI, and as a friend, I say yes.']) {
      assert.equal(roughen(text), text);
    }
  });

  test('lists each cut as a change, in the shape roughenText uses', () => {
    const result = roughenResponse('Certainly! As an AI, I would say 7. I hope this helps!');
    assert.equal(result.text, 'I would say 7.');
    assert.deepEqual(result.changes, [
      { kind: 'stock-opener', description: 'removed the opener "Certainly!"', before: 'Certainly!', after: '' },
      { kind: 'assistant-boilerplate', description: 'removed the boilerplate "As an AI,"', before: 'As an AI,', after: '' },
      { kind: 'closing-offer', description: 'removed the closing offer "I hope this helps!"', before: 'I hope this helps!', after: '' },
    ]);
  });

  test('options choose what goes', () => {
    const text = 'Sure! As an AI, I say 7. Let me know if that works.';
    assert.equal(roughenResponse(text, { openers: false }).text, 'Sure! I say 7.');
    assert.equal(roughenResponse(text, { boilerplate: false }).text, 'As an AI, I say 7.');
    assert.equal(roughenResponse(text, { closers: false }).text, 'I say 7. Let me know if that works.');
  });

  test('nothing to do, or everything would go: the text comes back unchanged', () => {
    for (const text of ['The answer is 42.', '', '   ', 'Sure!', 'Certainly! I hope this helps!', 'Let me know if you need anything.', 'As an AI, ...', 'Sure! 😊']) {
      assert.deepEqual(roughenResponse(text), { text, changes: [] }, JSON.stringify(text));
    }
  });

  test('multi-line Markdown and code between the cuts stay byte for byte', () => {
    const body = [
      '## Install',
      '',
      '1. Run **npm install**.',
      '2. Run the tests:',
      '',
      '```bash',
      'npm test -- --grep "a*b" # 5 - 3',
      '```',
      '',
      '- Node 20',
      '- 2 GB of RAM',
    ].join('\n');
    assert.equal(roughen(`Sure! Here is how.\n\n${body}\n\nI hope this helps! Let me know if you have any questions.\n`), `Here is how.\n\n${body}\n`);
    assert.equal(roughen(body), body);
  });
});

// Pieces of responses: packaging, content with Markdown, code and numbers, and odd characters.
const PIECES = [
  'Certainly!', 'Sure,', 'Of course.', 'Great question!', 'As an AI language model,', 'As an AI,', 'but as an AI,', 'I hope this helps!',
  'Let me know if you have any other questions.', 'Feel free to ask!', 'If you have any questions, ask.', 'the answer is 42.',
  'iPhone', 'x = 2', '`npm test`', '\n', '\n\n', '\r\n', '## Title', '- item', '1. step', '**bold**', '```', '3.5 GB', 'ßig',
  'Absolutely not.', 'it is', 'I', 'i', '😀', ' ', '\t', '...', 'Paris.', "it's", 'e.g.', '\u2028',
];
const pieces = (from: readonly string[], maxLength: number) => fc.array(fc.constantFrom(...from), { maxLength });
const separator = fc.constantFrom(' ', '', '\n', '\n\n', '\r\n', '  ', '\t');
/** A response shaped as LLMs write them: openers, maybe a boilerplate clause, the answer, closers. */
const response = fc
  .tuple(
    pieces(['Certainly!', 'Sure,', 'Of course.', 'Great question!', 'sure thing!!', 'Absolutely:'], 3),
    pieces(['As an AI language model,', 'As an AI,', 'As of my last update,'], 1),
    pieces(PIECES, 6),
    pieces(['I hope this helps!', 'Let me know if you have any other questions.', 'Feel free to ask!', 'If you have any questions, ask.', 'Hope that helps'], 3),
    separator,
  )
  .map(([openers, clauses, body, closers, sep]) => [...openers, ...clauses, ...body, ...closers].join(sep));
const text = fc.oneof(
  response,
  fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 10 }).map((parts) => parts.join(' ')),
  fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 10 }).map((parts) => parts.join('')),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
);

/**
 * The kept text's indexes where a cut ended, i.e. where a segment between cuts starts: the only places where
 * the result may differ from the kept text, by a capital.
 */
function segmentStarts(cuts: readonly { start: number; end: number }[]): Set<number> {
  const starts = new Set<number>();
  let kept = 0;
  let at = 0;
  for (const cut of cuts) {
    kept += Math.max(0, cut.start - at);
    at = Math.max(at, cut.end);
    starts.add(kept);
  }
  return starts;
}

describe('roughenResponse properties', () => {
  test('it only cuts: the text between the cuts is unchanged but for a capital where a cut ended, and it is never emptied', () => {
    fc.assert(
      fc.property(text, (value) => {
        const result = roughenResponse(value);
        const cuts = findResponseCuts(value);
        const kept = keptText(value, cuts);
        assert.equal(result.text.length, kept.length, JSON.stringify({ value, result: result.text, kept }));
        const starts = segmentStarts(cuts);
        for (let i = 0; i < kept.length; i++) {
          if (result.text[i] === kept[i]) continue;
          assert.ok(starts.has(i) && result.text[i] === kept[i].toUpperCase(), `${JSON.stringify(value)}: changed ${JSON.stringify(kept[i])} at ${i}`);
        }
        assert.equal(result.changes.length, cuts.length);
        for (const cut of cuts) assert.equal(value.slice(cut.start, cut.end).trim(), cut.phrase);
        if (/[\p{L}\p{N}]/u.test(value)) assert.match(result.text, /[\p{L}\p{N}]/u);
        if (cuts.length === 0) assert.equal(result.text, value);
      }),
      { numRuns: 1000, seed: 42 },
    );
  });

  test('the result is the original with characters removed and at most first letters capitalized', () => {
    fc.assert(
      fc.property(text, (value) => {
        const out = roughenResponse(value).text;
        const original = Array.from(value);
        let i = 0;
        for (const c of out) {
          while (i < original.length && original[i] !== c && original[i].toUpperCase() !== c) i++;
          assert.ok(i < original.length, `${JSON.stringify(out)} adds ${JSON.stringify(c)} to ${JSON.stringify(value)}`);
          i++;
        }
      }),
      { numRuns: 1000, seed: 7 },
    );
  });
});
