import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';

/**
 * The onnxruntime-node release transformers.js 4.3 is built against (its own pinned dependency, and the optional
 * peer dependency in package.json; a unit test keeps the three equal). Another release may not load its models.
 */
export const ONNXRUNTIME_VERSION = '1.30.0';

/**
 * Undefined when onnxruntime-node can be loaded from `from` (the folder of the script that runs the encoder),
 * else one line saying that transformer encoders need it and the command that installs it where that script
 * will find it. The runtime is an optional peer dependency: it is about 290 MB (every platform's binary), so
 * `npm install` of synthgap leaves it out, and only `transformers:` embedders need it.
 */
export function missingRuntime(from: string = __dirname): string | undefined {
  try {
    createRequire(join(from, 'noop.js')).resolve('onnxruntime-node');
    return undefined;
  } catch {
    return `transformer encoders need onnxruntime-node, an optional part of synthgap that is not installed (install it with: ${installCommand(from)})`;
  }
}

/**
 * The npm command that puts onnxruntime-node where node's lookup from `from` finds it: beside a global synthgap
 * (`npm install -g`), in the node_modules that holds a local synthgap, else in `from` itself (an unpacked .vsix).
 * On linux-x64 the package's install script also fetches CUDA libraries from NuGet unless told to skip them.
 */
export function installCommand(from: string, platform: string = `${process.platform}-${process.arch}`): string {
  const packageRoot = dirname(from);
  const modules = dirname(packageRoot);
  const skipCuda = platform === 'linux-x64' ? 'ONNXRUNTIME_NODE_INSTALL=skip ' : '';
  const spec = `onnxruntime-node@${ONNXRUNTIME_VERSION}`;
  if (basename(modules) !== 'node_modules') return `${skipCuda}npm install --prefix "${from}" ${spec}`;
  const prefix = dirname(modules);
  // npm's global layout: <prefix>/lib/node_modules with the bin in <prefix>/bin (Unix), <prefix>/node_modules
  // with synthgap.cmd beside it (Windows).
  const global = (basename(prefix) === 'lib' && existsSync(join(dirname(prefix), 'bin', 'synthgap'))) || existsSync(join(prefix, 'synthgap.cmd'));
  return global ? `${skipCuda}npm install -g ${spec}` : `${skipCuda}npm install --prefix "${prefix}" ${spec}`;
}
