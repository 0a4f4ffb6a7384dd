import { CompactExplanation, gapsOf, REASONS, ReasonParams } from './reasons';
import { PRECISION_NAMES } from './primitives';
import { MatchVocabulary } from './vocabulary';

/** Numbers per record before the reasons: the reasons' length, then the 11 factor values. */
export const LOG_HEADER = 12;

/**
 * Compact explanations as plain numbers, appended by `ScoringKernel.explain`: one record per pair (the reasons'
 * length, the 11 factor values, then reason codes and parameters with every string as its vocabulary id). A run
 * keeps thousands of explained pairs until it writes them; kept as objects they cost more in garbage collection
 * than they cost to compute, so they stay numbers in one typed array until `compact(at)` or `json(at)` gives the
 * stored form (`CompactExplanation`), at write time.
 */
export class ExplanationLog {
  data = new Float64Array(0);
  /** Numbers in use. */
  length = 0;

  constructor(
    readonly vocabulary: MatchVocabulary,
    /** Weights to store with each explanation (undefined: the defaults). */
    readonly weights: number[] | undefined,
  ) {}

  /** The array to write a record of at most `count` numbers into, from `this.length`. */
  reserve(count: number): Float64Array {
    if (this.length + count > this.data.length) {
      const bigger = new Float64Array(Math.max(1024, this.data.length * 2, this.length + count));
      bigger.set(this.data.subarray(0, this.length));
      this.data = bigger;
    }
    return this.data;
  }

  /** Forgets every record (offsets handed out before no longer mean anything). */
  clear(): void {
    this.length = 0;
  }

  /** The reasons of the record at `at`, strings restored from the vocabulary. */
  reasons(at: number): ReasonParams {
    const d = this.data;
    const end = at + LOG_HEADER + d[at];
    const v = this.vocabulary;
    const r: ReasonParams = [];
    for (let p = at + LOG_HEADER; p < end; ) {
      const code = d[p++];
      r.push(code);
      const { params } = REASONS[code];
      if (params === '*s') {
        const count = d[p++];
        r.push(count);
        for (let k = 0; k < count; k++) r.push(v.skillNames.values[d[p++]]);
        continue;
      }
      for (let k = 0; k < params.length; k++) {
        const value = d[p++];
        switch (params[k]) {
          case 's':
            r.push(v.skillNames.values[value]);
            break;
          case 'c':
            r.push(v.certificates.values[value]);
            break;
          case 'o':
            r.push(v.occupations.values[value]);
            break;
          case 'r':
            r.push(v.regions.values[value]);
            break;
          case 'w':
            r.push(v.workTypes.values[value]);
            break;
          case 'e':
            r.push(v.educations.values[value]);
            break;
          case 'p':
            r.push(PRECISION_NAMES[value]);
            break;
          default:
            r.push(value);
        }
      }
    }
    return r;
  }

  /** The stored form of the record at `at`. */
  compact(at: number): CompactExplanation {
    const r = this.reasons(at);
    const compact: CompactExplanation = { v: 2, f: Array.from(this.data.subarray(at + 1, at + LOG_HEADER)), r };
    const g = gapsOf(r);
    if (g.length) compact.g = g;
    if (this.weights) compact.w = this.weights;
    return compact;
  }

  /** The stored form as JSON (what a run writes to its jsonb column). */
  json(at: number): string {
    return JSON.stringify(this.compact(at));
  }
}
