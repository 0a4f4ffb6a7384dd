export * from './skill-text';
export * from './skill-vocabulary';
