// The import rules of eslint.config.mjs, checked with ESLint itself on probe files placed where a slip would happen:
// the server must not reach for `vscode` or the client library, the client not for the server's packages.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { ESLint } from 'eslint';

const ROOT = join(__dirname, '..', '..', '..');
const eslint = new ESLint({ cwd: ROOT });

/** The no-restricted-imports messages ESLint reports for `code` as if it were the file at `path`. */
async function restricted(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, path) });
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('import rules', () => {
  test('the server may not import vscode or vscode-languageclient', async () => {
    for (const code of [`import * as vscode from 'vscode';\nexport const probe = vscode;\n`, `export { LanguageClient } from 'vscode-languageclient/node';\n`]) {
      const messages = await restricted('src/server/probe.ts', code);
      assert.equal(messages.length, 1, code);
      assert.match(messages[0], /The server runs outside the editor/);
    }
  });

  test('the server may import vscode-languageserver; the client vscode and vscode-languageclient', async () => {
    assert.deepEqual(await restricted('src/server/probe.ts', `export { TextDocuments } from 'vscode-languageserver/node';\n`), []);
    assert.deepEqual(await restricted('src/extension/probe.ts', `import * as vscode from 'vscode';\nexport const probe = vscode;\nexport { LanguageClient } from 'vscode-languageclient/node';\n`), []);
  });

  test('the client may not import the server\'s packages', async () => {
    for (const module of ['vscode-languageserver/node', 'vscode-languageserver-protocol']) {
      const messages = await restricted('src/extension/probe.ts', `export { RequestType } from '${module}';\n`);
      assert.equal(messages.length, 1, module);
      assert.match(messages[0], /never the server's packages/);
    }
  });
});
