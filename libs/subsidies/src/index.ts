export * from './core';
export * from './evidence';
export * from './persistence';
