// One source of truth for settings: the SynthgapSettings type (src/shared/settings.ts) and package.json's
// contributes.configuration must declare the same keys with the same types, and the defaults must be sane.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { SETTINGS_SECTION } from '../../../src/shared/settings';
import { DEFAULT_SETTINGS } from '../../../src/server/settings';

const root = join(__dirname, '..', '..', '..');

interface Declared {
  readonly type: string;
  readonly default: unknown;
  readonly description?: string;
  readonly markdownDescription?: string;
  readonly enum?: readonly unknown[];
  readonly items?: { readonly type: string };
  readonly minimum?: number;
  readonly maximum?: number;
  readonly scope?: string;
}

/** A setting's shape as the type declares it, in JSON-schema words. */
type Shape = { kind: 'string' } | { kind: 'number' } | { kind: 'boolean' } | { kind: 'string[]' } | { kind: 'enum'; values: string[] };

function typeShapes(): Map<string, Shape> {
  const file = join(root, 'src', 'shared', 'settings.ts');
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const shapes = new Map<string, Shape>();
  const shapeOf = (node: ts.TypeNode, key: string): Shape => {
    if (node.kind === ts.SyntaxKind.StringKeyword) return { kind: 'string' };
    if (node.kind === ts.SyntaxKind.NumberKeyword) return { kind: 'number' };
    if (node.kind === ts.SyntaxKind.BooleanKeyword) return { kind: 'boolean' };
    if (ts.isArrayTypeNode(node) && node.elementType.kind === ts.SyntaxKind.StringKeyword) return { kind: 'string[]' };
    if (ts.isTypeOperatorNode(node) && ts.isArrayTypeNode(node.type) && node.type.elementType.kind === ts.SyntaxKind.StringKeyword) return { kind: 'string[]' };
    if (ts.isUnionTypeNode(node) && node.types.every((t) => ts.isLiteralTypeNode(t) && ts.isStringLiteral(t.literal))) {
      return { kind: 'enum', values: node.types.map((t) => ((t as ts.LiteralTypeNode).literal as ts.StringLiteral).text) };
    }
    throw new Error(`SynthgapSettings.${key}: the test does not know how to check the type "${node.getText(source)}"; teach it`);
  };
  ts.forEachChild(source, (node) => {
    if (!ts.isInterfaceDeclaration(node) || node.name.text !== 'SynthgapSettings') return;
    for (const member of node.members) {
      // A dotted setting (`embedding.model`) is a quoted property name.
      assert.ok(ts.isPropertySignature(member) && member.type && (ts.isIdentifier(member.name) || ts.isStringLiteral(member.name)), 'SynthgapSettings holds plain properties');
      shapes.set(member.name.text, shapeOf(member.type, member.name.text));
    }
  });
  assert.ok(shapes.size > 0, 'found the SynthgapSettings interface');
  return shapes;
}

const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const declared: Record<string, Declared> = manifest.contributes.configuration.properties;
const prefix = `${SETTINGS_SECTION}.`;
/** Settings the language client library reads itself; they are not the server's, so not in the type. */
const clientLibrarySettings = new Set(['trace.server']);
const ourKeys = Object.keys(declared)
  .map((key) => key.slice(prefix.length))
  .filter((key) => !clientLibrarySettings.has(key));
const shapes = typeShapes();

test('every declared setting is under the synthgap section', () => {
  for (const key of Object.keys(declared)) assert.ok(key.startsWith(prefix), key);
});

test('every key of SynthgapSettings is declared in package.json, and nothing else is', () => {
  assert.deepEqual([...ourKeys].sort(), [...shapes.keys()].sort());
});

test('each declared setting has the type SynthgapSettings gives it', () => {
  for (const [key, shape] of shapes) {
    const setting = declared[prefix + key];
    switch (shape.kind) {
      case 'string':
      case 'boolean':
        assert.equal(setting.type, shape.kind, key);
        break;
      case 'number':
        assert.ok(setting.type === 'number' || setting.type === 'integer', `${key}: ${setting.type}`);
        break;
      case 'string[]':
        assert.equal(setting.type, 'array', key);
        assert.equal(setting.items?.type, 'string', key);
        break;
      case 'enum':
        assert.equal(setting.type, 'string', key);
        assert.deepEqual([...(setting.enum ?? [])].sort(), [...shape.values].sort(), key);
        break;
    }
  }
});

test('every setting has a description and a default that fits its own declaration', () => {
  for (const [key, setting] of Object.entries(declared)) {
    assert.ok((setting.description ?? setting.markdownDescription ?? '').length > 20, `${key} is described`);
    const value = setting.default;
    switch (setting.type) {
      case 'string':
        assert.equal(typeof value, 'string', key);
        break;
      case 'array':
        assert.ok(Array.isArray(value) && value.every((item) => typeof item === setting.items?.type), key);
        break;
      case 'integer':
        assert.ok(Number.isInteger(value), key);
        break;
      case 'number':
        assert.ok(typeof value === 'number' && Number.isFinite(value), key);
        break;
      default:
        assert.equal(typeof value, setting.type, key);
    }
    if (setting.enum) assert.ok(setting.enum.includes(value), `${key}: default ${String(value)} is one of the choices`);
    if (typeof value === 'number') {
      assert.ok(setting.minimum !== undefined && setting.maximum !== undefined, `${key} has a range`);
      assert.ok(value >= setting.minimum && value <= setting.maximum, `${key}: default ${value} is in range`);
    }
  }
});

test('the manifest defaults are the ones the server falls back on', () => {
  const defaults = Object.fromEntries(Object.entries(declared).map(([key, setting]) => [key.slice(prefix.length), setting.default]));
  // The server uses DEFAULT_SETTINGS when a client sends nothing; the client alone reads trace.server.
  assert.deepEqual(defaults, { ...DEFAULT_SETTINGS, 'trace.server': 'off' });
  // A warning is for rows further out than the flag, and VS Code keeps at most 1000 diagnostics per file.
  assert.ok((defaults.warningQuantile as number) > (defaults.flagQuantile as number));
  assert.ok(declared[`${prefix}maxDiagnostics`].maximum! <= 1000);
});

test('settings that name paths are read per resource and restricted in untrusted workspaces', () => {
  const pathSettings = ['reference', 'include', 'exclude', 'embedding.model'].map((key) => prefix + key);
  assert.deepEqual([...manifest.capabilities.untrustedWorkspaces.restrictedConfigurations].sort(), pathSettings.sort());
  for (const key of pathSettings) assert.equal(declared[key].scope, 'resource', key);
});
