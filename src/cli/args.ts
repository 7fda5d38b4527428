/**
 * A small, strict argument parser: unknown flags are errors, so a typo never silently changes a run, and every
 * value is checked before any work: a flag that sets a synthgap.json field by synthgap.json's schema, any other by
 * its own schema, so `--folds 1` and `"folds": 1` fail with the same words.
 */
import { settingProblems, valueProblem, type SynthgapConfig, type ValueSchema } from '../core';
import { InputError } from '../node/inputs';

export interface FlagSpec {
  readonly kind: 'string' | 'number' | 'boolean' | 'list';
  readonly description: string;
  readonly value?: string;
  /** The synthgap.json field this flag stands for: its value is checked by media/synthgap.schema.json. */
  readonly field?: keyof SynthgapConfig;
  /** For a flag with no synthgap.json field: the JSON schema its value must meet. */
  readonly schema?: ValueSchema;
}

export interface ParsedArgs {
  readonly positional: string[];
  readonly flags: Map<string, string | number | boolean | string[]>;
}

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export function parseArgs(argv: readonly string[], specs: Readonly<Record<string, FlagSpec>>): ParsedArgs {
  const positional: string[] = [];
  const flags = new Map<string, string | number | boolean | string[]>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    let name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
    let inline: string | undefined = eq < 0 ? undefined : arg.slice(eq + 1);
    let spec = specs[name];
    if (!spec && name.startsWith('no-') && specs[name.slice(3)]?.kind === 'boolean') {
      name = name.slice(3);
      spec = specs[name];
      inline = 'false';
    }
    if (!spec) throw new UsageError(`unknown option --${name}`);
    if (spec.kind === 'boolean') {
      flags.set(name, inline === undefined ? true : inline !== 'false');
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined) throw new UsageError(`--${name} needs a value`);
    if (spec.kind === 'number') {
      const number = Number(value.endsWith('%') ? Number(value.slice(0, -1)) / 100 : value);
      if (!Number.isFinite(number)) throw new UsageError(`--${name} needs a number, got "${value}"`);
      flags.set(name, number);
    } else if (spec.kind === 'list') {
      const list = (flags.get(name) as string[] | undefined) ?? [];
      flags.set(name, [...list, value]);
    } else {
      flags.set(name, value);
    }
  }
  checkFlagValues(flags, specs);
  return { positional, flags };
}

/** A string flag's value must not be empty (`--out ""` is a slip, not a file name). */
export const NON_EMPTY: ValueSchema = { type: 'string', minLength: 1 };

/** One of `choices`, for --format and other named choices. */
export function oneOf(...choices: string[]): ValueSchema {
  return { enum: choices };
}

/** Throws an InputError (one line, exit 2) naming the first flag whose value is not valid, and why. */
function checkFlagValues(flags: ParsedArgs['flags'], specs: Readonly<Record<string, FlagSpec>>): void {
  for (const [name, value] of flags) {
    const spec = specs[name];
    // A repeated flag is a list of values, each one of which the field or schema must accept.
    for (const item of spec.kind === 'list' ? (value as string[]) : [value]) {
      const schema = spec.schema ?? (spec.kind === 'string' || spec.kind === 'list' ? NON_EMPTY : undefined);
      const problem = spec.field ? settingProblems({ [spec.field]: item })[0]?.problem : schema ? valueProblem(schema, item) : undefined;
      if (problem) throw new InputError(`--${name} ${problem}`);
    }
  }
}

export function describeFlags(specs: Readonly<Record<string, FlagSpec>>): string {
  const rows = Object.entries(specs).map(([name, spec]) => {
    const left = `  --${name}${spec.value ? ` ${spec.value}` : ''}`;
    return `${left.padEnd(30)} ${spec.description}`;
  });
  return rows.join('\n');
}
