// One esbuild script builds every entry point. Native modules stay external: onnxruntime-node ships under
// node_modules in the .vsix (scripts/package.ts); sharp is replaced by a stub (below) and ships nowhere.
import * as esbuild from 'esbuild';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

// transformers.js imports sharp (native image decoding) when it loads and throws if the import is falsy. Synthgap
// embeds text only, so the bundles get a stub that is truthy and throws only if an image is ever decoded: sharp and
// its @img binaries stay out of the .vsix.
const sharpStub = {
  name: 'sharp-stub',
  setup(build) {
    build.onResolve({ filter: /^sharp$/ }, () => ({ path: 'sharp', namespace: 'sharp-stub' }));
    build.onLoad({ filter: /.*/, namespace: 'sharp-stub' }, () => ({
      contents: 'module.exports = function sharp() { throw new Error("Synthgap embeds text only: image processing (sharp) is not bundled"); };',
      loader: 'js',
    }));
  },
};

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  external: ['vscode', 'onnxruntime-node', 'word-list'],
  plugins: [sharpStub],
};

const entries = [
  { entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  { entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js' },
  { entryPoints: ['src/server/server.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['src/server/analysisWorker.ts'], outfile: 'dist/analysisWorker.js' },
  { entryPoints: ['src/server/rowsWorker.ts'], outfile: 'dist/rowsWorker.js' },
  { entryPoints: ['src/server/toolWorker.ts'], outfile: 'dist/toolWorker.js' },
  { entryPoints: ['src/node/detectorWorker.ts'], outfile: 'dist/detectorWorker.js' },
  { entryPoints: ['src/node/tools/mcpWorker.ts'], outfile: 'dist/mcpWorker.js' },
  { entryPoints: ['src/embedders/encoderHost.ts'], outfile: 'dist/encoderHost.js' },
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

/** Every npm package bundled into a dist/ file, from esbuild's metafiles: the notices must name each one. */
const bundled = new Set();
for (const entry of entries) {
  const options = entry === webview ? entry : { ...common, ...entry };
  if (watch) {
    const context = await esbuild.context(options);
    await context.watch();
  } else {
    const { metafile } = await esbuild.build({ ...options, metafile: true });
    for (const input of Object.keys(metafile.inputs)) {
      const match = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
      if (match) bundled.add(match[1]);
    }
  }
}
if (existsSync('dist/cli.js')) chmodSync('dist/cli.js', 0o755);
// The English word list ships beside the bundles, so the CLI and the server need no node_modules lookup.
mkdirSync('dist', { recursive: true });
copyFileSync('node_modules/word-list/words.txt', 'dist/words.txt');

// Third-party notices for what the .vsix carries: the bundled packages, the word list, and the native onnxruntime
// packages shipped under node_modules. Each package's license file, or its declared license where it has none.
if (!watch) {
  const shipped = [...bundled, 'word-list', 'onnxruntime-node', 'onnxruntime-common'].filter((name) => existsSync(`node_modules/${name}/package.json`));
  writeFileSync('dist/ThirdPartyNotices.txt', thirdPartyNotices([...new Set(shipped)].sort()));
}

function thirdPartyNotices(names) {
  const MIT = 'Permission is hereby granted, free of charge, to any person obtaining a copy of this software and associated documentation files (the "Software"), to deal in the Software without restriction, including without limitation the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of the Software, and to permit persons to whom the Software is furnished to do so, subject to the following conditions:\n\nThe above copyright notice and this permission notice shall be included in all copies or substantial portions of the Software.\n\nTHE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.';
  const sections = names.map((name) => {
    const dir = `node_modules/${name}`;
    const manifest = JSON.parse(readFileSync(`${dir}/package.json`, 'utf8'));
    const file = readdirSync(dir).find((f) => /^(licen[cs]e|copying)(\.(md|txt))?$/i.test(f));
    // onnxruntime's npm packages carry no license file; its repository's MIT license names Microsoft.
    const author = name.startsWith('onnxruntime-') ? 'Microsoft Corporation' : typeof manifest.author === 'string' ? manifest.author : manifest.author?.name;
    const text = file
      ? readFileSync(`${dir}/${file}`, 'utf8').trim()
      : manifest.license === 'MIT'
        ? `MIT License\n\nCopyright (c) ${author ?? `the ${name} authors`}\n\n${MIT}`
        : `License: ${manifest.license ?? 'see the package'}`;
    return `${name} ${manifest.version}\n${'-'.repeat(name.length + manifest.version.length + 1)}\n${text}\n`;
  });
  return `Synthgap includes the following third-party software. Each is used under the license shown.\n\n${sections.join('\n')}`;
}
