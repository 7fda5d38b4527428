/**
 * The analysis worker: reads files, runs the core's analysis and learns what the editor needs to score edited
 * rows, off the server's main thread so hovers and code actions stay responsive.
 */
import { statSync } from 'node:fs';
import { basename, dirname, relative } from 'node:path';
import { parentPort } from 'node:worker_threads';
import {
  analyze,
  CancelledError,
  formatPromptsMarkdown,
  generationPrompts,
  learnNoiseProfile,
  readDataset,
  requestRows,
  scoringModelState,
  singleTextOptions,
  type CancellationToken,
  type Logger,
  type ModelReferenceRow,
  type NoiseProfile,
  type ParsedDataset,
  type ReadOptions,
  type ScoringModelState,
} from '../core';
import { loadDictionary } from '../node/dictionary';
import { detectorThread } from '../node/detectorThread';
import { narrowFor } from '../node/inputs';
import { readDatasetFile } from '../node/readDatasetFile';
import { panelProbe } from './probeJob';
import { embedderFor, forgetEmbedder } from './workerEmbedder';
import type { AnalysisOutput, AnalyzeJob, FileJob, ProbeJob, PromptsJob, WorkerJob, WorkerMessage } from './workerProtocol';

const port = parentPort;
if (!port) throw new Error('analysisWorker must run in a worker thread');

function post(message: WorkerMessage): void {
  port?.postMessage(message);
}

const logger: Logger = {
  debug: (message) => post({ type: 'log', level: 'debug', message }),
  info: (message) => post({ type: 'log', level: 'info', message }),
  warn: (message) => post({ type: 'log', level: 'warn', message }),
};

interface LoadedReference {
  readonly key: string;
  readonly files: { readonly file: string; readonly data: ParsedDataset }[];
}

// The detector of each analysis runs on a thread of its own (a second core) while this one compares the sides.
const detector = detectorThread((reason) => logger.warn(reason));

// The reference is read once per content (paths, sizes, times, read options), not once per dataset.
let referenceCache: LoadedReference | undefined;

async function loadReference(paths: readonly string[], options: Omit<ReadOptions, 'fileName'>, token: CancellationToken): Promise<LoadedReference> {
  const key = JSON.stringify([paths.map((path) => [path, statSync(path).size, statSync(path).mtimeMs]), options]);
  if (referenceCache?.key === key) return referenceCache;
  const files = [];
  for (const path of paths) files.push({ file: path, data: await readDatasetFile(path, { ...options, token }) });
  referenceCache = { key, files };
  return referenceCache;
}

function tokenOf(cancel: SharedArrayBuffer): CancellationToken {
  const flag = new Int32Array(cancel);
  return {
    get isCancellationRequested() {
      return Atomics.load(flag, 0) === 1;
    },
  };
}

/** What every job starts from: its cancellation, the dataset (the editor's text, or the file) and the reference. */
async function readSides(job: FileJob): Promise<{ token: CancellationToken; data: ParsedDataset; reference: LoadedReference }> {
  const token = tokenOf(job.cancel);
  const read = (options: Omit<ReadOptions, 'fileName'>) => (job.text !== undefined
    ? readDataset(job.text, { ...options, fileName: job.path, token })
    : readDatasetFile(job.path, { ...options, token }));
  const reference = await loadReference(job.reference, job.readOptions, token);
  const data = await read(job.readOptions);
  // A chat or instruction file against a reference of one text: its requests alone are compared (as the CLI does).
  const narrow = singleTextOptions(reference.files.map((file) => file.data), data);
  const dataset = narrow ? await read({ ...job.readOptions, ...narrow }) : data;
  // And a chat or instruction reference against a dataset of one text: the reference's requests (reference paths are absolute).
  const files = await narrowFor(reference.files, [{ file: job.path, data: dataset }], '/', { ...job.readOptions, token });
  return { token, data: dataset, reference: files.every((file, i) => file === reference.files[i]) ? reference : { ...reference, files } };
}

async function probe(job: ProbeJob) {
  const { token, data, reference } = await readSides(job);
  return panelProbe({ reference: reference.files.flatMap((file) => file.data.rows), synthetic: data.rows }, job.seed, token);
}

