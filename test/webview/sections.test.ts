/**
 * The phrases and mode-collapse sections in Debian's Chromium, on a saved report page: both sides' counts and
 * rates per 1,000 rows, the sentence when no phrase stands out, and the embedding and cosine the groups rest on.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { staticPanelPage } from '../../src/core/exporters/staticPage';
import type { StaticPanelData } from '../../src/shared/panel';
import { recordedPage, usePanelBrowser } from './browser';
import { fixtureStaticData } from './fixtureSnapshot';

const chromium = usePanelBrowser();

async function sectionTexts(data: StaticPanelData): Promise<{ phrases: string; modeCollapse: string; rateCells: string[] }> {
  const recorded = await recordedPage(chromium.browser.browser);
  try {
    await recorded.page.setContent(staticPanelPage({ script: chromium.assets.script, style: chromium.assets.style, data, title: 'Gap report', nonce: 'sections0123456789abcdef' }), { waitUntil: 'load' });
    await recorded.page.waitForSelector('#headline-auc');
    const phrases = (await recorded.page.textContent('#phrases')) ?? '';
    const modeCollapse = (await recorded.page.textContent('#mode-collapse')) ?? '';
    const rateCells = await recorded.page.$$eval('.phrases-synthetic tbody tr:first-child td', (cells) => cells.map((cell) => cell.textContent ?? ''));
    return { phrases, modeCollapse, rateCells };
  } finally {
    await recorded.page.close();
  }
}

describe('report panel sections', () => {
  it('phrases: both counts and both rates per 1,000 rows; a sentence when none stands out', async () => {
    const data = fixtureStaticData('light');
    const [dataset] = data.datasets;
    const { phrases } = dataset.snapshot;
    const first = phrases.overSynthetic[0];
    const shown = await sectionTexts(data);
    const rate = (count: number, rows: number) => ((1000 * count) / rows).toFixed(Number.isInteger((1000 * count) / rows) ? 0 : (1000 * count) / rows >= 10 ? 1 : 2);
    assert.deepEqual(shown.rateCells.slice(1, 5), [String(first.syntheticCount), rate(first.syntheticCount, phrases.syntheticRows), String(first.realCount), rate(first.realCount, phrases.realRows)]);
    assert.match(shown.phrases, /rates are per 1,000 rows of each side/);
    const quiet = { ...data, datasets: [{ ...dataset, snapshot: { ...dataset.snapshot, phrases: { ...phrases, overSynthetic: [], overReal: [], tested: 57 } } }] };
    assert.match((await sectionTexts(quiet)).phrases, /No phrase is used more on one side than the other \(tested 57 phrases\)\./);
  });

  it('mode collapse: names the embedding and cosine of the groups', async () => {
    const data = fixtureStaticData('dark');
    const method = 'Groups: rows with the same text, or at cosine ≥ 0.80 to a group\'s first row on model2vec:potion-mini, a semantic embedding, so paraphrases count.';
    const [dataset] = data.datasets;
    const diversity = { ...dataset.snapshot.diversity, method, paraphrases: true, embedder: 'model2vec:potion-mini' };
    const shown = await sectionTexts({ ...data, datasets: [{ ...dataset, snapshot: { ...dataset.snapshot, diversity } }] });
    assert.ok(shown.modeCollapse.includes(method), shown.modeCollapse);
  });
});
