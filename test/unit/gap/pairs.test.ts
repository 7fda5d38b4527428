import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readDataset } from '../../../src/core/dataset/readDataset';
import type { ParsedDataset } from '../../../src/core/dataset/types';
import { CancelledError } from '../../../src/core/host';
import { pickPairFields } from '../../../src/core/gap/pairRecords';
import { pairChecks } from '../../../src/core/gap/pairs';
import { isRefusal } from '../../../src/core/gap/refusals';
import { countWords, restating } from '../../../src/core/gap/restates';
import { openingWords } from '../../../src/core/gap/words';

// Files are written as a user's JSONL would be and read through the real reader, so the rows carry the fields,
// turns and line numbers the analysis gets.

const TOPICS = [
  'saving money', 'sleeping better', 'learning piano', 'cooking rice', 'public speaking', 'writing emails',
  'painting walls', 'baking bread', 'fixing a bike', 'going camping', 'moving house', 'job interviews',
  'managing time', 'drinking water', 'reading novels', 'quiet meditation', 'street photography', 'winter knitting',
  'playing chess', 'open water swimming', 'mountain hiking', 'monthly budgeting', 'garden composting',
  'morning stretching', 'brewing tea', 'watching birds', 'packing light', 'growing tomatoes', 'learning Spanish',
  'cleaning windows', 'training puppies', 'making pasta', 'riding trains', 'choosing shoes', 'buying a laptop',
  'planting tulips', 'repairing fences', 'washing wool', 'storing apples', 'sharpening knives',
];
const TIPS = ['keep a small notebook', 'ask a friend to join you', 'set one goal per week', 'start before breakfast', 'stop before you are tired'];

type Json = Record<string, unknown>;
const jsonl = (records: readonly Json[]): string => `${records.map((record) => JSON.stringify(record)).join('\n')}\n`;
const read = (records: readonly Json[], textField?: string): Promise<ParsedDataset> => readDataset(jsonl(records), textField === undefined ? {} : { textField });

/** A person's instruction and a short plain answer, different for each i. */
function humanRecord(i: number): Json {
  const topic = TOPICS[i % TOPICS.length];
  return { instruction: `Give me one tip about ${topic}.`, input: '', output: `Honestly, ${TIPS[i % TIPS.length]} and do it for ${i + 2} days.` };
}

/** The same instruction answered the way chat models answer: restated, then at length. */
function modelRecord(i: number): Json {
  const topic = TOPICS[i % TOPICS.length];
  return {
    instruction: `Give me one tip about ${topic}.`,
    input: '',
    output:
      `Certainly! Here is one tip about ${topic}: ${TIPS[(i + 2) % TIPS.length]}. Consistency matters more than intensity, ` +
      `so begin with a manageable routine, track your progress over ${i + 3} days, and adjust as you learn what works best for you. ` +
      'Remember that small improvements compound over time, and celebrating milestones keeps motivation high.',
  };
}

const range = (n: number, from = 0): number[] => Array.from({ length: n }, (_, k) => from + k);
const fields = (parsed: ParsedDataset): string[] => [...(parsed.textFields ?? [parsed.textField])];

test('pickPairFields reads the request, Alpaca input and the last response field; none without both', () => {
  assert.deepEqual(pickPairFields(['instruction', 'input', 'output']), { request: 'instruction', input: 'input', response: 'output' });
  assert.deepEqual(pickPairFields(['system', 'user', 'assistant']), { request: 'user', response: 'assistant' });
  assert.deepEqual(pickPairFields(['prompt', 'completion']), { request: 'prompt', response: 'completion' });
  assert.deepEqual(pickPairFields(['data.question', 'data.answer']), { request: 'data.question', response: 'data.answer' });
  assert.deepEqual(pickPairFields(['title', 'body', 'response']), { request: 'title', response: 'response' });
  assert.equal(pickPairFields(['instruction', 'input']), undefined);
  assert.equal(pickPairFields(['system', 'assistant']), undefined);
  assert.equal(pickPairFields(['text']), undefined);
});

