export * from './claim-evidence';
export * from './claim-flow';
export * from './claims.module';
export * from './claims.service';
