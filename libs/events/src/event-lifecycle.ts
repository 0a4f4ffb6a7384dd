import { EventStatus, EventType } from './recruitment-event.entity';
import { AttendeeStatus } from './event-attendee.entity';
import { OutcomeStage } from './event-outcome.entity';

export type EventAction = 'accept' | 'reject' | 'publish' | 'cancel' | 'complete';

const TARGET: Record<EventAction, EventStatus> = {
  accept: 'accepted',
  reject: 'rejected',
  publish: 'published',
  cancel: 'cancelled',
  complete: 'completed',
};

/** proposed → accepted → published → completed; a proposal may be rejected; anything not finished may be cancelled. */
const ALLOWED_FROM: Record<EventAction, readonly EventStatus[]> = {
  accept: ['proposed'],
  reject: ['proposed'],
  publish: ['accepted'],
  cancel: ['proposed', 'accepted', 'published'],
  complete: ['published'],
};

export function eventTarget(action: EventAction): EventStatus {
  return TARGET[action];
}

export function mayApply(action: EventAction, from: EventStatus): boolean {
  return ALLOWED_FROM[action].includes(from);
}

/** Statuses of events that occupy their station's day. */
export const ACTIVE_EVENT_STATUSES: readonly EventStatus[] = ['proposed', 'accepted', 'published'];
export const EDITABLE_EVENT_STATUSES: readonly EventStatus[] = ['proposed', 'accepted'];
export const INVITABLE_EVENT_STATUSES: readonly EventStatus[] = ['accepted', 'published'];
export const ONGOING_EVENT_STATUSES: readonly EventStatus[] = ['accepted', 'published', 'completed'];

export const EVENT_STATUS_ZH: Record<EventStatus, string> = {
  proposed: '待确认（提议）',
  accepted: '已确认',
  published: '已发布',
  completed: '已结束',
  rejected: '已拒绝',
  cancelled: '已取消',
};

export const EVENT_ACTION_ZH: Record<EventAction, string> = {
  accept: '确认',
  reject: '拒绝',
  publish: '发布',
  cancel: '取消',
  complete: '结束',
};

const ACTION_PAST: Record<EventAction, string> = {
  accept: 'accepted',
  reject: 'rejected',
  publish: 'published',
  cancel: 'cancelled',
  complete: 'completed',
};

export function actionPast(action: EventAction): string {
  return ACTION_PAST[action];
}

export const EVENT_TYPE_ZH: Record<EventType, string> = { on_site: '现场招聘', live_stream: '直播带岗', hybrid: '现场+直播' };

export const ATTENDEE_STATUS_ZH: Record<AttendeeStatus, string> = {
  invited: '已邀请',
  registered: '已报名',
  attended: '已签到',
  no_show: '未到场',
  excused: '请假',
  declined: '已谢绝',
};

export const OUTCOME_STAGE_ZH: Record<OutcomeStage, string> = {
  talked: '已洽谈',
  intention: '达成意向',
  interview: '面试',
  offer: '录用通知',
  hire: '已入职',
};
