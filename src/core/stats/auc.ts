/**
 * Area under the ROC curve: the probability that a random positive scores above a random negative, ties
 * counting one half (the Mann–Whitney U statistic divided by n₁n₀). 0.5 when either class is empty.
 * O(n log n): each class is sorted once and the two are merged. NaN scores sort above every number.
 *
 * @example auc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]) // 0.75
 */
export function auc(scores: ArrayLike<number>, isPositive: ArrayLike<number | boolean>): number {
  const { positives, negatives } = splitSorted(scores, isPositive);
  const nPositive = positives.length;
  const nNegative = negatives.length;
  if (nPositive === 0 || nNegative === 0) return 0.5;
  let u = 0;
  let i = 0;
  let j = 0;
  while (i < nPositive) {
    const value = positives[i];
    let tied = 0;
    while (i < nPositive && sameScore(positives[i], value)) {
      tied++;
      i++;
    }
    while (j < nNegative && negatives[j] < value) j++;
    let equal = 0;
    while (j + equal < nNegative && sameScore(negatives[j + equal], value)) equal++;
    u += tied * (j + equal / 2);
  }
  return u / nPositive / nNegative;
}

/** Scores of each class as ascending Float64Arrays. */
export function splitSorted(
  scores: ArrayLike<number>,
  isPositive: ArrayLike<number | boolean>,
): { positives: Float64Array; negatives: Float64Array } {
  let nPositive = 0;
  for (let i = 0; i < scores.length; i++) if (isPositive[i]) nPositive++;
  const positives = new Float64Array(nPositive);
  const negatives = new Float64Array(scores.length - nPositive);
  let p = 0;
  let q = 0;
  for (let i = 0; i < scores.length; i++) {
    if (isPositive[i]) positives[p++] = scores[i];
    else negatives[q++] = scores[i];
  }
  return { positives: positives.sort(), negatives: negatives.sort() };
}

/** Equality that also holds for NaN against NaN, so NaN scores form one tie group at the top. */
export function sameScore(a: number, b: number): boolean {
  return a === b || (a !== a && b !== b);
}
