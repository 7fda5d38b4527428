import type { Random } from '../../stats/random';
import type { RoughenChange, TransformContext } from '../types';

/**
 * Whether the row should take on a style its donor shows (a DONOR bit set), at the context's strength: always
 * at strength 1 or more, with probability `strength` below it. A style the donor lacks is never added.
 */
export function donorWants(ctx: TransformContext, rng: Random, bit: number): boolean {
  return (ctx.donor.flags & bit) !== 0 && rng() < ctx.strength;
}

/** Whether the row should lose a style its donor lacks (a DONOR bit clear), at the context's strength. */
export function donorLacks(ctx: TransformContext, rng: Random, bit: number): boolean {
  return (ctx.donor.flags & bit) === 0 && rng() < ctx.strength;
}

/** A measured rate scaled by the strength, as a probability. */
export function scaledRate(ctx: TransformContext, rate: number): number {
  return Math.min(1, Math.max(0, rate * ctx.strength));
}

export function change(kind: string, description: string, before: string, after: string): RoughenChange {
  return { kind, description, before, after };
}

export const UNCHANGED = (text: string) => ({ text, changes: [] as RoughenChange[] });
