import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * The development data shared beside the repository (`../shared/data`, see its README), or the folder named
 * by SYNTHGAP_SHARED_DATA. Tests that need it skip with this message where it is absent.
 */
export const SHARED_DATA = process.env.SYNTHGAP_SHARED_DATA ?? resolve(__dirname, '../../../shared/data');

export const SHARED_MODELS = process.env.SYNTHGAP_SHARED_MODELS ?? resolve(__dirname, '../../../shared/models');

export function sharedDataSkip(relative: string): string | false {
  return existsSync(resolve(SHARED_DATA, relative)) ? false : `shared data not found at ${resolve(SHARED_DATA, relative)}`;
}
