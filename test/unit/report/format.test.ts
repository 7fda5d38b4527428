import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  escapeHtml,
  escapeMarkdown,
  excerpt,
  fileName,
  formatAuc,
  formatAucRange,
  formatCount,
  formatDecimal,
  formatScore,
  formatShare,
  formatSigned,
  formatValue,
  oneLine,
  plural,
  truncate,
} from '../../../src/core/exporters/format';

describe('number formatting', () => {
  it('writes counts with en-US thousands separators', () => {
    assert.equal(formatCount(0), '0');
    assert.equal(formatCount(999), '999');
    assert.equal(formatCount(10000), '10,000');
    assert.equal(formatCount(-1234567), '-1,234,567');
    assert.equal(formatCount(1234.6), '1,235');
  });

  it('prints an AUC interval with two decimals, three when it is narrower than that, one value at a bound', () => {
    assert.equal(formatAucRange(0.861, 0.882), '0.86–0.88');
    assert.equal(formatAucRange(0.9512, 0.9531), '0.951–0.953');
    assert.equal(formatAucRange(0.95111, 0.95139), '0.951');
    assert.equal(formatAucRange(0.9995, 0.99999), '>0.99');
  });

  it('prints non-finite numbers as n/a', () => {
    assert.equal(formatCount(NaN), 'n/a');
    assert.equal(formatDecimal(Infinity, 2), 'n/a');
    assert.equal(formatSigned(NaN, 2), 'n/a');
  });

  it('never prints a negative zero', () => {
    assert.equal(formatDecimal(-0.001, 2), '0.00');
    assert.equal(formatSigned(-0.001, 2), '0.00');
    assert.equal(formatSigned(0.5, 2), '+0.50');
    assert.equal(formatSigned(-1234.5, 1), '-1,234.5');
  });

  it('prints 0% and 100% only for exactly 0 and 1', () => {
    assert.equal(formatShare(0), '0%');
    assert.equal(formatShare(1), '100%');
    assert.equal(formatShare(0.995), '99.5%');
    assert.equal(formatShare(0.9996), 'over 99.9%');
    assert.equal(formatShare(1 - 1e-12), 'over 99.9%');
    assert.equal(formatShare(0.0004), 'under 0.1%');
    assert.equal(formatShare(1e-12), 'under 0.1%');
    assert.equal(formatShare(0.004), '0.4%');
    // Every share strictly between 0 and 1 stays off both ends, however it rounds.
    for (let i = 1; i < 100_000; i++) {
      const text = formatShare(i / 100_000);
      assert.ok(text !== '0%' && text !== '100%' && text !== '0.0%' && text !== '100.0%' && text !== '10.0%', `${i / 100_000} → ${text}`);
    }
  });

  it('keeps one decimal below 10% and above 99%, whole percents between', () => {
    assert.equal(formatShare(0.05), '5.0%');
    assert.equal(formatShare(0.0812), '8.1%');
    assert.equal(formatShare(0.1), '10%');
    assert.equal(formatShare(0.4167), '42%');
    assert.equal(formatShare(0.0996), '10%');
    assert.equal(formatShare(0.953), '95%');
    assert.equal(formatShare(0.99), '99%');
    assert.equal(formatShare(0.994), '99.4%');
    assert.equal(formatShare(0.999), '99.9%');
  });

  it('writes ratios above 1 in whole percents and non-finite shares as n/a', () => {
    assert.equal(formatShare(1.5), '150%');
    assert.equal(formatShare(1.001), 'over 100%');
    assert.equal(formatShare(12.345), '1,235%');
    assert.equal(formatShare(NaN), 'n/a');
    assert.equal(formatShare(Infinity), 'n/a');
  });

  it('writes an AUC with two decimals, n/a when there is none', () => {
    assert.equal(formatAuc(0.9134), '0.91');
    assert.equal(formatAuc(0.5), '0.50');
    assert.equal(formatAuc(NaN), 'n/a');
  });

  it('does not round a score to a certainty', () => {
    assert.equal(formatScore(0.998), '>0.99');
    assert.equal(formatScore(0.002), '<0.01');
    assert.equal(formatScore(1), '1.00');
    assert.equal(formatScore(0.734), '0.73');
    assert.equal(formatScore(0.9998, 3), '>0.999');
    assert.equal(formatScore(0.9994, 3), '0.999');
    assert.equal(formatScore(0.0004, 3), '<0.001');
    assert.equal(formatScore(0.995), '>0.99');
    assert.equal(formatScore(0.9949), '0.99');
    assert.equal(formatScore(0), '0.00');
  });

  it('gives feature values about three significant digits', () => {
    assert.equal(formatValue(14.236), '14.2');
    assert.equal(formatValue(0.7234), '0.72');
    assert.equal(formatValue(1234.5), '1,235');
    assert.equal(formatValue(3), '3', 'a whole number reads as a count');
    assert.equal(formatValue(12000), '12,000');
  });

  it('pluralizes with the formatted count', () => {
    assert.equal(plural(1, 'row'), '1 row');
    assert.equal(plural(10000, 'row'), '10,000 rows');
  });
});

describe('text escaping', () => {
  it('escapes HTML for element content and quoted attributes', () => {
    assert.equal(escapeHtml(`<img src="x" onerror='a'> & co`), '&lt;img src=&quot;x&quot; onerror=&#39;a&#39;&gt; &amp; co');
  });

  it('escapes Markdown table syntax, code spans and HTML', () => {
    assert.equal(escapeMarkdown('a | `b`'), 'a \\| \\`b\\`');
    assert.equal(escapeMarkdown('<b>bold</b>'), '&lt;b>bold&lt;/b>');
    assert.equal(escapeMarkdown('*x* _y_ [z] ~w~ \\'), '\\*x\\* \\_y\\_ \\[z\\] \\~w\\~ \\\\');
    assert.equal(escapeMarkdown('first\nsecond'), 'first ↵ second');
  });

  it('keeps text a paragraph where a line starts: no heading, quote or list from dataset text', () => {
    assert.equal(escapeMarkdown('# not a heading'), '\\# not a heading');
    assert.equal(escapeMarkdown('> not a quote'), '\\> not a quote');
    assert.equal(escapeMarkdown('- not a list'), '\\- not a list');
    assert.equal(escapeMarkdown('12. not a list'), '12\\. not a list');
    assert.equal(escapeMarkdown('a - b # c'), 'a - b # c', 'only at the start');
  });

  it('escapes an ampersand only where it would start an entity', () => {
    assert.equal(escapeMarkdown('R&D'), 'R&D');
    assert.equal(escapeMarkdown('&lt; and &#60;'), '&amp;lt; and &amp;#60;');
  });

  it('puts text on one line without control or bidi characters', () => {
    assert.equal(oneLine('  a\r\nb\tc\u001b[2J\u202e  '), 'a ↵ b c\ufffd[2J\ufffd');
  });

  it('truncates by code point, keeping surrogate pairs whole', () => {
    assert.equal(truncate('short', 10), 'short');
    assert.equal(truncate('abcdefghij', 5), 'abcd…');
    assert.equal(truncate('😀😀😀😀', 3), '😀😀…');
    assert.equal(excerpt('a\nb', 10), 'a ↵ b');
  });
});

describe('file names', () => {
  it('shows the last segment of a path, on either separator', () => {
    assert.equal(fileName('/home/me/data/real.jsonl'), 'real.jsonl');
    assert.equal(fileName('C:\\data\\real.csv'), 'real.csv');
    assert.equal(fileName('real.jsonl'), 'real.jsonl');
  });
});
