import { addDays } from '@app/clock/shanghai-calendar';
import { entryOn } from './parameters';
import { WarningBook } from './parameter-book';
import { Check, LayoffReport } from './types';

const BASIS = '劳动合同法 第41条';
const GROUNDS = new Set(['bankruptcy_reorganisation', 'serious_difficulty', 'restructuring', 'changed_circumstances']);

export interface LayoffCheck {
  reportId: string;
  /** The report, alone or summed with the employer's other reports in a 90-day window, reaches the §41 threshold. */
  reportable: boolean;
  /** How the threshold is reached: alone by count, alone by share of staff, or only when summed (a split layoff). */
  reachedBy: 'count' | 'share' | 'split' | null;
  /** The largest sum of people over any window of `windowDays` that holds this report, and the reports in it. */
  windowTotal: number;
  windowReportIds: string[];
  noticeDays: number | null;
  checks: Check[];
}

/** The reports still in force: an amended report is replaced by its amendment (chains followed). */
export function inForce(reports: readonly LayoffReport[]): LayoffReport[] {
  const amended = new Set(reports.map((r) => r.amends).filter((id): id is string => id !== undefined));
  return reports.filter((r) => !amended.has(r.id));
}

/** Days from `from` to `to` (Shanghai dates). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * The largest number of people the employer lays off in any window of `windowDays` days that holds `report`
 * (WARN's and Sweden's rule against splitting a layoff to stay under the threshold).
 */
export function windowSum(report: LayoffReport, sameEmployer: readonly LayoffReport[], windowDays: number): { total: number; ids: string[] } {
  const others = inForce(sameEmployer).filter((r) => r.employerId === report.employerId && r.id !== report.id);
  const all = [report, ...others];
  let best = { total: report.count, ids: [report.id] };
  for (const start of all) {
    if (start.effectiveDate > report.effectiveDate || daysBetween(start.effectiveDate, report.effectiveDate) >= windowDays) continue;
    const end = addDays(start.effectiveDate, windowDays - 1);
    const inWindow = all.filter((r) => r.effectiveDate >= start.effectiveDate && r.effectiveDate <= end);
    const total = inWindow.reduce((sum, r) => sum + r.count, 0);
    if (total > best.total) best = { total, ids: inWindow.map((r) => r.id).sort() };
  }
  return best;
}

/** Checks one layoff report: threshold (alone or split), 30 days' notice, legal ground, union consultation. */
export function checkLayoff(report: LayoffReport, sameEmployer: readonly LayoffReport[], book: WarningBook): LayoffCheck {
  const p = (entryOn(book.article41, report.effectiveDate) ?? book.article41[0]).value;
  const share = (n: number) => report.staff !== undefined && report.staff > 0 && n / report.staff >= p.minShareOfStaff;
  const window = windowSum(report, sameEmployer, p.windowDays);
  const reachedBy: LayoffCheck['reachedBy'] =
    report.count >= p.minPeople ? 'count' : share(report.count) ? 'share' : window.total >= p.minPeople || share(window.total) ? 'split' : null;
  const checks: Check[] = [];
  const unknownShare = reachedBy === null && report.staff === undefined;
  checks.push({
    code: 'THRESHOLD',
    verdict: reachedBy ? 'pass' : unknownShare ? 'unknown' : 'fail',
    basis: BASIS,
    zh: reachedBy
      ? `裁减${window.total}人${reachedBy === 'split' ? `（${p.windowDays}日内合并计算）` : ''}，达到报告标准`
      : unknownShare
        ? `裁减${report.count}人不足${p.minPeople}人，职工总数未知，无法判断是否达到10%`
        : `裁减${window.total}人，未达到${p.minPeople}人或职工总数${p.minShareOfStaff * 100}%`,
    en: reachedBy
      ? `${window.total} people${reachedBy === 'split' ? ` summed over ${p.windowDays} days` : ''}: the threshold is reached`
      : unknownShare
        ? `${report.count} people, under ${p.minPeople}; staff unknown, so the 10% share cannot be checked`
        : `${window.total} people: under ${p.minPeople} and under ${p.minShareOfStaff * 100}% of staff`,
  });
  const noticeDays = report.noticeDate ? daysBetween(report.noticeDate, report.effectiveDate) : null;
  if (reachedBy) {
    checks.push({
      code: 'NOTICE',
      verdict: noticeDays === null ? 'unknown' : noticeDays >= p.noticeDays ? 'pass' : 'fail',
      basis: BASIS,
      zh: noticeDays === null ? '未填写向工会或全体职工说明情况的日期' : `提前${noticeDays}日说明情况（应不少于${p.noticeDays}日）`,
      en: noticeDays === null ? 'No date of the explanation to the union or staff' : `${noticeDays} days' notice (at least ${p.noticeDays} required)`,
    });
    checks.push({
      code: 'GROUND',
      verdict: report.ground === undefined ? 'unknown' : GROUNDS.has(report.ground) ? 'pass' : 'fail',
      basis: `${BASIS} 第1款`,
      zh: report.ground === undefined ? '未填写裁员法定事由' : GROUNDS.has(report.ground) ? '裁员事由属于法定情形' : '裁员事由不属于第41条所列情形',
      en: report.ground === undefined ? 'No legal ground given' : GROUNDS.has(report.ground) ? 'The ground is one of §41' : 'The ground is none of those in §41',
    });
    checks.push({
      code: 'UNION',
      verdict: report.unionConsulted === undefined ? 'unknown' : report.unionConsulted ? 'pass' : 'fail',
      basis: BASIS,
      zh: report.unionConsulted === undefined ? '未说明是否听取工会或职工意见' : report.unionConsulted ? '已听取工会或职工意见' : '未听取工会或职工意见',
      en: report.unionConsulted === undefined ? 'Union consultation not stated' : report.unionConsulted ? 'The union or staff were consulted' : 'The union or staff were not consulted',
    });
  }
  return { reportId: report.id, reportable: reachedBy !== null, reachedBy, windowTotal: window.total, windowReportIds: window.ids, noticeDays, checks };
}
