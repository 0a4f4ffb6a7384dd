export * from './cells';
export * from './ports';
export * from './table-evidence';
export * from './tables';
export * from './gather';