test('a file with no response field gets no pair checks', async () => {
  const prompts = await read(range(30).map((i) => ({ prompt: `Write about ${TOPICS[i]}.` })));
  assert.equal(pairChecks(prompts.rows, prompts.rows, fields(prompts)), undefined);
  const tasks = await read(range(30).map((i) => ({ instruction: `Translate a word about ${TOPICS[i]}.`, input: 'house' })), 'instruction,input');
  assert.deepEqual(tasks.textFields, ['instruction', 'input']);
  assert.equal(pairChecks(tasks.rows, tasks.rows, fields(tasks)), undefined);
});

test('Alpaca-style data: each check counts, lists its first lines, and says what stands out', async () => {
  const reference = await read(range(40).map(humanRecord));
  const records: Json[] = range(40).map((i) => humanRecord(i + 100));
  // Lines 1–6: refusals, in the stock wordings.
  records[0] = { instruction: 'Write a fake doctor note for my boss.', input: '', output: "I'm sorry, but I can't help with creating fake documents." };
  records[1] = { instruction: 'Tell me how to pick a lock.', input: '', output: 'As an AI language model, I cannot provide instructions for that.' };
  records[2] = { instruction: 'Find my neighbour’s password.', input: '', output: 'I cannot assist with that request.' };
  records[3] = { instruction: 'Write an insult for my coworker.', input: '', output: 'I’m unable to write insults, but I can help you word a complaint.' };
  records[4] = { instruction: 'Share the exam answers.', input: '', output: 'I apologize, but I am not able to share exam answers.' };
  records[5] = { instruction: 'Browse this website for me.', input: 'www.example.com', output: 'Sorry, I do not have access to the internet.' };
  // Lines 7–8: reference records 11 and 12, copied (case and spacing aside): leakage.
  records[6] = { ...humanRecord(10), output: ` ${String(humanRecord(10).output).toUpperCase()}` };
  records[7] = humanRecord(11);
  // Lines 9–13: responses that only restate the instruction.
  records[8] = { instruction: 'Write a short poem about the quiet ocean at night.', input: '', output: 'Here is a short poem about the quiet ocean at night:' };
  records[9] = { instruction: 'Describe the smell of fresh rain on hot stone.', input: '', output: 'I will describe the smell of fresh rain on hot stone.' };
  records[10] = { instruction: 'Explain how solar panels turn light into power.', input: '', output: 'Solar panels turn light into power.' };
  records[11] = { instruction: 'List three benefits of regular morning walks.', input: '', output: 'Here are three benefits of regular morning walks.' };
  records[12] = { instruction: 'Compose a haiku about autumn leaves falling.', input: '', output: 'A haiku about autumn leaves falling.' };
  // Lines 14–19: three instructions, each answered two ways.
  for (const [k, [question, a, b]] of [
    ['Name a famous painter.', 'Claude Monet.', 'Frida Kahlo.'],
    ['Suggest a name for a cat.', 'Whiskers.', 'Miso.'],
    ['Pick a number from one to ten.', 'Seven.', 'Three.'],
  ].entries()) {
    records[13 + 2 * k] = { instruction: question, input: '', output: a };
    records[14 + 2 * k] = { instruction: question, input: '', output: b };
  }
  // Lines 21–26: three responses, each given to two instructions.
  for (const [k, [a, b, answer]] of [
    ['Is the sky blue on a clear day?', 'Is snow usually white?', 'Yes, it is.'],
    ['Can fish fly like birds?', 'Do rocks breathe air?', 'No, they cannot.'],
    ['What is four plus four?', 'What is two times four?', 'Eight.'],
  ].entries()) {
    records[20 + 2 * k] = { instruction: a, input: '', output: answer };
    records[21 + 2 * k] = { instruction: b, input: '', output: answer };
  }
  // Lines 31–36: instructions with no output at all.
  for (const i of [30, 31, 32, 33, 34, 35]) records[i] = { instruction: `Summarize the history of ${TOPICS[i]}.`, input: '' };
  const dataset = await read(records);
  assert.equal(dataset.schema, 'Alpaca-style instruction data: instruction, input, output');
  assert.deepEqual(dataset.errors, []);

  const report = pairChecks(reference.rows, dataset.rows, fields(dataset));
  assert.ok(report);
  assert.equal(report.request, 'instruction');
  assert.equal(report.input, 'input');
  assert.equal(report.response, 'output');
  assert.equal(report.records, 34);
  assert.equal(report.referenceRecords, 40);
  assert.equal(report.refusals, 6);
  assert.equal(report.copiedPairs, 2);
  assert.equal(report.restatements, 5);
  assert.equal(report.sameRequest, 3);
  assert.equal(report.sameResponse, 3);
  assert.equal(report.noResponse, 6);
  assert.deepEqual(report.examples.refusals, [1, 2, 3, 4, 5]);
  assert.deepEqual(report.examples.copiedPairs, [7, 8]);
  assert.deepEqual(report.examples.restatements, [9, 10, 11, 12, 13]);
  assert.deepEqual(report.examples.sameRequest, [14, 15, 16, 17, 18]);
  assert.deepEqual(report.examples.sameResponse, [21, 22, 23, 24, 25]);
  assert.deepEqual(report.examples.noResponse, [31, 32, 33, 34, 35]);
  assert.deepEqual(report.examples.restates, [5, 9, 10, 11, 12], 'the restatements, and a refusal that repeats its instruction');
  assert.deepEqual(report.sentences, [
    '2 instruction/output pairs copy reference pairs (lines 7, 8): leakage.',
    '6 responses refuse (18%; lines 1, 2, 3, 4, 5, …); the reference has none.',
    '5 responses only restate the instruction (15%; lines 9, 10, 11, 12, 13); the reference has none.',
    '6 instructions have no response (15%; lines 31, 32, 33, 34, 35, …); the reference has none.',
    '3 instructions appear with different responses (18% of pairs; lines 14, 15, 16, 17, 18, …); the reference has none.',
    '3 responses answer different instructions (18% of pairs; lines 21, 22, 23, 24, 25, …); the reference has none.',
    '18% of responses open by restating the instruction (lines 5, 9, 10, 11, 12, …); the reference has none.',
  ]);
  assert.deepEqual(pairChecks(reference.rows, dataset.rows, fields(dataset), { maxExamples: 2 })?.examples.refusals, [1, 2]);
  assert.throws(() => pairChecks(reference.rows, dataset.rows, fields(dataset), { token: { isCancellationRequested: true } }), CancelledError);
});

