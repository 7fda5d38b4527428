import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { configRole, configTextField, parseConfig } from '../../../src/core/config';

describe('synthgap.json fields for fine-tuning data', () => {
  test('textFields and a list of roles are read as the flags take them', () => {
    const { config, errors } = parseConfig(JSON.stringify({ textFields: ['instruction', 'output'], role: ['user', 'assistant'] }), 'synthgap.json');
    assert.deepEqual(errors, []);
    assert.equal(configTextField(config), 'instruction,output');
    assert.equal(configRole(config), 'user,assistant');
  });

  test('textFields wins over textField; a role may also be one name or names separated by commas', () => {
    assert.equal(configTextField({ textField: 'text', textFields: ['prompt', 'completion'] }), 'prompt,completion');
    assert.equal(configTextField({ textField: 'text' }), 'text');
    assert.equal(configRole({ role: 'user,assistant' }), 'user,assistant');
    assert.equal(configRole({}), undefined);
  });

  test('a role that is neither a name nor a list, and an empty textFields, are one line each', () => {
    const { errors } = parseConfig(JSON.stringify({ role: 5, textFields: [] }), 'synthgap.json');
    assert.equal(errors.length, 2);
    assert.ok(errors.some((e) => /role must be a role name/.test(e)), errors.join('\n'));
    assert.ok(errors.some((e) => /textFields/.test(e)), errors.join('\n'));
  });
});
