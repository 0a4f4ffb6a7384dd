import type { EventKind } from './planning';

/** One job on offer at an event: what the employer recruits for there. */
export interface OfferedJob {
  employerName: string;
  title: string;
  /** Positions still open. */
  headcount: number;
  wageMin: number;
  wageMax: number;
  /** monthly, hourly or piece. */
  payBasis: string;
}

/** What seekers and employers need to know about an event, nothing of the planner's reasoning. */
export interface PublicEventFacts {
  kind: EventKind;
  date: string;
  startTime: string;
  endTime: string;
  stationName: string;
  stationAddress: string;
  jobs: readonly OfferedJob[];
}

const KIND_ZH: Record<EventKind, string> = { specialised_fair: '专场招聘会', general_fair: '综合招聘会', live_stream: '直播带岗' };
const PAY_ZH: Record<string, { label: string; unit: string }> = {
  monthly: { label: '月薪', unit: '元/月' },
  hourly: { label: '时薪', unit: '元/小时' },
  piece: { label: '计件', unit: '元/件' },
};

function wage(job: OfferedJob): string {
  const pay = PAY_ZH[job.payBasis] ?? { label: '薪资', unit: '元' };
  const range = job.wageMin === job.wageMax ? `${job.wageMin}` : `${job.wageMin}–${job.wageMax}`;
  return `${pay.label} ${range} ${pay.unit}`;
}

/**
 * The public description of a planned event (Chinese, as the notices are): kind, time and place, the jobs on
 * offer by employer with headcount and wages, and what to bring. Generated with the proposal; the staff edit it
 * before publishing.
 */
export function publicEventDescription(f: PublicEventFacts): string {
  const employers = new Map<string, OfferedJob[]>();
  for (const job of f.jobs) employers.set(job.employerName, [...(employers.get(job.employerName) ?? []), job]);
  const positions = f.jobs.reduce((n, j) => n + j.headcount, 0);
  const lines = [
    f.kind === 'live_stream'
      ? `${KIND_ZH[f.kind]}：${f.date} ${f.startTime}–${f.endTime}，由${f.stationName}在线直播，也可到驿站现场观看（${f.stationAddress}）。`
      : `${KIND_ZH[f.kind]}：${f.date} ${f.startTime}–${f.endTime}，地点：${f.stationName}（${f.stationAddress}）。`,
    `${employers.size} 家用人单位招聘 ${positions} 人：`,
    ...[...employers].map(([name, jobs]) => `· ${name}：${jobs.map((j) => `${j.title} ${j.headcount} 人，${wage(j)}`).join('；')}`),
    f.kind === 'live_stream'
      ? '请提前准备好简历；直播中可在线投递，或到驿站现场面试。免费参加。'
      : '请携带身份证、个人简历和相关职业资格证书。免费入场。',
  ];
  return lines.join('\n');
}
