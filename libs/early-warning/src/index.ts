export * from './core';
export * from './persistence';
