/** A CliIo that keeps what a command prints, so a tool runs the CLI's own code path and reads its output. */
import type { CancellationToken } from '../../core';
import type { CliIo } from '../../cli/io';

export interface CapturedIo extends CliIo {
  /** What the command wrote to stdout. */
  text(): string;
  /** What it wrote to stderr (notes such as a narrowed read); kept short. */
  notes(): string[];
}

/** Stderr lines kept: a tool's result carries a few notes, never a log (skipped lines are counted elsewhere). */
const NOTES_KEPT = 10;

/** Runs with `--quiet`, so no progress bar is drawn; the stream is there for the type and swallows writes. */
const silentStream = { isTTY: false, write: () => true } as unknown as NodeJS.WriteStream;

export function capturedIo(cwd: string, token?: CancellationToken): CapturedIo {
  const out: string[] = [];
  const notes: string[] = [];
  return {
    ...(token ? { token } : {}),
    cwd,
    env: { ...process.env, NO_COLOR: '1' },
    stdoutIsTTY: false,
    stderrStream: silentStream,
    stdout: (text) => void out.push(text),
    stdoutPieces: async (pieces) => {
      for (const piece of pieces) out.push(piece);
    },
    stderr: (text) => {
      for (const line of text.split('\n')) if (line.trim() && notes.length < NOTES_KEPT) notes.push(line.trim());
    },
    text: () => out.join(''),
    notes: () => notes,
  };
}
