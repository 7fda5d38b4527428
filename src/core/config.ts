/**
 * `synthgap.json`: what the CLI and the extension share. Parsing is here, in the core, so both read it
 * the same way; reading the file is the caller's business.
 */
export interface SynthgapConfig {
  /** Real reference file(s), relative to the folder holding synthgap.json. */
  readonly reference?: string[];
  /** Synthetic dataset files or glob patterns. */
  readonly datasets?: string[];
  readonly textField?: string;
  /** A field name, or false to ignore labels. */
  readonly labelField?: string | false;
  readonly role?: string;
  /** Rows sharing this field's value stay in one fold (paired data: rewrites of one seed row). */
  readonly groupField?: string;
  readonly seed?: number;
  readonly folds?: number;
  readonly flagQuantile?: number;
  readonly failAboveAuc?: number;
  readonly maxLineBytes?: number;
  /** Which embedding the similarity figures use (see isEmbedderSpec); the built-in `hashed` when omitted. */
  readonly embedder?: string;
  /** Content hashes of rows the user chose to ignore. */
  readonly ignore?: string[];
}

export interface ConfigResult {
  readonly config: SynthgapConfig;
  /** Problems in words, each naming the field; the config keeps every field that was valid. */
  readonly errors: string[];
}

type Check = (value: unknown) => string | undefined;

const isString: Check = (v) => (typeof v === 'string' && v.length > 0 ? undefined : 'must be a non-empty string');
const isStringList: Check = (v) =>
  Array.isArray(v) && v.every((item) => typeof item === 'string' && item.length > 0) ? undefined : 'must be a list of strings';
const isWhole = (min: number, max: number): Check => (v) =>
  Number.isInteger(v) && (v as number) >= min && (v as number) <= max ? undefined : `must be a whole number from ${min} to ${max}`;
const isFraction = (min: number, max: number): Check => (v) =>
  typeof v === 'number' && v > min && v < max ? undefined : `must be a number between ${min} and ${max}`;

const EMBEDDER_SCHEMES = ['model2vec', 'transformers'];
/** `hashed`, `auto`, `model2vec:<model or folder>`, `transformers:<model or folder>`, or a model folder. */
const isEmbedderSpec: Check = (v) => {
  const usage = 'must be "hashed", "auto", "model2vec:<model or folder>", "transformers:<model or folder>" or a model folder';
  if (typeof v !== 'string' || v.trim() === '') return usage;
  // A scheme is a word of two or more letters before a colon; a Windows drive (C:\…) is a folder, not a scheme.
  const scheme = /^([A-Za-z][\w+-]+):/.exec(v.trim());
  if (scheme && !EMBEDDER_SCHEMES.includes(scheme[1])) return `${usage} ("${scheme[1]}:" is not a known kind)`;
  if (scheme && v.trim().length === scheme[0].length) return `${usage} (nothing after "${scheme[1]}:")`;
  return undefined;
};

const FIELDS: Record<keyof SynthgapConfig, Check> = {
  reference: (v) => (typeof v === 'string' ? isString(v) : isStringList(v)),
  datasets: (v) => (typeof v === 'string' ? isString(v) : isStringList(v)),
  textField: isString,
  labelField: (v) => (v === false ? undefined : isString(v)),
  role: isString,
  groupField: isString,
  seed: isWhole(0, 2 ** 32 - 1),
  folds: isWhole(2, 20),
  flagQuantile: isFraction(0.5, 1),
  failAboveAuc: isFraction(0.5, 1),
  maxLineBytes: isWhole(1024, 1024 ** 3),
  embedder: isEmbedderSpec,
  ignore: isStringList,
};

/**
 * Why a value is not valid for a synthgap.json field (`must be a whole number between 2 and 20`), or undefined
 * when it is. The CLI checks its flags with it, so a flag and its synthgap.json field accept the same values.
 */
export function configValueProblem(field: keyof SynthgapConfig, value: unknown): string | undefined {
  return FIELDS[field](value);
}

/** Parses the text of a synthgap.json. Unknown keys and invalid values are reported, never thrown. */
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
  const config: Record<string, unknown> = {};
  const errors: string[] = [];
  for (const [key, value] of Object.entries(raw)) {
    if (key === '$schema') continue;
    const check = Object.hasOwn(FIELDS, key) ? FIELDS[key as keyof SynthgapConfig] : undefined;
    if (!check) {
      errors.push(`${fileName}: unknown setting "${key}"`);
      continue;
    }
    const problem = check(value);
    if (problem) errors.push(`${fileName}: "${key}" ${problem}`);
    else config[key] = (key === 'reference' || key === 'datasets') && typeof value === 'string' ? [value] : value;
  }
  return { config: config as SynthgapConfig, errors };
}
