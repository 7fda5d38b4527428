/**
 * distinct-n (Li et al. 2016): distinct n-grams over all n-grams in the given token sequences; n-grams do
 * not cross from one sequence to the next (pass sentences to keep them inside sentences). 1 means no
 * n-gram repeats; repetitive text goes towards 0. Grows smaller with more text, so compare equal-size
 * samples. 0 when there is no n-gram at all.
 *
 * @example distinctN([['a', 'b', 'a', 'b']], 2) // 2/3 (ab, ba, ab)
 */
export function distinctN(sequences: Iterable<readonly string[]>, n: number): number {
  const seen = new Set<string>();
  let total = 0;
  for (const words of sequences) {
    for (let i = 0; i + n <= words.length; i++) {
      seen.add(n === 1 ? words[i] : words.slice(i, i + n).join(' '));
      total++;
    }
  }
  return total === 0 ? 0 : seen.size / total;
}
