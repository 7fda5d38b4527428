// Runs node's test runner over every *.test.ts below the given folders, with tsx for TypeScript.
// Node 20's runner does not expand globs itself, hence this small script.
//   node scripts/runTests.mjs [--one-process] <folder>...
// --one-process loads every file into one process instead of one process a file. The unit tier runs this way:
// its tests take milliseconds, and starting node and tsx and compiling the same sources again for each of its
// ~115 files cost more than the tests themselves (137 s against 53 s on a loaded 2-core machine). Its files
// then share a process, so a unit test must not leave global state behind (as STYLE asks of pure tests anyway).
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { spawnSync } from 'node:child_process';

function testFiles(dir) {
  return readdirSync(dir).sort().flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return testFiles(path);
    return name.endsWith('.test.ts') ? [path] : [];
  });
}

const args = process.argv.slice(2);
const oneProcess = args.includes('--one-process');
const dirs = args.filter((arg) => arg !== '--one-process');
const files = dirs.flatMap(testFiles);
if (files.length === 0) {
  console.error(`No test files under ${dirs.join(', ')}`);
  process.exit(1);
}
let scratch;
let targets = files;
if (oneProcess) {
  scratch = mkdtempSync(join(tmpdir(), 'synthgap-tests-'));
  const entry = join(scratch, 'all.test.mjs');
  writeFileSync(entry, files.map((file) => `await import(${JSON.stringify(pathToFileURL(resolve(file)).href)});\n`).join(''));
  targets = [entry];
}
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...targets], { stdio: 'inherit' });
if (scratch) rmSync(scratch, { recursive: true, force: true });
process.exit(result.status ?? 1);
