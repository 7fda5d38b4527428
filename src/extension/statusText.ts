/**
 * What the status bar item shows, as a pure function of the server's last status and the active file, so the
 * wording is unit-tested without an editor. `statusBar.ts` applies the result to a `StatusBarItem`.
 */
import { formatAuc, formatCount } from '../core/present';
import type { FileSummary, StatusParams, Verdict } from '../shared/protocol';

/** Which client command a click runs; `statusBar.ts` maps it to a command id. */
export type StatusClick = 'openReport' | 'showOutput' | 'useAsReference' | 'walkthrough';

export interface StatusView {
  /** Status bar text with codicons, e.g. `$(beaker) 812 flagged · AUC 0.91`. */
  readonly text: string;
  /** Plain-text tooltip, one fact per line. */
  readonly tooltip: string;
  /** Drives the item's background: errors and limits stand out, everything else is quiet. */
  readonly tone: 'normal' | 'warning' | 'error';
  readonly click: StatusClick;
}

const VERDICT_WORDS: Record<Verdict, string> = {
  'no-gap': 'no measurable gap',
  'small-gap': 'a small gap',
  gap: 'a clear gap',
  'large-gap': 'a large gap',
  'insufficient-data': 'too few rows to tell',
};

const count = formatCount;
const auc = formatAuc;

/** The active file's summary, or undefined when the server has none for it (not a dataset, or the reference). */
export function summaryFor(
  status: StatusParams | undefined,
  activeUri: string | undefined,
  sameUri: (a: string, b: string) => boolean = (a, b) => a === b,
): FileSummary | undefined {
  if (!status || activeUri === undefined) return undefined;
  return status.files.find((file) => sameUri(file.uri, activeUri));
}

/**
 * `812 flagged · AUC 0.91`: the figure a user glances at. With no gap only rows with LLM stock phrasing are
 * flagged, so it says `no gap`, with their count when there are any.
 */
export function fileFigure(file: FileSummary): string {
  const flagged = `${count(file.flagged)} flagged`;
  return `${file.verdict === 'no-gap' ? (file.flagged > 0 ? `no gap · ${flagged}` : 'no gap') : flagged} · AUC ${auc(file.auc)}`;
}

function fileTooltip(file: FileSummary): string[] {
  return [
    file.verdict !== 'no-gap'
      ? `${count(file.flagged)} of ${count(file.rows)} rows look synthetic.`
      : file.flagged === 0
        ? 'No gap from the reference: no row stands out (a row above the threshold by its score alone is chance).'
        : `No gap from the reference; ${count(file.flagged)} of ${count(file.rows)} rows use LLM stock phrasing that real rows rarely use, and only they are flagged.`,
    `Detector AUC ${auc(file.auc)} (95% interval ${auc(file.aucLow)} to ${auc(file.aucHigh)}): ${VERDICT_WORDS[file.verdict]}.`,
    ...(file.leftOut ? [`${file.leftOut}.`] : []),
    ...(file.change ? [`${file.change[0].toUpperCase()}${file.change.slice(1)}.`] : []),
    ...(file.limited ? [`Not fully analyzed: ${file.limited}`] : []),
  ];
}

/**
 * The status bar's text, tooltip, tone and click action. With no status yet the server is starting.
 * @example statusView({ state: 'ready', files: [{ uri: 'u', flagged: 812, auc: 0.91, … }] }, 'u').text
 *   // '$(beaker) 812 flagged · AUC 0.91'
 */
export function statusView(status: StatusParams | undefined, file: FileSummary | undefined): StatusView {
  const state = status?.state ?? 'starting';
  const reference = status?.reference ? [`Reference: ${status.reference}`] : [];
  const message = status?.message ? [status.message] : [];
  const join = (lines: string[]): string => ['Synthgap', ...lines].join('\n');
  switch (state) {
    case 'starting':
      return { text: '$(loading~spin) Synthgap', tooltip: join(message.length ? message : ['Starting the server…']), tone: 'normal', click: 'showOutput' };
    case 'no-reference':
      return {
        text: '$(beaker) No reference',
        tooltip: join([
          ...message,
          'No real reference set is chosen. Right-click a real JSONL, CSV or TSV file and choose "Synthgap: Use as Real Reference", or set "reference" in synthgap.json.',
          'Click to open the Get Started walkthrough: choose a reference, read the squiggles, open the report, roughen, run the probe.',
        ]),
        tone: 'normal',
        click: 'walkthrough',
      };
    case 'error':
      return { text: '$(error) Synthgap', tooltip: join([...(message.length ? message : ['The server reported an error.']), 'Click to show the output.']), tone: 'error', click: 'showOutput' };
    case 'analyzing':
      return {
        text: `$(loading~spin) ${file ? fileFigure(file) : 'Synthgap'}`,
        tooltip: join([...(message.length ? message : ['Analyzing…']), ...(file ? fileTooltip(file) : []), ...reference]),
        tone: 'normal',
        click: 'openReport',
      };
    case 'ready':
      if (!file) {
        return { text: '$(beaker) Synthgap', tooltip: join([...message, 'Ready. Open a synthetic dataset file to see its figures.', ...reference]), tone: 'normal', click: 'openReport' };
      }
      return {
        text: `${file.limited ? '$(warning)' : '$(beaker)'} ${fileFigure(file)}`,
        tooltip: join([...fileTooltip(file), ...message, ...reference, 'Click to open the gap report.']),
        tone: file.limited ? 'warning' : 'normal',
        click: 'openReport',
      };
  }
}

/** What "Roughen all" would change, as the server previews it. */
export interface RoughenPreview {
  readonly flagged: number;
  /** Flagged rows roughening changes. */
  readonly changed: number;
  /** `lower-case, drop final punctuation, 12 typos`. */
  readonly changes: string;
}

/**
 * The modal confirmation of "Roughen all", which says beforehand how many rows change and how; undefined when
 * roughening changes none of the flagged rows (the caller says so instead of asking).
 * @example roughenConfirmation({ flagged: 226, changed: 44, changes: 'lower-case' }, 'a.jsonl')?.action // 'Roughen 44 Rows'
 */
export function roughenConfirmation(preview: RoughenPreview, fileName: string): { message: string; detail: string; action: string } | undefined {
  const { flagged, changed, changes } = preview;
  if (changed === 0) return undefined;
  const rows = changed === 1 ? '1 row' : `${count(changed)} rows`;
  const which = changed === flagged ? (flagged === 1 ? 'the 1 flagged row' : `all ${count(flagged)} flagged rows`) : `${count(changed)} of the ${count(flagged)} flagged rows`;
  const rest = flagged - changed;
  const untouched = rest > 0 ? ` The other ${count(rest)} flagged ${rest === 1 ? 'row differs' : 'rows differ'} in wording or content, which roughening does not change (Synthgap: Show Generation Prompts).` : '';
  return {
    message: `Roughen ${which} in ${fileName}?`,
    detail: `Synthgap rewrites the text of ${rows} toward the real data's noise: ${changes}.${untouched} One undo reverts it.`,
    action: `Roughen ${count(changed)} ${changed === 1 ? 'Row' : 'Rows'}`,
  };
}

/** What to say when roughening changes none of the flagged rows. */
export function nothingToRoughen(flagged: number, fileName: string): string {
  return `Roughening changes none of the ${count(flagged)} flagged ${flagged === 1 ? 'row' : 'rows'} in ${fileName}: they differ from the real rows in wording or content, not in casing, punctuation or typos. Generation prompts aim new rows at what is missing.`;
}
