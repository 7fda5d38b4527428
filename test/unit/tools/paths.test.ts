// Every path a tool takes stays inside the workspace root: these are real folders, files and symbolic links.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { insideRoot, ToolError, workspaceRoot } from '../../../src/node/tools/paths';

function workspace() {
  const base = realpathSync(mkdtempSync(join(tmpdir(), 'synthgap-paths-')));
  const root = join(base, 'root');
  mkdirSync(join(root, 'data'), { recursive: true });
  writeFileSync(join(root, 'data', 'real.jsonl'), '{"text":"hi"}\n');
  mkdirSync(join(base, 'elsewhere'));
  writeFileSync(join(base, 'elsewhere', 'secret.jsonl'), '{"text":"secret"}\n');
  return { base, root };
}

test('relative and absolute paths inside the root resolve, files that do not exist yet included', () => {
  const { root } = workspace();
  assert.equal(insideRoot(root, 'data/real.jsonl', 'dataset'), join(root, 'data', 'real.jsonl'));
  assert.equal(insideRoot(root, join(root, 'data', 'real.jsonl'), 'dataset'), join(root, 'data', 'real.jsonl'));
  assert.equal(insideRoot(root, 'data/../data/new.jsonl', 'output'), join(root, 'data', 'new.jsonl'));
  assert.equal(insideRoot(root, 'new/folder/out.jsonl', 'output'), join(root, 'new', 'folder', 'out.jsonl'));
  assert.equal(insideRoot(root, '.', 'folder'), root);
  // A name that starts with two dots is a name, not a climb.
  assert.equal(insideRoot(root, '..notes.jsonl', 'output'), join(root, '..notes.jsonl'));
});

test('.. and absolute paths that leave the root are refused, naming the input', () => {
  const { base, root } = workspace();
  assert.throws(() => insideRoot(root, '../elsewhere/secret.jsonl', 'dataset'), (error: Error) => error instanceof ToolError && /^dataset \.\.\/elsewhere\/secret\.jsonl is outside the workspace root/.test(error.message));
  assert.throws(() => insideRoot(root, join(base, 'elsewhere', 'secret.jsonl'), 'reference'), /reference .* is outside the workspace root/);
  assert.throws(() => insideRoot(root, 'data/../../root-sibling.jsonl', 'output'), /outside the workspace root/);
  // A sibling whose name starts like the root's is not inside it.
  mkdirSync(`${root}2`);
  assert.throws(() => insideRoot(root, `${root}2/x.jsonl`, 'output'), /outside the workspace root/);
});

test('a symbolic link, to a file or in a parent folder, that leads out of the root is refused', () => {
  const { base, root } = workspace();
  symlinkSync(join(base, 'elsewhere', 'secret.jsonl'), join(root, 'data', 'link.jsonl'));
  symlinkSync(join(base, 'elsewhere'), join(root, 'out'));
  assert.throws(() => insideRoot(root, 'data/link.jsonl', 'dataset'), /leads outside the workspace root through a symbolic link/);
  assert.throws(() => insideRoot(root, 'out/secret.jsonl', 'dataset'), /through a symbolic link/);
  // An output that does not exist yet, in a linked folder outside: refused by its folder.
  assert.throws(() => insideRoot(root, 'out/new.jsonl', 'output'), /through a symbolic link/);
});

test('a symbolic link that stays inside the root resolves to its target', () => {
  const { root } = workspace();
  symlinkSync(join(root, 'data'), join(root, 'alias'));
  assert.equal(insideRoot(root, 'alias/real.jsonl', 'dataset'), join(root, 'data', 'real.jsonl'));
  assert.equal(insideRoot(root, 'alias/new.jsonl', 'output'), join(root, 'data', 'new.jsonl'));
});

test('the root is taken by its real path, so a root reached through a link still contains its files', () => {
  const { base, root } = workspace();
  symlinkSync(root, join(base, 'rootlink'));
  const real = workspaceRoot(join(base, 'rootlink'));
  assert.equal(real, root);
  assert.equal(insideRoot(real, join(base, 'rootlink', 'data', 'real.jsonl'), 'dataset'), join(root, 'data', 'real.jsonl'));
  assert.throws(() => workspaceRoot(join(base, 'missing')), /does not exist/);
});
