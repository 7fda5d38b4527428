// Packages an extension folder into a .vsix with @vscode/vsce, the same way a release is packaged: through
// scripts/package.ts (platform-specific, --target; node_modules only as .vscodeignore keeps them).
import { packageExtension } from '../../../scripts/package';
import { join } from 'node:path';

export interface PackageOptions {
  /** Where to write the .vsix; defaults to `<folder>/extension.vsix`. */
  outFile?: string;
  /**
   * Let vsce list node_modules dependencies (it runs `npm list`) for .vscodeignore to pick from. By default on
   * exactly when the folder's .vscodeignore keeps node_modules files (Synthgap's encoder runtime); off for
   * self-contained extensions such as the probe.
   */
  dependencies?: boolean;
  /** vsce target (linux-x64, darwin-arm64, ...); default this machine's, as `npm run package`. */
  target?: string;
}

/** Packages `folder` and returns the .vsix path. Never prompts: a missing repository or license is allowed. */
export async function packageVsix(folder: string, options: PackageOptions = {}): Promise<string> {
  const { packagePath } = await packageExtension({
    cwd: folder,
    packagePath: options.outFile ?? join(folder, 'extension.vsix'),
    ...(options.dependencies !== undefined ? { dependencies: options.dependencies } : {}),
    ...(options.target ? { target: options.target } : {}),
    skipLicense: true,
  });
  return packagePath;
}
