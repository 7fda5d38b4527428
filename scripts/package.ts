// Packages the extension into a platform-specific .vsix: `vsce package --target <target>` with the encoder's native
// runtime (onnxruntime-node, only the target's binary, and onnxruntime-common) under node_modules, and nothing
// else of node_modules. `npm run package` builds first, then runs this; test/integration and test/e2e package
// through packageExtension() the same way.
//   node --import tsx scripts/package.ts [--target linux-x64|universal] [--out file.vsix]   (or SYNTHGAP_VSIX_TARGET=...)
//
// Why it is done this way (vsce 3.9):
// - Under --no-dependencies vsce lists the folder with the glob ignore `node_modules/**`, so no "!" line of
//   .vscodeignore can bring a node_modules file back. With dependencies on, vsce lists the folders `npm list
//   --production` prints and .vscodeignore filters them: the allow-list keeps what it names, nothing else.
// - Any "!" line wins over every ignore line, so .vscodeignore cannot keep one platform's binary and drop the
//   others with a static line. The target's binary line is added here, into a temporary copy of .vscodeignore
//   handed to vsce as its ignore file.
import { createVSIX } from '@vscode/vsce';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The onnxruntime-node binaries (bin/napi-v6/<platform>/<arch>/) of each vsce target that has one. */
const TARGET_BINARIES: Readonly<Record<string, { platform: string; arch: string }>> = {
  'linux-x64': { platform: 'linux', arch: 'x64' },
  'linux-arm64': { platform: 'linux', arch: 'arm64' },
  'win32-x64': { platform: 'win32', arch: 'x64' },
  'win32-arm64': { platform: 'win32', arch: 'arm64' },
  'darwin-arm64': { platform: 'darwin', arch: 'arm64' },
};

const RUNTIME = 'node_modules/onnxruntime-node';
/** The target that packages no native runtime and names no platform. */
export const UNIVERSAL = 'universal';

/** The vsce target of this machine (linux-x64, darwin-arm64, win32-x64, ...). */
export function hostTarget(): string {
  return `${process.platform}-${process.arch}`;
}

export interface PackageExtensionOptions {
  /** The extension folder (package.json, .vscodeignore, dist/). */
  readonly cwd: string;
  /** Where to write the .vsix; by default vsce's name (synthgap-<target>-<version>.vsix) in cwd. */
  readonly packagePath?: string;
  /** vsce target, or `universal` (no target, no native runtime); default SYNTHGAP_VSIX_TARGET, else this machine's. */
  readonly target?: string;
  /**
   * Let vsce list node_modules (`npm list`) and .vscodeignore pick from it. By default on exactly when
   * .vscodeignore keeps node_modules files (the encoder runtime); a folder without node_modules lines
   * (the integration tests' probe extension) is packaged as --no-dependencies.
   */
  readonly dependencies?: boolean;
  /** Skip the LICENSE check (throwaway test extensions). */
  readonly skipLicense?: boolean;
}

export interface PackageResult {
  readonly packagePath: string;
  readonly target: string;
  /** The onnxruntime-node binary folder kept, relative to cwd; undefined when the runtime is not shipped. */
  readonly binaryFolder?: string;
}

/** The binary folder of `target` under `<cwd>/node_modules/onnxruntime-node/bin`, or an error saying which targets exist. */
export function runtimeBinaryFolder(cwd: string, target: string): string {
  const binary = TARGET_BINARIES[target];
  const bin = join(cwd, RUNTIME, 'bin');
  if (!existsSync(bin)) throw new Error(`${RUNTIME} is not installed in ${cwd}: run npm ci`);
  const napi = readdirSync(bin).filter((name) => /^napi-v\d+$/.test(name));
  const found = binary && napi.map((dir) => `${RUNTIME}/bin/${dir}/${binary.platform}/${binary.arch}`).filter((dir) => existsSync(join(cwd, dir)));
  if (!found || found.length !== 1) {
    const known = Object.keys(TARGET_BINARIES).filter((name) => napi.some((dir) => existsSync(join(bin, dir, TARGET_BINARIES[name].platform, TARGET_BINARIES[name].arch))));
    throw new Error(`onnxruntime-node has no binary for the target ${target}; targets with one: ${known.join(', ')}`);
  }
  return found[0];
}

/** Packages `cwd` into a .vsix for one target; see the top of this file. */
export async function packageExtension(options: PackageExtensionOptions): Promise<PackageResult> {
  const cwd = resolve(options.cwd);
  const target = options.target ?? process.env.SYNTHGAP_VSIX_TARGET ?? hostTarget();
  const ignorePath = join(cwd, '.vscodeignore');
  const ignore = existsSync(ignorePath) ? readFileSync(ignorePath, 'utf8') : undefined;
  // `universal`: one .vsix for every platform, without the native runtime (transformer encoders then fall back
  // to the built-in embedding, saying that onnxruntime-node is missing); for platforms that have no binary.
  const universal = target === UNIVERSAL;
  const shipsRuntime = !universal && ignore !== undefined && /^!node_modules\/onnxruntime-node\//m.test(ignore);
  const dependencies = options.dependencies ?? shipsRuntime;
  const scratch = mkdtempSync(join(tmpdir(), 'synthgap-package-'));
  try {
    let ignoreFile: string | undefined;
    let binaryFolder: string | undefined;
    if (shipsRuntime) {
      binaryFolder = runtimeBinaryFolder(cwd, target);
      ignoreFile = join(scratch, '.vscodeignore');
      writeFileSync(ignoreFile, `${ignore!.trimEnd()}\n# Added by scripts/package.ts for ${target}:\n!${binaryFolder}/*\n`);
    }
    const packagePath = options.packagePath ? resolve(options.packagePath) : undefined;
    // vsce's own default name when no path is given, computed here because createVSIX does not return it.
    const manifest = JSON.parse(readFileSync(join(cwd, 'package.json'), 'utf8')) as { name: string; version: string };
    const written = packagePath ?? join(cwd, universal ? `${manifest.name}-${manifest.version}.vsix` : `${manifest.name}-${target}-${manifest.version}.vsix`);
    await createVSIX({
      cwd,
      packagePath: written,
      ...(universal ? {} : { target }),
      dependencies,
      useYarn: false,
      ...(ignoreFile ? { ignoreFile } : {}),
      allowMissingRepository: true,
      ...(options.skipLicense ? { skipLicense: true } : {}),
    });
    if (!existsSync(written)) throw new Error(`vsce reported success but wrote no ${written}`);
    return { packagePath: written, target, ...(binaryFolder ? { binaryFolder } : {}) };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function argument(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  if (i >= 0) return args[i + 1];
  return args.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const target = argument(args, 'target');
  const out = argument(args, 'out');
  const started = Date.now();
  const result = await packageExtension({ cwd: resolve(__dirname, '..'), ...(target ? { target } : {}), ...(out ? { packagePath: out } : {}) });
  const bytes = statSync(result.packagePath).size;
  console.log(`Packaged ${result.packagePath} for ${result.target} (${bytes.toLocaleString('en-US')} bytes) in ${((Date.now() - started) / 1000).toFixed(1)} s${result.binaryFolder ? `, with ${result.binaryFolder}` : ''}.`);
}

// Run as a script (not when a test imports packageExtension).
if (process.argv[1]?.endsWith('package.ts')) {
  main().catch((error: Error) => {
    console.error(`package: ${error.message}`);
    process.exit(1);
  });
}