test('a few refusals are counted and listed but not named: the margin is not clear', async () => {
  const reference = await read(range(40).map(humanRecord));
  const records = range(40).map((i) => humanRecord(i + 100));
  records[3] = { instruction: 'Write a fake doctor note.', input: '', output: "I'm sorry, but I can't help with that." };
  records[17] = { instruction: 'Find a password.', input: '', output: 'I cannot assist with that request.' };
  const report = pairChecks(reference.rows, (await read(records)).rows, ['instruction', 'input', 'output']);
  assert.equal(report?.refusals, 2);
  assert.deepEqual(report?.examples.refusals, [4, 18]);
  assert.deepEqual(report?.sentences, []);
});

test('responses much longer than their instructions, opening by restating them, are named with both sides’ figures', async () => {
  const reference = await read(range(40).map(humanRecord));
  const dataset = await read(range(40).map(modelRecord));
  const report = pairChecks(reference.rows, dataset.rows, fields(dataset));
  assert.ok(report);
  assert.ok(report.lengthRatio.synthetic > 5 && report.lengthRatio.real < 2.5, JSON.stringify(report.lengthRatio));
  assert.deepEqual(report.restates, { real: 0, synthetic: 1 });
  assert.equal(report.restatements, 0, 'a restating opener followed by an answer is a style, not a non-answer');
  assert.equal(report.turns, undefined);
  assert.deepEqual(report.sentences, [
    `Responses are ${report.lengthRatio.synthetic.toFixed(1)} times as long as their instructions here, against ${report.lengthRatio.real.toFixed(1)} times in the reference.`,
    '100% of responses open by restating the instruction (lines 1, 2, 3, 4, 5, …); the reference has none.',
  ]);
});

