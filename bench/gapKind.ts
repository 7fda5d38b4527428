// node --import tsx bench/gapKind.ts (also run by npm run bench): the kind of gap (src/core/gap/gapKind.ts) on
// cases of the public data whose answer is known, with the figures behind each. Reads data/ (or SYNTHGAP_BENCH_DATA,
// see bench/data.ts); skips with a message where it is absent. SYNTHGAP_BENCH_ONLY=<text> runs the cases whose name has it.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ParsedDataset } from '../src/core/dataset/types';
import { analyze } from '../src/core/gap/analyze';
import type { GapKind } from '../src/core/report/types';
import { seededRandom, shuffleInPlace } from '../src/core/stats/random';
import { loadDictionary } from '../src/node/dictionary';
import { readDatasetFile } from '../src/node/readDatasetFile';
import { BENCH_DATA } from './data';

const DATA = BENCH_DATA;
/** Rows per side: the size of a typical check, a few seconds a case. SYNTHGAP_BENCH_ROWS sets another. */
const PER_SIDE = Number(process.env.SYNTHGAP_BENCH_ROWS ?? 3000);
/** Seeds the splits; SYNTHGAP_BENCH_SEED sets another, to see that the kinds hold beyond one draw. */
const SEED = Number(process.env.SYNTHGAP_BENCH_SEED ?? 0);

interface Row {
  readonly text: string;
  readonly label: string;
}

interface Case {
  readonly name: string;
  /** The kinds that are right here. */
  readonly expect: readonly GapKind[];
  readonly real: readonly Row[];
  readonly synthetic: readonly Row[];
}

async function rows(relative: string): Promise<Row[]> {
  const data = await readDatasetFile(join(DATA, relative));
  return data.rows.map((row) => ({ text: row.text, label: row.label ?? '' }));
}

/** A seeded shuffle of `all`, then consecutive runs of the sizes asked for. */
function split(all: readonly Row[], sizes: readonly number[], seed: number): Row[][] {
  const order = shuffleInPlace(all.slice(), seededRandom(seed));
  let at = 0;
  return sizes.map((size) => order.slice(at, (at += size)));
}

/** The style a roughen would change, removed: lower case, no punctuation but apostrophes. */
const strip = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}\s']/gu, ' ').replace(/\s+/g, ' ').trim();

/** The labels in a seeded order; the first `share` of them are kept. */
function someLabels(all: readonly Row[], share: number, seed: number): Set<string> {
  const labels = shuffleInPlace([...new Set(all.map((row) => row.label))].sort(), seededRandom(seed));
  return new Set(labels.slice(0, Math.round(labels.length * share)));
}

// Formal and LLM register phrases of the lexicon (src/core/lexicons/stockPhrases.json), as a generator writes them.
const OPENERS = ['I am writing to inquire: ', 'Greetings. ', 'I would like to inquire: ', 'I hope this message finds you well. ', 'Kindly help: ', 'I am reaching out because '];
const CLOSERS = [' Your assistance is appreciated.', ' Thank you for your prompt help.', ' Kindly advise.', ' Any assistance would be appreciated.', ' I would greatly appreciate it.', ' Rest assured, I will wait.'];

/** Half the rows (every other one, after a seeded shuffle) get a register opener or closer, in turn. */
function withRegister(all: readonly Row[], seed: number): Row[] {
  const random = seededRandom(seed);
  return all.map((row, i) => {
    if (i % 2 === 1) return row;
    const pick = Math.floor(random() * OPENERS.length);
    const text = random() < 0.5 ? OPENERS[pick] + row.text.charAt(0).toLowerCase() + row.text.slice(1) : row.text + CLOSERS[pick];
    return { ...row, text };
  });
}

