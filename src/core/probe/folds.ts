import { hashCombine } from '../stats/hash';
import { seededRandom, shuffleInPlace } from '../stats/random';

/**
 * A stratified k-fold split: the rows of each label (label -1 rows are left out, fold -1) are shuffled and
 * dealt round-robin from a seeded first fold, so every fold holds each label in about the same share and
 * labels with fewer rows than folds do not all land in fold 0. Seeded; `k` is clamped to 2..rows.
 * No labelled rows, every fold -1.
 *
 * @example stratifiedFolds(Int32Array.of(0, 0, 1, 1), 2, 7) // e.g. [0, 1, 1, 0]
 */
export function stratifiedFolds(labels: Int32Array, k: number, seed: number): Int8Array {
  const folds = new Int8Array(labels.length).fill(-1);
  const byLabel = new Map<number, number[]>();
  labels.forEach((label, row) => {
    if (label < 0) return;
    const rows = byLabel.get(label);
    if (rows) rows.push(row);
    else byLabel.set(label, [row]);
  });
  const random = seededRandom(hashCombine(seed >>> 0, 0xf01d));
  for (const label of [...byLabel.keys()].sort((a, b) => a - b)) {
    const rows = shuffleInPlace(byLabel.get(label) as number[], random);
    const first = Math.floor(random() * k);
    rows.forEach((row, i) => {
      folds[row] = (first + i) % k;
    });
  }
  return folds;
}
