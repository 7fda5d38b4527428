/**
 * Every path a tool takes is resolved inside the workspace root: `..`, an absolute path elsewhere, and a symbolic
 * link (or a link in a parent folder) that leads out are refused, so an agent cannot read or write beyond the
 * folder the user gave it.
 */
import { existsSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';

/** A tool call that cannot run as asked, in one line naming the file: the agent reads it and tries again. */
export class ToolError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ToolError';
  }
}

/** The root itself, with symbolic links resolved (what every path is compared with); a missing root is refused. */
export function workspaceRoot(root: string): string {
  if (!existsSync(root)) throw new ToolError(`the workspace root ${root} does not exist`);
  return realpathSync(resolve(root));
}

/**
 * `path` (relative to `root`, or absolute) as an absolute real path inside `root`, which must be a real path
 * (`workspaceRoot`). The deepest part that exists is followed through its links, so a file that does not exist yet
 * (an output) is checked by its folder, and a path through a link to the root (macOS's /tmp) is inside it. `what`
 * names the input in the error: `dataset`, `output`.
 */
export function insideRoot(root: string, path: string, what: string): string {
  const absolute = resolve(root, path);
  let existing = absolute;
  while (!existsSync(existing) && dirname(existing) !== existing) existing = dirname(existing);
  const real = resolve(realpathSync(existing), relative(existing, absolute));
  if (within(root, real)) return real;
  if (within(root, absolute)) throw new ToolError(`${what} ${path} leads outside the workspace root through a symbolic link (to ${real})`);
  throw new ToolError(`${what} ${path} is outside the workspace root (${root}): name a file inside it`);
}

function within(root: string, path: string): boolean {
  const rel = relative(root, path);
  // `..` or `../…` climbs out; a name that merely starts with two dots (`..notes.jsonl`) is inside.
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}
