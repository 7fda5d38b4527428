// `synthgap mcp`'s kept analyses, timed as an agent meets them: the built server over stdio, explain_row on one
// line of a 50,000-row file (then on the next line), check on the same files, and explain_row again after the file
// changed. Prints each call's wall time, whether the analysis was reused, the server's memory, and how long the
// server took to answer tools/list, asked every 20 ms, while the first call analyzed.
//   npm run build && node --import tsx bench/mcpCache.ts
import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { resample } from './resample';

/** The size the issue names: about 20 s an analysis on the 2-core development machine. */
const SYNTHETIC_ROWS = 50_000;
/** The reference size of `npm run bench`. */
const REAL_ROWS = 10_000;
/** Between two tools/list requests during the first call: often enough to catch a pause of a tenth of a second. */
const LIST_PAUSE_MS = 20;

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'synthgap-mcp-bench-'));
  writeFileSync(join(dir, 'real.jsonl'), resample('real.jsonl', REAL_ROWS, 1));
  writeFileSync(join(dir, 'synthetic.jsonl'), resample('synthetic.jsonl', SYNTHETIC_ROWS, 2));
  const client = new Client({ name: 'synthgap-bench', version: '1.0.0' });
  const transport = new StdioClientTransport({ command: process.execPath, args: [resolve(__dirname, '../dist/cli.js'), 'mcp', '--root', dir], stderr: 'pipe' });
  await client.connect(transport);
  const memory = () => {
    const status = readFileSync(`/proc/${transport.pid}/status`, 'utf8');
    const field = (name: string) => Math.round(Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1]) / 1024);
    return `RSS ${field('VmRSS')} MB, peak ${field('VmHWM')} MB`;
  };
  const timedCall = async (what: string, name: string, args: Record<string, unknown>, listing = false) => {
    const started = performance.now();
    let finished = false;
    const calling = client.callTool({ name, arguments: { dataset: 'synthetic.jsonl', reference: 'real.jsonl', ...args } }, undefined, { timeout: 600_000 }).finally(() => (finished = true));
    const waits: number[] = [];
    while (listing && !finished) {
      const asked = performance.now();
      await client.listTools();
      waits.push(performance.now() - asked);
      // A pause between requests, so the asking does not take the CPU the analysis is timed on.
      await new Promise((wake) => setTimeout(wake, LIST_PAUSE_MS));
    }
    const result = (await calling) as { isError?: boolean; content: { text: string }[] };
    const seconds = (performance.now() - started) / 1000;
    if (waits.length > 0) {
      waits.sort((a, b) => a - b);
      console.log(`tools/list during the call: ${waits.length} answered, median ${waits[waits.length >> 1].toFixed(0)} ms, longest ${waits[waits.length - 1].toFixed(0)} ms`);
    }
    if (result.isError) throw new Error(result.content[0].text);
    const { analysis } = JSON.parse(result.content[0].text) as { analysis: string };
    console.log(`${what.padEnd(40)} ${seconds.toFixed(2).padStart(7)} s  analysis ${analysis.padEnd(6)}  ${memory()}`);
  };
  try {
    await timedCall('explain_row line 40 (first call)', 'explain_row', { line: 40 }, true);
    await timedCall('explain_row line 40 (again)', 'explain_row', { line: 40 });
    await timedCall('explain_row line 41', 'explain_row', { line: 41 });
    await timedCall('check, same files', 'check', {});
    appendFileSync(join(dir, 'synthetic.jsonl'), readFileSync(join(dir, 'synthetic.jsonl'), 'utf8').split('\n')[0] + '\n');
    await timedCall('explain_row line 40 (file changed)', 'explain_row', { line: 40 });
    await timedCall('explain_row line 40, seed 7', 'explain_row', { line: 40, seed: 7 });
  } finally {
    await client.close();
  }
}

void main();
