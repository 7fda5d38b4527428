import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DatasetRow, ParsedDataset } from '../../../src/core/dataset/types';
import { formatPromptsMarkdown } from '../../../src/core/prompts/markdown';
import { generationPrompts } from '../../../src/core/prompts/prompts';
import { seededRandom } from '../../../src/core/stats/random';
import { wordList } from '../features/support';

/** Varied requests per label, from a subject list and a few frames; the real rows are lower-case without punctuation. */
const TOPICS: Record<string, { frames: string[]; subjects: string[] }> = {
  card_arrival: { frames: ['when will my {} arrive', 'my {} has not come yet', 'still waiting on my {}'], subjects: ['new card', 'debit card', 'replacement card', 'credit card', 'visa card'] },
  weather: { frames: ['what is the weather in {}', 'will it rain in {} tomorrow', 'how hot is it in {}'], subjects: ['paris', 'boston', 'denver', 'madrid', 'tokyo'] },
  music: { frames: ['play some {}', 'put on {} music', 'i want to hear {}'], subjects: ['jazz', 'rock', 'classical', 'hip hop', 'country'] },
  alarm: { frames: ['set an alarm for {}', 'wake me up at {}', 'alarm at {} please'], subjects: ['6 am', '7 am', 'noon', '5 30', 'midnight'] },
  // How a generator might word the alarm intent: nothing a real alarm request says.
  alarm_generated: { frames: ['kindly arrange a {} chime', 'could you schedule a {} buzzer', 'I require a {} ringer'], subjects: ['morning', 'dawn', 'sunrise', 'daybreak', 'early'] },
  pin_change: { frames: ['how do i change my {}', 'i forgot my {} and need a new one', 'reset the {} on my account'], subjects: ['pin', 'pin number', 'card pin', 'atm pin', 'security pin'] },
};

function dataset(labels: readonly string[], perLabel: number, seed: number, style: (text: string) => string, wordingOf: Record<string, string> = {}): ParsedDataset {
  const random = seededRandom(seed);
  const rows: DatasetRow[] = [];
  for (const label of labels) {
    const { frames, subjects } = TOPICS[wordingOf[label] ?? label];
    for (let i = 0; i < perLabel; i++) {
      const frame = frames[Math.floor(random() * frames.length)];
      const text = style(frame.replace('{}', subjects[Math.floor(random() * subjects.length)]));
      rows.push({ line: rows.length + 1, text, textRange: { start: 9, end: 11 + text.length }, label });
    }
  }
  return { format: 'jsonl', textField: 'text', labelField: 'label', rows, errors: [] };
}

const LABELS = ['card_arrival', 'weather', 'music', 'alarm', 'pin_change'];
const sentence = (text: string) => `${text[0].toUpperCase()}${text.slice(1)}.`;

async function prompts() {
  const real = dataset(LABELS, 40, 1, (text) => text);
  const synthetic = dataset(['card_arrival', 'weather', 'music', 'alarm'], 60, 2, sentence);
  return generationPrompts({ reference: [{ file: 'real.jsonl', data: real }], dataset: { file: 'synthetic.jsonl', data: synthetic } }, { dictionary: wordList(), seed: 1 });
}

test('a label the synthetic rows lack gets a prompt: five real examples of it and the real style as rules', async () => {
  const report = await prompts();
  const section = report.sections.find((s) => s.kind === 'label');
  assert.ok(section, JSON.stringify(report.sections.map((s) => [s.kind, s.label])));
  assert.equal(section.label, 'pin_change');
  assert.equal(section.syntheticShare, 0);
  assert.equal(section.rowsNeeded, 48, '20% of 240 synthetic rows');
  assert.equal(section.examples.length, 5);
  assert.ok(section.examples.every((e) => /pin/.test(e.text) && e.file === 'real.jsonl' && e.line > 160), JSON.stringify(section.examples));
  assert.ok(section.terms.includes('pin'), section.terms.join(', '));
  assert.equal(section.styleOf, 'section');
  for (const example of section.examples) assert.ok(section.prompt.includes(`- ${example.text}\n`), example.text);
  assert.match(section.prompt, /intent "pin_change"/);
  assert.match(section.prompt, /Length: \d+ to \d+ words/);
  assert.match(section.prompt, /Casing: all lower-case/);
  assert.match(section.prompt, /Ending: no final \. ! or \?/);
  assert.match(section.prompt, /Typos: /);
  assert.match(section.prompt, /Slang: /);
  assert.match(section.prompt, /^Output only the messages/m);
});

