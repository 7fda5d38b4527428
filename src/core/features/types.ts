export type FeatureKind = 'numeric' | 'binary';

/** How a numeric feature is put in words: `27 words, longer than 96% of real rows`. */
export interface NumericWording {
  /** Noun after the value: `words`, `characters`, `typos per 100 words`. Empty for a bare score. */
  readonly unit: string;
  /** Comparatives: `longer`/`shorter`, `more`/`fewer`, `higher`/`lower`. */
  readonly higher: string;
  readonly lower: string;
  /** How the value prints: whole number, one decimal, or a 0..1 share shown as a percent. */
  readonly format: 'integer' | 'decimal' | 'percent';
  /** Noun after a value of exactly 1, when it differs: `word`, `sentence`. Defaults to `unit`. */
  readonly unitOne?: string;
  /** Verb phrases for a dataset whose rows score higher or lower: `are longer`, `have more typos`. */
  readonly gapHigher?: string;
  readonly gapLower?: string;
}

/** How a yes/no feature is put in words: `no typos (41% of real rows have one)`. */
export interface BinaryWording {
  /** The row has it: `has a typo`, `ends with . ! or ?`. */
  readonly yes: string;
  /** The row lacks it: `no typos`, `no final punctuation`. */
  readonly no: string;
  /** Verb phrase for real rows that have it, after `41% of real rows`: `have one`, `do`. */
  readonly realYes: string;
  /** `yes` said of many rows, after `41% of real rows`: `have a typo`. Defaults to `yes` with its verb made plural. */
  readonly yesPlural?: string;
}

export interface FeatureDef {
  /** Stable id, kebab-case; also the diagnostic reason code suffix. */
  readonly id: string;
  /** Short human name for tables and charts: `Words`, `Typo rate`. */
  readonly name: string;
  readonly kind: FeatureKind;
  /**
   * Features that measure one thing (characters and words both measure length) share a group, so a row's
   * reasons name each thing once. Defaults to the id.
   */
  readonly group?: string;
  readonly wording: NumericWording | BinaryWording;
}
