// The import rules enforce the architecture: a wrong import fails the lint, and so the test command.
import tseslint from 'typescript-eslint';

const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

// The core has one public entry, src/core/index.ts, imported as `../core` (one spelling), and a narrower one,
// src/core/present.ts (formatting and the saved page), for the client and the panel. These match import paths
// (relative ones only, so a package named core is not caught).
const CORE_DEEP = { regex: '^\\.{1,2}/(.*/)?core/', message: 'Import core through its entry: `../core` (src/core/index.ts); add the name there if it is missing.' };
const CORE_BUT_PRESENT = {
  regex: '^\\.{1,2}/(.*/)?core(/(?!present$).*)?$',
  message: 'The client and the panel use core only through `core/present` (formatting and the saved page); the rest of core runs in the server.',
};
const CORE_PURE = [
  { group: ['node:*', 'fs', 'path', 'os', 'child_process', 'worker_threads'], message: 'src/core is pure: inject the world instead.' },
  { group: ['vscode', 'vscode-languageserver*', 'vscode-languageclient*', '@huggingface/*', '@xenova/*'], message: 'src/core imports nothing of the editor or of model runtimes.' },
  { group: ['**/shared/**', '**/server/**', '**/extension/**', '**/cli/**', '**/embedders/**', '**/node/**'], message: 'src/core imports nothing of ours outside src/core.' },
];
// Core runs in Node, in worker threads and in the browser, and reads and writes nothing: it uses none of the
// globals that reach the world or one host only (the imports above are refused for the same reason).
const CORE_GLOBALS = {
  'no-restricted-globals': ['error', ...['process', 'Buffer', 'require', 'module', '__dirname', '__filename', 'console', 'fetch', 'setTimeout', 'setInterval', 'setImmediate', 'performance', 'crypto', 'window', 'document', 'navigator']
    .map((name) => ({ name, message: 'src/core is pure: the caller injects time, logging and I/O (src/core/host.ts).' }))],
};
// Everything random takes a seed (stats/random.ts), so one seed gives one result.
const SEEDED = { 'no-restricted-properties': ['error', { object: 'Math', property: 'random', message: 'Use seededRandom (src/core/stats/random.ts): the same seed must give the same result.' }] };
// Inside core, modules import each other directly: importing an entry from core would make an import cycle.
const CORE_NO_ENTRY = { regex: '^(\\./|(\\.\\./)+)(index|present)$', message: 'Core modules import each other directly, never core\'s entries (index.ts, present.ts).' };

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.test-artifacts/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/index.ts'],
    rules: { ...restrict([...CORE_PURE, CORE_NO_ENTRY]), ...CORE_GLOBALS, ...SEEDED },
  },
  {
    files: ['src/core/index.ts'],
    rules: { ...restrict(CORE_PURE), ...CORE_GLOBALS, ...SEEDED },
  },
  {
    // Shared is bundled into the client and the panel too: it takes core's types from the entry (erased at build)
    // and values only from core/present.
    files: ['src/shared/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [
          { group: ['node:*', 'vscode', 'vscode-languageserver*', 'vscode-languageclient*'], message: 'src/shared holds types only.' },
          { group: ['**/server/**', '**/extension/**', '**/cli/**', '**/embedders/**', '**/node/**'], message: 'src/shared holds types only.' },
          { regex: '^\\.{1,2}/(.*/)?core/(?!present$)', message: 'src/shared takes core\'s types from `../core` and values from `../core/present` only.' },
          { regex: '^\\.{1,2}/(.*/)?core$', allowTypeImports: true, message: 'src/shared takes only types from `../core` (values from `../core/present`), so the client and the panel do not bundle the analysis.' },
        ],
      }],
    },
  },
  {
    files: ['src/extension/**/*.ts'],
    rules: restrict([
      CORE_BUT_PRESENT,
      { group: ['**/server/**', '**/cli/**', '**/embedders/**', '**/node/**'], message: 'The client talks to the server; it imports src/shared and core/present only.' },
      // vscode-languageclient carries its own copy of the protocol: a server package's message objects fail at run time.
      { group: ['vscode-languageserver*'], message: 'The client uses vscode-languageclient, never the server\'s packages.' },
    ]),
  },
  {
    files: ['webview-ui/**/*.ts'],
    rules: restrict([
      { group: ['node:*', 'vscode', 'vscode-languageserver*', 'vscode-languageclient*', 'fs', 'path'], message: 'The panel runs in a browser: d3, @vscode-elements/elements and src/shared types only.' },
      CORE_BUT_PRESENT,
      { group: ['**/server/**', '**/extension/**', '**/cli/**', '**/embedders/**', '**/node/**'], message: 'The panel imports src/shared and core/present only.' },
    ]),
  },
  {
    // The server runs in a plain Node process that VS Code starts: there is no vscode module to import there.
    files: ['src/server/**/*.ts'],
    rules: restrict([
      CORE_DEEP,
      { group: ['vscode', 'vscode/*', 'vscode-languageclient', 'vscode-languageclient/*'], message: 'The server runs outside the editor: vscode-languageserver only, never vscode or the client.' },
      { group: ['**/extension/**', '**/cli/**'], message: 'The server imports core, embedders, node and shared only.' },
    ]),
  },
  {
    files: ['src/cli/**/*.ts', 'src/embedders/**/*.ts', 'src/node/**/*.ts'],
    rules: restrict([
      CORE_DEEP,
      // The MCP SDK's server modules (`synthgap mcp`) are not our language server.
      { group: ['vscode', 'vscode-languageserver*', 'vscode-languageclient*', '**/extension/**', '**/server/**', '!@modelcontextprotocol/sdk/server/*'], message: 'The CLI and embedders run without an editor.' },
    ]),
  },
);
