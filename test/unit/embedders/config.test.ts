import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseConfig } from '../../../src/core/config';

test('synthgap.json accepts every kind of embedder spec and names what is wrong with others', () => {
  for (const embedder of ['hashed', 'auto', 'model2vec:minishlab/potion-base-8M', 'transformers:Xenova/all-MiniLM-L6-v2', './models/potion', 'C:\\models\\potion', 'model2vec:./m']) {
    assert.deepEqual(parseConfig(JSON.stringify({ embedder })), { config: { embedder }, errors: [] }, embedder);
  }
  const usage = 'must be "hashed", "auto", "model2vec:<model or folder>", "transformers:<model or folder>" or a model folder';
  assert.deepEqual(parseConfig('{"embedder": "word2vec:news"}').errors, [`synthgap.json: embedder ${usage} (got "word2vec:news")`]);
  assert.deepEqual(parseConfig('{"embedder": "model2vec:"}').errors, [`synthgap.json: embedder ${usage} (got "model2vec:")`]);
  assert.deepEqual(parseConfig('{"embedder": " "}').errors, [`synthgap.json: embedder ${usage} (got " ")`]);
});
