/**
 * The core's one public entry. Product code outside src/core (the CLI, the language server and its workers,
 * src/node, the embedders, and src/shared for types) imports core from here and from nowhere deeper; the editor
 * client and the report panel use the narrower `./present` (formatting and the saved page). Tests and benchmarks
 * may import a module directly to test its internals. The lint rules in eslint.config.mjs enforce this.
 *
 * Exports are named one by one, grouped by the folder they come from, so that this file is the list of what the
 * rest of the code relies on: a name not here is core's own business and may change freely.
 */

// What callers inject: cancellation, logging, progress, the word list.
export {
  CancelledError,
  silentLogger,
  throwIfCancelled,
  type AnalysisStage,
  type CancellationToken,
  type Logger,
  type ProgressEvent,
  type WordDictionary,
} from './host';

// synthgap.json and the values of flags and settings checked against the JSON schema.
export { configRole, configTextField, ignoredHashes, parseConfig, settingProblems, type SynthgapConfig } from './config';
export { schemaProblems, valueProblem, type ValueSchema } from './settingsSchema';

// Reading datasets (positions kept) and editing their text.
export { ByteLineSplitter } from './dataset/byteLines';
export { guessDelimiter } from './dataset/csvCells';
export { formatFromFileName } from './dataset/detectFormat';
export { encodeTextValue } from './dataset/edit';
export { applyTextEdits, type TextEdit } from './dataset/editRows';
export { readDataset } from './dataset/readDataset';
export { isResponseField, placedField, placedText, requestRows, requestView, singleTextOptions, type NarrowedRead } from './dataset/schemas';
export {
  DEFAULT_MAX_LINE_BYTES,
  type DatasetFormat,
  type DatasetRow,
  type FieldText,
  type ParsedDataset,
  type ReadOptions,
  type RowError,
  type TextRange,
} from './dataset/types';

// Embeddings: the interface the embedders implement.
export type { Embedder, NearCopyThresholds } from './embed/types';

// The comparison: analyze(), the detector run on another thread, and the scoring model an edit is scored with.
export { analyze, type AnalyzeOptions } from './gap/analyze';
export type { AnalysisFile, AnalyzeInput } from './gap/analysisFile';
export {
  explainJobRows,
  joinExplained,
  runDetectorHere,
  runDetectorJob,
  type DetectorJob,
  type DetectorJobResult,
  type DetectorRun,
  type DetectorRunner,
  type ExplainedRows,
} from './gap/detector/job';
export { ScoringModel, scoringModelState, type ModelParts, type ModelReferenceRow, type RowScore, type ScoringModelState } from './gap/model';
export { baselineProblem, compareWithBaseline } from './gap/baseline';
export { MIN_ROWS } from './gap/verdict';

// The report: its schema (report/) and the views of it (exporters/).
export type {
  DatasetReport,
  GapReport,
  MapPoint,
  MapRegion,
  MapReport,
  ProjectionMethod,
  PhraseStat,
  RowReason,
  RowResult,
  Verdict,
} from './report/types';
export type {
  PanelField,
  PanelPairs,
  PanelProbe,
  PanelProbeScore,
  PanelRow,
  PanelSnapshot,
  RowSortKey,
  RowsPage,
  RowsQuery,
  StaticDataset,
  StaticPanelData,
} from './report/panelTypes';
export * from './present';
export { formatJson, formatJsonChunks } from './exporters/json';
export { formatMarkdown } from './exporters/markdown';
export { formatTerminalSummary } from './exporters/terminal';
export { DEFAULT_ROWS_QUERY, buildPanelSnapshot, rowsPage, snapshotRowInput, type SnapshotRowInput } from './exporters/panel';
export { aucInterval, reasonHeadline, reasonsSentence } from './exporters/sentences';

// `synthgap fit` / `score`: the model file and score's reading of lines.
export { ModelFileError, compactState, decodeModelFile, encodeModelFile, type ModelDocument, type ModelText } from './model/modelFile';
export { LineScorer, ScoreInputError, formatLineResult } from './model/scoreLines';
export { trainingFilter } from './model/trainingFilter';

// `synthgap probe`.
export { compareSentence, formatProbeText, probeDifferenceSentences, worthSentence } from './probe/format';
export { probeProblem, probeSynthetic } from './probe/probe';
export type { ProbeReport, ProbeRow, ProbeScores } from './probe/types';

// `synthgap prompts`.
export { formatPromptsMarkdown } from './prompts/markdown';
export { generationPrompts, type PromptsReport } from './prompts/prompts';

// "Roughen this example" and `synthgap roughen`.
export { describeNoiseProfile } from './roughen/describe';
export { roughenRow } from './roughen/fields';
export { learnNoiseProfile } from './roughen/profile';
export { roughenResponse } from './roughen/response';
export { roughenText } from './roughen/roughen';
export type { NoiseProfile, RoughenChange } from './roughen/types';
export { namesIn } from './roughen/typoVocabulary';

// `synthgap select`.
export { formatSelectText } from './select/format';
export { droppedLines, keptBytes, lineStarts } from './select/lines';
export { selectDataset, type SelectReport } from './select/selectDataset';

// `synthgap sketch` / `merge`.
export { SketchBuilder, sketchFingerprint, sketchLayout } from './sketch/build';
export { SketchFileError, decodeSketch, encodeSketch } from './sketch/codec';
export { sketchReportJson, sketchReportMarkdown, sketchReportText } from './sketch/format';
export { gramCounts } from './sketch/grams';
export { sketchReportHtml } from './sketch/html';
export { SketchMismatchError } from './sketch/merge';
export { sketchReport, type SketchReport } from './sketch/report';
export { SketchSum } from './sketch/sum';

// Small numeric helpers the CLI and the server share with core.
export { textHash } from './stats/hash';
export { sampleIndexes, seededRandom } from './stats/random';