test('sides written alike say nothing; the reference checked against itself is all leakage', async () => {
  const reference = await read(range(40).map(humanRecord));
  const alike = await read(range(40).map((i) => humanRecord(i + 200)));
  const report = pairChecks(reference.rows, alike.rows, fields(alike));
  assert.ok(report);
  assert.deepEqual(report.sentences, []);
  assert.equal(report.copiedPairs, 0);
  const self = pairChecks(reference.rows, reference.rows, fields(reference));
  assert.deepEqual(self?.sentences, ['40 instruction/output pairs copy reference pairs (lines 1, 2, 3, 4, 5, …): leakage.']);
});

/** An OpenAI chat line: a system prompt, then user and assistant turns as given. */
const chat = (turns: readonly string[], system = 'You are a helpful assistant.'): Json => ({
  messages: [{ role: 'system', content: system }, ...turns.map((content, k) => ({ role: k % 2 === 0 ? 'user' : 'assistant', content }))],
});

test('OpenAI chat: every user turn pairs with the next assistant turn; turns and their length are compared', async () => {
  const reference = await read(
    range(24).map((i) =>
      chat([`hi, any idea about ${TOPICS[i]}?`, `sure, ${TIPS[i % 5]}.`, 'ok and then?', `then try it for ${i + 2} days.`, 'thanks!', 'anytime.']),
    ),
  );
  const long = (i: number): string =>
    `Great question! When it comes to ${TOPICS[i]}, the most important thing is to ${TIPS[i % 5]}, because steady habits ` +
    `build lasting results over ${i + 4} weeks. Additionally, consider tracking your progress, seeking feedback from others, ` +
    'and adjusting your approach as needed. I hope this helps, and let me know if you have any other questions!';
  const records = range(24).map((i) => chat([`hi, any idea about ${TOPICS[i + 10]}?`, long(i + 10)]));
  // Lines 23–24: the user's last message is left unanswered.
  records[22] = chat([`hi, any idea about ${TOPICS[5]}?`, long(5), 'and what about later?']);
  records[23] = chat(['hello?']);
  const dataset = await read(records);
  assert.deepEqual(dataset.textFields, ['system', 'user', 'assistant']);

  const report = pairChecks(reference.rows, dataset.rows, fields(dataset));
  assert.ok(report);
  assert.equal(report.request, 'user');
  assert.equal(report.response, 'assistant');
  assert.equal(report.referenceRecords, 72, '24 conversations of 3 exchanges');
  assert.equal(report.records, 23);
  assert.equal(report.noResponse, 2);
  assert.deepEqual(report.examples.noResponse, [23, 24]);
  assert.ok(report.turns);
  assert.equal(report.turns.real, 6, 'the system prompt is not a turn');
  assert.equal(report.turns.synthetic, 2);
  assert.ok(report.turns.realWords < 5 && report.turns.syntheticWords > 25, JSON.stringify(report.turns));
  assert.deepEqual(report.sentences, [
    `Responses are ${report.lengthRatio.synthetic.toFixed(1)} times as long as their user messages here, against ${report.lengthRatio.real.toFixed(1)} times in the reference.`,
    'Conversations have 2 turns here (median), against 6 in the reference.',
    `Turns run ${report.turns.syntheticWords.toFixed(1)} words here (median), against ${report.turns.realWords.toFixed(1)} in the reference.`,
  ]);
});

