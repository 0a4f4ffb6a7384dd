import { HttpStatus, Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { Workbook } from 'exceljs';
import { createEvent } from 'ics';
import { toBuffer } from 'qrcode';
import { Principal } from '@app/auth';
import { shanghaiIso } from '@app/clock';
import { AppError } from '@app/errors';
import { SeekerEventReads } from '@app/seeker-pool';
import { Taxonomy } from '@app/taxonomy';
import { EVENT_STATUS_ZH, EVENT_TYPE_ZH } from './event-lifecycle';
import { OUTCOME_STAGES, OutcomeStage } from './event-outcome.entity';
import { EventsService, EventView } from './events.service';

export interface StageCounts {
  talked: number;
  intentions: number;
  interviews: number;
  offers: number;
  hires: number;
}

export interface EventReport {
  eventId: string;
  title: string;
  station: string;
  date: string;
  startsAt: string;
  endsAt: string;
  status: string;
  attendance: { capacity: number; invited: number; registered: number; attended: number; noShow: number; excused: number; declined: number; walkIns: number };
  outcomes: StageCounts;
  byEmployer: ({ employerId: string; name: string; booth: string | null } & StageCounts)[];
  byOccupation: ({ occupationCode: string; name: string } & StageCounts)[];
  byPriorityGroup: ({ group: string; name: string; attended: number } & StageCounts)[];
}

export const PRIORITY_GROUP_ZH: Record<string, string> = {
  college_graduate: '高校毕业生',
  poverty_alleviated: '脱贫人口',
  migrant_worker: '农民工',
  veteran: '退役军人',
  registered_unemployed: '登记失业人员',
  hard_to_employ: '就业困难人员',
  disabled: '残疾人',
  none: '未标注重点群体',
};

const STAGE_KEYS: Record<OutcomeStage, keyof StageCounts> = { talked: 'talked', intention: 'intentions', interview: 'interviews', offer: 'offers', hire: 'hires' };

function emptyCounts(): StageCounts {
  return { talked: 0, intentions: 0, interviews: 0, offers: 0, hires: 0 };
}

/** Counts an outcome in every stage it reached (an offer was also talked, an intention and an interview). */
function addStage(counts: StageCounts, stage: OutcomeStage): void {
  for (const s of OUTCOME_STAGES.slice(0, OUTCOME_STAGES.indexOf(stage) + 1)) counts[STAGE_KEYS[s]] += 1;
}

/** The event report (attendance, intentions, offers and hires by employer, occupation and priority group), its Excel export and calendar file. */
@Injectable()
export class EventReportsService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly events: EventsService,
    private readonly taxonomy: Taxonomy,
    private readonly seekerEvents: SeekerEventReads,
  ) {}

  async report(principal: Principal, eventId: string): Promise<EventReport> {
    if (principal.role === 'seeker' || principal.role === 'employer') throw new AppError(HttpStatus.FORBIDDEN, 'FORBIDDEN');
    const view = await this.events.get(principal, eventId);
    const tx = this.txHost.tx;
    const [attendance] = await tx.query(
      `SELECT count(*) FILTER (WHERE invited_at IS NOT NULL)::int AS invited,
              count(*) FILTER (WHERE registered_at IS NOT NULL)::int AS registered,
              count(*) FILTER (WHERE status = 'attended')::int AS attended,
              count(*) FILTER (WHERE status = 'no_show')::int AS "noShow",
              count(*) FILTER (WHERE status = 'excused')::int AS excused,
              count(*) FILTER (WHERE status = 'declined')::int AS declined,
              count(*) FILTER (WHERE source = 'walk_in')::int AS "walkIns"
       FROM event_attendee WHERE event_id = $1`,
      [eventId],
    );
    const outcomes: { employerId: string; seekerId: string; stage: OutcomeStage; occupationCode: string }[] = await tx.query(
      `SELECT o.employer_id AS "employerId", o.seeker_id AS "seekerId", o.stage, s.occupation_code AS "occupationCode"
       FROM event_outcome o JOIN shortage s ON s.id = o.shortage_id WHERE o.event_id = $1`,
      [eventId],
    );
    // Priority groups only of seekers who consented to their use; everyone else counts as not marked.
    const attended: { seekerId: string }[] = await tx.query(`SELECT a.seeker_id AS "seekerId" FROM event_attendee a WHERE a.event_id = $1 AND a.status = 'attended'`, [eventId]);
    const counted = await this.seekerEvents.countedPriorityGroupsOf(attended.map((a) => a.seekerId));
    const attendees = attended.map((a) => ({ seekerId: a.seekerId, groups: counted.get(a.seekerId) ?? [] }));
    const totals = emptyCounts();
    const byEmployer = new Map(view.employers.map((e) => [e.employerId, { employerId: e.employerId, name: e.name, booth: e.booth, ...emptyCounts() }]));
    const byOccupation = new Map<string, { occupationCode: string; name: string } & StageCounts>();
    const groupsOf = new Map(attendees.map((a) => [a.seekerId, (a.groups ?? []).filter(Boolean).length ? a.groups!.filter(Boolean) : ['none']]));
    const byGroup = new Map<string, { group: string; name: string; attended: number } & StageCounts>();
    const group = (code: string) => {
      let row = byGroup.get(code);
      if (!row) byGroup.set(code, (row = { group: code, name: PRIORITY_GROUP_ZH[code] ?? code, attended: 0, ...emptyCounts() }));
      return row;
    };
    for (const a of attendees) for (const code of groupsOf.get(a.seekerId)!) group(code).attended += 1;
    for (const o of outcomes) {
      addStage(totals, o.stage);
      const employer = byEmployer.get(o.employerId);
      if (employer) addStage(employer, o.stage);
      let occupation = byOccupation.get(o.occupationCode);
      if (!occupation) {
        byOccupation.set(o.occupationCode, (occupation = { occupationCode: o.occupationCode, name: this.taxonomy.occupation(o.occupationCode)?.name ?? o.occupationCode, ...emptyCounts() }));
      }
      addStage(occupation, o.stage);
      for (const code of groupsOf.get(o.seekerId) ?? ['none']) addStage(group(code), o.stage);
    }
    return {
      eventId,
      title: view.event.title,
      station: view.station.name,
      date: view.event.date,
      startsAt: shanghaiIso(view.event.startsAt),
      endsAt: shanghaiIso(view.event.endsAt),
      status: view.event.status,
      attendance: { capacity: view.event.capacity, ...attendance },
      outcomes: totals,
      byEmployer: [...byEmployer.values()],
      byOccupation: [...byOccupation.values()],
      byPriorityGroup: [...byGroup.values()].sort((a, b) => (a.group === 'none' ? 1 : b.group === 'none' ? -1 : a.group.localeCompare(b.group))),
    };
  }

  /** The report as an Excel workbook with Chinese headers (no personal data: counts only). */
  async workbook(principal: Principal, eventId: string): Promise<Buffer> {
    const report = await this.report(principal, eventId);
    const book = new Workbook();
    book.creator = '海南公共就业服务平台';
    const summary = book.addWorksheet('活动概况');
    summary.columns = [{ header: '项目', key: 'k', width: 22 }, { header: '数值', key: 'v', width: 40 }];
    const a = report.attendance;
    const rows: [string, string | number][] = [
      ['活动名称', report.title], ['举办地点', report.station], ['日期', report.date], ['开始时间（北京时间）', report.startsAt], ['结束时间（北京时间）', report.endsAt],
      ['状态', EVENT_STATUS_ZH[report.status as keyof typeof EVENT_STATUS_ZH] ?? report.status], ['容纳人数', a.capacity], ['邀请人数', a.invited], ['报名人数', a.registered],
      ['签到人数', a.attended], ['其中现场登记', a.walkIns], ['未到场', a.noShow], ['请假', a.excused], ['谢绝邀请', a.declined],
      ['洽谈人数', report.outcomes.talked], ['达成意向', report.outcomes.intentions], ['面试', report.outcomes.interviews], ['录用通知', report.outcomes.offers], ['入职', report.outcomes.hires],
    ];
    for (const [k, v] of rows) summary.addRow({ k, v });
    const stageColumns = [
      { header: '洽谈', key: 'talked', width: 10 }, { header: '意向', key: 'intentions', width: 10 }, { header: '面试', key: 'interviews', width: 10 },
      { header: '录用通知', key: 'offers', width: 10 }, { header: '入职', key: 'hires', width: 10 },
    ];
    const employers = book.addWorksheet('按用人单位');
    employers.columns = [{ header: '用人单位', key: 'name', width: 36 }, { header: '展位', key: 'booth', width: 8 }, ...stageColumns];
    employers.addRows(report.byEmployer);
    const occupations = book.addWorksheet('按职业');
    occupations.columns = [{ header: '职业代码', key: 'occupationCode', width: 14 }, { header: '职业', key: 'name', width: 24 }, ...stageColumns];
    occupations.addRows(report.byOccupation);
    const groups = book.addWorksheet('按重点群体');
    groups.columns = [{ header: '重点群体', key: 'name', width: 18 }, { header: '签到人数', key: 'attended', width: 10 }, ...stageColumns];
    groups.addRows(report.byPriorityGroup);
    for (const sheet of [summary, employers, occupations, groups]) sheet.getRow(1).font = { bold: true };
    return Buffer.from(await book.xlsx.writeBuffer());
  }

  /** An iCalendar file for the event (times in UTC; calendars show them in the reader's zone, Asia/Shanghai here). */
  async calendar(principal: Principal, eventId: string): Promise<string> {
    const view: EventView = await this.events.get(principal, eventId);
    const { event, station } = view;
    const parts = (at: Date): [number, number, number, number, number] => [at.getUTCFullYear(), at.getUTCMonth() + 1, at.getUTCDate(), at.getUTCHours(), at.getUTCMinutes()];
    const { error, value } = createEvent({
      uid: `${event.id}@hainan-employment-platform`,
      productId: 'hainan-employment-platform/events',
      start: parts(event.startsAt),
      startInputType: 'utc',
      startOutputType: 'utc',
      end: parts(event.endsAt),
      endInputType: 'utc',
      endOutputType: 'utc',
      title: event.title,
      description: `${EVENT_TYPE_ZH[event.type]}。${event.description}`.trim(),
      location: `${station.name}（${station.address}）`,
      geo: { lat: station.lat, lon: station.lng },
      status: event.status === 'cancelled' ? 'CANCELLED' : event.status === 'proposed' ? 'TENTATIVE' : 'CONFIRMED',
      ...(event.streamUrl ? { url: event.streamUrl } : {}),
    });
    if (error || !value) throw new AppError(HttpStatus.UNPROCESSABLE_ENTITY, 'BAD_REQUEST');
    return value;
  }

  /** A PNG QR code of a ticket token. */
  qrPng(ticket: string): Promise<Buffer> {
    return toBuffer(ticket, { type: 'png', width: 320, margin: 2, errorCorrectionLevel: 'M' });
  }
}
