/**
 * Test support for @app/search (`@app/search/testing`): the contract suite every SearchEngine implementation
 * passes, and its fixtures. Only specs, test/ and bench/ import this; the build leaves it out.
 */
export * from './search-engine.contract';
export * from './search-engine.contract-fixtures';