/** The generation prompts of a file as `synthgap prompts --format markdown` writes them (one label's, or all). */
async function prompts(job: PromptsJob): Promise<WorkerMessage> {
  const { token, data, reference } = await readSides(job);
  if (job.label !== undefined && !reference.files.some(({ data: ref }) => ref.rows.some((row) => row.label === job.label))) {
    return { type: 'prompted', id: job.id, markdown: null, reason: `No real row has the label "${job.label}".` };
  }
  const chosen = await embedderFor(job.embedding, logger, (progress) => post({ type: 'download', ...progress }));
  // The prompt quotes real rows as `file:line`: the reference file as seen from the dataset's folder, not a full path.
  const files = reference.files.map(({ file, data: ref }) => ({ file: relative(dirname(job.path), file) || basename(file), data: ref }));
  const report = await generationPrompts(
    { reference: files, dataset: { file: job.shown, data } },
    {
      dictionary: loadDictionary(), seed: job.seed, token,
      ...(job.label !== undefined ? { label: job.label } : { top: 10 }),
      ...(chosen.embedder ? { embedder: chosen.embedder, embedderId: chosen.id } : {}),
    },
  );
  return { type: 'prompted', id: job.id, markdown: formatPromptsMarkdown(report) };
}

async function run(job: AnalyzeJob): Promise<AnalysisOutput> {
  const timings: Record<string, number> = {};
  let last = Date.now();
  const lap = (stage: string) => {
    const now = Date.now();
    timings[stage] = now - last;
    last = now;
  };

  const { token, data, reference } = await readSides(job);
  lap('read');
  const referenceRows: ModelReferenceRow[] = reference.files.flatMap(({ file, data: ref }) =>
    ref.rows.map((row) => ({ text: row.text, file, line: row.line, ...(row.label !== undefined ? { label: row.label } : {}) })));
  const empty = { report: null, data, model: null, profile: null, flaggedProfile: null, timings };
  if (referenceRows.length === 0) return { ...empty, note: 'the reference set has no rows' };
  if (data.rows.length === 0) return { ...empty, note: 'no rows to analyze' };

  const dictionary = loadDictionary();
  let model: ScoringModelState | null = null;
  let profile: NoiseProfile | null = null;
  const chosen = await embedderFor(job.embedding, logger, (progress) => post({ type: 'download', ...progress }));
  lap('embedder');
  const embedding = { id: chosen.id, ...(chosen.fallback ? { fallback: chosen.fallback } : {}), ...(chosen.notice ? { notice: chosen.notice } : {}) };
  const report = await analyze(
    { reference: reference.files, datasets: [{ file: job.shown, data }] },
    {
      dictionary, seed: job.seed, flagQuantile: job.flagQuantile, logger, token, ignore: new Set(job.ignore),
      ...(detector ? { runDetector: detector.run } : {}),
      map: { method: job.mapProjection },
      ...(chosen.embedder ? { embedder: chosen.embedder } : {}),
      ...(chosen.maxSampleRows ? { maxSampleRows: chosen.maxSampleRows } : {}),
      onProgress: (event) => post({ type: 'progress', id: job.id, ...event }),
      onModel: (parts) => {
        model = scoringModelState(parts, referenceRows, { seed: job.seed });
        profile = parts.noiseProfile;
      },
    },
  );
  lap('analyze');
  // The report says which embedding its similarity figures rest on when it is not the one asked for.
  if (chosen.fallback) report.warnings.push(chosen.fallback);
  const flagged = report.datasets[0].rows.flatMap((row, i) => (row.flagged ? [data.rows[i]] : []));
  const flaggedProfile = learnNoiseProfile(requestRows(flagged).texts, dictionary, { seed: job.seed, maxDonors: 0 });
  lap('profile');
  return { report, data, model, profile, flaggedProfile, embedding, timings };
}

port.on('message', (job: WorkerJob) => {
  const work: Promise<WorkerMessage> = job.type === 'probe'
    ? probe(job).then((result) => ({ type: 'probed', id: job.id, probe: result }))
    : job.type === 'prompts'
      ? prompts(job)
      : run(job).then((output) => ({ type: 'done', id: job.id, output }));
  work.then(
    post,
    (error: unknown) => {
      const cancelled = error instanceof CancelledError;
      // An encoder that crashed or timed out stays failed: the next analysis starts a new one.
      if (!cancelled && job.type === 'analyze') forgetEmbedder();
      post({ type: 'failed', id: job.id, cancelled, message: error instanceof Error ? error.message : String(error) });
    },
  );
});