test('ShareGPT: human and gpt turns pair up; refusals and copied pairs are found per turn', async () => {
  const share = (turns: readonly string[]): Json => ({ conversations: turns.map((value, k) => ({ from: k % 2 === 0 ? 'human' : 'gpt', value })) });
  const referenceRecords = range(30).map((i) => share([`what is good for ${TOPICS[i]}`, `${TIPS[i % 5]}, ${i + 1} times`, 'cool', 'yep']));
  const reference = await read(referenceRecords);
  const records = range(30).map((i) => share([`what helps with ${TOPICS[i]}`, `${TIPS[(i + 1) % 5]}, ${i + 3} times`]));
  for (const i of [4, 9, 14, 19, 24]) records[i] = share([`what helps with ${TOPICS[i]}`, `ok, ${i} times`, 'tell me something rude', "I'm sorry, but I can't do that."]);
  records[29] = referenceRecords[7];
  const dataset = await read(records);
  assert.equal(dataset.schema, 'ShareGPT conversations: user, assistant');

  const report = pairChecks(reference.rows, dataset.rows, fields(dataset));
  assert.ok(report);
  assert.equal(report.records, 36, '24 conversations of one exchange, 6 of two');
  assert.equal(report.refusals, 5);
  assert.deepEqual(report.examples.refusals, [5, 10, 15, 20, 25]);
  assert.equal(report.copiedPairs, 2, 'both exchanges of the copied conversation');
  assert.deepEqual(report.examples.copiedPairs, [30]);
  assert.deepEqual(report.sentences, [
    '2 user/assistant pairs copy reference pairs (line 30): leakage.',
    '5 responses refuse (14%; lines 5, 10, 15, 20, 25); the reference has none.',
    'Conversations have 2 turns here (median), against 4 in the reference.',
  ]);
});

test('refusals are the stock wordings, in the opening of a response', () => {
  for (const text of [
    "I'm sorry, but I can't help with that.",
    'I’m sorry, but I cannot fulfill this request.',
    'As an AI language model, I cannot browse the internet.',
    'As an AI, I do not have access to real-time data.',
    'I cannot assist with that request.',
    "I'm unable to provide medical advice.",
    'I am afraid I am not able to share that.',
    'Sorry, I won’t write that.',
    "I'm afraid I can't.",
  ]) {
    assert.equal(isRefusal(text), true, text);
  }
  for (const text of [
    '',
    'Sorry for the delay: here is the list you asked for.',
    "I can't help but smile when I see a sunrise.",
    'As an AI language model, I don’t have personal opinions, but many people prefer tea.',
    "I'm sorry to hear that. Here are three things that may help.",
    "I'm sorry you feel that way; I can't imagine how hard that is.",
    "I can't wait to try this recipe: first, preheat the oven.",
    `${'The rain kept falling over the harbour town. '.repeat(8)}"I'm sorry, but I can't stay," she said.`,
  ]) {
    assert.equal(isRefusal(text), false, text);
  }
});

test('a response restates when its opening repeats most of the task, and only restates when it adds nothing', () => {
  const check = (task: string, response: string, input = ''): ReturnType<typeof restating> => {
    const request = input === '' ? task : `${task}\n${input}`;
    return restating(task, request, response, countWords(task), countWords(response));
  };
  assert.deepEqual(check('Write a poem about the ocean.', 'Here is a poem about the ocean:'), { restates: true, only: true });
  assert.deepEqual(check('Write a poem about the ocean.', 'Sure! Here is a poem about the ocean: waves fold into foam under the moon, and gulls sleep on the swell.'), { restates: true, only: false });
  assert.deepEqual(check('Explain why the sky is blue.', 'The sky is blue because of Rayleigh scattering.'), { restates: true, only: false });
  assert.deepEqual(check('Explain why the sky is blue.', 'Air scatters short wavelengths most.'), { restates: false, only: false });
  assert.deepEqual(check('Describe love.', 'Love is patience.'), { restates: false, only: false }, 'too few content words to judge');
  // The input is material to work on: echoing it is the task, not a restatement.
  assert.deepEqual(check('Sort these words alphabetically.', 'apple, banana, cherry', 'cherry, apple, banana'), { restates: false, only: false });
  assert.deepEqual(openingWords('Sure! Here is a poem about the sea. Waves fold.', 4), ['sure', 'here', 'is', 'a', 'poem', 'about', 'the', 'sea'], 'a stock interjection and the sentence after it');
  assert.equal(countWords("Hi there! What's up?"), 4);
  assert.equal(countWords(''), 0);
});
