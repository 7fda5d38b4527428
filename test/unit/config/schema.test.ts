// One definition of synthgap.json: media/synthgap.schema.json is what the editor completes and squiggles, what
// parseConfig checks, and what the CLI checks its flags of the same names against. These tests fail when the
// schema, the SynthgapConfig type, package.json's mirrored settings and the CLI's flags drift apart.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import ts from 'typescript';
import { parseConfig, settingProblems, type SynthgapConfig } from '../../../src/core/config';
import { CHECK_FLAGS } from '../../../src/cli/check';
import { FIT_FLAGS } from '../../../src/cli/fit';
import { PROBE_FLAGS } from '../../../src/cli/probe';
import { PROMPTS_FLAGS } from '../../../src/cli/prompts';
import { ROUGHEN_FLAGS } from '../../../src/cli/roughen';
import { SCORE_FLAGS } from '../../../src/cli/score';
import { SELECT_FLAGS } from '../../../src/cli/select';
import { MERGE_FLAGS, SKETCH_FLAGS } from '../../../src/cli/sketch';

const root = join(__dirname, '..', '..', '..');

interface FieldSchema {
  readonly type?: string;
  readonly description?: string;
  readonly oneOf?: FieldSchema[];
  readonly items?: FieldSchema;
  readonly const?: unknown;
  readonly default?: unknown;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly exclusiveMaximum?: number;
  readonly pattern?: string;
  readonly properties?: Record<string, FieldSchema>;
}

const schema = JSON.parse(readFileSync(join(root, 'media', 'synthgap.schema.json'), 'utf8')) as { properties: Record<string, FieldSchema>; additionalProperties: boolean };
const fields = Object.fromEntries(Object.entries(schema.properties).filter(([key]) => key !== '$schema'));

/** SynthgapConfig's members, each as the JSON types its declared type allows (`number`, `string[]`, `false`). */
function typeMembers(): Map<string, string[]> {
  const file = join(root, 'src', 'core', 'config.ts');
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const kinds = (node: ts.TypeNode): string[] => {
    if (ts.isUnionTypeNode(node)) return node.types.flatMap(kinds);
    if (node.kind === ts.SyntaxKind.StringKeyword) return ['string'];
    if (node.kind === ts.SyntaxKind.NumberKeyword) return ['number'];
    if (ts.isLiteralTypeNode(node) && node.literal.kind === ts.SyntaxKind.FalseKeyword) return ['false'];
    if (ts.isArrayTypeNode(node) && node.elementType.kind === ts.SyntaxKind.StringKeyword) return ['string[]'];
    // An ignored row: a hash string, or { hash, text } (IgnoredRow).
    if (ts.isArrayTypeNode(node) && ts.isTypeReferenceNode(node.elementType) && node.elementType.getText(source) === 'IgnoredRow') return ['ignored-row[]'];
    throw new Error(`SynthgapConfig: the test does not know the type "${node.getText(source)}"; teach it`);
  };
  const members = new Map<string, string[]>();
  ts.forEachChild(source, (node) => {
    if (!ts.isInterfaceDeclaration(node) || node.name.text !== 'SynthgapConfig') return;
    for (const member of node.members) {
      assert.ok(ts.isPropertySignature(member) && member.type && ts.isIdentifier(member.name), 'SynthgapConfig holds plain properties');
      members.set(member.name.text, kinds(member.type).sort());
    }
  });
  assert.ok(members.size > 0, 'found the SynthgapConfig interface');
  return members;
}

/** The JSON types a field's schema accepts, as parseConfig hands them on (a single file becomes a list of one). */
function schemaKinds(field: FieldSchema): string[] {
  if (field.oneOf) return [...new Set(field.oneOf.flatMap(schemaKinds))].sort();
  if (field.const === false) return ['false'];
  if (field.type === 'integer' || field.type === 'number') return ['number'];
  if (field.type === 'array' && field.items?.type === 'string') return ['string[]'];
  if (field.type === 'array' && field.items?.oneOf?.some((item) => item.type === 'string') && field.items.oneOf.some((item) => item.type === 'object' && 'hash' in (item.properties ?? {}))) return ['ignored-row[]'];
  if (field.type === 'string') return ['string'];
  throw new Error(`the test does not know the schema ${JSON.stringify(field)}; teach it`);
}

