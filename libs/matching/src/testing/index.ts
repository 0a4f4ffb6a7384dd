/**
 * Test support for @app/matching (`@app/matching/testing`): the readable reference scorer the compiled kernel is
 * checked against, the exact allocation oracle, demo-data adapters and fixtures. Only specs, test/ and bench/
 * import this; the build leaves it out of dist (tsconfig.build.json) and the dependency rules (.dependency-cruiser.cjs)
 * keep production code from importing it.
 */
export { scoreMatch, explainMatch, explainCompact } from './scoring';
export { scoreCompiled } from './score-compiled';
export { exactOptimum } from './exact-allocation';
export { seekerFactsFromDemo, shortageFactsFromDemo, mapIterable } from './demo-facts';
export { fixtureSeeker, fixtureShortage } from './test-fixtures';
