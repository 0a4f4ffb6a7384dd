export * from './skill-text';
export * from './skill-vocabulary';
export * from './skill-coverage';
