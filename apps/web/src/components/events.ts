import type { EventItem } from '../api/types';
export type { EventItem, EventOutcome } from '../api/types';

export const EVENT_STATUS_COLOR: Record<EventItem['status'], string> = {
  proposed: 'blue', accepted: 'cyan', published: 'green', completed: 'default', rejected: 'red', cancelled: 'red',
};

/** The stages of an outcome at an event, in order: an outcome only moves forward. */
export { outcomeStageValues as OUTCOME_STAGES } from '../api/types';

