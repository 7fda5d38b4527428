// node --import tsx bench/roughenAccuracy.ts [DATA_DIR] [--tag NAME]: does roughen help a model trained on the
// synthetic rows, and does it never hurt? Trains a classifier (bench/accuracy.py: TF-IDF + linear SVM, two
// featurizations) on each training set and tests it on real held-out rows:
//   clinc150 synthetic  synthetic_gpt35 as written, roughened toward real_train, with its case and sentence marks
//             stripped (what removing that style alone gains), and real_train itself.
//   clinc150 formalized  half of real_train written in sentence case with a final stop (a pure style gap, as an
//             LLM asked to paraphrase writes), roughened toward the other half: roughen should close most of it.
//   banking77 real_train as written and roughened toward itself: roughen must not lower accuracy where style is
//             no gap (it keeps its casing); likewise clinc150's real_train roughened toward itself.
// Roughening runs as `synthgap roughen FILE --reference REAL` does (the rows calibrated as a group), with two
// seeds; "row by row" roughens each row as if it were clean, as the editor's quick fix may. DATA_DIR holds clinc150/ and banking77/ as data/ does (default SYNTHGAP_BENCH_DATA, else data/).
// Needs /usr/bin/python3 with scikit-learn. Writes the training sets, results and 30 sample rows per set to
// $TMPDIR/synthgap-roughen-bench/.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readDataset } from '../src/core/dataset/readDataset';
import { learnNoiseProfile } from '../src/core/roughen/profile';
import { roughenText } from '../src/core/roughen/roughen';
import { namesIn } from '../src/core/roughen/typoVocabulary';
import { sampleIndexes, seededRandom } from '../src/core/stats/random';
import { loadDictionary } from '../src/node/dictionary';
import { BENCH_DATA } from './data';

interface Rows { texts: string[]; labels: string[] }
interface Task { name: string; test: Rows; train: Record<string, Rows>; base: string }
interface Result { task: string; model: string; variant: string; accuracy: number; delta: number; low: number; high: number }

const args = process.argv.slice(2);
const tagAt = args.indexOf('--tag');
const tag = tagAt >= 0 ? args.splice(tagAt, 2)[1] : 'current';
// --samples: only roughen and write the sample rows (seconds instead of minutes), to look at the output.
const samplesAt = args.indexOf('--samples');
const samplesOnly = samplesAt >= 0 && args.splice(samplesAt, 1).length > 0;
const dataDir = resolve(args[0] ?? BENCH_DATA);
const outDir = join(tmpdir(), 'synthgap-roughen-bench');
mkdirSync(outDir, { recursive: true });
/** Two seeds: one roughening draw can move accuracy by a few tenths of a point by chance. */
const SEEDS = [42, 7];
/** Rows shown before and after, per set: enough to see each kind of change a few times. */
const SAMPLES = 30;
const dictionary = loadDictionary();

async function read(file: string): Promise<Rows> {
  const data = await readDataset(readFileSync(join(dataDir, file), 'utf8'), { fileName: file, labelField: file.endsWith('.csv') ? 'category' : 'label' });
  return { texts: data.rows.map((row) => row.text), labels: data.rows.map((row) => row.label ?? '') };
}

/** The rows roughened toward `reference` as the CLI does it: profile of the reference, rows calibrated as a group. */
function roughen(rows: Rows, reference: Rows, seed: number, calibrated = true): Rows {
  const profile = learnNoiseProfile(reference.texts, dictionary, { labels: reference.labels, seed, knownNames: namesIn(rows.texts) });
  const dataset = calibrated ? { dataset: learnNoiseProfile(rows.texts, dictionary, { seed, maxDonors: 0 }) } : {};
  const texts = rows.texts.map((text, i) => roughenText(text, profile, { seed, dictionary, ...dataset, label: rows.labels[i] }).text);
  return { texts, labels: rows.labels };
}

/** A crowd row written the way an LLM writes it: sentence case, `I`, a final `?` or `.`; the words stay. */
function formalize(text: string): string {
  let out = text.trim().replace(/\bi\b/g, 'I');
  out = out.charAt(0).toUpperCase() + out.slice(1);
  if (/[.!?]$/.test(out)) return out;
  const question = /^(what|where|when|who|why|how|which|can|could|would|will|is|are|do|does|did|should|may|am|was|were|have|has)\b/i.test(out);
  return out + (question ? '?' : '.');
}

/** Rows `i` with `i % 2 === half`: two halves of a file with every label in both. */
function half(rows: Rows, which: number): Rows {
  const keep = (_: unknown, i: number) => i % 2 === which;
  return { texts: rows.texts.filter(keep), labels: rows.labels.filter(keep) };
}

function samples(name: string, before: Rows, after: Rows): string {
  const picks = sampleIndexes(before.texts.length, SAMPLES, seededRandom(3));
  const lines = Array.from(picks, (i) => `[${before.labels[i]}]\n  - ${before.texts[i]}\n  + ${after.texts[i]}`);
  return `## ${name}\n${lines.join('\n')}\n`;
}

