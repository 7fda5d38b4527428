/** Report types the panel uses, derived from the snapshot type in src/shared (the panel imports nothing else). */
import type { PanelSnapshot } from '../../src/shared/panel';

export type FeatureGap = PanelSnapshot['gaps'][number];
export type Verdict = PanelSnapshot['summary']['verdict'];
export type FileError = PanelSnapshot['errors'][number];
export type DiversityReport = PanelSnapshot['diversity'];
export type PhraseStat = PanelSnapshot['phrases']['overSynthetic'][number];
export type LabelStat = PanelSnapshot['byLabel']['labels'][number];
export type CoverageCluster = PanelSnapshot['coverage']['missing'][number];
export type NoiseProfileSummary = NonNullable<PanelSnapshot['noiseProfile']>;
