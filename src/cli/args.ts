/** A small, strict argument parser: unknown flags are errors, so a typo never silently changes a run. */
export interface FlagSpec {
  readonly kind: 'string' | 'number' | 'boolean' | 'list';
  readonly description: string;
  readonly value?: string;
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
  return { positional, flags };
}

export function describeFlags(specs: Readonly<Record<string, FlagSpec>>): string {
  const rows = Object.entries(specs).map(([name, spec]) => {
    const left = `  --${name}${spec.value ? ` ${spec.value}` : ''}`;
    return `${left.padEnd(30)} ${spec.description}`;
  });
  return rows.join('\n');
}
