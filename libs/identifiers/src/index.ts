export * from './resident-id';
export * from './credit-code';
export * from './mobile-number';
export * from './masking';
export * from './identifiers-in-text';
export * from './pii-scan';
export * from './validators';
