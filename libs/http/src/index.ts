export * from './api-exception.filter';
export * from './bootstrap';
export * from './pagination';
export * from './validation';
export * from './parse-id.pipe';
export * from './field-validators';
export * from './web-console';
export * from './edge-guards';
