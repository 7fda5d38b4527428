// Starts a real VS Code (code-server) on 127.0.0.1 with a throwaway profile, extensions folder and home.
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { codeServerPaths } from '../../../scripts/codeServer/paths.mjs';
import { spawnTracked, stopTracked } from './processes.js';

/** `trusted`: workspace trust is off, so every folder is trusted. `restricted`: trust is on, the folder opens
 * untrusted (Restricted Mode) and no trust prompt is shown. `prompt`: trust is on and VS Code asks, as for a user. */
export type TrustMode = 'trusted' | 'restricted' | 'prompt';

export interface CodeServerOptions {
  /** Folder the server is told to open; openWorkbench can still open another one. */
  workspace: string;
  /** Unpacked extension folders (each with a package.json), copied into the extensions folder. */
  extensionPaths?: string[];
  /** Packaged extensions, installed with `--install-extension` before the server starts. */
  vsix?: string | string[];
  /** Merged over the harness defaults in the profile's settings.json. */
  userSettings?: Record<string, unknown>;
  trust?: TrustMode;
  /** Extra environment for the server and its extension host. */
  env?: Record<string, string>;
  /** Milliseconds to wait for the server to listen. */
  startTimeoutMs?: number;
}

export interface CodeServer {
  url: string;
  port: number;
  workspace: string;
  userDataDir: string;
  extensionsDir: string;
  /** Tag carried in the environment of every process of this server (see processes.ts). */
  tag: string;
  /** Everything the server printed so far; useful when a test fails. */
  logs(): string;
  /** Kills the server's process group and stragglers, then deletes its temp folders. Safe to call twice. */
  stop(): Promise<void>;
}

/** Settings that keep a fresh profile quiet: no telemetry, updates, welcome pages, tips or AI prompts. */
const QUIET_SETTINGS: Record<string, unknown> = {
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'workbench.enableExperiments': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  'chat.commandCenter.enabled': false,
  'git.enabled': false,
  'editor.hover.delay': 150,
  'files.autoSave': 'off',
};

function trustSettings(trust: TrustMode): Record<string, unknown> {
  switch (trust) {
    case 'trusted':
      return { 'security.workspace.trust.enabled': false };
    case 'restricted':
      return { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never' };
    case 'prompt':
      return { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'always' };
  }
}

/** The server's environment: no VSCODE_* variables (inside a VS Code terminal they would turn the server into
 * a client of that VS Code), no NODE_OPTIONS from the test runner, and a home of its own so that nothing is
 * written to the real ~/.config, ~/.local or ~/.vscode-server. */
function serverEnv(home: string, extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (key.startsWith('VSCODE_') || key === 'NODE_OPTIONS' || key === 'ELECTRON_RUN_AS_NODE') continue;
    env[key] = value;
  }
  return {
    ...env,
    HOME: home,
    XDG_CONFIG_HOME: join(home, 'config'),
    XDG_DATA_HOME: join(home, 'data'),
    XDG_CACHE_HOME: join(home, 'cache'),
    // An empty gallery: no marketplace queries, which cannot be answered offline and only add noise and delay.
    EXTENSIONS_GALLERY: '{}',
    ...extra,
  };
}

export function assertCodeServerInstalled(): void {
  const paths = codeServerPaths();
  if (!existsSync(paths.marker) || !existsSync(paths.entry) || !existsSync(paths.node)) {
    throw new Error(`code-server is not installed in ${paths.root}. Run: npm run setup:integration`);
  }
}

/** The folder name VS Code gives an installed extension: publisher.name-version. */
function extensionFolderName(extensionPath: string): string {
  const manifest = JSON.parse(readFileSync(join(extensionPath, 'package.json'), 'utf8')) as { publisher?: string; name?: string; version?: string };
  if (!manifest.publisher || !manifest.name || !manifest.version) {
    throw new Error(`${extensionPath}/package.json needs publisher, name and version`);
  }
  return `${manifest.publisher}.${manifest.name}-${manifest.version}`.toLowerCase();
}

function installVsix(vsix: string, baseArgs: string[], env: NodeJS.ProcessEnv): void {
  const paths = codeServerPaths();
  const result = spawnSync(paths.node, [paths.entry, ...baseArgs, '--install-extension', vsix, '--force'], { env, encoding: 'utf8', timeout: 120_000 });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  if (result.status !== 0 || !/successfully installed/i.test(output)) {
    throw new Error(`Installing ${vsix} failed (${result.error?.message ?? `exit ${result.status}`}):\n${output}`);
  }
}

export async function startCodeServer(options: CodeServerOptions): Promise<CodeServer> {
  assertCodeServerInstalled();
  const paths = codeServerPaths();
  const root = mkdtempSync(join(tmpdir(), 'synthgap-code-server-'));
  const userDataDir = join(root, 'user-data');
  const extensionsDir = join(root, 'extensions');
  const home = join(root, 'home');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  mkdirSync(home, { recursive: true });
  const settings = { ...QUIET_SETTINGS, ...trustSettings(options.trust ?? 'trusted'), ...options.userSettings };
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));

  const tag = randomUUID();
  const env = serverEnv(home, options.env ?? {});
  const baseArgs = ['--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--config', join(root, 'config.yaml')];
  try {
    for (const vsix of [options.vsix ?? []].flat()) installVsix(vsix, baseArgs, env);
    for (const extensionPath of options.extensionPaths ?? []) {
      cpSync(extensionPath, join(extensionsDir, extensionFolderName(extensionPath)), { recursive: true, dereference: true });
    }
  } catch (error) {
    rmSync(root, { recursive: true, force: true });
    throw error;
  }

  const args = [
    paths.entry,
    ...baseArgs,
    '--auth', 'none',
    // Port 0: the OS picks a free port, which the server prints; no race between choosing and binding.
    '--bind-addr', '127.0.0.1:0',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    options.workspace,
  ];
  const child = spawnTracked(paths.node, args, tag, { env, cwd: root, stdio: ['ignore', 'pipe', 'pipe'] }, [root]);
  // Keep the output for failure reports, but only its last few hundred kilobytes.
  let output = '';
  const append = (chunk: string): void => {
    output = output.length > 500_000 ? output.slice(-250_000) + chunk : output + chunk;
  };
  child.stdout?.setEncoding('utf8');
  child.stderr?.setEncoding('utf8');
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);

  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    await stopTracked(child, tag);
    rmSync(root, { recursive: true, force: true, maxRetries: 3 });
  };

  try {
    const port = await new Promise<number>((resolve, reject) => {
      const timeoutMs = options.startTimeoutMs ?? 60_000;
      const timer = setTimeout(() => reject(new Error(`code-server did not listen within ${timeoutMs} ms`)), timeoutMs);
      const onData = (): void => {
        const match = /HTTP server listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
        if (!match) return;
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        resolve(Number(match[1]));
      };
      child.stdout?.on('data', onData);
      child.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`code-server exited early (${signal ?? `exit ${code}`})`));
      });
    });
    return { url: `http://127.0.0.1:${port}`, port, workspace: options.workspace, userDataDir, extensionsDir, tag, logs: () => output, stop };
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n--- code-server output ---\n${output}`);
  }
}
