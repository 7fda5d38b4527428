// The model file synthgap fit writes: a model read back scores every row exactly as the model that was written.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, test } from 'node:test';
import { readDataset } from '../../src/core/dataset/readDataset';
import type { ParsedDataset } from '../../src/core/dataset/types';
import { analyze } from '../../src/core/gap/analyze';
import { ScoringModel, scoringModelState, type ModelParts } from '../../src/core/gap/model';
import { decodeBase64, decodeFloat32, decodeFloat64, encodeArray, encodeBase64 } from '../../src/core/model/base64';
import { lexiconFingerprint } from '../../src/core/model/fingerprint';
import { compactState, decodeModelFile, encodeModelFile, ModelFileError, thinSorted, type ModelDocument } from '../../src/core/model/modelFile';
import { inTrainingFilter, trainingFilter } from '../../src/core/model/trainingFilter';
import { loadDictionary } from '../../src/node/dictionary';

const ROOT = resolve(__dirname, '../..');
const dictionary = loadDictionary();

async function read(path: string, rows: number): Promise<ParsedDataset> {
  const data = await readDataset(readFileSync(resolve(ROOT, path), 'utf8'), { fileName: path });
  return { ...data, rows: data.rows.slice(0, rows) };
}

async function fitted(realPath: string, syntheticPath: string, rows: number) {
  const real = await read(realPath, rows);
  const synthetic = await read(syntheticPath, rows);
  let parts: ModelParts | undefined;
  const report = await analyze({ reference: [{ file: realPath, data: real }], datasets: [{ file: syntheticPath, data: synthetic }] }, { dictionary, map: false, onModel: (p) => (parts = p) });
  assert.ok(parts);
  const full = scoringModelState(parts, [], { maxNearest: 0 });
  const summary = report.datasets[0].summary;
  const doc: ModelDocument = {
    toolVersion: '0.0.0-test',
    seed: 42,
    text: { textField: synthetic.textField, ...(synthetic.textFields ? { textFields: synthetic.textFields } : {}) },
    rows: { reference: real.rows.length, synthetic: synthetic.rows.length, referenceRead: real.rows.length, syntheticRead: synthetic.rows.length },
    summary: { auc: summary.auc, aucLow: summary.aucLow, aucHigh: summary.aucHigh, verdict: summary.verdict, flagThreshold: summary.flagThreshold, flagRule: full.flagRule },
    state: compactState(full),
  };
  return { full, doc, rows: [...real.rows, ...synthetic.rows] };
}

