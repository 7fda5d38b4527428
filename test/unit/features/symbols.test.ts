import assert from 'node:assert/strict';
import { test } from 'node:test';
import { feature } from './support';

test('emoji: pictographs and stand-alone text emoticons', () => {
  assert.equal(feature('thanks 😊', 'emoji'), 1);
  assert.equal(feature('love it ❤️', 'emoji'), 1);
  assert.equal(feature('thanks :)', 'emoji'), 1);
  assert.equal(feature('ugh :-( again', 'emoji'), 1);
  assert.equal(feature('<3 this app', 'emoji'), 1);
  assert.equal(feature('meet at 10:30 (maybe)', 'emoji'), 0);
  assert.equal(feature('see https://x.io/a', 'emoji'), 0);
  assert.equal(feature('Note: (a) and (b)', 'emoji'), 0);
});

test('digits anywhere in the text', () => {
  assert.equal(feature('order 12345 is late', 'digits'), 1);
  assert.equal(feature('my 2nd card', 'digits'), 1);
  assert.equal(feature('no numbers here', 'digits'), 0);
});
