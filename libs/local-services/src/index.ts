export * from './embedded-database';
export * from './local-redis';
export * from './tcp-probe';
