export * from './case';
export * from './cases/g1.cases';
