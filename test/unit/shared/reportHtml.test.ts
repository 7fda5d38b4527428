import { test } from 'node:test';
import assert from 'node:assert/strict';
import { REPORT_CSP, hardenReportHtml, messageHtml } from '../../../src/extension/reportHtml';
import { HTML_CSP } from '../../../src/core/report/html';

const meta = `<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`;

test('our policy is the one the core\'s HTML export already carries', () => {
  assert.equal(REPORT_CSP, HTML_CSP);
});

test('the CSP goes first in <head>', () => {
  assert.equal(hardenReportHtml('<html><head lang="en"><title>x</title></head></html>'), `<html><head lang="en">${meta}<title>x</title></head></html>`);
});

test('a page without <head> gets one, and a fragment gets a whole page', () => {
  assert.equal(hardenReportHtml('<html><body>x</body></html>'), `<html><head>${meta}</head><body>x</body></html>`);
  assert.equal(hardenReportHtml('<p>x</p>'), `<!DOCTYPE html><html><head>${meta}</head><body><p>x</p></body></html>`);
  assert.ok(!hardenReportHtml('<header>x</header>').startsWith('<header>'), '<header> is not <head>');
});

test('message pages insert text as text', () => {
  const html = messageHtml('No report for <b>.jsonl', 'a "quoted" & <script>alert(1)</script>');
  assert.ok(!html.includes('<script>'));
  assert.ok(html.includes('&lt;script&gt;') && html.includes('&quot;quoted&quot; &amp;'));
  assert.ok(html.includes(meta));
});
