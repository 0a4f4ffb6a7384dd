import { addMonthsToMonth } from '@app/clock/shanghai-calendar';
import { inForce, windowSum } from './layoff';
import { entryOn } from './parameters';
import { DEFAULT_BOOK, forRegion, IndicatorCode, WarningBook } from './parameter-book';
import { LayoffReport, Signals } from './types';

/** All industries of a region. */
export const ALL_INDUSTRIES = '*';

export interface IndicatorRow {
  region: string;
  /** An industry code, or `*` for the region as a whole. */
  industry: string;
  month: string;
  values: Partial<Record<IndicatorCode, number>>;
  /** The figures behind the values, for the alert's evidence. */
  evidence: Record<string, number>;
}

interface FirmSums {
  previous: number;
  reductions: number;
  enrolment: number;
  headcount: number;
  firms: number;
}

const key = (region: string, industry: string, month: string) => `${region}|${industry}|${month}`;
const round = (x: number) => Math.round(x * 1e4) / 1e4;

/**
 * Indicators per region (and per region and industry where the signal has an industry) and month. The job-loss
 * rate (岗位流失率) is reductions over the previous month's headcount; where the region's thresholds say so and the
 * same month a year before is known, the value judged is its excess over that month (seasonal comparison), the raw
 * rate kept in the evidence; likewise the headcount decline since enrolment. Claims are compared with the same month a year before.
 * Paired enterprises put on the abnormal list or deregistered count once per firm and month.
 */
