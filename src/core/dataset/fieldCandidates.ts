/** Field names that usually hold the text, most likely first. */
export const TEXT_CANDIDATES: readonly string[] = [
  'text', 'utterance', 'message', 'content', 'prompt', 'query', 'question', 'sentence', 'input', 'response',
  'output', 'completion',
];

/** Field names that usually hold the label, most likely first. */
export const LABEL_CANDIDATES: readonly string[] = ['label', 'intent', 'category', 'class', 'labels', 'target'];

/**
 * The first name, in candidate order, that matches a candidate case-insensitively and passes `accept`;
 * the name as spelled in `names`. Undefined when none does, or for empty `names`.
 *
 * @example findCandidate(['ID', 'Text'], TEXT_CANDIDATES) // 'Text'
 */
export function findCandidate(
  names: Iterable<string>,
  candidates: readonly string[],
  accept: (name: string) => boolean = () => true,
): string | undefined {
  const byLowerCase = new Map<string, string[]>();
  for (const name of names) {
    const key = name.trim().toLowerCase();
    const spellings = byLowerCase.get(key);
    if (spellings) spellings.push(name);
    else byLowerCase.set(key, [name]);
  }
  for (const candidate of candidates) {
    const match = byLowerCase.get(candidate)?.find(accept);
    if (match !== undefined) return match;
  }
  return undefined;
}
