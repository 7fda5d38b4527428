// `synthgap prompts` on a synthetic file with some labels removed: the top prompts must be for exactly those
// labels, each quoting only rows of its label. Runs the built CLI (npm run build first) on files you give:
//   node --import tsx bench/prompts.ts REAL.jsonl SYNTHETIC.jsonl [LABELS_DROPPED=10] [SEED=1]
// e.g. CLINC150's real_train.jsonl against its gpt-3.5 paraphrases (see docs/ARCHITECTURE.md, prompts).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { PromptsReport } from '../src/core/prompts/prompts';
import { seededRandom, shuffleInPlace } from '../src/core/stats/random';

const [realFile, syntheticFile, droppedArg = '10', seedArg = '1'] = process.argv.slice(2);
if (!realFile || !syntheticFile) throw new Error('usage: bench/prompts.ts REAL.jsonl SYNTHETIC.jsonl [LABELS_DROPPED] [SEED]');
const CLI = resolve(__dirname, '../dist/cli.js');
const rows = (file: string) => readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as { text: string; label: string });

const real = rows(realFile);
const synthetic = rows(syntheticFile);
const labels = [...new Set(synthetic.map((row) => row.label))].sort();
const dropped = new Set(shuffleInPlace(labels, seededRandom(Number(seedArg))).slice(0, Number(droppedArg)));
const dir = mkdtempSync(join(tmpdir(), 'synthgap-bench-prompts-'));
const partial = join(dir, 'partial.jsonl');
writeFileSync(partial, synthetic.filter((row) => !dropped.has(row.label)).map((row) => JSON.stringify(row)).join('\n') + '\n');

const started = performance.now();
const run = spawnSync(process.execPath, [CLI, 'prompts', partial, '--reference', realFile, '--format', 'json', '--top', String(dropped.size + 5), '--quiet'], { encoding: 'utf8', maxBuffer: 1 << 28 });
const seconds = (performance.now() - started) / 1000;
if (run.status !== 0) throw new Error(run.stderr);
const report = JSON.parse(run.stdout) as PromptsReport;

const labelOf = new Map<string, Set<string>>();
for (const row of real) (labelOf.get(row.text) ?? labelOf.set(row.text, new Set()).get(row.text))?.add(row.label);
const top = report.prompts.slice(0, dropped.size);
const offLabel = report.prompts.flatMap((p) => p.examples.filter((e) => !labelOf.get(e.text)?.has(p.label ?? '')).map((e) => `${p.label}: ${e.text}`));
console.log(`dropped ${dropped.size} labels: ${[...dropped].sort().join(', ')}`);
console.log(`${real.length} real rows, ${synthetic.length - readFileSync(partial, 'utf8').split('\n').filter(Boolean).length} synthetic rows removed; ${seconds.toFixed(1)} s`);
console.log(`close: cosine ≥ ${report.close.threshold.toFixed(3)} (quantile ${report.close.quantile}, ${report.close.sampleRows} rows a side); ${report.uncoveredRows} of ${report.judgedRows} real rows uncovered; ${report.groupsWithUncovered} labels with some`);
report.prompts.forEach((p, i) => console.log(`${String(i + 1).padStart(2)}. ${dropped.has(p.label ?? '') ? '*' : ' '} ${p.label}: ${p.uncoveredRealRows} of ${p.realRows} uncovered (${p.syntheticRows} synthetic)`));
console.log(`top ${dropped.size} are exactly the dropped labels: ${top.every((p) => dropped.has(p.label ?? '')) && top.length === dropped.size}`);
console.log(`examples not of their prompt's label: ${offLabel.length}${offLabel.length > 0 ? `\n  ${offLabel.slice(0, 5).join('\n  ')}` : ''}`);