describe('media/synthgap.schema.json', () => {
  test('declares every SynthgapConfig field with the same types, and nothing else', () => {
    const members = typeMembers();
    assert.deepEqual(Object.keys(fields).sort(), [...members.keys()].sort());
    for (const [key, field] of Object.entries(fields)) {
      // reference and datasets take one file or a list in the file; the config always holds a list.
      const kinds = schemaKinds(field).map((kind) => ((key === 'reference' || key === 'datasets') && kind === 'string' ? 'string[]' : kind));
      assert.deepEqual([...new Set(kinds)].sort(), members.get(key), key);
    }
    assert.equal(schema.additionalProperties, false, 'a misspelt key is an error, not a silently ignored setting');
  });

  test('every field is described, every number has a range, and every default fits it', () => {
    for (const [key, field] of Object.entries(fields)) {
      assert.ok((field.description ?? '').length > 20, `${key} is described`);
      if (field.type === 'integer' || field.type === 'number') {
        assert.ok((field.minimum ?? field.exclusiveMinimum) !== undefined && (field.maximum ?? field.exclusiveMaximum) !== undefined, `${key} has a range`);
      }
      if (field.default !== undefined) assert.deepEqual(parseConfig(JSON.stringify({ [key]: field.default })).errors, [], `${key}'s default is valid`);
    }
  });

  test("package.json's settings that mirror a synthgap.json field accept the same values", () => {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { contributes: { configuration: { properties: Record<string, FieldSchema> } } };
    const settings = manifest.contributes.configuration.properties;
    const mirrors: Record<string, keyof SynthgapConfig> = { 'synthgap.seed': 'seed', 'synthgap.flagQuantile': 'flagQuantile', 'synthgap.maxLineBytes': 'maxLineBytes', 'synthgap.embedding.model': 'embedder', 'synthgap.reference': 'reference' };
    for (const [setting, key] of Object.entries(mirrors)) {
      const declared = settings[setting];
      const field = fields[key];
      assert.ok(declared && field, `${setting} and ${key} exist`);
      for (const facet of ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'pattern'] as const) assert.equal(declared[facet], field[facet], `${setting}.${facet} is ${key}'s`);
      if (field.type) assert.equal(declared.type, field.type, `${setting} is a ${field.type}`);
      // The editor's default model differs from the CLI's built-in embedding on purpose; numbers share theirs.
      if (field.type === 'integer' || field.type === 'number') assert.equal(declared.default, field.default, `${setting}'s default`);
    }
  });

  test('each CLI flag named after a synthgap.json field is checked by that field', () => {
    const kebab = (key: string) => key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
    const byFlag = new Map(Object.keys(fields).map((key) => [kebab(key), key]));
    let seen = 0;
    for (const [command, flags] of Object.entries({ check: CHECK_FLAGS, roughen: ROUGHEN_FLAGS, select: SELECT_FLAGS, probe: PROBE_FLAGS, prompts: PROMPTS_FLAGS, fit: FIT_FLAGS, score: SCORE_FLAGS, sketch: SKETCH_FLAGS, merge: MERGE_FLAGS })) {
      for (const [name, spec] of Object.entries(flags)) {
        const key = byFlag.get(name);
        if (key === undefined) continue;
        seen++;
        assert.equal(spec.field, key, `synthgap ${command} --${name} is checked as synthgap.json's ${key}`);
      }
    }
    assert.ok(seen >= 20, `found ${seen} flags with a synthgap.json field`);
  });
});

describe('parseConfig', () => {
  test('names the file, the field, the rule and the value, one line each, and keeps the valid fields', () => {
    const { config, errors } = parseConfig(JSON.stringify({ reference: 'real.jsonl', seed: 3.7, folds: 1, flagQuantile: 1.5, failAboveAuc: 2, flagQuantil: 0.9 }), 'data/synthgap.json');
    assert.deepEqual(config, { reference: ['real.jsonl'] });
    assert.deepEqual(errors.sort(), [
      'data/synthgap.json: failAboveAuc must be a number above 0.5 and below 1 (got 2)',
      'data/synthgap.json: flagQuantil is not a setting',
      'data/synthgap.json: flagQuantile must be a number from 0.5 to 0.9999 (got 1.5)',
      'data/synthgap.json: folds must be a whole number from 2 to 20 (got 1)',
      'data/synthgap.json: seed must be a whole number from 0 to 4294967295 (got 3.7)',
    ]);
  });

  test('one message per field, even where the schema tries several shapes', () => {
    assert.deepEqual(parseConfig('{"reference": ["a.jsonl", 3]}').errors, ['synthgap.json: reference must be a file or glob, or a list of them (got ["a.jsonl",3])']);
    assert.deepEqual(parseConfig('{"labelField": true}').errors, ['synthgap.json: labelField must be a field name, or false to ignore labels (got true)']);
    assert.deepEqual(parseConfig('{"ignore": ["ab12", 7]}').errors, ['synthgap.json: ignore[1] must be a content hash, or { "hash": "…", "text": "…" } (got 7)']);
    assert.deepEqual(parseConfig('{"ignore": ["ab12", { "hash": "cd34", "text": "Kindly elucidate" }]}'), { config: { ignore: ['ab12', { hash: 'cd34', text: 'Kindly elucidate' }] }, errors: [] });
    assert.deepEqual(parseConfig('{"ignore": [{ "text": "no hash" }]}').errors.length, 1);
    assert.deepEqual(parseConfig('{"labelField": false, "datasets": "*.jsonl"}'), { config: { labelField: false, datasets: ['*.jsonl'] }, errors: [] });
  });

  test('a long value is cut so the message stays on one line', () => {
    const [error] = parseConfig(JSON.stringify({ seed: 'x'.repeat(500) })).errors;
    assert.ok(error.length < 120 && !error.includes('\n'), error);
  });

  test('not JSON, or not an object, is one line too', () => {
    assert.match(parseConfig('{"seed": 4,}').errors[0], /^synthgap\.json: not valid JSON/);
    assert.deepEqual(parseConfig('[1]').errors, ['synthgap.json: expected a JSON object']);
  });
});

describe('settingProblems', () => {
  test('checks values given elsewhere (the CLI flags) by the same rules, and skips values not given', () => {
    assert.deepEqual(settingProblems({ seed: undefined, folds: 21, failAboveAuc: 0.5 }), [
      { path: 'folds', field: 'folds', problem: 'must be a whole number from 2 to 20 (got 21)' },
      { path: 'failAboveAuc', field: 'failAboveAuc', problem: 'must be a number above 0.5 and below 1 (got 0.5)' },
    ]);
    assert.deepEqual(settingProblems({ seed: 0, folds: 2, flagQuantile: 0.5, failAboveAuc: 0.99, maxLineBytes: 1024 }), []);
  });
});
