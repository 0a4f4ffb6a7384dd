export * from './demo-data.loader';
export * from './demo-data.module';
export * from './demo-refresh.service';
export * from './demo-gate.service';
export * from './demo-state.entity';
export { DEMO_REF_PREFIX } from './demo-shortage-row';
export * from './demo-claims.service';
