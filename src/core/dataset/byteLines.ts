import { lineTooLongMessage } from './byteSize';
import type { LineSink } from './lineSink';
import { emitTextLines } from './stringLines';

const LF = 10;
const CR = 13;

/**
 * Splits a byte stream into lines as chunks arrive, holding only the unfinished line. Lines are found on
 * bytes and decoded whole, so a chunk boundary inside a UTF-8 character or between `\r` and `\n` changes
 * nothing. A line that grows past `maxLineBytes` stops being kept; only its length is counted. The
 * complete lines of a chunk are decoded in one call (a call per line costs more than the decoding), and
 * line by line only when that block is not valid UTF-8, to tell which lines are not.
 */
export class ByteLineSplitter {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  private held = new Uint8Array(256);
  private heldLength = 0;
  /** Bytes of the current line once it went over the limit; 0 while it is within. */
  private overflow = 0;
  private overflowEndsWithCr = false;
  private lineNumber = 1;

  constructor(
    private readonly sink: LineSink,
    private readonly maxLineBytes: number,
  ) {}

  push(chunk: Uint8Array): void {
    let pos = 0;
    if (this.heldLength > 0 || this.overflow > 0) {
      const newline = chunk.indexOf(LF);
      if (newline < 0) return this.hold(chunk, 0, chunk.length);
      this.hold(chunk, 0, newline);
      this.emitHeld(1);
      pos = newline + 1;
    }
    const last = chunk.lastIndexOf(LF);
    if (last >= pos) {
      this.emitBlock(chunk, pos, last);
      pos = last + 1;
    }
    this.hold(chunk, pos, chunk.length);
  }

  /** Emits the last line when the stream did not end with a line break. */
  end(): void {
    if (this.heldLength > 0 || this.overflow > 0) this.emitHeld(0);
  }

  private hold(chunk: Uint8Array, from: number, to: number): void {
    const count = to - from;
    if (count === 0) return;
    if (this.overflow > 0) {
      this.overflow += count;
      this.overflowEndsWithCr = chunk[to - 1] === CR;
      return;
    }
    const needed = this.heldLength + count;
    // One byte of slack for a `\r` that turns out to belong to the line break.
    if (needed > this.maxLineBytes + 1) {
      this.overflow = needed;
      this.overflowEndsWithCr = chunk[to - 1] === CR;
      this.heldLength = 0;
      return;
    }
    if (needed > this.held.length) {
      const grown = new Uint8Array(Math.max(needed, this.held.length * 2));
      grown.set(this.held.subarray(0, this.heldLength));
      this.held = grown;
    }
    this.held.set(chunk.subarray(from, to), this.heldLength);
    this.heldLength = needed;
  }

  private emitHeld(eol: number): void {
    if (this.overflow > 0) {
      const bytes = this.overflow - (this.overflowEndsWithCr ? 1 : 0);
      this.overflow = 0;
      return this.sink.badLine(this.lineNumber++, lineTooLongMessage(bytes, this.maxLineBytes));
    }
    const length = this.heldLength;
    this.heldLength = 0;
    this.emit(this.held, 0, length, eol);
  }

  /** Lines from `start` to `end`, each of them followed by `\n` (the last one's at `end`). */
  private emitBlock(bytes: Uint8Array, start: number, end: number): void {
    let text: string;
    try {
      text = this.decoder.decode(bytes.subarray(start, end));
    } catch {
      for (let newline = bytes.indexOf(LF, start); newline >= 0 && newline <= end; newline = bytes.indexOf(LF, start)) {
        this.emit(bytes, start, newline, 1);
        start = newline + 1;
      }
      return;
    }
    this.lineNumber = emitTextLines(text, this.sink, this.maxLineBytes, this.lineNumber, true);
  }

  private emit(bytes: Uint8Array, start: number, end: number, eol: number): void {
    const lineNumber = this.lineNumber++;
    if (end > start && bytes[end - 1] === CR) {
      end--;
      eol++;
    }
    if (end - start > this.maxLineBytes) return this.sink.badLine(lineNumber, lineTooLongMessage(end - start, this.maxLineBytes));
    if (lineNumber === 1 && bytes[start] === 0xef && bytes[start + 1] === 0xbb && bytes[start + 2] === 0xbf && end - start >= 3) start += 3;
    let text: string;
    try {
      text = this.decoder.decode(bytes.subarray(start, end));
    } catch {
      this.sink.badLine(lineNumber, 'line is not valid UTF-8');
      return;
    }
    this.sink.line(text, lineNumber, eol);
  }
}
