/**
 * The `check` analyses a long-lived tool server keeps, so `check` then `explain_row`, or `explain_row` on line 40
 * then on line 41, analyze the files once. An analysis is found by everything that changes it: the command (the
 * folder, the files as given, the read options and the seed), synthgap.json's text, and each file's real path,
 * size, modification time and content hash. Every call stats and hashes the files again, so an analysis is never
 * served after a file, the settings or an option changed; a changed input is simply a different key.
 */
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CancelledError, ScoringModel, scoringModelState, type GapReport, type ModelParts, type ModelReferenceRow } from '../../core';
import { analyzeCheck } from '../../cli/check';
import type { LoadedFile } from '../inputs';
import { loadDictionary } from '../dictionary';
import type { CapturedIo } from './capturedIo';
import type { PreparedCommand } from './context';
import { ToolError } from './paths';

/**
 * Analyses kept: one is the usual session (check, then explain_row on its rows); two let an agent go back and
 * forth between two datasets or two seeds. Each holds a report with a result per row and the rows' texts, hundreds
 * of megabytes for a million rows, so more would make the server's memory grow with the session.
 */
export const MAX_ANALYSES = 2;

/**
 * Rows (synthetic and real) the kept analyses may hold between them besides the newest: an analysis holds about
 * 1.1 KB a row (64 MB for 50,000 synthetic and 10,000 real rows, measured), so older ones go past about 550 MB.
 * The newest is always kept: the process held more than that while it analyzed, and its rows are the ones asked about next.
 */
export const MAX_KEPT_ROWS = 500_000;

/** One analysis: the report and what explain_row needs to find a row's nearest real row. */
export interface Analysis {
  readonly report: GapReport;
  /** The datasets as read (their rows' texts and positions), one per report dataset. */
  readonly datasets: readonly LoadedFile[];
  /** Dataset `d`'s scoring model (the hover's), built on first use and kept; undefined when analyze made none. */
  model(dataset: number): ScoringModel | undefined;
  /** What the command wrote to stderr (a narrowed read, say) while it analyzed. */
  readonly notes: readonly string[];
}

export interface CachedAnalysis {
  readonly analysis: Analysis;
  /** True when the analysis was made by an earlier call on the same unchanged files, settings and options. */
  readonly reused: boolean;
}

interface Entry {
  readonly key: string;
  readonly pending: Promise<Analysis>;
  /** The rows it holds, once analyzed. */
  rows?: number;
}

export class AnalysisCache {
  private entries: Entry[] = [];

  /** `log` gets one line for each analysis reused. */
  constructor(
    private readonly log: (line: string) => void = () => undefined,
    private readonly max = MAX_ANALYSES,
    private readonly maxRows = MAX_KEPT_ROWS,
  ) {}

  /** The analysis of `command`'s files, reused when the files, synthgap.json and options are those of a kept one. */
  async get(command: PreparedCommand, io: CapturedIo): Promise<CachedAnalysis> {
    const key = await analysisKey(command);
    const found = this.entries.find((entry) => entry.key === key);
    if (found) {
      // Most recently used last, so the oldest goes first.
      this.entries = [...this.entries.filter((entry) => entry !== found), found];
      try {
        const analysis = await found.pending;
        // A call cancelled while it waited ends as cancelled, whoever's analysis it waited on.
        if (io.token?.isCancellationRequested) throw new CancelledError();
        this.log(`reused the analysis of ${command.datasets.join(', ')} against ${command.references.join(', ')} (files, synthgap.json and options unchanged)`);
        return { analysis, reused: true };
      } catch (error) {
        // The call that started it was cancelled: this one was not, so it analyzes anew. (A cancelled call also
        // lands here, from the line above, and ends.)
        if (!(error instanceof CancelledError) || io.token?.isCancellationRequested) throw error;
      }
    }
    const pending = analyzeCommand(command, io);
    const entry: Entry = { key, pending };
    this.entries = [...this.entries.filter((e) => e.key !== key), entry].slice(-this.max);
    try {
      const analysis = await pending;
      entry.rows = analysis.report.reference.rows.length + analysis.report.datasets.reduce((sum, d) => sum + d.rows.length, 0);
      // A file that changed while it was read may be half old, half new: the analysis answers this call, but is not kept.
      const now = await analysisKey(command, false).catch(() => undefined);
      if (now !== statPart(key)) this.drop(entry);
      this.trim(entry);
      return { analysis, reused: false };
    } catch (error) {
      this.drop(entry);
      throw error;
    }
  }

