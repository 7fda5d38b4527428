/**
 * What the palette's "Use as Real Reference" picker lists and preselects, and how a change of reference is
 * confirmed, as pure functions of the dataset files, the current reference and the server's last status, so the
 * rules are unit-tested without an editor. `useAsReference.ts` shows the result.
 */
import type { FileSummary } from '../shared/protocol';

/** A dataset file of the workspace, as the picker is given it. */
export interface DatasetCandidate {
  /** The file's URI, as a string (the key everything else is matched on). */
  readonly uri: string;
  /** Its path relative to the workspace (with the folder name first in a multi-root workspace), with `/`. */
  readonly shown: string;
}

export interface ReferenceItem {
  readonly uri: string;
  /** The file name. */
  readonly label: string;
  /** The folder it is in, relative to the workspace; empty at the root. */
  readonly description: string;
  /** What Synthgap knows of it: the current reference, its rows and flags, open in the editor. */
  readonly detail: string;
  readonly current: boolean;
  /** The server flags rows of it as synthetic: it is the data under test, not a reference. */
  readonly flagged: boolean;
}

export interface ReferencePicks {
  readonly items: readonly ReferenceItem[];
  /** The item the picker starts on (Enter picks it), if any. */
  readonly preselected?: string;
}

const count = (n: number): string => n.toLocaleString('en-US');

/** A file is flagged as synthetic when the server flags any of its rows; an unanalyzed file is not. */
export function isFlagged(summary: FileSummary | undefined): boolean {
  return summary !== undefined && summary.flagged > 0;
}

function detailOf(current: boolean, active: boolean, summary: FileSummary | undefined): string {
  const facts: string[] = [];
  if (current) facts.push('Current reference');
  if (summary && !summary.limited) {
    facts.push(summary.flagged > 0
      ? `${count(summary.flagged)} of ${count(summary.rows)} rows flagged as synthetic`
      : `${count(summary.rows)} rows, none flagged`);
  }
  if (active) facts.push('open in the editor');
  return facts.join(' · ');
}

/**
 * The picker's items and the one it starts on. Order: the current reference, then the open file when it is not
 * flagged, then the other unflagged files, then the flagged ones last, each group by path, so that pressing
 * Enter without reading never picks a file the server flags. The open file is preselected only when it is not
 * flagged; otherwise the current reference is, or nothing.
 * @example referencePicks({ candidates: [{ uri: 'u/s', shown: 's.jsonl' }], current: [], active: 'u/s',
 *   summary: () => ({ flagged: 9, rows: 10, … }) }).preselected // undefined
 */
export function referencePicks(input: {
  readonly candidates: readonly DatasetCandidate[];
  readonly current: readonly string[];
  readonly active?: string;
  readonly summary: (uri: string) => FileSummary | undefined;
}): ReferencePicks {
  const items = input.candidates.map((candidate): ReferenceItem & { rank: number; shown: string } => {
    const summary = input.summary(candidate.uri);
    const current = input.current.includes(candidate.uri);
    const active = candidate.uri === input.active;
    const flagged = !current && isFlagged(summary);
    const slash = candidate.shown.lastIndexOf('/');
    return {
      uri: candidate.uri,
      label: candidate.shown.slice(slash + 1),
      description: slash < 0 ? '' : candidate.shown.slice(0, slash),
      detail: detailOf(current, active, summary),
      current,
      flagged,
      rank: current ? 0 : flagged ? 3 : active ? 1 : 2,
      shown: candidate.shown,
    };
  });
  items.sort((a, b) => a.rank - b.rank || (a.shown < b.shown ? -1 : a.shown > b.shown ? 1 : 0));
  const open = items.find((item) => item.uri === input.active && !item.flagged);
  const preselected = open?.uri ?? items.find((item) => item.current)?.uri;
  return {
    items: items.map(({ rank: _rank, shown: _shown, ...item }) => item),
    ...(preselected ? { preselected } : {}),
  };
}

/** Whether two reference lists name the same files, in any order. */
export function sameReferences(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((path) => b.includes(path));
}

/**
 * The modal confirmation of a change of reference, or undefined when there is no reference yet (nothing to
 * lose, so no question). `flaggedNote` is said when the new reference is a file the server flags.
 * @example referenceChangeConfirmation(['b.jsonl'], ['a.jsonl']).message
 *   // 'Use b.jsonl as the real reference instead of a.jsonl?'
 */
export function referenceChangeConfirmation(
  next: readonly string[],
  current: readonly string[],
  flaggedNote?: string,
): { message: string; detail: string; action: string } | undefined {
  if (current.length === 0) return undefined;
  const names = (paths: readonly string[]): string => paths.join(', ');
  return {
    message: `Use ${names(next)} as the real reference instead of ${names(current)}?`,
    detail: [flaggedNote, 'Every file will be re-scored.'].filter(Boolean).join(' '),
    action: next.length === 1 ? `Use ${next[0].slice(next[0].lastIndexOf('/') + 1)}` : `Use ${next.length} Files`,
  };
}
