// The agent tools are defined once (src/shared/tools.ts): package.json's languageModelTools must say the same, so
// VS Code's agent mode and `synthgap mcp` offer the same tools with the same inputs.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { TOOLS, toolReferenceName, vscodeToolName } from '../../../src/shared/tools';

const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8'));

interface ContributedTool {
  readonly name: string;
  readonly displayName: string;
  readonly toolReferenceName: string;
  readonly canBeReferencedInPrompt: boolean;
  readonly userDescription: string;
  readonly modelDescription: string;
  readonly when: string;
  readonly inputSchema: unknown;
}

test('package.json contributes exactly the shared tools, with the same descriptions and input schemas', () => {
  const contributed: ContributedTool[] = manifest.contributes.languageModelTools;
  assert.deepEqual(contributed.map((tool) => tool.name), TOOLS.map((tool) => vscodeToolName(tool.name)));
  for (const [i, tool] of TOOLS.entries()) {
    const entry = contributed[i];
    assert.equal(entry.modelDescription, tool.description, tool.name);
    assert.deepEqual(entry.inputSchema, tool.inputSchema, tool.name);
    assert.equal(entry.toolReferenceName, toolReferenceName(tool.name));
    assert.equal(entry.displayName, `Synthgap: ${tool.title}`);
    assert.equal(entry.userDescription, tool.title);
    assert.equal(entry.canBeReferencedInPrompt, true);
    // Hidden in Restricted Mode, where the extension registers none of them either.
    assert.equal(entry.when, 'isWorkspaceTrusted');
  }
});

test('each tool activates the extension', () => {
  for (const tool of TOOLS) assert.ok(manifest.activationEvents.includes(`onLanguageModelTool:${vscodeToolName(tool.name)}`), tool.name);
});

test('names follow VS Code\'s rules: letters, digits, _ and -; reference names without separators', () => {
  for (const tool of TOOLS) {
    assert.match(vscodeToolName(tool.name), /^[\w-]+$/);
    assert.match(toolReferenceName(tool.name), /^synthgap[A-Z][A-Za-z]+$/);
  }
  assert.equal(toolReferenceName('explain_row'), 'synthgapExplainRow');
});

test('tools that write name the input that says where, and it is an optional or required string', () => {
  for (const tool of TOOLS.filter((t) => t.writesTo)) {
    const property = tool.inputSchema.properties[tool.writesTo!];
    assert.equal(property?.type, 'string', tool.name);
  }
  assert.deepEqual(TOOLS.filter((t) => t.writesTo).map((t) => t.name), ['roughen', 'select']);
});
