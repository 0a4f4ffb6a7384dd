export * from './plan.entities';
export * from './work-relief.entities';
