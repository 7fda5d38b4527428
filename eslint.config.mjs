// The import rules enforce the architecture: a wrong import fails the lint, and so the test command.
import tseslint from 'typescript-eslint';

const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });
// Presentation exists once: the core's formatting module and the saved report page (staticPage, staticRows) import only core's report types,
// so the extension and the panel may use them (and nothing else of core).
const PRESENTATION = ['!**/core/report', '!**/core/report/format', '!**/core/report/staticPage', '!**/core/report/staticRows'];

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
    rules: restrict([
      { group: ['node:*', 'fs', 'path', 'os', 'child_process', 'worker_threads'], message: 'src/core is pure: inject the world instead.' },
      { group: ['vscode', 'vscode-languageserver*', 'vscode-languageclient*', '@huggingface/*', '@xenova/*'], message: 'src/core imports nothing of the editor or of model runtimes.' },
      { group: ['**/shared/**', '**/server/**', '**/extension/**', '**/cli/**', '**/embedders/**'], message: 'src/core imports nothing of ours outside src/core.' },
    ]),
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: restrict([
      { group: ['node:*', 'vscode', 'vscode-languageserver*', 'vscode-languageclient*'], message: 'src/shared holds types only.' },
      { group: ['**/server/**', '**/extension/**', '**/cli/**', '**/embedders/**'], message: 'src/shared holds types only.' },
    ]),
  },
  {
    files: ['src/extension/**/*.ts'],
    rules: restrict([
      { group: ['**/core/**', ...PRESENTATION, '**/server/**', '**/cli/**', '**/embedders/**'], message: 'The client talks to the server; it imports src/shared (and core\'s format, staticPage and staticRows) only.' },
      // vscode-languageclient carries its own copy of the protocol: a server package's message objects fail at run time.
      { group: ['vscode-languageserver*'], message: 'The client uses vscode-languageclient, never the server\'s packages.' },
    ]),
  },
  {
    // The server runs in a plain Node process that VS Code starts: there is no vscode module to import there.
    files: ['src/server/**/*.ts'],
    rules: restrict([
      { group: ['vscode', 'vscode/*', 'vscode-languageclient', 'vscode-languageclient/*'], message: 'The server runs outside the editor: vscode-languageserver only, never vscode or the client.' },
      { group: ['**/extension/**', '**/cli/**'], message: 'The server imports core, embedders, node and shared only.' },
    ]),
  },
  {
    files: ['webview-ui/**/*.ts'],
    rules: restrict([
      { group: ['node:*', 'vscode', 'vscode-languageserver*', 'vscode-languageclient*', 'fs', 'path'], message: 'The panel runs in a browser: d3, @vscode-elements/elements and src/shared types only.' },
      { group: ['**/core/**', '!**/core/report', '!**/core/report/format', '**/server/**', '**/extension/**', '**/cli/**', '**/embedders/**', '**/node/**'], message: 'The panel imports src/shared types (and core\'s format) only.' },
    ]),
  },
  {
    files: ['src/cli/**/*.ts', 'src/embedders/**/*.ts', 'src/node/**/*.ts'],
    rules: restrict([
      { group: ['vscode', 'vscode-languageserver*', 'vscode-languageclient*', '**/extension/**', '**/server/**'], message: 'The CLI and embedders run without an editor.' },
    ]),
  },
);