async function cases(): Promise<Case[]> {
  const clinc = await rows('clinc150/real_train.jsonl');
  const gpt = await rows('clinc150/synthetic_gpt35.jsonl');
  const banking = await rows('banking77/real_train.csv');
  const [clincA, clincB] = split(clinc, [PER_SIDE, 2 * PER_SIDE], SEED + 1);
  const [gptSample] = split(gpt, [PER_SIDE], SEED + 2);
  const [bankA, bankB] = split(banking, [PER_SIDE, PER_SIDE], SEED + 3);
  const twoThirds = someLabels(clinc, 2 / 3, SEED + 4);
  const half = someLabels(clinc, 1 / 2, SEED + 5);
  const [gptMore] = split(gpt, [2 * PER_SIDE], SEED + 6);
  const bankLabels = someLabels(banking, 2 / 3, SEED + 7);
  const [bankC, bankD] = split(banking, [PER_SIDE, 2 * PER_SIDE], SEED + 8);
  return [
    { name: 'a clinc real vs gpt-3.5', expect: ['style'], real: clincA, synthetic: gptSample },
    { name: 'b clinc real vs gpt-3.5, style removed', expect: ['wording', 'coverage'], real: clincA, synthetic: gptSample.map((row) => ({ ...row, text: strip(row.text) })) },
    { name: 'c1 clinc real vs real, 2/3 of labels', expect: ['coverage'], real: clincA, synthetic: clincB.filter((row) => twoThirds.has(row.label)).slice(0, PER_SIDE) },
    { name: 'c2 clinc real vs gpt-3.5 stripped, 1/2 labels', expect: ['coverage'], real: clincA, synthetic: gptMore.filter((row) => half.has(row.label)).map((row) => ({ ...row, text: strip(row.text) })) },
    { name: 'c3 banking real vs real, 2/3 of labels', expect: ['coverage'], real: bankC, synthetic: bankD.filter((row) => bankLabels.has(row.label)).slice(0, PER_SIDE) },
    { name: 'd1 clinc real halves', expect: ['none'], real: clincA, synthetic: clincB.slice(0, PER_SIDE) },
    { name: 'd2 banking real halves', expect: ['none'], real: bankA, synthetic: bankB },
    { name: 'e banking real vs register in half', expect: ['wording'], real: bankA, synthetic: withRegister(bankB, SEED + 9) },
    { name: 'f banking real vs real, style removed', expect: ['style'], real: bankA, synthetic: bankB.map((row) => ({ ...row, text: strip(row.text) })) },
    { name: 'g clinc real vs register in half (its style)', expect: ['wording'], real: clincA, synthetic: withRegister(clincB.slice(0, PER_SIDE), SEED + 10).map((row) => ({ ...row, text: strip(row.text) })) },
  ];
}

function dataset(rows: readonly Row[]): ParsedDataset {
  return {
    format: 'jsonl',
    textField: 'text',
    labelField: 'label',
    rows: rows.map((row, i) => ({ line: i + 1, text: row.text, label: row.label, textRange: { start: 0, end: row.text.length } })),
    errors: [],
  };
}

async function main(): Promise<void> {
  if (!existsSync(join(DATA, 'clinc150/real_train.jsonl'))) {
    console.log(`gap kind bench skipped: no development data at ${DATA} (set SYNTHGAP_BENCH_DATA)`);
    return;
  }
  const only = process.env.SYNTHGAP_BENCH_ONLY;
  const dictionary = loadDictionary();
  const header = ['case'.padEnd(46), 'kind'.padEnd(8), 'ok', '  AUC', 'style', 'share', 'uncov', 'label', 'regR', 'regS', 'rows', '   s'];
  console.log(header.join('  '));
  let wrong = 0;
  for (const c of (await cases()).filter((c) => !only || c.name.includes(only))) {
    const start = performance.now();
    const report = await analyze({ reference: [{ file: 'real', data: dataset(c.real) }], datasets: [{ file: 'synthetic', data: dataset(c.synthetic) }] }, { dictionary });
    const seconds = (performance.now() - start) / 1000;
    const evidence = report.datasets[0].summary.gapKindEvidence;
    const f = evidence?.figures;
    const kind = evidence?.kind ?? '-';
    const ok = c.expect.includes(kind as GapKind);
    if (!ok) wrong++;
    console.log([
      c.name.padEnd(46),
      kind.padEnd(8),
      ok ? 'ok' : 'NO',
      (f?.auc ?? NaN).toFixed(3),
      (f?.styleAuc ?? NaN).toFixed(3),
      (f?.styleShare ?? NaN).toFixed(2).padStart(5),
      (f?.uncoveredShare ?? NaN).toFixed(3),
      (f?.missingLabelShare ?? NaN).toFixed(3),
      (f?.registerReal ?? NaN).toFixed(3),
      (f?.registerSynthetic ?? NaN).toFixed(3),
      `${c.real.length}/${c.synthetic.length}`,
      seconds.toFixed(1).padStart(5),
    ].join('  '));
    if (process.env.SYNTHGAP_BENCH_VERBOSE) console.log(`   ${evidence?.sentence}`);
  }
  console.log(wrong === 0 ? 'every case has the expected kind' : `${wrong} case(s) with another kind than expected`);
}

void main();
