import type { GapKind, GapKindEvidence, GapKindFigures, Verdict } from '../report/types';

/**
 * The gap is `style` when the style-only detector (styleAuc.ts) carries at least this share of the full
 * detector's lead over chance, (style AUC − 0.5) / (AUC − 0.5). Measured (bench/gapKind.ts, 3,000 rows a side,
 * two seeds of the splits, and 500 rows a side): 0.99-1.00 on CLINC150 against gpt-3.5 and on Banking77 against
 * its own rows lower-cased without punctuation, both style; at most 0.26 elsewhere (gpt-3.5 with style removed,
 * register phrases added to half the rows, labels left out). 0.7 keeps a gap that is only partly style (roughen
 * would leave the rest) from being sent to roughen, with room on both sides.
 */
export const STYLE_SHARE = 0.7;
/**
 * The gap is `coverage` when real rows with no close synthetic row exceed the share expected by chance by at
 * least this much. Measured on 600 sampled real rows: 0.08-0.20 over chance on CLINC150 against gpt-3.5 with
 * style removed (with and without half of the labels); -0.03 to +0.02 on random halves; 0.00-0.06 where
 * register phrases were added or rows of a third of the labels left out (the hashed embedding sees words, not
 * situations, so the label figure below catches those). 0.1 is above what chance and rewording move.
 */
export const COVERAGE_EXCESS = 0.1;
/**
 * The gap is `coverage` when at least this share of real rows have a label the synthetic rows (almost) lack.
 * Measured at 3,000 rows a side (two seeds): 0.31-0.34 and 0.51 where a third and half of CLINC150's labels
 * were left out (Banking77: 0.34), 0 on every other case (random halves, paraphrases of every label). At 500
 * rows a side (about 3 rows an intent) at most 0.02 where every label is there and 0.06-0.10 where a third or
 * half is missing: too few rows a label to tell from chance, so small files fall back on the embedding figure.
 * A tenth of the real rows is a gap a user must fill by generating rows.
 */
export const MISSING_LABELS = 0.1;
/**
 * A register-phrase gap (share of synthetic rows with a formal or LLM register phrase minus that of real rows)
 * at least this large leads the sentence of a `wording` gap: 0.50 where phrases were added to half the rows,
 * 0.03 on gpt-3.5 paraphrases of short requests, 0.00 on real halves.
 */
export const REGISTER_GAP = 0.05;

/** What to do about each kind of gap, in words a user acts on. */
export const LEVERS: Record<GapKind, string> = {
  style: 'run synthgap roughen',
  wording: "reword the flagged rows, or regenerate with the prompts' style rules (synthgap prompts)",
  coverage: 'generate rows for the real situations the synthetic rows miss (synthgap prompts)',
  none: 'nothing to fix',
};

/** The measurements a kind is decided from; see {@link GapKindFigures}. */
export interface GapKindInput {
  readonly verdict: Verdict;
  readonly auc: number;
  readonly styleAuc: number;
  /** Share of sampled real rows with no close synthetic row, and the share expected by chance; absent unembedded. */
  readonly uncovered?: { readonly share: number; readonly expected: number };
  /** Share of real rows whose label the synthetic rows (almost) lack; absent without labels on both sides. */
  readonly missingLabelShare?: number;
  readonly registerReal: number;
  readonly registerSynthetic: number;
}

/**
 * Which kind of difference dominates a comparison, the figures behind it, and the lever that fits, in that
 * order of tests: no gap is `none`; style alone carrying most of the detector's separation is `style` (it comes
 * first because a style gap also moves rows apart on the embedding); many real rows without a close synthetic
 * row is `coverage`; otherwise the detector separates the sides by their words, which is `wording`. With too
 * few rows there is no kind. Pure: same figures, same answer.
 *
 * @example decideGapKind({ verdict: 'large-gap', auc: 0.99, styleAuc: 0.98, registerReal: 0, registerSynthetic: 0.02 }).kind // 'style'
 */
