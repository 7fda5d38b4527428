// One esbuild script builds every entry point. Native modules stay external.
import * as esbuild from 'esbuild';
import { chmodSync, copyFileSync, existsSync, mkdirSync } from 'node:fs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  external: ['vscode', 'onnxruntime-node', 'sharp', 'word-list'],
};

const entries = [
  { entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  { entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js' },
  { entryPoints: ['src/server/server.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['src/server/analysisWorker.ts'], outfile: 'dist/analysisWorker.js' },
].filter((entry) => entry.entryPoints.every((file) => existsSync(file)));

// The report panel runs in a browser (a webview, or a saved HTML page): one script and one stylesheet.
const webview = {
  entryPoints: ['webview-ui/src/main.ts'],
  outfile: 'dist/webview/panel.js',
  bundle: true,
  platform: 'browser',
  target: 'chrome120',
  format: 'iife',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  loader: { '.css': 'css' },
};
if (existsSync(webview.entryPoints[0])) entries.push(webview);

for (const entry of entries) {
  const options = entry === webview ? entry : { ...common, ...entry };
  if (watch) {
    const context = await esbuild.context(options);
    await context.watch();
  } else {
    await esbuild.build(options);
  }
}
if (existsSync('dist/cli.js')) chmodSync('dist/cli.js', 0o755);
// The English word list ships beside the bundles, so the CLI and the server need no node_modules lookup.
mkdirSync('dist', { recursive: true });
copyFileSync('node_modules/word-list/words.txt', 'dist/words.txt');
