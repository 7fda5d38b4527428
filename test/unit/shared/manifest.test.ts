// The manifest and the shared contract agree: every client command is contributed in the Synthgap category
// and can activate the extension, and everything the .vsix needs is in the allow-list.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLIENT_COMMANDS, SERVER_COMMANDS } from '../../../src/shared/protocol';
import { HAS_REFERENCE_CONTEXT, WALKTHROUGH } from '../../../src/extension/walkthroughIds';

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

test('the walkthrough the status bar opens is contributed under that id, and every step has its page and a way to finish', () => {
  const walkthroughs: { id: string; steps: { id: string; description: string; media: { markdown?: string; image?: string }; completionEvents?: string[] }[] }[] = manifest.contributes.walkthroughs;
  assert.equal(`${manifest.publisher}.${manifest.name}#${walkthroughs[0]?.id}`, WALKTHROUGH);
  const steps = walkthroughs[0].steps;
  assert.deepEqual(steps.map((step) => step.id), ['chooseReference', 'readSquiggles', 'openReport', 'roughen', 'runProbe']);
  const ours = new Set([...Object.values(CLIENT_COMMANDS), ...Object.values(SERVER_COMMANDS)] as string[]);
  for (const step of steps) {
    const page = step.media.markdown ?? step.media.image;
    assert.ok(page && existsSync(join(root, page)), `${step.id}: ${page}`);
    assert.ok(!/\]\(https?:/.test(readFileSync(join(root, page), 'utf8')), `${step.id}: no remote images or links in ${page}`);
    const buttons = [...step.description.matchAll(/\]\(command:([\w.]+)\)/g)].map((match) => match[1]);
    assert.ok(buttons.length > 0, `${step.id} has no button`);
    for (const event of step.completionEvents ?? []) {
      const [kind, name] = event.split(':');
      if (kind === 'onContext') assert.equal(name, HAS_REFERENCE_CONTEXT, step.id);
      else if (kind === 'onCommand' && name.startsWith('synthgap.')) assert.ok(ours.has(name), `${step.id}: ${name}`);
      else assert.equal(kind, 'onCommand', `${step.id}: ${event}`);
    }
  }
  assert.deepEqual(steps[0].description.match(/command:([\w.]+)/)?.[1], CLIENT_COMMANDS.useAsReference);
});
