/**
 * The compiled matching core, split by job: layout (compiled-layout.ts), compile (compile.ts), the batch scorer
 * (kernel.ts), explanations of kept pairs (explain.ts) and memory locality (locality.ts). This module keeps the
 * one import path they had.
 */
export * from './compiled-layout';
export { compileSeekers, compileShortages, checkShared } from './compile';
export { ScoringKernel } from './kernel';
export { clusterSeekers, localityOrder } from './locality';
