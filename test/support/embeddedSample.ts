// Test data: an EmbeddedSample that covers every row, for tests that embed a whole side.
import type { EmbeddedSample } from '../../src/core/gap/sideRows';

export function embeddedAll(vectors: readonly Float32Array[]): EmbeddedSample {
  return { rows: Uint32Array.from(vectors, (_, i) => i), vectors };
}
