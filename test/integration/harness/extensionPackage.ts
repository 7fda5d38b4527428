// Packages an extension folder into a .vsix with @vscode/vsce, the same way a release is packaged.
import { createVSIX } from '@vscode/vsce';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export interface PackageOptions {
  /** Where to write the .vsix; defaults to `<folder>/extension.vsix`. */
  outFile?: string;
  /** Include node_modules dependencies (vsce runs `npm list`); off for self-contained extensions. */
  dependencies?: boolean;
}

/** Packages `folder` and returns the .vsix path. Never prompts: a missing repository or license is allowed. */
export async function packageVsix(folder: string, options: PackageOptions = {}): Promise<string> {
  const packagePath = options.outFile ?? join(folder, 'extension.vsix');
  await createVSIX({
    cwd: folder,
    packagePath,
    dependencies: options.dependencies ?? false,
    allowMissingRepository: true,
    skipLicense: true,
  });
  if (!existsSync(packagePath)) throw new Error(`vsce reported success but wrote no ${packagePath}`);
  return packagePath;
}
