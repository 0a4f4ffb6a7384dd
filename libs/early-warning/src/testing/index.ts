export * from './case';
export * from './cases/layoff.cases';
export * from './cases/region-level.cases';
export * from './cases/hysteresis.cases';
export * from './cases/seasonal.cases';
export * from './cases/escalation.cases';
export * from './arbitraries';
export * from './signals';