describe('model file', () => {
  test('base64 of little-endian arrays reads back bit for bit, odd lengths and special values included', () => {
    for (let n = 0; n < 8; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 97 + 13) & 255);
      assert.deepEqual(decodeBase64(encodeBase64(bytes)), bytes);
    }
    assert.equal(encodeBase64(new Uint8Array([1, 2])), 'AQI=');
    assert.equal(encodeArray(Float64Array.of(0.5)), 'AAAAAAAA4D8=', 'little-endian IEEE double');
    const doubles = Float64Array.of(0, -0, 1 / 3, Math.PI, Number.MIN_VALUE, -1e308, Infinity);
    assert.deepEqual(decodeFloat64(encodeArray(doubles)), doubles);
    assert.ok(Object.is(decodeFloat64(encodeArray(doubles))[1], -0));
    const floats = Float32Array.of(0.1, -2.5, 3e38);
    assert.deepEqual(decodeFloat32(encodeArray(floats)), floats);
    assert.throws(() => decodeBase64('ab$='), /not base64 at character 3/);
  });

  test('thinning keeps evenly spaced order statistics, the ends included', () => {
    assert.deepEqual([...thinSorted(Float64Array.of(1, 2, 3, 4, 5), 3)], [1, 3, 5]);
    assert.deepEqual([...thinSorted(Float64Array.of(1, 2), 3)], [1, 2]);
  });

  test('a decoded model scores every row bit-identically, with the same flags and reasons, and encodes to the same text', async () => {
    const { full, doc, rows } = await fitted('examples/real.jsonl', 'examples/synthetic.jsonl', 600);
    const text = encodeModelFile(doc);
    const decoded = decodeModelFile(text, 'model.json');
    assert.equal(encodeModelFile(decoded), text, 'the same document gives the same text');
    const inMemory = new ScoringModel(full, dictionary);
    const compact = new ScoringModel(doc.state, dictionary);
    const loaded = new ScoringModel(decoded.state, dictionary);
    let flagged = 0;
    for (const row of rows) {
      const expected = inMemory.score(row);
      const got = loaded.score(row);
      assert.ok(Object.is(got.score, expected.score), `line ${row.line}: ${got.score} vs ${expected.score}`);
      assert.equal(got.flagged, expected.flagged);
      assert.deepEqual(got, compact.score(row), 'reasons read the same thinned real values');
      if (got.flagged) flagged++;
    }
    assert.ok(flagged > 100, `${flagged} flagged rows: the reasons were compared`);
    assert.deepEqual(decoded.summary, doc.summary);
    assert.deepEqual(decoded.text, doc.text);
    // A file written before the training filter existed (as this one) loads without it; one with it keeps it.
    assert.equal(decoded.training, undefined);
    const training = trainingFilter(rows.map((row) => row.text), 42);
    const referenceGrams = { rows: 3, cms: Uint32Array.from({ length: 1000 }, (_, k) => k * 7919) };
    const withTraining = decodeModelFile(encodeModelFile({ ...doc, training, referenceGrams }), 'model.json');
    assert.deepEqual(withTraining.training, training);
    assert.deepEqual(withTraining.referenceGrams, referenceGrams);
    assert.ok(rows.every((row) => inTrainingFilter(withTraining.training!, row.text)));
  });

  test('records read field by field keep their fields and word counts through the file', async () => {
    const { full, doc, rows } = await fitted('test/fixtures/finetune/alpaca.real.jsonl', 'test/fixtures/finetune/alpaca.synthetic.jsonl', 300);
    assert.ok(full.recordFields && full.wordCounts);
    const decoded = decodeModelFile(encodeModelFile(doc), 'model.json');
    assert.deepEqual(decoded.state.recordFields, full.recordFields);
    assert.deepEqual(decoded.state.wordCounts, full.wordCounts);
    const inMemory = new ScoringModel(full, dictionary);
    const loaded = new ScoringModel(decoded.state, dictionary);
    for (const row of rows) assert.ok(Object.is(loaded.score(row).score, inMemory.score(row).score));
  });

  test('another schema version, other lexicons, not a model or a damaged field: one line that says what to do', async () => {
    const { doc } = await fitted('examples/real.jsonl', 'examples/synthetic.jsonl', 200);
    const file = JSON.parse(encodeModelFile(doc)) as Record<string, unknown>;
    const problem = (changed: Record<string, unknown>) => {
      try {
        decodeModelFile(JSON.stringify({ ...file, ...changed }), 'm.json');
      } catch (error) {
        assert.ok(error instanceof ModelFileError);
        assert.doesNotMatch(error.message, /\n/);
        return error.message;
      }
      assert.fail('accepted');
    };
    assert.equal(problem({ schemaVersion: 3 }), 'm.json was written by synthgap 0.0.0-test (model schema 3); this synthgap reads schemas 1 and 2: fit it again');
    // A version-1 file (no reference gram counts) still loads.
    assert.equal(decodeModelFile(JSON.stringify({ ...file, schemaVersion: 1 }), 'm.json').referenceGrams, undefined);
    assert.match(problem({ lexicons: 'lex1-0000000000000000' }), /^m\.json was fitted by synthgap 0\.0\.0-test with other lexicons or features \(lex1-0+; this synthgap has lex1-[0-9a-f]{16}\): fit it again$/);
    assert.match(problem({ format: 'other' }), /^m\.json is not a synthgap model/);
    assert.match(problem({ reference: { rows: 1, scores: 'AAA' } }), /^m\.json is damaged: /);
    assert.throws(() => decodeModelFile('{', 'm.json'), /m\.json is not a synthgap model: it is not JSON/);
    assert.equal(lexiconFingerprint(), file.lexicons);
  });
});
