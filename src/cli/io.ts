/** What a command needs from the process, passed in so commands can be run from tests. */
export interface CliIo {
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  readonly stdoutIsTTY: boolean;
  readonly stderrStream: NodeJS.WriteStream;
  stdout(text: string): void;
  stderr(text: string): void;
}
