import type { Random } from '../../stats/random';
import { rateGate } from '../calibrate';
import type { RoughenChange, TransformContext } from '../types';

/**
 * Whether the row should take on a style its donor shows (a DONOR bit set): with the style's calibrated gate
 * (1 for rows assumed clean) times the strength, capped at 1. A style the donor lacks is never added.
 */
export function donorWants(ctx: TransformContext, rng: Random, bit: number): boolean {
  return (ctx.donor.flags & bit) !== 0 && rng() < ctx.strength * ctx.gate(bit);
}

/** Whether the row should lose a style its donor lacks (a DONOR bit clear: a stock phrase, politeness), likewise. */
export function donorLacks(ctx: TransformContext, rng: Random, bit: number): boolean {
  return (ctx.donor.flags & bit) === 0 && rng() < ctx.strength * ctx.gate(bit);
}

/** A measured per-occurrence rate, calibrated against the rows' own rate when known, times the strength. */
export function scaledRate(ctx: TransformContext, rate: number, datasetRate?: number): number {
  return Math.min(1, Math.max(0, rateGate(rate, ctx.dataset ? datasetRate : 0) * ctx.strength));
}

export function change(kind: string, description: string, before: string, after: string): RoughenChange {
  return { kind, description, before, after };
}

export const UNCHANGED = (text: string) => ({ text, changes: [] as RoughenChange[] });
