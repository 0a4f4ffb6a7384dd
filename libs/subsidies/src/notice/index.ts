export * from './notice-list';
export * from './notice-period';
