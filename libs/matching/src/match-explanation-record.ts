import type { CompactExplanation, MatchExplanationRecord } from './core';

/**
 * An explanation as stored in `match_candidate`, `match_result` and `match_decision`: the compact form (reason
 * codes and parameters, written by runs since format 2) or, in rows written before it, the rendered record. The API
 * shows `renderExplanation(stored)`, a `MatchExplanationRecord` either way.
 */
export type StoredExplanation = CompactExplanation | MatchExplanationRecord;
