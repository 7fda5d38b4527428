// Fine-tuning data (issue 12): `synthgap check SYN --reference REAL --format json` through the built CLI on
// generated Alpaca rows and OpenAI chat files (test/support/finetuneData.ts), 2,000 rows a side, against the plain
// scikit-learn baseline (bench/baseline.py, unchanged) on each row's joined text. Prints per data set the combined
// AUC, each field's AUC (n/a while the report has no `fields`), the rows reported as errors, and the share of
// Alpaca rows whose input is empty (no Python needed for that one). The sides are built from the full CLINC150
// in data/ (or SYNTHGAP_BENCH_DATA, see bench/data.ts) when present, else from test/fixtures/clinc-subset.
//   npm run build && node --import tsx bench/finetune.ts        (npm run bench runs it after the others)
// SYNTHGAP_BENCH_FINETUNE_ROWS sets the rows a side; SYNTHGAP_BENCH_BASELINE=0 skips the baseline.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { alpacaSides, chatSides, jsonlTexts, type Sides, type SourceTexts } from '../test/support/finetuneData';
import { BENCH_DATA } from './data';
import { sklearnBaseline } from './sklearnBaseline';

const ROOT = resolve(__dirname, '..');
const DATA = BENCH_DATA;
const CLI = join(ROOT, 'dist/cli.js');
/** The size the tried-out file had on each side (about 3,000 rows), rounded down to keep the bench short. */
const PER_SIDE = Number(process.env.SYNTHGAP_BENCH_FINETUNE_ROWS ?? 2000);
/** Fixed so every run measures the same rows. */
const SEED = 12;

interface DataSet {
  readonly name: string;
  readonly sides: Sides;
}

/** The part of `check --format json` this bench reads; `fields` arrives with issue 12's per-field analysis. */
interface CheckJson {
  readonly reference: { readonly errors: readonly unknown[] };
  readonly datasets: readonly {
    readonly summary: { readonly auc: number; readonly aucLow: number; readonly aucHigh: number; readonly verdict: string; readonly rows: number };
    readonly errors: readonly unknown[];
    readonly fields?: readonly { readonly field: string; readonly summary: { readonly auc: number } }[];
  }[];
}

function source(): { texts: SourceTexts; from: string } {
  const clinc = join(DATA, 'clinc150');
  if (existsSync(join(clinc, 'real_train.jsonl')) && existsSync(join(clinc, 'synthetic_gpt35.jsonl'))) {
    return { texts: { real: jsonlTexts(readFileSync(join(clinc, 'real_train.jsonl'), 'utf8')), synthetic: jsonlTexts(readFileSync(join(clinc, 'synthetic_gpt35.jsonl'), 'utf8')) }, from: clinc };
  }
  const subset = join(ROOT, 'test/fixtures/clinc-subset');
  return { texts: { real: jsonlTexts(readFileSync(join(subset, 'real.jsonl'), 'utf8')), synthetic: jsonlTexts(readFileSync(join(subset, 'synthetic.jsonl'), 'utf8')) }, from: `${subset} (no development data at ${DATA})` };
}

function rows(jsonl: string): Record<string, unknown>[] {
  return jsonl.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** What the baseline reads of a row: Alpaca's instruction, input and output, or every turn of a chat, joined by "\n". */
function joinedText(row: Record<string, unknown>): string {
  if (Array.isArray(row.messages)) return (row.messages as { content: string }[]).map((turn) => turn.content).join('\n');
  return [row.instruction, row.input, row.output].map(String).join('\n');
}

function check(set: DataSet, dir: string): { report?: CheckJson; seconds: number; failure?: string } {
  const real = join(dir, `${set.name}.real.jsonl`);
  const synthetic = join(dir, `${set.name}.synthetic.jsonl`);
  const out = join(dir, `${set.name}.report.json`);
  writeFileSync(real, set.sides.real);
  writeFileSync(synthetic, set.sides.synthetic);
  const start = performance.now();
  const run = spawnSync(process.execPath, [CLI, 'check', synthetic, '--reference', real, '--format', 'json', '--out', out, '--quiet'], { cwd: dir, encoding: 'utf8' });
  const seconds = (performance.now() - start) / 1000;
  // Exit 1 is only --fail-above-auc, which this bench does not pass; 2 is unusable input.
  if (run.status !== 0 || !existsSync(out)) return { seconds, failure: `exit ${run.status}: ${run.stderr.trim().split('\n').pop() ?? ''}` };
  return { report: JSON.parse(readFileSync(out, 'utf8')) as CheckJson, seconds };
}

function emptyInputShare(jsonl: string): string {
  const all = rows(jsonl);
  return `${((100 * all.filter((row) => row.input === '').length) / all.length).toFixed(1)}%`;
}

function main(): void {
  if (!existsSync(CLI)) {
    console.log(`finetune bench skipped: ${CLI} is missing (npm run build)`);
    return;
  }
  const { texts, from } = source();
  const sets: DataSet[] = [
    { name: 'alpaca', sides: alpacaSides(PER_SIDE, SEED, texts) },
    { name: 'chat', sides: chatSides(PER_SIDE, SEED, { source: texts, format: 'openai' }) },
  ];
  console.log(`finetune bench: ${PER_SIDE} rows a side generated from ${from}`);
  const base = process.env.SYNTHGAP_BENCH_BASELINE === '0'
    ? new Map<string, { auc: number; seconds: number }>()
    : sklearnBaseline(sets.map(({ name, sides }) => ({ name, real: rows(sides.real).map(joinedText), synthetic: rows(sides.synthetic).map(joinedText) })));
  const dir = mkdtempSync(join(tmpdir(), 'synthgap-finetune-'));
  const header = ['data set', 'combined AUC [95%]', 'verdict', 'fields (AUC)', 'errors', 'ref errors', 'baseline (joined)', 's ours', 's base'];
  const table: string[][] = [];
  for (const set of sets) {
    const { report, seconds, failure } = check(set, dir);
    const b = base.get(set.name);
    const baseCells = [b ? b.auc.toFixed(3) : '-', seconds.toFixed(1), b ? b.seconds.toFixed(1) : '-'];
    if (!report) {
      table.push([set.name, `check failed (${failure})`, '-', '-', '-', '-', ...baseCells]);
      continue;
    }
    const d = report.datasets[0];
    const fields = d.fields?.length ? d.fields.map((field) => `${field.field} ${field.summary.auc.toFixed(3)}`).join(', ') : 'n/a';
    table.push([set.name, `${d.summary.auc.toFixed(3)} [${d.summary.aucLow.toFixed(3)}–${d.summary.aucHigh.toFixed(3)}]`, d.summary.verdict, fields, String(d.errors.length), String(report.reference.errors.length), ...baseCells]);
  }
  rmSync(dir, { recursive: true, force: true });
  const widths = header.map((title, i) => Math.max(title.length, ...table.map((row) => row[i].length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i === 0 || i === 3 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  console.log(line(header));
  for (const row of table) console.log(line(row));
  const alpaca = sets[0].sides;
  console.log(`alpaca rows with an empty input: real ${emptyInputShare(alpaca.real)}, synthetic ${emptyInputShare(alpaca.synthetic)} (none of them may be an error)`);
}

main();
