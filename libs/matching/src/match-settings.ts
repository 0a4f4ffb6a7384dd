import { Injectable } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { Taxonomy } from '@app/taxonomy';
import { DEFAULT_MATCH_WEIGHTS, MatchNames, MatchWeights } from './core';
import type { BlockScoringOptions } from './block-scoring';

/** Blocking bound: at most this many candidates are scored per shortage (see libs/matching/README.md). */
export const MAX_CANDIDATES_PER_SHORTAGE = 1000;
/** A full run keeps this many times the shortlist of eligible pairs per shortage for allocation to choose from. */
const KEEP_FACTOR = 3;
const MAX_NEAR_FITS = 20;

/** Matching settings from configuration: weights (defaults in core/weights.ts, overridable by MATCH_WEIGHTS), sizes, reach. */
@Injectable()
export class MatchSettings {
  readonly weights: MatchWeights;
  /** Display names for rendering explanations (certificates by their taxonomy name). */
  readonly names: MatchNames;

  constructor(
    private readonly config: AppConfig,
    private readonly taxonomy: Taxonomy,
  ) {
    this.weights = { ...DEFAULT_MATCH_WEIGHTS, ...config.matchWeightOverrides };
    this.names = { certificate: (code) => this.taxonomy.certificate(code)?.name, region: (code) => this.taxonomy.region(code)?.name };
  }

  get shortlistFactor(): number {
    return this.config.MATCH_SHORTLIST_FACTOR;
  }

  get maxRecommendations(): number {
    return this.config.MATCH_MAX_RECOMMENDATIONS;
  }

  get reachKm(): number {
    return this.config.MATCH_MAX_REACH_KM;
  }

  /** Shortlist size for a shortage with this many open positions. */
  shortlistSize(openHeadcount: number): number {
    return Math.max(1, Math.ceil(openHeadcount * this.shortlistFactor));
  }

  scoring(excluded: Set<string>): BlockScoringOptions {
    return {
      weights: this.weights,
      excluded,
      maxCandidates: MAX_CANDIDATES_PER_SHORTAGE,
      keepFactor: KEEP_FACTOR,
      shortlistFactor: this.shortlistFactor,
      maxNearFits: MAX_NEAR_FITS,
    };
  }
}
