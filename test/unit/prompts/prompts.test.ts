import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DatasetRow, ParsedDataset } from '../../../src/core/dataset/types';
import { formatPromptsMarkdown } from '../../../src/core/prompts/markdown';
import { generationPrompts, promptForLabel, type PromptsReport } from '../../../src/core/prompts/prompts';
import { seededRandom } from '../../../src/core/stats/random';
import { wordList } from '../features/support';

/** Varied requests per label, from a subject list and a few frames; the real rows are lower-case without punctuation. */
const TOPICS: Record<string, { frames: string[]; subjects: string[] }> = {
  card_arrival: { frames: ['when will my {} arrive', 'my {} has not come yet', 'still waiting on my {}'], subjects: ['new card', 'debit card', 'replacement card', 'credit card', 'visa card'] },
  weather: { frames: ['what is the weather in {}', 'will it rain in {} tomorrow', 'how hot is it in {}'], subjects: ['paris', 'boston', 'denver', 'madrid', 'tokyo'] },
  music: { frames: ['play some {}', 'put on {} music', 'i want to hear {}'], subjects: ['jazz', 'rock', 'classical', 'hip hop', 'country'] },
  alarm: { frames: ['set an alarm for {}', 'wake me up at {}', 'alarm at {} please'], subjects: ['6 am', '7 am', 'noon', '5 30', 'midnight'] },
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
const input = (real: ParsedDataset, synthetic: ParsedDataset) => ({ reference: [{ file: 'real.jsonl', data: real }], dataset: { file: 'synthetic.jsonl', data: synthetic } });

async function prompts(options: { top?: number; label?: string } = {}) {
  const real = dataset(LABELS, 40, 1, (text) => text);
  const synthetic = dataset(['card_arrival', 'weather', 'music', 'alarm'], 60, 2, sentence);
  return generationPrompts(input(real, synthetic), { dictionary: wordList(), seed: 1, ...options });
}

/** Each quoted example is a real row (by its line) with the prompt's label. */
function assertOnLabel(report: PromptsReport, real: ParsedDataset): void {
  for (const prompt of report.prompts) {
    for (const example of prompt.examples) {
      const row = real.rows[example.line - 1];
      assert.equal(row.text, example.text);
      assert.equal(row.label, prompt.label, `prompt for ${prompt.label} quotes "${example.text}" of ${row.label}`);
    }
  }
}

test('a label the synthetic rows lack ranks first: all its real rows uncovered, five of them quoted, the measured style as rules', async () => {
  const report = await prompts();
  assert.equal(report.groupedBy, 'label');
  const [first] = report.prompts;
  assert.equal(first.label, 'pin_change', JSON.stringify(report.prompts.map((p) => [p.label, p.uncoveredRealRows])));
  assert.equal(first.kind, 'label');
  assert.equal(first.uncoveredRealRows, 40);
  assert.equal(first.realRows, 40);
  assert.equal(first.syntheticRows, 0);
  assert.equal(first.examples.length, 5);
  assert.equal(new Set(first.examples.map((e) => e.text)).size, 5, 'distinct texts');
  assert.ok(first.examples.every((e) => /pin/.test(e.text) && e.file === 'real.jsonl' && e.line > 160), JSON.stringify(first.examples));
  assert.ok(first.terms.includes('pin'), first.terms.join(', '));
  assert.equal(first.styleOf, 'section');
  for (const example of first.examples) assert.ok(first.text.includes(`- ${example.text}\n`), example.text);
  assert.match(first.text, /intent "pin_change"; write nothing for any other intent/);
  assert.match(first.text, /^40 real messages with the intent "pin_change" are unlike any message written so far/m);
  assert.match(first.text, /^5 of them\. /m);
  assert.deepEqual(first.styleRules, first.styleRules.filter((rule) => first.text.includes(`- ${rule}`)));
  assert.match(first.text, /Casing: all lower-case/);
  assert.match(first.text, /Ending: no final \. ! or \?/);
  assert.match(first.text, /^Output only the messages/m);
  assertOnLabel(report, dataset(LABELS, 40, 1, (text) => text));
});

test('prompts are ranked by uncovered real rows; top cuts the list; the same seed gives the same prompts', async () => {
  const report = await prompts();
  const counts = report.prompts.map((p) => p.uncoveredRealRows);
  assert.deepEqual(counts, [...counts].sort((a, b) => b - a));
  assert.ok(counts.every((count) => count > 0));
  assert.equal(report.prompts.length, report.groupsWithUncovered);
  assert.equal(report.uncoveredRows, counts.reduce((a, b) => a + b, 0));
  assert.equal(report.judgedRows, 200);
  assert.ok(report.close.threshold > 0 && report.close.threshold < 1 && report.close.quantile === 0.05);
  const top = await prompts({ top: 1 });
  assert.deepEqual(top.prompts, report.prompts.slice(0, 1));
  assert.equal(top.groupsWithUncovered, report.groupsWithUncovered);
  assert.deepEqual(await prompts(), report);
});

test('no prompt ever quotes a row of another label (random labels on random rows, several seeds)', async () => {
  const topics = Object.keys(TOPICS);
  for (let seed = 1; seed <= 8; seed++) {
    const random = seededRandom(seed);
    const labels = Array.from({ length: 2 + Math.floor(random() * 6) }, (_, i) => `label_${i}`);
    // Texts of every topic under every label, so nearest rows often carry another label.
    const mixed = (count: number, style: (text: string) => string, keep: readonly string[]): ParsedDataset => {
      const base = dataset(topics, Math.ceil(count / topics.length), seed * 7 + count, style);
      const rows = base.rows.map((row) => ({ ...row, label: labels[Math.floor(random() * labels.length)] })).filter((row) => keep.includes(row.label)).map((row, i) => ({ ...row, line: i + 1 }));
      return { ...base, rows };
    };
    const real = mixed(120 + Math.floor(random() * 200), (text) => text, labels);
    const synthetic = mixed(100 + Math.floor(random() * 200), sentence, labels.filter((_, i) => i === 0 || random() < 0.6));
    const report = await generationPrompts(input(real, synthetic), { dictionary: wordList(), seed, examples: 1 + Math.floor(random() * 9) });
    assert.equal(report.groupedBy, 'label');
    assertOnLabel(report, real);
    for (const label of labels) {
      const one = await promptForLabel(input(real, synthetic), label, { dictionary: wordList(), seed });
      if (!real.rows.some((row) => row.label === label)) continue;
      assert.equal(one?.label, label);
      assertOnLabel({ ...report, prompts: one ? [one] : [] }, real);
    }
  }
});

test('promptForLabel: only that label, quoting its covered rows when none is uncovered', async () => {
  const report = await prompts();
  const weather = report.prompts.find((p) => p.label === 'weather');
  const only = await prompts({ label: 'weather' });
  assert.deepEqual(only.prompts.map((p) => p.label), ['weather']);
  const real = dataset(LABELS, 40, 1, (text) => text);
  const one = await promptForLabel(input(real, real), 'weather', { dictionary: wordList(), seed: 1 });
  assert.ok(one);
  assert.equal(one.uncoveredRealRows, 0, 'the real rows themselves cover every real row');
  assert.ok(one.examples.length === 5 && one.examples.every((e) => real.rows[e.line - 1].label === 'weather'));
  assert.match(one.text, /already covered/);
  if (weather) assert.equal(only.prompts[0].uncoveredRealRows, weather.uncoveredRealRows);
  assert.equal(await promptForLabel(input(real, real), 'no_such_label', { dictionary: wordList(), seed: 1 }), undefined);
});

test('without labels on both sides: one prompt per real topic cluster, and the document says so', async () => {
  const real = dataset(LABELS, 40, 1, (text) => text);
  const synthetic = dataset(['card_arrival', 'weather', 'music', 'alarm'], 60, 2, sentence);
  const unlabelled = { ...synthetic, labelField: undefined, rows: synthetic.rows.map(({ label: _label, ...row }) => row) };
  const report = await generationPrompts(input(real, unlabelled), { dictionary: wordList(), seed: 1 });
  assert.equal(report.groupedBy, 'cluster');
  assert.ok(report.prompts.length > 0);
  assert.ok(report.prompts.every((p) => p.kind === 'cluster' && Number.isInteger(p.cluster) && p.syntheticRows === undefined));
  const [first] = report.prompts;
  assert.ok(first.examples.every((e) => /pin/.test(e.text)), JSON.stringify(first.examples));
  assert.equal(first.label, 'pin_change', 'the real rows\' most common label names the cluster');
  assert.doesNotMatch(first.text, /intent/);
  assert.match(first.text, /same topic as the real messages below/);
  const markdown = formatPromptsMarkdown(report);
  assert.match(markdown, /one prompt per topic cluster of the real rows/);
  assert.match(markdown, /## 1\. Topic “[^”]+” \(mostly pin\\_change\)\n\n23 of 23 real rows of this topic have no close synthetic row; 5 of them:/);
});

test('Markdown: one section per prompt with its rank figure, the prompt fenced, dataset text escaped', async () => {
  const report = await prompts();
  const markdown = formatPromptsMarkdown(report);
  assert.match(markdown, /^# Generation prompts for synthetic\.jsonl/);
  assert.equal(markdown.match(/^## \d+\. /gm)?.length, report.prompts.length);
  assert.equal(markdown.match(/^```text$/gm)?.length, report.prompts.length);
  assert.match(markdown, /## 1\. Label pin\\_change\n\n40 of 40 real rows of `pin_change` have no close synthetic row \(no synthetic row has this label\); 5 of them:/);
  assert.match(markdown, /\(real\.jsonl:\d+\)/);
  assert.match(markdown, /none is within cosine 0\.\d\d on the hashed embedding/);
  const hostile = formatPromptsMarkdown({ ...report, prompts: [{ ...report.prompts[0], text: 'a ``` b' }] });
  assert.match(hostile, /^````text\na ``` b\n````$/m);
});

test('nothing uncovered: no prompts, and the document says so', async () => {
  const real = dataset(LABELS, 30, 1, (text) => text);
  const report = await generationPrompts(input(real, real), { dictionary: wordList(), seed: 1 });
  assert.deepEqual(report.prompts, []);
  assert.equal(report.uncoveredRows, 0);
  assert.match(formatPromptsMarkdown(report), /nothing to steer/);
});
