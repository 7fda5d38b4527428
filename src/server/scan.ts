import { relative, resolve, sep } from 'node:path';
import { expandPattern, patternToRegExp } from '../node/glob';
import type { SynthgapSettings } from '../shared/settings';
import { CONFIG_FILE, type FolderConfig } from './settings';

const DATASET = /\.(jsonl|csv|tsv)$/i;

/** The folder's dataset files (absolute paths): `include` minus `exclude`, the reference and synthgap.json. */
export function datasetFiles(config: FolderConfig, settings: SynthgapSettings): string[] {
  const found = new Set<string>();
  for (const pattern of settings.include) {
    for (const match of expandPattern(pattern, config.folder)) {
      const path = resolve(config.folder, match);
      if (isDatasetFile(config, settings, path)) found.add(path);
    }
  }
  return [...found].sort();
}

/** Whether a file of the folder is one Synthgap checks. */
export function isDatasetFile(config: FolderConfig, settings: SynthgapSettings, path: string): boolean {
  if (!DATASET.test(path) || config.reference.includes(path)) return false;
  const shown = relative(config.folder, path).split(sep).join('/');
  if (shown.startsWith('..') || shown === CONFIG_FILE) return false;
  const matches = (pattern: string) => patternToRegExp(pattern).test(shown);
  return settings.include.some(matches) && !settings.exclude.some(matches);
}

/** The workspace folder holding `path` (the innermost one), if any. */
export function folderOf(folders: readonly string[], path: string): string | undefined {
  let best: string | undefined;
  for (const folder of folders) {
    const inside = path === folder || path.startsWith(folder.endsWith(sep) ? folder : folder + sep);
    if (inside && (!best || folder.length > best.length)) best = folder;
  }
  return best;
}
