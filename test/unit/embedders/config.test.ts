import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseConfig } from '../../../src/core/config';

test('synthgap.json accepts every kind of embedder spec and names what is wrong with others', () => {
  for (const embedder of ['hashed', 'auto', 'model2vec:minishlab/potion-base-8M', 'transformers:Xenova/all-MiniLM-L6-v2', './models/potion', 'C:\\models\\potion', 'model2vec:./m']) {
    assert.deepEqual(parseConfig(JSON.stringify({ embedder })), { config: { embedder }, errors: [] }, embedder);
  }
  assert.match(parseConfig('{"embedder": "word2vec:news"}').errors[0], /"embedder" must be .* \("word2vec:" is not a known kind\)/);
  assert.match(parseConfig('{"embedder": "model2vec:"}').errors[0], /nothing after "model2vec:"/);
  assert.match(parseConfig('{"embedder": ""}').errors[0], /"embedder" must be/);
});
