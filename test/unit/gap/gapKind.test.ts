import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { COVERAGE_EXCESS, decideGapKind, MISSING_LABELS, STYLE_SHARE, type GapKindInput } from '../../../src/core/gap/gapKind';
import { missingLabelShare } from '../../../src/core/gap/uncovered';

/** A large gap that style, coverage and wording each fall just short of explaining. */
const base: GapKindInput = {
  verdict: 'large-gap',
  auc: 0.9,
  // (0.76 - 0.5) / 0.4 = 0.65: under STYLE_SHARE.
  styleAuc: 0.76,
  uncovered: { share: 0.15, expected: 0.1 },
  missingLabelShare: 0,
  registerReal: 0.01,
  registerSynthetic: 0.02,
};

describe('decideGapKind', () => {
  test('style: style alone carries at least STYLE_SHARE of the lead over chance, whatever the coverage figures', () => {
    const styleAuc = 0.5 + STYLE_SHARE * 0.4;
    const decided = decideGapKind({ ...base, styleAuc, uncovered: { share: 0.4, expected: 0.1 } });
    assert.equal(decided.kind, 'style');
    assert.equal(decided.lever, 'run synthgap roughen');
    assert.ok(Math.abs(decided.figures.styleShare - STYLE_SHARE) < 1e-9);
    assert.equal(decided.sentence, `Kind of gap: style — casing, punctuation, typos and apostrophes alone reach AUC ${styleAuc.toFixed(2)} of the detector's 0.90 (${Math.round(100 * STYLE_SHARE)}% of its lead over chance); run synthgap roughen; 40% of real rows have no close synthetic row (10% by chance), which roughening cannot add: generate rows for them (synthgap prompts).`);
    // Without uncovered real rows beyond chance, roughen is the whole lever.
    assert.match(decideGapKind({ ...base, styleAuc, uncovered: { share: 0.15, expected: 0.1 } }).sentence, /run synthgap roughen\.$/);
    assert.notEqual(decideGapKind({ ...base, styleAuc: styleAuc - 0.001 }).kind, 'style');
  });

  test('a style-only AUC above the full one counts as all of it; a detector at chance leaves nothing to share', () => {
    assert.equal(decideGapKind({ ...base, styleAuc: 0.95 }).figures.styleShare, 1);
    assert.equal(decideGapKind({ ...base, verdict: 'small-gap', auc: 0.5, styleAuc: 0.6 }).figures.styleShare, 0);
  });

  test('coverage: real rows without a close synthetic row beyond chance by COVERAGE_EXCESS, or labels left out', () => {
    const far = decideGapKind({ ...base, uncovered: { share: 0.1 + COVERAGE_EXCESS, expected: 0.1 } });
    assert.equal(far.kind, 'coverage');
    assert.match(far.sentence, /^Kind of gap: coverage — 20% of real rows have no close synthetic row \(10% by chance\); casing, punctuation, typos and apostrophes alone reach AUC 0\.76 of the detector's 0\.90 only; generate rows for the real situations the synthetic rows miss \(synthgap prompts\)\.$/);
    assert.equal(decideGapKind({ ...base, uncovered: { share: 0.1 + COVERAGE_EXCESS - 0.001, expected: 0.1 } }).kind, 'wording');
    const labels = decideGapKind({ ...base, missingLabelShare: MISSING_LABELS });
    assert.equal(labels.kind, 'coverage');
    assert.match(labels.sentence, /^Kind of gap: coverage — 10% of real rows have a label the synthetic rows barely use;/);
    assert.equal(decideGapKind({ ...base, missingLabelShare: MISSING_LABELS - 0.001 }).kind, 'wording');
  });

  test('wording: what is left; the register-phrase gap leads the sentence when there is one', () => {
    const plain = decideGapKind(base);
    assert.equal(plain.kind, 'wording');
    assert.match(plain.sentence, /^Kind of gap: wording — the sides differ in their words and phrasing; /);
    assert.match(plain.lever, /prompts' style rules/);
    const register = decideGapKind({ ...base, registerSynthetic: 0.5, registerReal: 0.001 });
    assert.match(register.sentence, /^Kind of gap: wording — 50% of synthetic rows use a formal or LLM register phrase \(0% of real rows\); casing, punctuation, typos and apostrophes alone reach AUC 0\.76 of the detector's 0\.90, and 15% of real rows have no close synthetic row \(10% by chance\); reword/);
    // Without embeddings and labels there is no coverage figure to decide from: wording, and no coverage clause.
    const bare = decideGapKind({ verdict: 'gap', auc: 0.7, styleAuc: 0.55, registerReal: 0, registerSynthetic: 0 });
    assert.equal(bare.kind, 'wording');
    assert.doesNotMatch(bare.sentence, /close synthetic row/);
  });

  test('none with no gap, even when style would explain what little there is; no kind with too few rows', () => {
    assert.equal(decideGapKind({ ...base, verdict: 'no-gap', auc: 0.53, styleAuc: 0.53 }).kind, 'none');
    const few = decideGapKind({ ...base, verdict: 'insufficient-data' });
    assert.equal(few.kind, undefined);
    assert.equal(few.lever, '');
    assert.equal(few.sentence, 'Kind of gap: too few rows to say.');
  });
});

describe('missingLabelShare', () => {
  const repeat = (label: string, n: number) => Array.from({ length: n }, () => label);

  test('the real rows of labels the synthetic rows hold under a quarter of their share, and significantly few', () => {
    const real = [...repeat('a', 50), ...repeat('b', 30), ...repeat('c', 20)];
    // 100 synthetic rows: c expects 20 and gets 2 (under 5, p ≈ 0.0001); b expects 30 and gets 8 (over 7.5).
    const synthetic = [...repeat('a', 90), ...repeat('b', 8), ...repeat('c', 2)];
    assert.equal(missingLabelShare(real, synthetic), 0.2);
  });

  test('a small label with no synthetic row may be chance; sides without labels have no figure', () => {
    // 'b': 5 real rows and none of 100 synthetic ones: 0.5⁵ · 2 = 0.0625, not significant.
    assert.equal(missingLabelShare([...repeat('a', 95), ...repeat('b', 5)], repeat('a', 100)), 0);
    // 'b' with 8 real rows and none: 0.0078, missing.
    assert.equal(missingLabelShare([...repeat('a', 92), ...repeat('b', 8)], repeat('a', 100)), 0.08);
    assert.equal(missingLabelShare([undefined, undefined], ['a']), undefined);
    assert.equal(missingLabelShare(['a'], []), undefined);
  });
});
