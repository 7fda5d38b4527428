import type { WordDictionary } from '../host';
import type { Random } from '../stats/random';

/** One edit roughening made to a row, in words a user can accept or reject in a quick fix. */
export interface RoughenChange {
  /** Stable kind: `typo`, `lowercase-first`, `lowercase-all`, `drop-terminal`, `drop-commas`, … */
  readonly kind: string;
  /** What was done, in words: `misspelled "account" as "acount"`. */
  readonly description: string;
  /** The fragment as it was and as it is now (`"?"` → `""` for a dropped question mark). */
  readonly before: string;
  readonly after: string;
}

export interface RoughenResult {
  readonly text: string;
  readonly changes: RoughenChange[];
}

/** Bits of {@link StyleDonor.flags}: the style a real row shows, which roughening copies onto a synthetic row. */
export const DONOR = {
  /** The first letter is lower-case. */
  LOWER_START: 1,
  /** Has letters and no capitals. */
  ALL_LOWER: 2,
  /** Does not end with . ! ? or …. */
  NO_TERMINAL: 4,
  /** No comma between words. */
  NO_COMMA: 8,
  /** No . , ; : ! ? between words at all. */
  NO_PUNCTUATION: 16,
  /** A ?? or !! run. */
  REPEATED: 32,
  /** A stock LLM phrase (stockPhrases.json). */
  STOCK: 64,
  /** A politeness marker (politeness.json). */
  POLITE: 128,
  /** A contraction, with or without its apostrophe (`don't`, `dont`). */
  CONTRACTION: 256,
  /** A misspelled word. */
  TYPO: 512,
} as const;

/** A real row's style, kept in the profile so a synthetic row can borrow it whole (the joint, not the marginals). */
export interface StyleDonor {
  readonly flags: number;
  readonly words: number;
  /** Misspelled words, and words the spelling check looked at. */
  readonly typos: number;
  readonly checked: number;
  /** Index into {@link NoiseProfile.labels}, or -1 for a row without a label. */
  readonly label: number;
}

/** Which letter edit a real typo is, as far as one edit from a dictionary word explains it. */
export type TypoKind = 'neighbour' | 'drop' | 'double' | 'swap';

/** A formal phrase the real set also writes as slang, with the slang it uses and how often. */
export interface SlangChoice {
  /** Lower-case formal phrase: `please`, `you`, `by the way`. */
  readonly formal: string;
  /** Share of the phrase's occurrences written as slang in the real set, 0..1. */
  readonly rate: number;
  /** The slang forms the real set uses for it, with their counts. */
  readonly slang: readonly { readonly word: string; readonly count: number }[];
}

/** A formal phrase of plainWords.json (`purchase`) the real set also writes plainly (`buy`), and how often. */
export interface PlainWordChoice {
  /** Lower-case formal phrase: `could you`, `purchase a`, `in order to`. */
  readonly formal: string;
  /** Share of the rows using either form that use a plain one, 0..1. */
  readonly rate: number;
  /** The plain forms the real set uses, with the rows using each; only forms with rows. */
  readonly plain: readonly { readonly word: string; readonly count: number }[];
}

/**
 * How noisy the real set is, measured row by row. Every rate is a share of real rows (or occurrences) and
 * every transformation reads its amount from here, so a synthetic row never gets noise the real set lacks.
 * Plain data: it survives JSON and structured cloning.
 */
export interface NoiseProfile {
  readonly rows: number;
  /** Share of rows with at least one misspelled word. */
  readonly typoRowShare: number;
  /** Among rows with a typo: misspelled words per checked word. */
  readonly typosPerWord: number;
  /** Shares of the real typos one letter edit explains, by kind (they sum to 1; all 0 with no typos). */
  readonly typoKinds: Readonly<Record<TypoKind, number>>;
  /** Among rows that start with a letter, the share that start lower-case. */
  readonly startsLowercaseShare: number;
  readonly allLowercaseShare: number;
  readonly noTerminalShare: number;
  readonly noCommaShare: number;
  readonly noPunctuationShare: number;
  readonly repeatedPunctuationShare: number;
  /** Among contractable pairs (`do not`, `don't`, `dont`), the share written contracted. */
  readonly contractionShare: number;
  /** Share of rows with a contraction, with or without its apostrophe. */
  readonly contractionRowShare: number;
  /** Among contractions, the share written without the apostrophe (`dont`). */
  readonly bareContractionShare: number;
  readonly slangRowShare: number;
  /** Only formal phrases whose slang the real set actually uses. */
  readonly slang: readonly SlangChoice[];
  /** Only formal phrases whose plain wording the real set actually uses (plainWords.json). */
  readonly plainWords: readonly PlainWordChoice[];
  readonly stockPhraseShare: number;
  readonly politenessShare: number;
  /** Words per row at the 10th, 25th, 50th, 75th and 90th percentiles. */
  readonly wordQuantiles: readonly number[];
  /** Lower-case words found in enough real rows to be ordinary vocabulary; typos only ever hit these. */
  readonly commonWords: readonly string[];
  /**
   * Lower-case words the real rows capitalize inside a sentence (names, places, brands), most frequent first:
   * roughening never misspells or replaces them, also where a row writes them in lower case. Absent in profiles
   * made before it existed.
   */
  readonly properNouns?: readonly string[];
  readonly labels: readonly string[];
  /** A seeded sample of the real rows' styles. */
  readonly donors: readonly StyleDonor[];
}

/** What a transformation may look at besides the text. */
export interface TransformContext {
  readonly profile: NoiseProfile;
  /** When given, typos the row already has (to the spelling check) count toward the donor's. */
  readonly dictionary?: WordDictionary;
  readonly donor: StyleDonor;
  /** Scales every amount: 0 changes nothing, 1 follows the real set, above 1 overshoots it. */
  readonly strength: number;
  /**
   * For a DONOR bit, the probability (before the strength) that a row takes the donor's side of it; see
   * calibrate.ts. 1 when the rows being roughened are assumed clean.
   */
  readonly gate: (bit: number) => number;
  /** The profile of the rows being roughened, when known: per-occurrence rates are calibrated against it. */
  readonly dataset?: NoiseProfile;
  /** Whether a token (by its lower-case form and scan flags) must not be misspelled, swapped or dropped. */
  readonly isProtected: (word: string, flags: number) => boolean;
  /** Whether a lower-case word is ordinary real vocabulary, so a typo may hit it. */
  readonly isCommon: (word: string) => boolean;
}

export interface TransformResult {
  readonly text: string;
  /** Empty when the transformation found nothing to do. */
  readonly changes: readonly RoughenChange[];
}

/** A transformation: pure, and deterministic for a given `rng` state. */
export type Transform = (text: string, rng: Random, ctx: TransformContext) => TransformResult;