  /** Drops the oldest analyses until those besides `newest` hold at most `maxRows` rows. */
  private trim(newest: Entry): void {
    let rows = 0;
    const kept = new Set<Entry>();
    for (const entry of [...this.entries].reverse()) {
      if (entry === newest || entry.rows === undefined) {
        kept.add(entry);
        continue;
      }
      rows += entry.rows;
      if (rows <= this.maxRows) kept.add(entry);
    }
    this.entries = this.entries.filter((entry) => kept.has(entry));
  }

  private drop(entry: Entry): void {
    this.entries = this.entries.filter((e) => e !== entry);
  }
}

/** The analysis of `command`'s files: from the context's cache when it has one, else made for this call. */
export async function analysisFor(command: PreparedCommand, io: CapturedIo, cache: AnalysisCache | undefined): Promise<CachedAnalysis> {
  return cache ? cache.get(command, io) : { analysis: await analyzeCommand(command, io), reused: false };
}

/** Runs the analysis for one call (the editor's agent mode runs each call in a worker of its own, so has no cache). */
export async function analyzeCommand(command: PreparedCommand, io: CapturedIo): Promise<Analysis> {
  const parts: (ModelParts | undefined)[] = [];
  const run = await analyzeCheck([...command.args, '--', ...command.datasets], io, { onModel: (model, d) => (parts[d] = model) });
  // The reference's parsed rows (positions, fields) are dropped; the nearest-row search needs only these.
  let referenceRows: ModelReferenceRow[] | undefined = run.reference.flatMap(({ file, data }) => data.rows.map((r) => ({ text: r.text, file, line: r.line, ...(r.label !== undefined ? { label: r.label } : {}) })));
  const models: (ScoringModel | undefined)[] = [];
  const seed = run.report.settings.seed;
  return {
    report: run.report,
    datasets: run.datasets,
    notes: io.notes().slice(),
    model(d) {
      const made = parts[d];
      if (!models[d] && made && referenceRows) {
        models[d] = new ScoringModel(scoringModelState(made, referenceRows, { seed }), loadDictionary());
        parts[d] = undefined;
        // Every model is built: the reference's texts are held by the models' own samples only.
        if (parts.every((p) => p === undefined)) referenceRows = undefined;
      }
      return models[d];
    },
  };
}

/**
 * The key of `command`'s analysis: its folder and arguments, synthgap.json's text, and each file's real path,
 * size, modification time and (with `hashes`) content hash. The part before the hashes is the key's stat part.
 */
async function analysisKey(command: PreparedCommand, hashes = true): Promise<string> {
  const config = join(command.cwd, 'synthgap.json');
  const files = [...command.references, ...command.datasets].map((file) => {
    try {
      const path = realpathSync(resolve(command.cwd, file));
      const stat = statSync(path);
      return { path, size: stat.size, mtime: stat.mtimeMs };
    } catch {
      // Gone since the call named it (prepareCommand found it): said as the tools say a missing file.
      throw new ToolError(`${file}: no such file in the workspace root`);
    }
  });
  const stats = JSON.stringify({ cwd: command.cwd, args: command.args, datasets: command.datasets, config: existsSync(config) ? readFileSync(config, 'utf8') : null, files });
  if (!hashes) return stats;
  const contents = await Promise.all(files.map((file) => contentHash(file.path)));
  return `${stats}\n${contents.join(' ')}`;
}

function statPart(key: string): string {
  return key.slice(0, key.lastIndexOf('\n'));
}

/**
 * A file's SHA-1, read as a stream (about 1 s a gigabyte, against minutes for its analysis), so an edit that
 * keeps the size and lands within the file system's timestamp resolution still misses.
 */
function contentHash(path: string): Promise<string> {
  return new Promise((done, fail) => {
    const hash = createHash('sha1');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => done(hash.digest('hex')))
      .on('error', fail);
  });
}
