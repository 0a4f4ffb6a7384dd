export * from './core';
export * from './evidence';
export * from './persistence';
export * from './payments';
export * from './fraud';
