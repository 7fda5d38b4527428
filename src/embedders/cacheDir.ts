import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The CLI's cache folder (models and embedding caches): SYNTHGAP_CACHE_DIR, else `$XDG_CACHE_HOME/synthgap`,
 * else `~/.cache/synthgap`. The editor passes its global storage folder instead.
 */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.SYNTHGAP_CACHE_DIR) return env.SYNTHGAP_CACHE_DIR;
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'synthgap');
}
