export * from './plan.entities';
