export * from './core';
export * from './evidence';
export * from './persistence';
export * from './claims';
export * from './notice';
export * from './payments';
export * from './fraud';