export function computeIndicators(signals: Signals, book: WarningBook = DEFAULT_BOOK): IndicatorRow[] {
  const rows = new Map<string, IndicatorRow>();
  const row = (region: string, industry: string, month: string) => {
    const k = key(region, industry, month);
    let r = rows.get(k);
    if (!r) rows.set(k, (r = { region, industry, month, values: {}, evidence: {} }));
    return r;
  };

  const firms = new Map<string, FirmSums>();
  const addFirm = (k: string, f: Signals['firms'][number], reductions: number) => {
    let s = firms.get(k);
    if (!s) firms.set(k, (s = { previous: 0, reductions: 0, enrolment: 0, headcount: 0, firms: 0 }));
    s.previous += f.previousHeadcount;
    s.reductions += reductions;
    s.enrolment += f.enrolmentHeadcount;
    s.headcount += f.headcount;
    s.firms++;
  };
  for (const f of signals.firms) {
    let reductions = 0;
    for (const type in f.reductions) reductions += f.reductions[type as keyof typeof f.reductions] ?? 0;
    addFirm(key(f.region, f.industry, f.month), f, reductions);
    addFirm(key(f.region, ALL_INDUSTRIES, f.month), f, reductions);
  }
  for (const [k, s] of firms) {
    const [region, industry, month] = k.split('|');
    const r = row(region, industry, month);
    const rate = s.previous > 0 ? (s.reductions / s.previous) * 100 : 0;
    const yearBefore = firms.get(key(region, industry, addMonthsToMonth(month, -12)));
    const thresholds = entryOn(forRegion(book.thresholds, region), `${month}-01`)?.value;
    r.evidence.jobLossRateRaw = round(rate);
    r.evidence.monitoredFirms = s.firms;
    r.evidence.reductions = s.reductions;
    if (thresholds?.firmsYearOnYear && yearBefore && yearBefore.previous > 0) {
      const before = (yearBefore.reductions / yearBefore.previous) * 100;
      r.evidence.jobLossRateYearBefore = round(before);
      r.values.jobLossRate = round(rate - before);
    } else r.values.jobLossRate = round(rate);
    if (s.enrolment > 0) {
      const decline = ((s.enrolment - s.headcount) / s.enrolment) * 100;
      r.evidence.headcountDeclineRaw = round(decline);
      const compared = thresholds?.firmsYearOnYear && yearBefore && yearBefore.enrolment > 0;
      r.values.headcountDecline = round(compared ? decline - ((yearBefore.enrolment - yearBefore.headcount) / yearBefore.enrolment) * 100 : decline);
    }
  }

  const claims = new Map<string, { claims: number; weeks: number[] }>();
  const addClaims = (k: string, n: number, weekly?: number[]) => {
    let c = claims.get(k);
    if (!c) claims.set(k, (c = { claims: 0, weeks: [] }));
    c.claims += n;
    if (weekly) c.weeks.push(...weekly);
  };
  for (const c of signals.claims) {
    if (c.industry) addClaims(key(c.region, c.industry, c.month), c.claims, c.weekly);
    addClaims(key(c.region, ALL_INDUSTRIES, c.month), c.claims, c.weekly);
  }
  for (const [k, c] of claims) {
    const [region, industry, month] = k.split('|');
    const r = row(region, industry, month);
    r.evidence.claims = c.claims;
    if (c.weeks.length >= 4) r.evidence.claimsFourWeekAverage = round(c.weeks.slice(-4).reduce((a, b) => a + b, 0) / 4);
    const before = claims.get(key(region, industry, addMonthsToMonth(month, -12)));
    if (before && before.claims > 0) {
      r.evidence.claimsYearBefore = before.claims;
      r.values.claimsYoy = round(((c.claims - before.claims) / before.claims) * 100);
    }
  }

  for (const m of signals.market) {
    const r = row(m.region, ALL_INDUSTRIES, m.month);
    r.evidence.vacancies = m.vacancies;
    r.evidence.seekers = m.seekers;
    r.evidence.newRegistrations = m.newRegistrations;
    if (m.seekers > 0) r.values.jobsPerSeeker = round(m.vacancies / m.seekers);
  }

  const rates = new Map(signals.rates.map((x) => [key(x.region, ALL_INDUSTRIES, x.month), x]));
  for (const x of signals.rates) {
    const r = row(x.region, ALL_INDUSTRIES, x.month);
    if (x.registeredRate !== undefined) {
      r.values.registeredRate = x.registeredRate;
      const before = rates.get(key(x.region, ALL_INDUSTRIES, addMonthsToMonth(x.month, -12)))?.registeredRate;
      if (before !== undefined) r.values.registeredRateYoy = round(x.registeredRate - before);
    }
    if (x.surveyedRate !== undefined) r.values.surveyedRate = x.surveyedRate;
    if (x.youthSurveyedRate !== undefined) r.evidence.youthSurveyedRate = x.youthSurveyedRate;
  }

  const seen = new Set<string>();
  for (const e of signals.firmStatus) {
    // A firm counts once a month even when it is listed and deregistered in the same month.
    if (seen.has(`${e.firmId}|${e.month}`)) continue;
    seen.add(`${e.firmId}|${e.month}`);
    for (const target of [row(e.region, ALL_INDUSTRIES, e.month), row(e.region, e.industry, e.month)]) {
      target.values.pairedFirmsLost = (target.values.pairedFirmsLost ?? 0) + 1;
    }
  }

  addLayoffIndicators(inForce(signals.layoffs), book, row);
  return [...rows.values()];
}

function addLayoffIndicators(reports: LayoffReport[], book: WarningBook, row: (region: string, industry: string, month: string) => IndicatorRow): void {
  const byEmployer = new Map<string, LayoffReport[]>();
  for (const r of reports) {
    const list = byEmployer.get(r.employerId);
    if (list) list.push(r);
    else byEmployer.set(r.employerId, [r]);
  }
  for (const r of reports) {
    const windowDays = (entryOn(book.article41, r.effectiveDate) ?? book.article41[0]).value.windowDays;
    const total = windowSum(r, byEmployer.get(r.employerId)!, windowDays).total;
    const month = r.effectiveDate.slice(0, 7);
    const largeFirmStaff = entryOn(forRegion(book.thresholds, r.region), `${month}-01`)?.value.largeFirmStaff;
    const largeFirm = largeFirmStaff !== undefined && r.staff !== undefined && r.staff >= largeFirmStaff;
    for (const target of [row(r.region, ALL_INDUSTRIES, month), row(r.region, r.industry, month)]) {
      target.values.largestLayoff = Math.max(target.values.largestLayoff ?? 0, total);
      if (largeFirm) target.values.largeFirmLayoff = Math.max(target.values.largeFirmLayoff ?? 0, total);
      target.values.totalLayoffs = (target.values.totalLayoffs ?? 0) + r.count;
      target.evidence.layoffReports = (target.evidence.layoffReports ?? 0) + 1;
    }
  }
}
