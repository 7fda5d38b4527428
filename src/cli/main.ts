import { CancelledError } from '../core';
import { InputError } from '../node/inputs';
import { UnreadableFileError } from '../node/readDatasetFile';
import { UsageError } from './args';
import { CHECK_USAGE, runCheck } from './check';
import { FIT_USAGE, runFit } from './fit';
import { MCP_USAGE, runMcp } from './mcp';
import { runScore, SCORE_USAGE } from './score';
import { MERGE_USAGE, runMerge, runSketch, SKETCH_USAGE } from './sketch';
import { PROBE_USAGE, runProbe } from './probe';
import { PROMPTS_USAGE, runPrompts } from './prompts';
import { ROUGHEN_USAGE, runRoughen } from './roughen';
import { runSelect, SELECT_USAGE } from './select';
import type { CliIo } from './io';
import { VERSION } from './version';

const USAGE = `synthgap ${VERSION}: how does your synthetic text differ from real text?

Usage:
  synthgap check [DATASET…] --reference FILE [options]   compare synthetic datasets with a real reference
  synthgap roughen FILE --reference FILE --out FILE      move synthetic rows toward the real noise profile
  synthgap select FILE --reference FILE --out FILE       drop near-duplicates, copies of real rows, the most synthetic
  synthgap probe FILE --reference FILE [--test FILE]     will this synthetic data help a classifier on real rows?
  synthgap prompts FILE --reference FILE --out FILE      generation prompts for what the synthetic data misses
  synthgap fit FILE… --reference FILE --out model.json   train the detector once and save it as a model file
  synthgap score --model model.json [FILE|-]             score rows one by one with a saved model (JSON lines out)
  synthgap sketch --model model.json [FILE|-] --out P    sum a partition's scored rows into a mergeable sketch
  synthgap merge --model model.json P.sketch…            merge sketches into one report of the whole dataset
  synthgap mcp [--root DIR]                              serve the tools to an agent (Model Context Protocol, stdio)

Run "synthgap COMMAND --help" for the options. Settings can also live in ./synthgap.json.`;

const COMMANDS: Record<string, { usage: string; run: (argv: readonly string[], io: CliIo) => Promise<number> }> = {
  check: { usage: CHECK_USAGE, run: runCheck },
  roughen: { usage: ROUGHEN_USAGE, run: runRoughen },
  select: { usage: SELECT_USAGE, run: runSelect },
  probe: { usage: PROBE_USAGE, run: runProbe },
  prompts: { usage: PROMPTS_USAGE, run: runPrompts },
  fit: { usage: FIT_USAGE, run: runFit },
  score: { usage: SCORE_USAGE, run: runScore },
  sketch: { usage: SKETCH_USAGE, run: runSketch },
  merge: { usage: MERGE_USAGE, run: runMerge },
  mcp: { usage: MCP_USAGE, run: runMcp },
};

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    io.stdout(`${USAGE}\n`);
    return command ? 0 : 2;
  }
  if (command === '--version' || command === '-v') {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  const entry = COMMANDS[command];
  if (!entry) {
    io.stderr(`synthgap: unknown command "${command}"\n${USAGE}\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(`${entry.usage}\n`);
    return 0;
  }
  try {
    return await entry.run(rest, io);
  } catch (error) {
    // A user's mistake gets one line, never a stack trace; a bug still shows its stack.
    if (error instanceof UsageError) {
      io.stderr(`synthgap: ${error.message}\n${entry.usage}\n`);
      return 2;
    }
    if (error instanceof InputError || error instanceof UnreadableFileError) {
      io.stderr(`synthgap: ${error.message}\n`);
      return 2;
    }
    if (error instanceof CancelledError) {
      io.stderr('synthgap: cancelled\n');
      return 130;
    }
    throw error;
  }
}

/** Resolves when a stream has room again, or is closed (a reader that went away). */
function drained(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off('drain', done);
      stream.off('close', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('close', done);
  });
}

if (require.main === module) {
  const controller = { isCancellationRequested: false };
  // A reader that stops early (`synthgap check --format json | head`) closes the pipe: the rest of the output is
  // dropped and the run ends as it would have (its exit code still says whether --fail-above-auc tripped).
  let stdoutClosed = false;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    stdoutClosed = true;
  });
  process.on('SIGINT', () => {
    if (controller.isCancellationRequested) process.exit(130);
    controller.isCancellationRequested = true;
  });
  main(process.argv.slice(2), {
    token: controller,
    cwd: process.cwd(),
    env: process.env,
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    stderrStream: process.stderr,
    stdout: (text) => {
      if (!stdoutClosed) process.stdout.write(text);
    },
    stdoutPieces: async (pieces) => {
      for (const piece of pieces) {
        if (stdoutClosed) return;
        if (!process.stdout.write(piece)) await drained(process.stdout);
      }
    },
    stderr: (text) => process.stderr.write(text),
    stdin: process.stdin,
    stdoutClosed: () => stdoutClosed,
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`synthgap: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 3;
    },
  );
}
