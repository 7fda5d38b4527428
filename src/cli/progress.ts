import type { ProgressEvent } from '../core';

const STAGE_NAMES: Record<ProgressEvent['stage'], string> = {
  read: 'Reading',
  features: 'Measuring style',
  embed: 'Embedding',
  detector: 'Training detector',
  compare: 'Comparing',
  findings: 'Explaining rows',
};

/**
 * A one-line progress bar on stderr, drawn only when stderr is a terminal (CI logs stay clean).
 * Redraws at most every 100 ms.
 */
export function createProgressBar(stream: NodeJS.WriteStream): { update(event: ProgressEvent): void; done(): void } {
  if (!stream.isTTY) return { update() {}, done() {} };
  let last = 0;
  let drawn = false;
  return {
    update(event) {
      const now = Date.now();
      if (now - last < 100 && event.done < event.total) return;
      last = now;
      const share = event.total > 0 ? Math.min(1, event.done / event.total) : 0;
      const width = 24;
      const filled = Math.round(share * width);
      const bar = '█'.repeat(filled) + '░'.repeat(width - filled);
      stream.write(`\r${bar} ${String(Math.round(share * 100)).padStart(3)}%  ${STAGE_NAMES[event.stage]}…\x1b[K`);
      drawn = true;
    },
    done() {
      if (drawn) stream.write('\r\x1b[K');
    },
  };
}
