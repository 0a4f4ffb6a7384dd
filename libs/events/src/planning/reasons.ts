import { PlanningReason } from './types';

/** Facts about one planned event, from which its reasons are written. */
export interface EventFacts {
  /** The occupation families served (names as the classification writes them). */
  familyLabels: string[];
  openHeadcount: number;
  headcountAddressed: number;
  strongCandidates: number;
  urgentShortages: number;
  dueShortages: number;
  distanceToDemandKm: number;
  capacity: number;
  booths: number;
  employers: number;
  date: string;
  daysAfterLead: number;
  leadTimeDays: number;
  invitees: number;
  strongInvitees: number;
  priorityInvitees: number;
  expectedAttendance: number;
  /** Shortages without coordinates, placed by their region (a station of their county, or the county seat). */
  locatedByRegion?: number;
}

const km = (value: number) => value.toFixed(1);

/** Bilingual reasons, most important first. */
export function eventReasons(f: EventFacts): PlanningReason[] {
  const reasons: PlanningReason[] = [
    {
      code: 'DEMAND_GAP',
      zh: `该区域${f.familyLabels.join('、')}缺口 ${f.openHeadcount} 人，本场可对接 ${f.headcountAddressed} 人`,
      en: `${f.familyLabels.join(', ')}: ${f.openHeadcount} open positions in the area, ${f.headcountAddressed} addressed by this event`,
    },
  ];
  if (f.strongCandidates < f.openHeadcount) {
    reasons.push({
      code: 'FEW_STRONG_CANDIDATES',
      zh: `强匹配候选人仅 ${f.strongCandidates} 人，少于缺口`,
      en: `Only ${f.strongCandidates} strong candidates for the open positions`,
    });
  }
  if (f.urgentShortages > 0) {
    reasons.push({ code: 'URGENT_DEMAND', zh: `其中 ${f.urgentShortages} 个岗位为紧急或特急需求`, en: `${f.urgentShortages} of the shortages are urgent or critical` });
  }
  if (f.dueShortages > 0) {
    reasons.push({
      code: 'DEADLINE_NEAR',
      zh: `${f.dueShortages} 个岗位招聘截止日期临近或已过`,
      en: `${f.dueShortages} shortages are close to or past their deadline`,
    });
  }
  reasons.push(
    {
      code: 'STATION_NEAR_DEMAND',
      zh: `驿站距需求中心 ${km(f.distanceToDemandKm)} 公里`,
      en: `The station is ${km(f.distanceToDemandKm)} km from the centre of the demand`,
    },
    {
      code: 'STATION_ROOM',
      zh: `场地可容纳 ${f.capacity} 人、展位 ${f.booths} 个，安排用人单位 ${f.employers} 家`,
      en: `Room for ${f.capacity} people and ${f.booths} booths; ${f.employers} employers booked`,
    },
    f.daysAfterLead === 0
      ? {
          code: 'EARLIEST_FREE_DATE',
          zh: `${f.date} 为提前 ${f.leadTimeDays} 天通知后的最早可用日期`,
          en: `${f.date} is the earliest free date after ${f.leadTimeDays} days' notice`,
        }
      : {
          code: 'EARLIEST_FREE_DATE',
          zh: `${f.date} 为该驿站可安排的最早合适日期（之前的日期不开放、已有活动或求职者已另受邀请）`,
          en: `${f.date} is the station's earliest suitable date (on earlier dates it is closed or booked, or the seekers are invited elsewhere)`,
        },
    {
      code: 'INVITEES',
      zh: `邀请 ${f.invitees} 名匹配求职者（其中强匹配 ${f.strongInvitees} 人），预计到场 ${f.expectedAttendance} 人`,
      en: `${f.invitees} matched seekers invited (${f.strongInvitees} strong matches), ${f.expectedAttendance} expected to attend`,
    },
  );
  if (f.locatedByRegion) {
    reasons.push({
      code: 'LOCATED_BY_REGION',
      zh: `其中 ${f.locatedByRegion} 个岗位未定位，按所在区县（驿站或县城）纳入规划，距离为估算`,
      en: `${f.locatedByRegion} of the shortages have no location and are planned by their county (its station or seat); distances are estimates`,
    });
  }
  if (f.priorityInvitees > 0) {
    reasons.push({
      code: 'PRIORITY_GROUPS',
      zh: `其中重点群体 ${f.priorityInvitees} 人`,
      en: `${f.priorityInvitees} of them from priority groups`,
    });
  }
  return reasons;
}

/** Why several proposals of one station's week became one 综合招聘会. */
export function generalFairReason(merged: number, familyLabels: readonly string[]): PlanningReason {
  return {
    code: 'GENERAL_FAIR',
    zh: `本周该驿站的 ${merged} 场提议合并为一场综合招聘会，涵盖${familyLabels.join('、')}`,
    en: `${merged} proposals at this station in the week merged into one general fair: ${familyLabels.join(', ')}`,
  };
}

/** Facts about a live stream (直播带岗): demand too thin for a venue, pooled over a county's week. */
export interface LiveStreamFacts {
  familyLabels: readonly string[];
  openHeadcount: number;
  headcountAddressed: number;
  employers: number;
  invitees: number;
  priorityInvitees: number;
  minEmployers: number;
  minExpectedAttendance: number;
  date: string;
}

export function liveStreamReasons(f: LiveStreamFacts): PlanningReason[] {
  const reasons: PlanningReason[] = [
    {
      code: 'DEMAND_GAP',
      zh: `本县${f.familyLabels.join('、')}缺口 ${f.openHeadcount} 人，本场可对接 ${f.headcountAddressed} 人`,
      en: `${f.familyLabels.join(', ')}: ${f.openHeadcount} open positions in the county, ${f.headcountAddressed} addressed by this stream`,
    },
    {
      code: 'LIVE_STREAM',
      zh: `需求分散，单场现场招聘会预计不足 ${f.minExpectedAttendance} 人到场或不足 ${f.minEmployers} 家用人单位，改为直播带岗（${f.employers} 家用人单位）`,
      en: `Demand too thin for a venue (under ${f.minExpectedAttendance} expected or ${f.minEmployers} employers per event): a live stream with ${f.employers} employers`,
    },
    {
      code: 'INVITEES',
      zh: `${f.date} 邀请 ${f.invitees} 名匹配求职者在线观看`,
      en: `${f.invitees} matched seekers invited to watch on ${f.date}`,
    },
  ];
  if (f.priorityInvitees > 0) {
    reasons.push({ code: 'PRIORITY_GROUPS', zh: `其中重点群体 ${f.priorityInvitees} 人`, en: `${f.priorityInvitees} of them from priority groups` });
  }
  return reasons;
}
