import type { CancellationToken } from '../host';

/** Character offsets, in UTF-16 code units, counted from the first character of the row's first line. */
export interface TextRange {
  readonly start: number;
  readonly end: number;
}

export type DatasetFormat = 'jsonl' | 'csv' | 'tsv';

/** One field's text in a record read field by field, and where its value stands (relative to the record's line). */
export interface FieldText {
  /** The field's name as the report shows it (`output`, a dotted path, or a chat role such as `assistant`). */
  readonly field: string;
  readonly text: string;
  readonly textRange: TextRange;
  /** For chat turns: which turn of the conversation (0-based). */
  readonly turn?: number;
}

/**
 * One analyzable text, with where it stands in its file. A chat line read for one role yields a row per turn;
 * a record read field by field (instruction data, chat files read for several roles) yields one row whose
 * `fields` hold each present field's text, and whose `text` joins them.
 */
export interface DatasetRow {
  /** 1-based line on which the row's record starts. */
  readonly line: number;
  readonly text: string;
  /**
   * Where the text value stands, relative to the start of `line`: for JSONL the string literal including
   * its quotes; for CSV/TSV the cell including its quotes when quoted. A quoted CSV cell may run past the
   * end of `line`; the offsets then keep counting across the record's line breaks (as they are in the file).
   */
  readonly textRange: TextRange;
  readonly label?: string;
  /** For chat rows: which message of the line's `messages` array (0-based); undefined otherwise. */
  readonly turn?: number;
  /** The row's value of the group field (ReadOptions.groupField), when asked for and present. */
  readonly group?: string;
  /**
   * For a record read field by field: each present field's text, in the order of ParsedDataset.textFields (a
   * chat's turns in conversation order). `text` is their texts joined by FIELD_SEPARATOR and `textRange` the first
   * field's place. An empty optional field (`"input": ""`) is absent here, not an error.
   */
  readonly fields?: readonly FieldText[];
}

/** Joins a record's field texts into the row's `text`: a line break, so no word or character gram runs across two fields. */
export const FIELD_SEPARATOR = '\n';

/**
 * A line that could not be analyzed, and why, in words a user understands. With `warning`, the line was read but
 * something in it was left out (a label that is an object, a repeated column name): said once per file, on the
 * first line it concerns, and not counted as a skipped line.
 */
export interface RowError {
  readonly line: number;
  readonly message: string;
  readonly warning?: true;
}

export interface ParsedDataset {
  readonly format: DatasetFormat;
  /** The text field actually used (auto-detected or as given); a dotted path such as `messages.content`. */
  readonly textField: string;
  /** For a file read field by field: the fields (or chat roles), in order; each row's `fields` come from them. */
  readonly textFields?: readonly string[];
  /** The recognized schema, in words, with its fields: "Alpaca-style instruction data: instruction, input, output". */
  readonly schema?: string;
  /** For a chat file: the roles read, separated by commas (as ReadOptions.role takes them), so an edit re-reads alike. */
  readonly role?: string;
  readonly labelField?: string;
  readonly rows: DatasetRow[];
  readonly errors: RowError[];
  /** With ReadOptions.sample: how many rows the file held (`rows` is a sample of them). */
  readonly rowsRead?: number;
}

export interface ReadOptions {
  /** When omitted: from the file name's extension, else from the content. */
  readonly format?: DatasetFormat;
  /**
   * Field holding the text; a dotted path for nested objects (`input.question`); several fields separated by commas
   * (`instruction,output`), each then analyzed on its own and together. Auto-detected when omitted (chat files and
   * instruction schemas are read field by field).
   */
  readonly textField?: string;
  /** Field holding the label; auto-detected when omitted; `false` turns labels off. */
  readonly labelField?: string | false;
  /**
   * Field holding a group id (dotted path; a CSV column): rows that share a value were made from one seed or
   * prompt, and the detector keeps them in one fold. None when omitted.
   */
  readonly groupField?: string;
  /**
   * Which chat roles' turns to analyze in `{"messages":[…]}` and ShareGPT files, separated by commas. Default: every
   * one of system, user and assistant present, each its own field; one role gives a row per turn, as before.
   */
  readonly role?: string;
  /**
   * Lines longer than this many bytes are skipped with an error; a CSV quoted cell that runs on for more
   * than this many characters counts as unterminated. Default 1,048,576.
   */
  readonly maxLineBytes?: number;
  /**
   * Keep a seeded uniform sample of at most `rows` rows, in line order (synthgap fit on files larger than memory);
   * every row by default. The fields are still planned from the first records, and every line is still checked.
   */
  readonly sample?: { readonly rows: number; readonly seed: number };
  /** Used to pick a format from the extension, and nowhere else. */
  readonly fileName?: string;
  /** Checked every few thousand lines; a cancelled read rejects with `CancelledError`. */
  readonly token?: CancellationToken;
}

export const DEFAULT_MAX_LINE_BYTES = 1_048_576;
