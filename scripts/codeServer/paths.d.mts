// Types for paths.mjs, so the TypeScript test harness can import it.
export declare const CODE_SERVER_VERSION: string;
export declare const NODE_VERSION: string;
export declare const repoRoot: string;
export interface CodeServerPaths {
  root: string;
  marker: string;
  nodeDir: string;
  node: string;
  codeServerDir: string;
  entry: string;
  chromium: string;
}
export declare function codeServerPaths(root?: string): CodeServerPaths;