async function main(): Promise<void> {
  const clincReal = await read('clinc150/real_train.jsonl');
  const clincTest = await read('clinc150/real_test.jsonl');
  const clincSynthetic = await read('clinc150/synthetic_gpt35.jsonl');
  const bankReal = await read('banking77/real_train.csv');
  const bankTest = await read('banking77/real_test.csv');
  // The synthetic rows lower-cased and without sentence marks: how far removing the style alone can go (a
  // ceiling for casing and punctuation, the bulk of this set's style gap; typos and wording not included).
  const stripped = { texts: clincSynthetic.texts.map((text) => text.toLowerCase().replace(/[.,;:!?](?=\s|$)/g, '').trim()), labels: clincSynthetic.labels };
  const clinc: Task = { name: 'clinc150 synthetic', test: clincTest, train: { synthetic: clincSynthetic, real: clincReal, 'style removed': stripped }, base: 'synthetic' };
  const reference = half(clincReal, 0);
  const own = half(clincReal, 1);
  const formal = { texts: own.texts.map(formalize), labels: own.labels };
  const clincFormal: Task = { name: 'clinc150 formalized', test: clincTest, train: { synthetic: formal, real: own }, base: 'synthetic' };
  const clincSelf: Task = { name: 'clinc150 real', test: clincTest, train: { real: clincReal }, base: 'real' };
  const bank: Task = { name: 'banking77 real', test: bankTest, train: { real: bankReal }, base: 'real' };
  let sampleText = '';
  for (const seed of SEEDS) {
    const started = Date.now();
    clinc.train[`roughened s${seed}`] = roughen(clincSynthetic, clincReal, seed);
    clincFormal.train[`roughened s${seed}`] = roughen(formal, reference, seed);
    clincSelf.train[`roughened s${seed}`] = roughen(clincReal, clincReal, seed);
    bank.train[`roughened s${seed}`] = roughen(bankReal, bankReal, seed);
    // Row by row with no group calibration, as the editor's "Roughen this example" does: every row taken as clean.
    clincSelf.train[`row by row s${seed}`] = roughen(clincReal, clincReal, seed, false);
    bank.train[`row by row s${seed}`] = roughen(bankReal, bankReal, seed, false);
    console.error(`roughened the three sets with seed ${seed} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  sampleText += samples('clinc150 synthetic', clincSynthetic, clinc.train['roughened s42']);
  sampleText += samples('clinc150 formalized', formal, clincFormal.train['roughened s42']);
  sampleText += samples('banking77 real, row by row', bankReal, bank.train['row by row s42']);
  writeFileSync(join(outDir, `samples-${tag}.md`), sampleText);
  if (samplesOnly) return console.log(`Samples: ${join(outDir, `samples-${tag}.md`)}`);
  const tasksFile = join(outDir, `tasks-${tag}.json`);
  writeFileSync(tasksFile, JSON.stringify([clinc, clincFormal, clincSelf, bank]));
  const run = spawnSync('/usr/bin/python3', [join(__dirname, 'accuracy.py'), tasksFile], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (run.status !== 0) throw new Error(`accuracy.py failed (exit ${run.status})`);
  const results = run.stdout.trim().split('\n').map((line) => JSON.parse(line) as Result);
  writeFileSync(join(outDir, `results-${tag}.json`), JSON.stringify(results, null, 1));
  console.log(table(results));
  console.log(`\nSamples: ${join(outDir, `samples-${tag}.md`)}`);
}

const points = (value: number) => (value * 100).toFixed(1);

/** The tasks that train on synthetic rows, where a gap to real rows exists to be closed. */
const GAP_TASKS = new Set(['clinc150 synthetic', 'clinc150 formalized']);

/** One line per (task, model, variant); for roughened synthetic rows also the share of the synthetic→real gap closed. */
function table(results: readonly Result[]): string {
  const header = ['task', 'model', 'train on', 'accuracy', 'Δ points (95%)', 'gap closed'];
  const rows = results.map((r) => {
    const real = results.find((o) => o.task === r.task && o.model === r.model && o.variant === 'real');
    // Below a tenth of a point there is no gap to close (the lower-casing model does not see a style gap).
    const gap = real && r.variant.startsWith('roughened') && GAP_TASKS.has(r.task) && Math.abs(real.delta) >= 0.001 ? r.delta / real.delta : undefined;
    return [r.task, r.model, r.variant, points(r.accuracy), `${r.delta >= 0 ? '+' : ''}${points(r.delta)} (${points(r.low)} to ${points(r.high)})`, gap === undefined ? '' : `${Math.round(gap * 100)}%`];
  });
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i].length)));
  return [header, ...rows].map((row) => row.map((cell, i) => cell.padEnd(widths[i])).join('  ')).join('\n');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
