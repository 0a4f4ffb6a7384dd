export * from './escalation';
export * from './indicators';
export * from './layoff';
export * from './levels';
export * from './parameter-book';
export * from './parameters';
export * from './types';
