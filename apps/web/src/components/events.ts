import type { EventItem } from '../api/types';

export type { EventItem, EventOutcome } from '../api/types';

export const EVENT_STATUS_COLOR: Record<EventItem['status'], string> = {
  proposed: 'blue', accepted: 'cyan', published: 'green', completed: 'default', rejected: 'red', cancelled: 'red',
};

/** The stages of an outcome at an event, in order: an outcome only moves forward. */
export { outcomeStageValues as OUTCOME_STAGES } from '../api/types';


/** 专场招聘会, 综合招聘会 or 直播带岗, as the planner made it. */
export function eventKind(e: Pick<EventItem, 'type' | 'occupationFamilies'>): 'specialised_fair' | 'general_fair' | 'live_stream' {
  if (e.type === 'live_stream') return 'live_stream';
  return e.occupationFamilies.length > 1 ? 'general_fair' : 'specialised_fair';
}
