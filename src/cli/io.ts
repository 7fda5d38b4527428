import type { CancellationToken } from '../core';

/** What a command needs from the process, passed in so commands can be run from tests. */
export interface CliIo {
  /** Set by Ctrl+C: long work stops at its next check and the command exits 130. */
  readonly token?: CancellationToken;
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  readonly stdoutIsTTY: boolean;
  readonly stderrStream: NodeJS.WriteStream;
  stdout(text: string): void;
  /**
   * Writes output that may be longer than one string can hold, piece by piece, each after the reader took the
   * last (so a pipe, not memory, holds what it has not read yet).
   */
  stdoutPieces(pieces: Iterable<string>): Promise<void>;
  stderr(text: string): void;
  /** What `-` reads (`synthgap score -`); the process's stdin when omitted. */
  readonly stdin?: AsyncIterable<Uint8Array>;
  /** Whether the reader of stdout went away (`| head`): a command that streams stops reading its input. */
  stdoutClosed?(): boolean;
}
