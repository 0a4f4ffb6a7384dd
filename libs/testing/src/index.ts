export * from './captured-logs';
export * from './eventually';
export * from './factories';
export * from './http-client';
export * from './test-app';
export * from './test-config';
export * from './test-database';
