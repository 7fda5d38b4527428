// Rewrites imports of src/core modules in product code outside src/core to the core's entries, one import per
// file: src/extension and webview-ui get `core/present`, the rest `core` (src/core/index.ts). For after a merge
// or a move: `node scripts/coreImports.mjs`, then `npm run typecheck` names what the entry does not export yet.
// Tests, benchmarks and scripts may import core modules directly and are left alone.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

const ROOT = resolve(import.meta.dirname, '..');
const CORE = join(ROOT, 'src/core');
const PRESENT_ONLY = ['src/extension', 'webview-ui'];
// The longest import line kept on one line: most of the code wraps near 120 characters.
const MAX_LINE = 120;
const PRODUCT = ['src/cli', 'src/server', 'src/node', 'src/embedders', 'src/shared', ...PRESENT_ONLY];

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : files(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

function rewrite(file) {
  const text = readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const presentOnly = PRESENT_ONLY.some((dir) => file.startsWith(join(ROOT, dir) + '/'));
  const entry = join(CORE, presentOnly ? 'present' : 'index');
  let spec = relative(dirname(file), presentOnly ? entry : CORE);
  if (!spec.startsWith('.')) spec = `./${spec}`;
  const names = { value: [], type: [] };
  const edits = [];
  for (const statement of source.statements) {
    const isImport = ts.isImportDeclaration(statement);
    if (!(isImport || ts.isExportDeclaration(statement)) || !statement.moduleSpecifier) continue;
    const from = statement.moduleSpecifier.text;
    if (!from.startsWith('.')) continue;
    const target = resolve(dirname(file), from);
    if (target !== CORE && !target.startsWith(CORE + '/')) continue;
    if (target === entry || (!presentOnly && target === CORE)) continue;
    const clause = isImport ? statement.importClause : undefined;
    if (!isImport || !clause || clause.name || !clause.namedBindings || !ts.isNamedImports(clause.namedBindings)) {
      // Re-exports and other import forms keep their statement; only the path changes.
      // src/shared (bundled into the client and the panel) takes values from core/present and types from core.
      const shared = file.startsWith(join(ROOT, 'src/shared') + '/');
      const path = shared && !statement.isTypeOnly ? `${spec}/present` : spec;
      const quote = text[statement.moduleSpecifier.getStart()];
      edits.push([statement.moduleSpecifier.getStart(), statement.moduleSpecifier.getEnd(), `${quote}${path}${quote}`]);
      continue;
    }
    for (const element of clause.namedBindings.elements) {
      const name = element.propertyName ? `${element.propertyName.text} as ${element.name.text}` : element.name.text;
      (clause.isTypeOnly || element.isTypeOnly ? names.type : names.value).push(name);
    }
    const end = text[statement.getEnd()] === '\n' ? statement.getEnd() + 1 : statement.getEnd();
    edits.push([statement.getStart(), end, edits.some((edit) => edit[3]) ? '' : null, true]);
  }
  if (edits.length === 0) return false;
  const unique = (list) => [...new Set(list)].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' }));
  const values = unique(names.value);
  const types = unique(names.type.filter((name) => !values.includes(name)));
  const list = values.length === 0 ? types : [...values, ...types.map((name) => `type ${name}`)];
  const keyword = values.length === 0 ? 'import type' : 'import';
  const line = `${keyword} { ${list.join(', ')} } from '${spec}';\n`;
  // A long list goes one name a line, as the editor's formatter would wrap it.
  const merged = line.length <= MAX_LINE ? line : `${keyword} {\n${list.map((name) => `  ${name},\n`).join('')}} from '${spec}';\n`;
  let out = text;
  for (const [start, end, replacement] of edits.sort((a, b) => b[0] - a[0])) {
    out = out.slice(0, start) + (replacement ?? merged) + out.slice(end);
  }
  writeFileSync(file, out);
  return true;
}

const changed = PRODUCT.flatMap((dir) => files(join(ROOT, dir))).filter(rewrite);
for (const file of changed) console.log(relative(ROOT, file));
