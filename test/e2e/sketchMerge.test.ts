// `synthgap sketch` and `synthgap merge` as a cluster job runs them: the built bin, a file split into parts, one
// sketch per part, merged on one machine in any order.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { CLI, EXAMPLES, ROOT, tempDir, type CliRun } from '../support/cli';
import { launchBrowser, type TestBrowser } from '../webview/browser';

function run(args: readonly string[]): CliRun {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26, env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function ok(result: CliRun): string {
  assert.equal(result.code, 0, result.stderr);
  return result.stdout;
}

const dir = tempDir('synthgap-sketch-');
const lines = (name: string): string[] => readFileSync(join(EXAMPLES, name), 'utf8').split('\n').filter((line) => line !== '');
// Two interleaved halves of one mix of real-like and LLM rows: the model is fitted on one, the other is new to it.
const real = lines('real_holdout.jsonl');
const synthetic = lines('synthetic.jsonl');
const half = (parity: number): string[] => [...real.filter((_, i) => i % 2 === parity).slice(0, 600), ...synthetic.filter((_, i) => i % 2 === parity).slice(0, 200)];
const FIT = join(dir, 'fit.jsonl');
const DATA = join(dir, 'data.jsonl');
const MODEL = join(dir, 'model.json');
// The data to sketch, with a line that is not JSON in the middle.
const data = [...half(1).slice(0, 333), '{"text": "unterminated', ...half(1).slice(333)];
const CUTS = [0, 300, 334, data.length];

describe('synthgap sketch and merge', () => {
  before(() => {
    writeFileSync(FIT, `${half(0).join('\n')}\n`);
    writeFileSync(DATA, `${data.join('\n')}\n`);
    ok(run(['fit', FIT, '--reference', join(EXAMPLES, 'real.jsonl'), '--out', MODEL, '--quiet']));
    ok(run(['sketch', '--model', MODEL, DATA, '--out', join(dir, 'whole.sketch')]));
    for (let p = 0; p < 3; p++) {
      const part = join(dir, `part-${p}.jsonl`);
      writeFileSync(part, `${data.slice(CUTS[p], CUTS[p + 1]).join('\n')}\n`);
      ok(run(['sketch', '--model', MODEL, part, '--file-name', DATA, '--line-offset', String(CUTS[p]), '--out', join(dir, `part-${p}.sketch`)]));
    }
  });

  test('the merged report of three parts equals the report of the whole file, in any order', () => {
    const whole = ok(run(['merge', '--model', MODEL, join(dir, 'whole.sketch'), '--format', 'json']));
    for (const order of [[0, 1, 2], [2, 0, 1], [1, 2, 0]]) {
      const merged = ok(run(['merge', '--model', MODEL, ...order.map((p) => join(dir, `part-${p}.sketch`)), '--format', 'json']));
      assert.deepEqual(JSON.parse(merged), JSON.parse(whole));
    }
    const report = JSON.parse(whole) as { rows: number; errors: number; errorLines: { file: string; line: number }[]; gaps: unknown[] };
    assert.equal(report.rows, 800);
    assert.equal(report.errors, 1);
    assert.deepEqual(report.errorLines, [{ file: DATA, line: 334 }]);
    assert.equal(report.gaps.length > 30, true);
  });

  test("the AUC of rows the model did not fit on is within 0.06 of check's on the same rows, and the gaps within 0.01", () => {
    interface Gap {
      feature: string;
      effect: number;
      sentence: string;
    }
    const merged = JSON.parse(ok(run(['merge', '--model', MODEL, join(dir, 'part-0.sketch'), join(dir, 'part-1.sketch'), join(dir, 'part-2.sketch'), '--format', 'json']))) as { auc: number; aucLow: number; aucHigh: number; gaps: Gap[] };
    const check = JSON.parse(ok(run(['check', DATA, '--reference', join(EXAMPLES, 'real.jsonl'), '--format', 'json']))) as { datasets: { summary: { auc: number }; gaps: Gap[] }[] };
    const auc = check.datasets[0].summary.auc;
    // Measured: 0.680 against 0.631 (the fitted model saw more rows than each of check's folds).
    assert.ok(Math.abs(merged.auc - auc) < 0.06, `sketch ${merged.auc}, check ${auc}`);
    assert.ok(merged.aucLow < merged.auc && merged.auc < merged.aucHigh);
    // The feature histograms on the model's bins give check's effects (measured: within 0.004) and its sentences.
    const checkGaps = new Map(check.datasets[0].gaps.map((gap) => [gap.feature, gap]));
    assert.equal(merged.gaps.length, checkGaps.size);
    for (const gap of merged.gaps) assert.ok(Math.abs(gap.effect - checkGaps.get(gap.feature)!.effect) < 0.01, `${gap.feature}: ${gap.effect} against ${checkGaps.get(gap.feature)!.effect}`);
    const same = merged.gaps.filter((gap) => gap.sentence === checkGaps.get(gap.feature)!.sentence).length;
    assert.ok(same >= merged.gaps.length - 2, `${same} of ${merged.gaps.length} sentences as check words them`);
  });

  test('score --sketch writes the sketch sketch writes, in the same pass, and --line-offset moves score\'s lines too', () => {
    const part = join(dir, 'part-1.jsonl');
    const sketch = join(dir, 'scored-1.sketch');
    const out = ok(run(['score', '--model', MODEL, part, '--file-name', DATA, '--line-offset', String(CUTS[1]), '--sketch', sketch]));
    assert.equal(readFileSync(sketch, 'utf8'), readFileSync(join(dir, 'part-1.sketch'), 'utf8'));
    const rows = out.split('\n').filter((line) => line !== '').map((line) => JSON.parse(line) as { file: string; line: number; error?: string });
    assert.deepEqual(rows.map((row) => row.line), Array.from({ length: CUTS[2] - CUTS[1] }, (_, k) => CUTS[1] + k + 1));
    assert.deepEqual(rows.filter((row) => row.error !== undefined).map((row) => row.line), [334]);
  });

  test('the text and Markdown reports; sketches of another model are refused with one line', () => {
    const text = ok(run(['merge', '--model', MODEL, join(dir, 'whole.sketch')]));
    assert.match(text, /^AUC 0\.\d\d \(95% 0\.\d\d–0\.\d\d\), (small-gap|gap); 800 rows against 1,500 reference rows$/m);
    assert.match(text, /^Unreadable lines: 1 \(first: .*data\.jsonl:334\)$/m);
    assert.match(ok(run(['merge', '--model', MODEL, join(dir, 'whole.sketch'), '--format', 'markdown'])), /^## Gaps$/m);
    const clobber = run(['sketch', '--model', MODEL, DATA, '--out', DATA]);
    assert.equal(clobber.code, 2);
    assert.match(clobber.stderr, /is the input file: the sketch would overwrite the rows/);
    assert.equal(run(['merge', '--model', MODEL, join(dir, 'whole.sketch'), '--out', join(dir, 'whole.sketch')]).code, 2);
    const other = join(dir, 'other.json');
    ok(run(['fit', DATA, '--reference', join(EXAMPLES, 'real.jsonl'), '--out', other, '--quiet']));
    const refused = run(['merge', '--model', other, join(dir, 'whole.sketch')]);
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /whole\.sketch was sketched with another model .*: sketch it again with this model\n$/);
  });

  test("sketching the rows fit trained on warns in every format; rows it did not see do not", () => {
    ok(run(['sketch', '--model', MODEL, FIT, '--out', join(dir, 'fit.sketch')]));
    const json = JSON.parse(ok(run(['merge', '--model', MODEL, join(dir, 'fit.sketch'), '--format', 'json']))) as { rows: number; trainingRows: number; warnings: string[] };
    // fit sampled every row of its 800 (fewer than --sample): all of them are in the filter.
    assert.equal(json.trainingRows, 800);
    assert.deepEqual(json.warnings, ["800 of 800 rows (100%) were in the fit's training sample: their scores read higher than on unseen rows; sketch other rows"]);
    assert.match(ok(run(['merge', '--model', MODEL, join(dir, 'fit.sketch')])), /^Warning: 800 of 800 rows \(100%\) were in the fit's training sample/m);
    assert.match(ok(run(['merge', '--model', MODEL, join(dir, 'fit.sketch'), '--format', 'markdown'])), /^Warning: 800 of 800 rows/m);
    assert.match(ok(run(['merge', '--model', MODEL, join(dir, 'fit.sketch'), '--format', 'html'])), /<strong>Warning:<\/strong> 800 of 800 rows \(100%\) were in the fit&#39;s training sample/);
    const held = JSON.parse(ok(run(['merge', '--model', MODEL, ...[0, 1, 2].map((p) => join(dir, `part-${p}.sketch`)), '--format', 'json']))) as { trainingRows: number; warnings: string[] };
    // The other half: only rows whose normalized text repeats a fitted row's (and the filter's ~0.1% false hits).
    assert.ok(held.trainingRows < 16, `${held.trainingRows} held-out rows hit the filter`);
    assert.deepEqual(held.warnings, []);
  });

  test('phrases the model does not hold are tested against the reference: LLM rows over-use some, real rows none', () => {
    interface Phrase {
      phrase: string;
      rows: number;
      z: number;
    }
    const tail = (name: string, from: number): string => {
      const path = join(dir, `tail-${name}`);
      writeFileSync(path, `${lines(name).slice(from).join('\n')}\n`);
      ok(run(['sketch', '--model', MODEL, path, '--out', `${path}.sketch`]));
      return `${path}.sketch`;
    };
    // Rows neither fit nor the data above used: the sides' later lines.
    const llm = JSON.parse(ok(run(['merge', '--model', MODEL, tail('synthetic.jsonl', 1000), '--format', 'json']))) as { newPhrases: Phrase[]; newPhrasesTested: number };
    const human = JSON.parse(ok(run(['merge', '--model', MODEL, tail('real_holdout.jsonl', 1200), '--format', 'json']))) as { newPhrases: Phrase[]; newPhrasesTested: number };
    assert.ok(llm.newPhrasesTested > 500 && human.newPhrasesTested > 100);
    assert.ok(llm.newPhrases.length > 0, 'the LLM rows over-use a phrase the model does not hold');
    assert.ok(llm.newPhrases.every((p) => p.rows >= 3 && p.z > 3));
    assert.deepEqual(human.newPhrases, []);
  });

  describe('--format html', () => {
    // A partition path with HTML in it: every text on the page must be escaped, so it shows as written.
    const ODD = 'parts/<b>&"x".jsonl';
    const PAGE = join(dir, 'report.html');
    let browser: TestBrowser | undefined;
    before(async () => {
      ok(run(['sketch', '--model', MODEL, DATA, '--file-name', ODD, '--out', join(dir, 'odd.sketch')]));
      ok(run(['merge', '--model', MODEL, join(dir, 'odd.sketch'), '--out', PAGE]));
      browser = await launchBrowser();
    });
    after(() => browser?.close());

    test('--out report.html writes one page with the figures of the text report, escaped, and nothing that runs', () => {
      const html = readFileSync(PAGE, 'utf8');
      assert.equal(ok(run(['merge', '--model', MODEL, join(dir, 'odd.sketch'), '--format', 'html'])).replace(/nonce-[^'"]+|nonce="[^"]+"/g, ''), html.replace(/nonce-[^'"]+|nonce="[^"]+"/g, ''));
      const text = ok(run(['merge', '--model', MODEL, join(dir, 'odd.sketch')]));
      const auc = /^AUC (\S+) \(95% (\S+)\)/m.exec(text)!;
      assert.match(html, new RegExp(`>${auc[1]}</span><span class="label">AUC \\(95% ${auc[2]}\\)`));
      assert.match(html, /Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;nonce-/);
      assert.doesNotMatch(html, /<script|<b>|https?:/);
      assert.match(html, /parts\/&lt;b&gt;&amp;&quot;x&quot;\.jsonl:334/);
      // The Markdown report escapes it too: no tag survives.
      const markdown = ok(run(['merge', '--model', MODEL, join(dir, 'odd.sketch'), '--format', 'markdown']));
      assert.match(markdown, /^Unreadable lines: 1 \(first: parts\/&lt;b>&"x"\.jsonl:334\)$/m);
      // --out's name picks the format when --format is absent (the Python integration's --report relies on it).
      for (const name of ['report.md', 'report.markdown']) {
        ok(run(['merge', '--model', MODEL, join(dir, 'odd.sketch'), '--out', join(dir, name)]));
        assert.equal(readFileSync(join(dir, name), 'utf8'), markdown);
      }
    });

    for (const scheme of ['light', 'dark'] as const) {
      test(`in Chromium the page follows a ${scheme} system, shows the verdict, gaps and duplicate groups, and breaks no rule of its CSP`, async () => {
        const page = await browser!.browser.newPage({ colorScheme: scheme, viewport: { width: 600, height: 800 } });
        const problems: string[] = [];
        page.on('console', (message) => problems.push(message.text()));
        page.on('pageerror', (error) => problems.push(error.message));
        await page.goto(pathToFileURL(PAGE).href);
        const seen = await page.evaluate(() => ({
          background: getComputedStyle(document.body).backgroundColor,
          verdict: getComputedStyle(document.querySelector('.verdict')!).backgroundColor,
          gaps: document.querySelectorAll('ul.gaps > li').length,
          firstRef: document.querySelector('code')?.textContent,
          width: document.documentElement.scrollWidth,
        }));
        await page.close();
        // The theme's editor background (staticPage.ts THEME_COLORS): the stylesheet applied under the nonce.
        assert.equal(seen.background, scheme === 'dark' ? 'rgb(31, 31, 31)' : 'rgb(255, 255, 255)');
        assert.notEqual(seen.verdict, 'rgba(0, 0, 0, 0)');
        assert.equal(seen.gaps > 30, true);
        assert.equal(seen.firstRef, `${ODD}:334`);
        assert.ok(seen.width <= 600, `the page is ${seen.width} px wide in a 600 px window`);
        assert.deepEqual(problems, []);
      });
    }
  });
});
