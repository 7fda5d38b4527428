import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Connection } from 'vscode-languageserver/node';
import { configRole, configTextField, parseConfig, type ReadOptions, type SynthgapConfig } from '../core';
import { SETTINGS_SECTION, type SynthgapSettings } from '../shared/settings';

/** What package.json declares as defaults; a client that sends nothing gets these. */
export const DEFAULT_SETTINGS: SynthgapSettings = {
  reference: '',
  include: ['**/*.jsonl', '**/*.csv', '**/*.tsv'],
  exclude: ['**/node_modules/**'],
  flagQuantile: 0.95,
  severity: 'information',
  warningQuantile: 0.99,
  maxDiagnostics: 500,
  maxFileSizeMB: 200,
  maxLineBytes: 1_048_576,
  debounceMs: 400,
  seed: 42,
  mapProjection: 'pca',
  'embedding.model': 'model2vec:minishlab/potion-base-8M',
  'embedding.allowDownload': true,
  'embedding.sampleRows': 10_000,
};

export const CONFIG_FILE = 'synthgap.json';

/**
 * The settings for one resource, asked of the client every time (`workspace/configuration`): the user may
 * change them at any moment and per folder, so nothing is cached here.
 */
export async function readSettings(connection: Connection, scopeUri: string | undefined, canAsk: boolean): Promise<SynthgapSettings> {
  if (!canAsk) return DEFAULT_SETTINGS;
  const raw: unknown = await connection.workspace.getConfiguration({ scopeUri, section: SETTINGS_SECTION });
  return mergeSettings(raw);
}

/** Client values over the defaults, each kept only when it has the declared type. */
export function mergeSettings(raw: unknown): SynthgapSettings {
  if (typeof raw !== 'object' || raw === null) return DEFAULT_SETTINGS;
  const given = raw as Record<string, unknown>;
  const out: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const [key, fallback] of Object.entries(DEFAULT_SETTINGS)) {
    // VS Code sends `embedding.model` nested (`{ embedding: { model } }`); a plain client may send it flat.
    const value = given[key] ?? nested(given, key);
    if (value === undefined || value === null) continue;
    if (Array.isArray(fallback) ? Array.isArray(value) && value.every((v) => typeof v === 'string') : typeof value === typeof fallback) out[key] = value;
  }
  return out as unknown as SynthgapSettings;
}

function nested(object: Record<string, unknown>, dotted: string): unknown {
  let value: unknown = object;
  for (const part of dotted.split('.')) value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[part] : undefined;
  return value;
}

export interface FolderConfig {
  readonly folder: string;
  readonly config: SynthgapConfig;
  /** Problems in synthgap.json, in words. */
  readonly errors: string[];
  /** Absolute paths of the reference files; empty when none is set. */
  readonly reference: string[];
  /** Where the reference came from, for the status line. */
  readonly referenceShown?: string;
}

/** synthgap.json of a folder (missing is fine) and the reference it and the settings choose; synthgap.json wins. */
export function folderConfig(folder: string, settings: SynthgapSettings, text?: string): FolderConfig {
  const path = join(folder, CONFIG_FILE);
  const source = text ?? (existsSync(path) ? readFileSync(path, 'utf8') : undefined);
  const { config, errors } = source === undefined ? { config: {}, errors: [] } : parseConfig(source, CONFIG_FILE);
  const patterns = config.reference ?? (settings.reference ? [settings.reference] : []);
  return {
    folder,
    config,
    errors,
    reference: patterns.map((pattern) => resolve(folder, pattern)),
    ...(patterns.length > 0 ? { referenceShown: patterns.join(', ') } : {}),
  };
}

/** How dataset files of this folder are read: synthgap.json's fields, the settings' line limit. */
export function readOptionsFor(config: SynthgapConfig, settings: SynthgapSettings): Omit<ReadOptions, 'fileName'> {
  return {
    ...(configTextField(config) ? { textField: configTextField(config) } : {}),
    ...(config.labelField !== undefined ? { labelField: config.labelField } : {}),
    ...(configRole(config) ? { role: configRole(config) } : {}),
    ...(config.groupField ? { groupField: config.groupField } : {}),
    maxLineBytes: config.maxLineBytes ?? settings.maxLineBytes,
  };
}
