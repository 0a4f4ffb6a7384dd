/**
 * Test support for @app/events (`@app/events/testing`): the exact event-planning optimum and random small
 * instances the planner is measured against. Only specs, test/ and bench/ import this; the build leaves it out.
 */
export { exactOptimum, planHeadcount } from './exact-plan';
export type { ExactPlan } from './exact-plan';
export { mediumInstance, smallInstance } from './small-instances';
export type { SmallInstance } from './small-instances';
