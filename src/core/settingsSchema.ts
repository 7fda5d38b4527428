/**
 * Values checked against JSON schemas, with a problem in words a user reads in one line: `must be a number from
 * 0.5 to 0.9999 (got 1.5)`. synthgap.json's schema (media/synthgap.schema.json, also the editor's completion and
 * squiggles) is the one definition of its fields; the CLI checks its flags of the same names against it, and its
 * other flags against small schemas of their own, so every setting fails the same way.
 */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import configSchema from '../../media/synthgap.schema.json';

/** A JSON schema as this module reads it (a fragment for one value, or synthgap.json's). */
export type ValueSchema = Readonly<Record<string, unknown>>;

/** What is wrong with one value: where (`ignore[2]`, empty for the value itself) and why. */
export interface ValueProblem {
  /** Under the value checked: `flagQuantile`, `ignore[2]`; empty for the value itself. */
  readonly path: string;
  /** The top-level key the problem is under (`ignore` for `ignore[2]`); empty for the value itself. */
  readonly field: string;
  /** `must be a number from 0.5 to 0.9999 (got 1.5)` */
  readonly problem: string;
}

/** synthgap.json's schema. */
export const CONFIG_SCHEMA: ValueSchema = configSchema;

let ajv: Ajv | undefined;
const compiled = new WeakMap<ValueSchema, ValidateFunction>();

/** Compiled once per schema object, on first use: compiling costs a few milliseconds a run need not pay twice. */
function validatorFor(schema: ValueSchema): ValidateFunction {
  let validate = compiled.get(schema);
  if (!validate) {
    // VS Code's own schema words (messages, Markdown descriptions) are annotations to ajv, not unknown keywords.
    ajv ??= new Ajv({ allErrors: true, verbose: true, strictTypes: false }).addVocabulary(['errorMessage', 'patternErrorMessage', 'markdownDescription', 'enumDescriptions']);
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  return validate;
}

/** Every problem of `value` against `schema`, at most one per path, in the order the schema found them. */
export function schemaProblems(schema: ValueSchema, value: unknown): ValueProblem[] {
  const validate = validatorFor(schema);
  if (validate(value)) return [];
  const problems = new Map<string, ValueProblem>();
  for (const error of validate.errors ?? []) {
    const at = errorPath(error);
    // A oneOf names its branches' errors too; the first message at a path, or the field's own message, is the one.
    const own = ownMessage(schema, at.field);
    const key = own === undefined ? at.path : at.field;
    // A oneOf deeper down with its own message (an `ignore` entry) stands for its branches' errors at and under it.
    const deeper = own === undefined && error.keyword === 'oneOf' ? (error.parentSchema as ValueSchema | undefined)?.errorMessage : undefined;
    if (typeof deeper === 'string') {
      for (const path of [...problems.keys()]) if (path === key || path.startsWith(`${key}.`) || path.startsWith(`${key}[`)) problems.delete(path);
      problems.set(key, { path: key, field: at.field, problem: `${deeper} (got ${shown(error.data)})` });
      continue;
    }
    if (problems.has(key)) continue;
    const problem = own === undefined ? describe(error) : `${own} (got ${shown(at.field === at.path ? error.data : fieldValue(value, at.field))})`;
    problems.set(key, { path: key, field: at.field, problem });
  }
  return [...problems.values()];
}

/** The problem of one value against a schema fragment, or undefined when it is valid. */
export function valueProblem(schema: ValueSchema, value: unknown): string | undefined {
  return schemaProblems(schema, value)[0]?.problem;
}

/** Where an error is: the path in the value (`ignore[2]`) and its top-level field (`ignore`). */
function errorPath(error: ErrorObject): { path: string; field: string } {
  const parts = error.instancePath.split('/').slice(1).map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'));
  if (error.keyword === 'additionalProperties') parts.push(String(error.params.additionalProperty));
  const path = parts.map((part, i) => (/^\d+$/.test(part) ? `[${part}]` : i === 0 ? part : `.${part}`)).join('');
  return { path, field: parts[0] ?? '' };
}

/** A field's own message from the schema (`errorMessage`), which stands for every error under it. */
function ownMessage(schema: ValueSchema, field: string): string | undefined {
  const properties = schema.properties as Record<string, ValueSchema> | undefined;
  const own = field === '' ? schema : properties?.[field];
  return typeof own?.errorMessage === 'string' ? own.errorMessage : undefined;
}

function fieldValue(value: unknown, field: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[field] : undefined;
}

const KINDS: Record<string, string> = { integer: 'a whole number', number: 'a number', string: 'a string', array: 'a list', object: 'an object', boolean: 'true or false', null: 'null' };
const COMPARISONS: Record<string, string> = { '>=': '≥', '<=': '≤', '>': '>', '<': '<' };

/** One error in words, with the value it got. */
function describe(error: ErrorObject): string {
  const got = ` (got ${shown(error.data)})`;
  const { params } = error;
  switch (error.keyword) {
    case 'additionalProperties':
      return 'is not a setting';
    case 'type': {
      const range = error.parentSchema ? rangeWords(error.parentSchema) : undefined;
      return `must be ${range ?? String(params.type).split(',').map((kind) => KINDS[kind] ?? kind).join(' or ')}${got}`;
    }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `must be ${(error.parentSchema && rangeWords(error.parentSchema)) ?? `${COMPARISONS[String(params.comparison)]} ${String(params.limit)}`}${got}`;
    case 'minLength':
      return params.limit === 1 ? 'must not be empty' : `must be at least ${String(params.limit)} characters${got}`;
    case 'enum':
      return `must be one of ${(params.allowedValues as unknown[]).map((v) => String(v)).join(', ')}${got}`;
    case 'const':
      return `must be ${JSON.stringify(params.allowedValue)}${got}`;
    case 'pattern': {
      const message = error.parentSchema?.patternErrorMessage;
      return `${typeof message === 'string' ? message : `must match ${String(params.pattern)}`}${got}`;
    }
    default:
      return `${error.message ?? 'is not valid'}${got}`;
  }
}

/**
 * A number's whole range in words, so one message says what would do: `a whole number from 2 to 20`, `a number
 * above 0.5 and below 1`; undefined for a schema without bounds.
 */
function rangeWords(schema: Readonly<Record<string, unknown>>): string | undefined {
  const bound = (key: string) => (typeof schema[key] === 'number' ? (schema[key] as number) : undefined);
  const [min, max, above, below] = [bound('minimum'), bound('maximum'), bound('exclusiveMinimum'), bound('exclusiveMaximum')];
  const kind = schema.type === 'integer' ? 'a whole number' : 'a number';
  if (min !== undefined && max !== undefined) return `${kind} from ${min} to ${max}`;
  const parts = [min !== undefined && `at least ${min}`, above !== undefined && `above ${above}`, max !== undefined && `at most ${max}`, below !== undefined && `below ${below}`].filter((part) => part !== false);
  return parts.length > 0 ? `${kind} ${parts.join(' and ')}` : undefined;
}

/** Longest value shown in a message: the message stays on one line. */
const SHOWN_CHARS = 40;

function shown(value: unknown): string {
  const text = typeof value === 'number' ? String(value) : (JSON.stringify(value) ?? String(value));
  return text.length > SHOWN_CHARS ? `${text.slice(0, SHOWN_CHARS - 1)}…` : text;
}