export function decideGapKind(input: GapKindInput): GapKindEvidence {
  const figures = gapKindFigures(input);
  if (input.verdict === 'insufficient-data') return { figures, lever: '', sentence: 'Kind of gap: too few rows to say.' };
  const kind = kindOf(input.verdict, figures);
  return { kind, figures, lever: LEVERS[kind], sentence: kindSentence(kind, figures) };
}

function kindOf(verdict: Verdict, figures: GapKindFigures): GapKind {
  if (verdict === 'no-gap') return 'none';
  if (figures.styleShare >= STYLE_SHARE) return 'style';
  if (uncoveredExcess(figures) >= COVERAGE_EXCESS || (figures.missingLabelShare ?? 0) >= MISSING_LABELS) return 'coverage';
  return 'wording';
}

function gapKindFigures(input: GapKindInput): GapKindFigures {
  const above = input.auc - 0.5;
  // A detector at chance leaves nothing to share out; a style-only AUC above the full one carries all of it.
  const styleShare = above > 0 ? Math.min(1, Math.max(0, (input.styleAuc - 0.5) / above)) : 0;
  return {
    auc: input.auc,
    styleAuc: input.styleAuc,
    styleShare,
    ...(input.uncovered ? { uncoveredShare: input.uncovered.share, uncoveredExpected: input.uncovered.expected } : {}),
    ...(input.missingLabelShare !== undefined ? { missingLabelShare: input.missingLabelShare } : {}),
    registerReal: input.registerReal,
    registerSynthetic: input.registerSynthetic,
  };
}

/** Real rows with no close synthetic row beyond the share expected by chance; 0 when not measured. */
function uncoveredExcess(f: GapKindFigures): number {
  return f.uncoveredShare === undefined ? 0 : f.uncoveredShare - (f.uncoveredExpected ?? 0);
}

const two = (value: number) => value.toFixed(2);
const percent = (share: number) => `${Math.round(100 * share)}%`;

/** One sentence: the kind, the figures that decided it, and the lever. */
function kindSentence(kind: GapKind, f: GapKindFigures): string {
  const style = `casing, punctuation, typos and apostrophes alone reach AUC ${two(f.styleAuc)} of the detector's ${two(f.auc)}`;
  const uncovered = f.uncoveredShare === undefined ? '' : `${percent(f.uncoveredShare)} of real rows have no close synthetic row (${percent(f.uncoveredExpected ?? 0)} by chance)`;
  const labels = (f.missingLabelShare ?? 0) >= MISSING_LABELS ? `${percent(f.missingLabelShare ?? 0)} of real rows have a label the synthetic rows barely use` : '';
  const register = `${percent(f.registerSynthetic)} of synthetic rows use a formal or LLM register phrase (${percent(f.registerReal)} of real rows)`;
  switch (kind) {
    case 'none':
      return 'Kind of gap: none — the detector cannot tell the sides apart; nothing to fix.';
    case 'style': {
      // Style decides the detector, but many real rows may still have no synthetic neighbour: roughen cannot add
      // those, so the sentence says so (CLINC150's paraphrases: style, and 35% of real rows uncovered).
      const also = uncoveredExcess(f) >= COVERAGE_EXCESS ? `; ${uncovered}, which roughening cannot add: generate rows for them (synthgap prompts)` : '';
      return `Kind of gap: style — ${style} (${percent(f.styleShare)} of its lead over chance); ${LEVERS.style}${also}.`;
    }
    case 'coverage':
      return `Kind of gap: coverage — ${[labels, uncoveredExcess(f) >= COVERAGE_EXCESS || !labels ? uncovered : ''].filter(Boolean).join(', and ')}; ${style} only; ${LEVERS.coverage}.`;
    case 'wording': {
      const lead = f.registerSynthetic - f.registerReal >= REGISTER_GAP ? register : 'the sides differ in their words and phrasing';
      return `Kind of gap: wording — ${lead}; ${style}${uncovered ? `, and ${uncovered}` : ''}; ${LEVERS.wording}.`;
    }
  }
}
