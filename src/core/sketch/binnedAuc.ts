/**
 * The Mann–Whitney AUC of two histograms on the same ordered bins: the chance that a row of `positive` is in a
 * higher bin than a row of `negative`, pairs in one bin counting half. Integer counts summed in bin order, so
 * histograms that are equal give the same bits. 0.5 when either side is empty.
 *
 * @example binnedAuc([0, 1, 1], [1, 1, 0]) // 0.875
 */
export function binnedAuc(positive: readonly number[], negative: readonly number[]): number {
  let below = 0;
  let wins = 0;
  let p = 0;
  let n = 0;
  for (let b = 0; b < positive.length; b++) {
    wins += positive[b] * (below + negative[b] / 2);
    below += negative[b];
    p += positive[b];
    n += negative[b];
  }
  return p > 0 && n > 0 ? wins / (p * n) : 0.5;
}
