/**
 * `synthgap.json`: what the CLI and the extension share. Parsing is here, in the core, so both read it
 * the same way; reading the file is the caller's business.
 */
import { CONFIG_SCHEMA, schemaProblems, type ValueProblem } from './settingsSchema';

export interface SynthgapConfig {
  /** Real reference file(s), relative to the folder holding synthgap.json. */
  readonly reference?: string[];
  /** Synthetic dataset files or glob patterns. */
  readonly datasets?: string[];
  /** The text field (a dotted path; several separated by commas). */
  readonly textField?: string;
  /** Several text fields, each analyzed on its own and together (instruction, input, output); wins over textField. */
  readonly textFields?: string[];
  /** A field name, or false to ignore labels. */
  readonly labelField?: string | false;
  /** Chat files: the roles read, each its own field (a list, or names separated by commas); default every one present. */
  readonly role?: string | string[];
  /** Rows sharing this field's value stay in one fold (paired data: rewrites of one seed row). */
  readonly groupField?: string;
  readonly seed?: number;
  readonly folds?: number;
  readonly flagQuantile?: number;
  readonly failAboveAuc?: number;
  readonly maxLineBytes?: number;
  /** Which embedding the similarity figures use (see isEmbedderSpec); the built-in `hashed` when omitted. */
  readonly embedder?: string;
  /** Rows the user chose to ignore, by content hash (stats/hash textHash); see {@link ignoredHashes}. */
  readonly ignore?: IgnoredRow[];
}

/** An ignored row: its content hash, alone or with the start of its text so a person can read the list. */
export type IgnoredRow = string | { readonly hash: string; readonly text?: string };

/** The text field(s) as ReadOptions.textField takes them: `textFields` joined by commas, else `textField`. */
export function configTextField(config: SynthgapConfig): string | undefined {
  return config.textFields && config.textFields.length > 0 ? config.textFields.join(',') : config.textField;
}

/** The chat roles as ReadOptions.role takes them: names separated by commas. */
export function configRole(config: SynthgapConfig): string | undefined {
  return Array.isArray(config.role) ? (config.role.length > 0 ? config.role.join(',') : undefined) : config.role;
}

/** The content hashes of synthgap.json's `ignore`, whichever form each entry has. */
export function ignoredHashes(config: SynthgapConfig): string[] {
  return (config.ignore ?? []).map((entry) => (typeof entry === 'string' ? entry : entry.hash));
}

export interface ConfigResult {
  readonly config: SynthgapConfig;
  /** Problems in words, each naming the field; the config keeps every field that was valid. */
  readonly errors: string[];
}

/**
 * Parses the text of a synthgap.json against its schema (media/synthgap.schema.json): invalid values and unknown
 * keys are reported, one line each naming the file and the field (`synthgap.json: flagQuantile must be a number
 * from 0.5 to 0.9999 (got 1.5)`), never thrown; the config keeps every field that is valid.
 */
export function parseConfig(text: string, fileName = 'synthgap.json'): ConfigResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { config: {}, errors: [`${fileName}: not valid JSON (${(error as Error).message})`] };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { config: {}, errors: [`${fileName}: expected a JSON object`] };
  }
  const problems = schemaProblems(CONFIG_SCHEMA, raw);
  const invalid = new Set(problems.map(({ field }) => field));
  const config: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (key === '$schema' || invalid.has(key)) continue;
    config[key] = (key === 'reference' || key === 'datasets') && typeof value === 'string' ? [value] : value;
  }
  return { config: config as SynthgapConfig, errors: problems.map(({ path, problem }) => `${fileName}: ${path} ${problem}`) };
}

/**
 * What is wrong with values given for synthgap.json fields elsewhere (the CLI's flags), checked by the same schema:
 * each problem with the field it is about (`{ field: 'folds', path: 'folds', problem: 'must be a whole number from 2 to 20 (got 1)' }`).
 */
export function settingProblems(values: Readonly<Partial<Record<keyof SynthgapConfig, unknown>>>): (ValueProblem & { field: keyof SynthgapConfig })[] {
  const given = Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined));
  return schemaProblems(CONFIG_SCHEMA, given).map((problem) => ({ ...problem, field: problem.field as keyof SynthgapConfig }));
}
