import { TextScan } from '../features/scan';

/** One scanner for every roughening step: a fresh TextScan allocates its buffers, which would dominate the time. */
const scanner = new TextScan();

/**
 * The scan of `text`, valid until the next call: a step scans the row once, reads the scan, and is done with it
 * before any other step (or the protection rule) scans again.
 *
 * @example scanRow('Where is my card?').count // 4
 */
export function scanRow(text: string): TextScan {
  return scanner.scan(text);
}
