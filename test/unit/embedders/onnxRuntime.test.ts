import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { installCommand, missingRuntime, ONNXRUNTIME_VERSION } from '../../../src/embedders/onnxRuntime';

const ROOT = resolve(__dirname, '../../..');
const folder = () => mkdtempSync(join(tmpdir(), 'synthgap-runtime-'));

describe('the optional transformer runtime', () => {
  it('is the release transformers.js pins, and the one package.json names as an optional peer', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { peerDependencies: Record<string, string>; peerDependenciesMeta: Record<string, { optional?: boolean }>; dependencies?: Record<string, string> };
    const transformers = JSON.parse(readFileSync(join(ROOT, 'node_modules/@huggingface/transformers/package.json'), 'utf8')) as { dependencies: Record<string, string> };
    assert.equal(manifest.peerDependencies['onnxruntime-node'], ONNXRUNTIME_VERSION);
    assert.equal(manifest.peerDependenciesMeta['onnxruntime-node'].optional, true);
    assert.equal(transformers.dependencies['onnxruntime-node'], ONNXRUNTIME_VERSION);
    assert.equal(manifest.dependencies, undefined, 'the CLI is bundled: installing it installs nothing else');
  });

  it('is found from the repository, and reported missing from a folder with no node_modules above it', () => {
    assert.equal(missingRuntime(), undefined);
    const dist = join(folder(), 'dist');
    mkdirSync(dist);
    assert.equal(missingRuntime(dist)?.split('\n').length, 1);
    assert.match(missingRuntime(dist) ?? '', /^transformer encoders need onnxruntime-node, an optional part of synthgap that is not installed \(install it with: .*npm install --prefix ".*dist" onnxruntime-node@1\.30\.0\)$/);
  });

  it('is installed beside a global synthgap, into a local one\'s node_modules, or beside an unpacked bundle', () => {
    const prefix = folder();
    const globalDist = join(prefix, 'lib/node_modules/synthgap/dist');
    mkdirSync(globalDist, { recursive: true });
    mkdirSync(join(prefix, 'bin'));
    writeFileSync(join(prefix, 'bin/synthgap'), '');
    assert.equal(installCommand(globalDist, 'darwin-arm64'), `npm install -g onnxruntime-node@${ONNXRUNTIME_VERSION}`);
    assert.equal(installCommand(globalDist, 'linux-x64'), `ONNXRUNTIME_NODE_INSTALL=skip npm install -g onnxruntime-node@${ONNXRUNTIME_VERSION}`);

    const project = folder();
    const localDist = join(project, 'node_modules/synthgap/dist');
    mkdirSync(localDist, { recursive: true });
    assert.equal(installCommand(localDist, 'win32-x64'), `npm install --prefix "${project}" onnxruntime-node@${ONNXRUNTIME_VERSION}`);

    const extension = join(folder(), 'synthgap-0.1.0/dist');
    assert.equal(installCommand(extension, 'win32-x64'), `npm install --prefix "${extension}" onnxruntime-node@${ONNXRUNTIME_VERSION}`);
  });
});
