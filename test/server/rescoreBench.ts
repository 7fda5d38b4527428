// Re-score latency after an edit in a 100K-row file, through the built server (not a test: run it by hand).
//   node scripts/build.mjs && node --import tsx test/server/rescoreBench.ts
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver/node';
import { LspClient } from './lspClient';

const ROWS = 100_000;
const EDITS = 20;

async function main(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'synthgap-bench-'));
  const examples = resolve(__dirname, '../../examples');
  copyFileSync(join(examples, 'real.jsonl'), join(folder, 'real.jsonl'));
  const lines = readFileSync(join(examples, 'synthetic.jsonl'), 'utf8').trim().split('\n');
  writeFileSync(join(folder, 'big.jsonl'), `${Array.from({ length: ROWS }, (_, i) => lines[i % lines.length]).join('\n')}\n`);
  writeFileSync(join(folder, 'synthgap.json'), '{"reference":"real.jsonl"}');
  const started = Date.now();
  const client = await LspClient.start({ folder, settings: { debounceMs: 0 } });
  const uri = pathToFileURL(join(folder, 'big.jsonl')).href;
  client.open(join(folder, 'big.jsonl'));
  await client.waitForStatus((s) => s.state === 'ready' && s.files.some((f) => f.uri === uri), 600_000);
  let diagnostics: Diagnostic[] = await client.diagnostics(uri);
  process.stderr.write(`${ROWS} rows: first diagnostics after ${Date.now() - started} ms; progress: ${client.progress.map((p) => p.percentage ?? p.kind).join(' ')}\n`);
  const roundTrips: number[] = [];
  for (let k = 0; k < EDITS; k++) {
    const target = diagnostics[k % diagnostics.length];
    const at = target.range.start;
    const t0 = Date.now();
    // A new word typed into a flagged row: its text is new, so the model scores it.
    client.edit(uri, [{ range: { start: at, end: at }, newText: `w${k} ` }]);
    diagnostics = await client.diagnostics(uri);
    roundTrips.push(Date.now() - t0);
  }
  roundTrips.sort((a, b) => a - b);
  process.stderr.write(`edit → diagnostics round trip: median ${roundTrips[EDITS >> 1]} ms, max ${roundTrips[EDITS - 1]} ms\n`);
  process.stderr.write(`${client.logs.filter((line) => /re-scored|analyzed/.test(line)).join('\n')}\n`);
  await client.stop();
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exitCode = 1;
});
