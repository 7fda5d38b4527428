import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

// src/core has no import cycles, type-only imports included: a cycle means two modules are one concept split in
// two, or that a type sits in the wrong file (move shared types into a types.ts both sides import).

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The TypeScript files a file imports or re-exports from, relatively (`import type` and `import()` included). */
function localImports(file: string): string[] {
  const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return info.importedFiles.flatMap(({ fileName }) => {
    if (!fileName.startsWith('.')) return [];
    const base = resolve(dirname(file), fileName);
    const found = [`${base}.ts`, join(base, 'index.ts')].find((candidate) => existsSync(candidate));
    return found ? [found] : [];
  });
}

/** Every import cycle among the files below `dir`, each as the files of one strongly connected component. */
function importCycles(dir: string): string[][] {
  const graph = new Map(sourceFiles(dir).map((file) => [file, localImports(file)]));
  // Tarjan's strongly connected components (recursive: the core's import chains are a few dozen files deep).
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (file: string): void => {
    index.set(file, index.size);
    low.set(file, index.get(file)!);
    stack.push(file);
    onStack.add(file);
    for (const next of graph.get(file) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(file, Math.min(low.get(file)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(file, Math.min(low.get(file)!, index.get(next)!));
      }
    }
    if (low.get(file) !== index.get(file)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(relative(dir, member));
    } while (member !== file);
    if (component.length > 1 || (graph.get(file) ?? []).includes(file)) cycles.push(component.sort());
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return cycles;
}

test('src/core has no import cycles, type-only imports included', () => {
  const core = resolve(__dirname, '../../../src/core');
  assert.ok(sourceFiles(core).length > 100, 'the check reads the core');
  assert.deepEqual(importCycles(core), []);
});

test('a type-only cycle through three files is found', () => {
  const dir = mkdtempSync(join(tmpdir(), 'synthgap-cycles-'));
  try {
    writeFileSync(join(dir, 'a.ts'), "import { b } from './b';\nexport interface A { readonly n: number }\nexport const a = b + 1;\n");
    writeFileSync(join(dir, 'b.ts'), "export { c as b } from './c';\n");
    writeFileSync(join(dir, 'c.ts'), "import type { A } from './a';\nexport const c = 2;\nexport type C = A;\n");
    writeFileSync(join(dir, 'd.ts'), "import { a } from './a';\nexport const d = a;\n");
    assert.deepEqual(importCycles(dir), [['a.ts', 'b.ts', 'c.ts']]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
