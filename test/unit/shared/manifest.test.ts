// The manifest and the shared contract agree: every client command is contributed in the Synthgap category
// and can activate the extension, and everything the .vsix needs is in the allow-list.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLIENT_COMMANDS } from '../../../src/shared/protocol';

const root = join(__dirname, '..', '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

test('every client command is contributed with the Synthgap category, and only those', () => {
  const contributed: { command: string; title: string; category: string }[] = manifest.contributes.commands;
  assert.deepEqual(contributed.map((c) => c.command).sort(), Object.values(CLIENT_COMMANDS).sort());
  for (const command of contributed) {
    assert.equal(command.category, 'Synthgap', command.command);
    assert.match(command.title, /^[A-Z]/, command.command);
  }
});

test('every client command activates the extension, as does a workspace with datasets', () => {
  const events: string[] = manifest.activationEvents;
  for (const id of Object.values(CLIENT_COMMANDS)) assert.ok(events.includes(`onCommand:${id}`), id);
  for (const pattern of ['**/synthgap.json', '**/*.jsonl', '**/*.csv', '**/*.tsv']) assert.ok(events.includes(`workspaceContains:${pattern}`), pattern);
});

test('menus only name contributed commands', () => {
  const ids = new Set(Object.values(CLIENT_COMMANDS) as string[]);
  for (const [menu, items] of Object.entries(manifest.contributes.menus as Record<string, { command: string }[]>)) {
    for (const item of items) assert.ok(ids.has(item.command), `${menu}: ${item.command}`);
  }
});

test('the entry point, icon and schema exist where the manifest says', () => {
  assert.equal(manifest.main, './dist/extension.js');
  assert.ok(existsSync(join(root, manifest.icon)), manifest.icon);
  for (const { url } of manifest.contributes.jsonValidation) assert.ok(existsSync(join(root, url)), url);
});

test('.vscodeignore is an allow-list that keeps what the extension runs on', () => {
  const lines = readFileSync(join(root, '.vscodeignore'), 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  assert.equal(lines[0], '**', 'first ignore everything');
  // vsce lets every "!" line win over every ignore line, so the runtime files are named one by one.
  const kept = ['!dist/extension.js', '!dist/server.js', '!dist/analysisWorker.js', '!dist/words.txt', '!media/**', '!package.json', '!README.md', '!CHANGELOG.md', '!LICENSE'];
  for (const line of kept) assert.ok(lines.includes(line), line);
  assert.ok(!lines.some((line) => line.startsWith('!') && /\.map$|cli\.js$/.test(line)), 'no source maps or CLI in the .vsix');
});
