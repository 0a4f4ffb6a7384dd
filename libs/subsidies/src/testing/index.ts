export * from './case';
export * from './cases/g1.cases';
export * from './cases/individual-business.cases';
export * from './cases/training.cases';
export * from './cases/posts.cases';
export * from './arbitraries';
export * from './evidence-fixtures';
