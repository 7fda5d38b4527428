import type { Random } from '../stats/random';
import type { NoiseProfile, StyleDonor } from './types';

const byLabel = new WeakMap<NoiseProfile, ReadonlyMap<string, readonly number[]>>();

function donorsByLabel(profile: NoiseProfile): ReadonlyMap<string, readonly number[]> {
  let map = byLabel.get(profile);
  if (!map) {
    const groups = new Map<string, number[]>();
    profile.donors.forEach((donor, i) => {
      const label = profile.labels[donor.label];
      if (label !== undefined) groups.set(label, [...(groups.get(label) ?? []), i]);
    });
    byLabel.set(profile, (map = groups));
  }
  return map;
}

/**
 * The real row whose style a synthetic row borrows: `index` when given (taken modulo the donors), else a
 * random donor with the row's label when the profile has one (rows about the same thing are written alike),
 * else any donor. Undefined for a profile without donors.
 *
 * @example pickDonor(profile, rng, { label: 'card_arrival' })
 */
export function pickDonor(profile: NoiseProfile, rng: Random, options: { readonly index?: number; readonly label?: string }): StyleDonor | undefined {
  const donors = profile.donors;
  if (donors.length === 0) return undefined;
  if (options.index !== undefined) return donors[((Math.trunc(options.index) % donors.length) + donors.length) % donors.length];
  const sameLabel = options.label === undefined ? undefined : donorsByLabel(profile).get(options.label);
  const pool = sameLabel ?? undefined;
  const draw = rng();
  return pool ? donors[pool[Math.floor(draw * pool.length)]] : donors[Math.floor(draw * donors.length)];
}
