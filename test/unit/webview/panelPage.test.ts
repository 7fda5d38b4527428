import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { jsonForScript, staticPanelPage } from '../../../src/core/exporters/staticPage';
import { panelPage } from '../../../src/extension/panelPage';
import { fixtureStaticData } from '../../webview/fixtureSnapshot';
import { HOSTILE_HTML, HOSTILE_SCRIPT } from '../report/fixtureReport';

const NONCE = 'abcdef0123456789abcdef0123456789';

describe('panelPage', () => {
  const html = panelPage({ nonce: NONCE, cspSource: 'https://file+.vscode-resource.vscode-cdn.net', scriptUri: 'https://x/panel.js?a=1&b=2', styleUri: 'https://x/panel.css', title: `Gap report: ${HOSTILE_HTML}` });

  it('allows only the extension\'s assets and nonce-carrying scripts and styles', () => {
    const csp = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1];
    assert.equal(csp, `default-src 'none'; img-src https://file+.vscode-resource.vscode-cdn.net data:; style-src https://file+.vscode-resource.vscode-cdn.net 'nonce-${NONCE}'; script-src 'nonce-${NONCE}'; font-src https://file+.vscode-resource.vscode-cdn.net`.replace(/'/g, '&#39;'));
    assert.match(html, new RegExp(`<script nonce="${NONCE}" src="https://x/panel.js\\?a=1&amp;b=2"></script>`));
    assert.match(html, new RegExp(`<link rel="stylesheet" href="https://x/panel.css" nonce="${NONCE}">`));
  });

  it('escapes the title and refuses a nonce that could break out of its attribute', () => {
    assert.match(html, /<title>Gap report: &lt;img src=x onerror=alert\(1\)&gt;<\/title>/);
    assert.throws(() => panelPage({ nonce: '"><script>', cspSource: 'x', scriptUri: 'a', styleUri: 'b', title: 't' }));
  });
});

describe('staticPanelPage', () => {
  const data = fixtureStaticData('light');
  const html = staticPanelPage({ script: 'console.log("panel")\n//# sourceMappingURL=panel.js.map\n', style: 'body{color:red}</style><script>', data, title: 'Saved', nonce: NONCE });

  it('inlines script, style and data under one nonce, with no network source', () => {
    assert.match(html, /content="default-src &#39;none&#39;; img-src data:; style-src &#39;nonce-abcdef0123456789abcdef0123456789&#39;; script-src &#39;nonce-abcdef0123456789abcdef0123456789&#39;"/);
    assert.match(html, new RegExp(`<script nonce="${NONCE}">console.log\\("panel"\\)\\n</script>`), 'the source map comment is dropped');
    assert.doesNotMatch(html, /src="http|href="http/);
    assert.match(html, /<style nonce="[^"]+">body\{color:red\}<\\\/style><script><\/style>/);
  });

  it('keeps hostile text inert inside the JSON element and gets it back unchanged', () => {
    const json = /<script type="application\/json" id="synthgap-data">([^<]*)<\/script>/.exec(html)?.[1];
    assert.ok(json, 'the data element holds no < at all');
    assert.ok(!json.includes('</script'));
    const parsed = JSON.parse(json) as typeof data;
    assert.deepEqual(parsed, JSON.parse(JSON.stringify(data)));
    assert.ok(parsed.datasets[0].rows.some((row) => row.text === HOSTILE_HTML));
    const plain = staticPanelPage({ script: '', style: '', data, title: 't', nonce: NONCE });
    assert.equal(plain.split('<script').length - 1, 2, 'exactly the data element and the panel script');
  });

  it('sets the theme class VS Code uses and fallback theme variables', () => {
    assert.match(html, /<body class="vscode-light synthgap-static"/);
    assert.match(html, /body\.synthgap-static\.vscode-high-contrast \{ --vscode-foreground: #ffffff;/);
    assert.match(staticPanelPage({ script: '', style: '', data: { ...data, theme: 'high-contrast' }, title: 't', nonce: NONCE }), /<body class="vscode-high-contrast synthgap-static"/);
  });

  it('escapes <, >, &, U+2028 and U+2029 in JSON as \\u escapes', () => {
    assert.equal(jsonForScript({ t: `${HOSTILE_SCRIPT}&\u2028\u2029` }), '{"t":"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e\\u0026\\u2028\\u2029"}');
  });

  it('refuses a script it cannot inline safely, and a nonce that is missing or short', () => {
    assert.throws(() => staticPanelPage({ script: 'let s = "</script>"', style: '', data, title: 't', nonce: NONCE }));
    assert.throws(() => staticPanelPage({ script: '', style: '', data, title: 't', nonce: 'short' }));
    assert.throws(() => staticPanelPage({ script: '', style: '', data, title: 't', nonce: '"><script>alert(1)</script>' }));
  });

  it('follows the reader\'s system theme when written without one (the CLI\'s pages)', () => {
    const auto = staticPanelPage({ script: '', style: '', data: { ...data, theme: 'auto' }, title: 't', nonce: NONCE });
    assert.match(auto, /<body class="vscode-light synthgap-static" data-vscode-theme-kind="vscode-light" data-synthgap-theme="auto">/);
  });
});
