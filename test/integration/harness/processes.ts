// Processes and temp folders that never outlive the tests. A server starts in its own process group; every
// process we start carries a tag in its environment, which its descendants inherit, so stopping can kill the
// group and then any tagged straggler that left it (node-pty terminals call setsid, for instance).
// When the test process ends or is interrupted, an exit hook does the same; when it is SIGKILLed (a CI
// timeout), a small detached watchdog notices and does it instead.
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const HARNESS_TAG_VARIABLE = 'SYNTHGAP_HARNESS_TAG';

interface Tracked {
  tag: string;
  /** Leader of a process group, for servers; absent for a browser, which Playwright launches. */
  child?: ChildProcess;
  /** Folders to delete if the test process dies before the owner cleans up. */
  paths: string[];
}

const live = new Set<Tracked>();
/** Temp folders by path, with the tag of the watchdog that deletes each one if the test process is killed. */
const tempDirs = new Map<string, string>();
let hooksInstalled = false;

/** Spawns a command as the leader of a new process group, tagged so that its descendants can be found. */
export function spawnTracked(command: string, args: string[], tag: string, options: SpawnOptions = {}, paths: string[] = []): ChildProcess {
  installExitHooks();
  const env = { ...(options.env ?? process.env), [HARNESS_TAG_VARIABLE]: tag };
  const child = spawn(command, args, { ...options, env, detached: true });
  const tracked: Tracked = { tag, child, paths };
  live.add(tracked);
  startWatchdog(tag, child.pid ?? 0, paths);
  child.once('error', () => live.delete(tracked));
  return child;
}

/**
 * Registers a tag whose processes (a browser launched by Playwright, say) must be swept if the test process
 * dies. Returns a release function that kills whatever still carries the tag.
 */
export function trackTag(tag: string, paths: string[] = []): () => void {
  installExitHooks();
  const tracked: Tracked = { tag, paths };
  live.add(tracked);
  startWatchdog(tag, 0, paths);
  return () => {
    for (const pid of findTaggedProcesses(tag)) signalPid(pid, 'SIGKILL');
    live.delete(tracked);
  };
}

/** Stops a tracked process: SIGTERM to its group, SIGKILL after `graceMs`, then kills tagged stragglers. */
export async function stopTracked(child: ChildProcess, tag: string, graceMs = 5000): Promise<void> {
  const pid = child.pid;
  if (pid !== undefined) {
    signalGroup(pid, 'SIGTERM');
    const exited = child.exitCode !== null || child.signalCode !== null
      || await new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(false), graceMs);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve(true);
        });
      });
    // The leader may exit before its children do; the group kill reaches whatever is left.
    if (!exited) signalGroup(pid, 'SIGKILL');
    await waitUntil(() => !groupExists(pid), 2000);
    signalGroup(pid, 'SIGKILL');
  }
  for (const straggler of findTaggedProcesses(tag)) signalPid(straggler, 'SIGKILL');
  for (const tracked of live) if (tracked.child === child) live.delete(tracked);
}

/** A fresh temp folder, deleted by the exit hook if the caller does not delete it first. */
export function makeTempDir(prefix: string): string {
  installExitHooks();
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const tag = randomUUID();
  tempDirs.set(dir, tag);
  startWatchdog(tag, 0, [dir]);
  return dir;
}

/** Deletes a folder made by makeTempDir (or any folder) and dismisses its watchdog. */
export function removeTempDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  const tag = tempDirs.get(dir);
  if (tag) for (const pid of findTaggedProcesses(tag)) signalPid(pid, 'SIGKILL');
  tempDirs.delete(dir);
}

/** PIDs of live processes whose environment carries the tag (Linux /proc; empty elsewhere). */
export function findTaggedProcesses(tag: string): number[] {
  const needle = `${HARNESS_TAG_VARIABLE}=${tag}\0`;
  const found: number[] = [];
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return found;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const environ = readFileSync(`/proc/${entry}/environ`, 'latin1');
      if (`${environ}\0`.includes(needle) && !isZombie(entry)) found.push(Number(entry));
    } catch {
      // The process ended while we looked, or is not ours to read.
    }
  }
  return found;
}

/**
 * A detached process that outlives a SIGKILLed test process: when its parent is gone it kills the group and
 * every tagged process, deletes the folders and exits. It carries the tag itself, so a normal stop sweeps it.
 */
function startWatchdog(tag: string, groupId: number, paths: string[]): void {
  const env = { PATH: process.env.PATH ?? '', [HARNESS_TAG_VARIABLE]: tag };
  const args = ['-e', WATCHDOG_SCRIPT, String(process.pid), String(groupId), `${HARNESS_TAG_VARIABLE}=${tag}`, ...paths];
  const watchdog = spawn(process.execPath, args, { env, detached: true, stdio: 'ignore' });
  watchdog.unref();
}

/** Arguments: parent pid, process group id (0: none), tag entry (NAME=value), folders to delete. */
const WATCHDOG_SCRIPT = `
const fs = require('node:fs');
const [parent, group, tagEntry, ...paths] = process.argv.slice(1);
const needle = tagEntry + String.fromCharCode(0);
const alive = (pid) => { try { process.kill(pid, 0); return true; } catch { return false; } };
setInterval(() => {
  if (alive(Number(parent))) return;
  if (Number(group) > 0) { try { process.kill(-Number(group), 'SIGKILL'); } catch {} }
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^[0-9]+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const environ = fs.readFileSync('/proc/' + entry + '/environ', 'latin1') + String.fromCharCode(0);
      if (environ.includes(needle)) process.kill(Number(entry), 'SIGKILL');
    } catch {}
  }
  for (const path of paths) { try { fs.rmSync(path, { recursive: true, force: true }); } catch {} }
  process.exit(0);
}, 1000);
`;

function isZombie(pid: string): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    return true;
  }
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // No such group any more.
  }
}

function signalPid(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // Already gone.
  }
}

function groupExists(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
}

/** Synchronous last resort when the test process exits or is interrupted. */
function cleanUpNow(): void {
  for (const { child, tag, paths } of live) {
    if (child?.pid !== undefined) signalGroup(child.pid, 'SIGKILL');
    for (const straggler of findTaggedProcesses(tag)) signalPid(straggler, 'SIGKILL');
    for (const path of paths) rmSync(path, { recursive: true, force: true });
  }
  live.clear();
  for (const dir of tempDirs.keys()) rmSync(dir, { recursive: true, force: true });
  tempDirs.clear();
}

function installExitHooks(): void {
  if (hooksInstalled) return;
  hooksInstalled = true;
  process.once('exit', cleanUpNow);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      cleanUpNow();
      // Die of the same signal, as the default handler would have.
      process.kill(process.pid, signal);
    });
  }
}
