export * from './catalogue';
export * from './checks';
export * from './compile';
export * from './schedule';
export * from './work-relief';
