import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Folders never searched by a pattern: they hold no datasets and can be huge. */
const SKIPPED = new Set(['node_modules', '.git']);

/**
 * Expands a file pattern with `*`, `?` and `**` relative to `cwd`, sorted; a pattern without wildcards
 * is returned as is (so a missing file is reported by the reader, by name). Node 20 has no fs.glob.
 */
export function expandPattern(pattern: string, cwd: string): string[] {
  if (!/[*?[]/.test(pattern)) return [pattern];
  const matcher = patternToRegExp(pattern.split(sep).join('/'));
  const root = literalPrefix(pattern);
  const found: string[] = [];
  walk(join(cwd, root), (file) => {
    const path = relative(cwd, file).split(sep).join('/');
    if (matcher.test(path)) found.push(path);
  });
  return found.sort();
}

function literalPrefix(pattern: string): string {
  const parts = pattern.split('/');
  const literal: string[] = [];
  for (const part of parts) {
    if (/[*?[]/.test(part)) break;
    literal.push(part);
  }
  return literal.join('/');
}

function walk(dir: string, visit: (file: string) => void): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (SKIPPED.has(name)) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, visit);
    else visit(path);
  }
}

/** `**` crosses folders, `*` and `?` do not. */
export function patternToRegExp(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    if (char === '*' && pattern[i + 1] === '*') {
      source += pattern[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += pattern[i + 2] === '/' ? 2 : 1;
    } else if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^(?:\\./)?${source}$`);
}