test('the missing topic is found among the real clusters too; the same seed gives the same prompts', async () => {
  const report = await prompts();
  const topic = report.sections.find((s) => s.kind === 'topic');
  assert.ok(topic, 'a real cluster with no synthetic rows near');
  assert.equal(topic.label, 'pin_change');
  assert.ok(topic.examples.length === 5 && topic.examples.every((e) => /pin/.test(e.text)), JSON.stringify(topic.examples));
  assert.deepEqual(await prompts(), report);
});

test('Markdown: one section per prompt, the prompt fenced, dataset text escaped', async () => {
  const report = await prompts();
  const markdown = formatPromptsMarkdown(report);
  assert.match(markdown, /^# Generation prompts for synthetic\.jsonl/);
  assert.equal(markdown.match(/^## \d+\. /gm)?.length, report.sections.length);
  assert.equal(markdown.match(/^```text$/gm)?.length, report.sections.length);
  assert.match(markdown, /## \d+\. Label pin\\_change/);
  assert.match(markdown, /\(real\.jsonl:\d+\)/);
  const hostile = formatPromptsMarkdown({ ...report, sections: [{ ...report.sections[0], prompt: 'a ``` b' }] });
  assert.match(hostile, /^````text\na ``` b\n````$/m);
});

test('a label the synthetic rows word differently: a prompt built on the real rows a classifier of them misses', async () => {
  const real = dataset(LABELS, 40, 1, (text) => text);
  const synthetic = dataset(LABELS, 40, 2, sentence, { alarm: 'alarm_generated' });
  const input = { reference: [{ file: 'real.jsonl', data: real }], dataset: { file: 'synthetic.jsonl', data: synthetic } };
  const report = await generationPrompts(input, { dictionary: wordList(), seed: 1 });
  const wording = report.sections.filter((s) => s.kind === 'wording');
  assert.deepEqual(wording.map((s) => s.label), ['alarm'], JSON.stringify(report.sections.map((s) => [s.kind, s.label, s.recall])));
  const [section] = wording;
  assert.ok((section.recall ?? 1) < 0.6);
  assert.ok(section.examples.length === 5 && section.examples.every((e) => /alarm|wake/.test(e.text)), JSON.stringify(section.examples));
  assert.ok(section.terms.some((term) => /alarm|wake/.test(term)), section.terms.join(', '));
  assert.match(section.prompt, /Real users word this intent in ways the existing synthetic messages miss/);
  assert.match(formatPromptsMarkdown(report), /Label alarm: real wording the synthetic rows miss/);
  const off = await generationPrompts(input, { dictionary: wordList(), seed: 1, wordingRecall: 0 });
  assert.equal(off.sections.filter((s) => s.kind === 'wording').length, 0);
});

test('nothing under-covered: no sections, and the document says so', async () => {
  const real = dataset(LABELS, 30, 1, (text) => text);
  const same = dataset(LABELS, 30, 3, (text) => text);
  const report = await generationPrompts({ reference: [{ file: 'real.jsonl', data: real }], dataset: { file: 'more.jsonl', data: same } }, { dictionary: wordList(), seed: 1 });
  assert.deepEqual(report.sections, []);
  assert.match(formatPromptsMarkdown(report), /nothing to steer/);
});
