import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { ESLint } from 'eslint';

// The import rules of eslint.config.mjs, checked on code a change could add: each folder's allowed and refused
// imports of core. A later block in the config that replaces a folder's rules, or a pattern that stops matching,
// fails here rather than letting a deep import through unnoticed.

const ROOT = resolve(__dirname, '../../..');
const eslint = new ESLint({ cwd: ROOT });

/** The import paths ESLint refuses in `code`, as if it were the file at `path`. */
async function refused(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(ROOT, path) });
  return result.messages
    .filter((message) => /no-restricted-imports/.test(message.ruleId ?? ''))
    .map((message) => /'([^']+)'/.exec(message.message)?.[1] ?? message.message);
}

const lines = (...specs: string[]) => specs.map((spec, i) => `import { a${i} } from '${spec}';\nexport const b${i} = a${i};\n`).join('');

test('the CLI, the server, src/node and the embedders import core only through src/core/index.ts', async () => {
  for (const folder of ['src/cli', 'src/server', 'src/node', 'src/embedders']) {
    assert.deepEqual(await refused(`${folder}/check.ts`, lines('../core', '../core/gap/analyze', '../core/present', '../core/index')), [
      '../core/gap/analyze',
      '../core/present',
      '../core/index',
    ], folder);
  }
});

test('the client and the panel import core only through core/present', async () => {
  assert.deepEqual(await refused('src/extension/status.ts', lines('../core/present', '../core', '../core/exporters/format')), ['../core', '../core/exporters/format']);
  assert.deepEqual(await refused('webview-ui/src/format.ts', lines('../../src/core/present', '../../src/core', '../../src/core/exporters/format')), [
    '../../src/core',
    '../../src/core/exporters/format',
  ]);
});

test('src/shared takes types from core and values from core/present only', async () => {
  const code = [
    "import type { GapReport } from '../core';",
    "import { analyze } from '../core';",
    "import { formatCount } from '../core/present';",
    "import type { Verdict } from '../core/report/types';",
    'export type T = GapReport | Verdict;',
    'export const v = [analyze, formatCount];',
  ].join('\n');
  assert.deepEqual(await refused('src/shared/panel.ts', code), ['../core', '../core/report/types']);
});

test('core modules import each other directly, never an entry', async () => {
  assert.deepEqual(await refused('src/core/gap/effects.ts', lines('../stats/auc', '../index', '../present', './detector/train')), ['../index', '../present']);
  assert.deepEqual(await refused('src/core/index.ts', lines('./present', './gap/analyze')), []);
});

test('tests and benchmarks may import any core module', async () => {
  assert.deepEqual(await refused('test/unit/gap/effects.test.ts', lines('../../../src/core/gap/effects')), []);
  assert.deepEqual(await refused('bench/size.ts', lines('../src/core/gap/detector/train')), []);
});

test('core uses no global that reaches the world or one host', async () => {
  const code = 'export function f(document: string): unknown[] {\n  return [document.length, process.env.HOME, Buffer.from(document), console, Date.now()];\n}\n';
  const [result] = await eslint.lintText(code, { filePath: resolve(ROOT, 'src/core/gap/effects.ts') });
  const globals = result.messages.filter((message) => message.ruleId === 'no-restricted-globals').map((message) => /'([^']+)'/.exec(message.message)?.[1]);
  // `document` here is a parameter, not the browser's global; Date stays allowed: core times its stages for the debug log.
  assert.deepEqual(globals, ['process', 'Buffer', 'console']);
});

test('core draws random numbers only from a seed', async () => {
  const [result] = await eslint.lintText('export const r = () => Math.random();\n', { filePath: resolve(ROOT, 'src/core/stats/random.ts') });
  assert.deepEqual(result.messages.map((message) => message.ruleId), ['no-restricted-properties']);
});
