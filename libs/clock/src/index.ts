export * from './clock';
export * from './clock.module';
export * from './shanghai-calendar';
export * from './china-working-days';
