import type { BinaryWording, FeatureDef, NumericWording } from './types';

// Small constructors so that each family's list of definitions reads as a table.

export function numeric(id: string, name: string, group: string, wording: NumericWording): FeatureDef {
  return { id, name, kind: 'numeric', group, wording };
}

export function binary(id: string, name: string, group: string, wording: BinaryWording): FeatureDef {
  return { id, name, kind: 'binary', group, wording };
}
