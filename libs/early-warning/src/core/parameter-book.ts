import { Series } from './parameters';
import { SignalSource } from './types';

/** Indicators per region and month. Rates are in percent; `*Yoy` are changes against the same month a year before. */
export type IndicatorCode =
  | 'jobLossRate'
  | 'headcountDecline'
  | 'claimsYoy'
  | 'jobsPerSeeker'
  | 'registeredRate'
  | 'registeredRateYoy'
  | 'surveyedRate'
  | 'largestLayoff'
  | 'totalLayoffs'
  | 'pairedFirmsLost'
  | 'largeFirmLayoff';

export const INDICATOR_SOURCE: Record<IndicatorCode, SignalSource> = {
  jobLossRate: 'monitored_firms',
  headcountDecline: 'monitored_firms',
  claimsYoy: 'insurance_claims',
  jobsPerSeeker: 'labour_market',
  registeredRate: 'unemployment_rates',
  registeredRateYoy: 'unemployment_rates',
  surveyedRate: 'unemployment_rates',
  largestLayoff: 'layoff_reports',
  totalLayoffs: 'layoff_reports',
  pairedFirmsLost: 'firm_status',
  largeFirmLayoff: 'layoff_reports',
};

/** Indicators of one employer's layoff: each may set the region's level on its own (the single-large-layoff exception). */
export const SINGLE_LAYOFF_INDICATORS: readonly IndicatorCode[] = ['largestLayoff', 'largeFirmLayoff'];

/** Thresholds for IV, III, II, I in that order; `null` where a level has none. `below`: lower values are worse. */
export interface Bands {
  thresholds: [number | null, number | null, number | null, number | null];
  below?: boolean;
}

export interface RegionThresholds {
  indicators: Partial<Record<IndicatorCode, Bands>>;
  /**
   * The monitored firms' job-loss rate and headcount decline are judged on their excess over the same month a year
   * before when that month is known (Hainan's tourism seasons).
   */
  firmsYearOnYear: boolean;
  /** Staff from which an employer counts as large for `largeFirmLayoff` (Hangzhou: 300 laid off at a firm of 600 or more). */
  largeFirmStaff: number;
}

export interface Hysteresis {
  /** Consecutive periods at or above a level before the alert turns on at that level. */
  onAfter: number;
  /** Consecutive periods below the alert's level before it is lowered. */
  offAfter: number;
  /** Periods an alert stays at its level before it may be lowered. */
  minDuration: number;
}

export interface Article41 {
  minPeople: number;
  minShareOfStaff: number;
  noticeDays: number;
  windowDays: number;
}

export interface WarningBook {
  article41: Series<Article41>;
  /** Per GB/T 2260 region code; `*` is the province default. */
  thresholds: Record<string, Series<RegionThresholds>>;
  hysteresis: Record<string, Series<Hysteresis>>;
  /** Hours within which an alert must be acknowledged before it escalates, per level (none for IV). */
  escalationHours: Series<Record<'IV' | 'III' | 'II' | 'I', number | null>>;
}

export const PROVISIONAL_START = '2025-01-01';
const LAW = '中华人民共和国劳动合同法 第41条';
const LAW_TEXT =
  '需要裁减人员二十人以上或者裁减不足二十人但占企业职工总数百分之十以上的，用人单位提前三十日向工会或者全体职工说明情况，听取工会或者职工的意见后，裁减人员方案经向劳动行政部门报告，可以裁减人员';
const PROVISIONAL = '待管理员按本地失业预警应急预案设定 (provisional)';
const HANGZHOU = '杭州市失业预警 I级 (policy.md 3, source cited there: news.sina.com.cn/c/2015-04-03/142431679302.shtml)';
const ZHUHAI = '珠海市失业预警 登记失业率 4%/7%/10% bands (policy.md 3, source cited there: shcontractlaw.com/index.php?c=show&id=24402)';

/**
 * The defaults. §41's figures are law. Level thresholds: Hangzhou's level I figures and Zhuhai's rate bands are the
 * only published figures we hold (through policy.md; the pages themselves were not reachable from here), and Hainan's
 * own plan is not in hand: the whole province default is provisional until an administrator enters the province's
 * or a city's plan. Where a value comes from one of those plans the entry's source says which band it took.
 */
export const DEFAULT_BOOK: WarningBook = {
  article41: [{ from: '2008-01-01', value: { minPeople: 20, minShareOfStaff: 0.1, noticeDays: 30, windowDays: 90 }, document: LAW, source: `${LAW}: ${LAW_TEXT}; 90-day sum: policy.md 3 (as US WARN and Swedish varsel)` }],
  thresholds: {
    '*': [
      {
        from: PROVISIONAL_START,
        document: PROVISIONAL,
        provisional: true,
        source: `registeredRate IV from ${ZHUHAI} (lowest band); registeredRate I 6% and totalLayoffs I 1,500 and largestLayoff I 600 and largeFirmLayoff I 300 at a firm of 600 from ${HANGZHOU}; all other bands (paired firms lost included) provisional`,
        value: {
          firmsYearOnYear: true,
          largeFirmStaff: 600,
          indicators: {
            jobLossRate: { thresholds: [1, 2, 3, 5] },
            headcountDecline: { thresholds: [3, 5, 8, 10] },
            claimsYoy: { thresholds: [20, 40, 60, 100] },
            jobsPerSeeker: { thresholds: [1, 0.9, 0.8, 0.7], below: true },
            registeredRate: { thresholds: [4, 5, 5.5, 6] },
            registeredRateYoy: { thresholds: [0.5, 1, 1.5, 2] },
            surveyedRate: { thresholds: [5.5, 6, 6.5, 7] },
            largestLayoff: { thresholds: [50, 100, 300, 600] },
            totalLayoffs: { thresholds: [300, 600, 1000, 1500] },
            pairedFirmsLost: { thresholds: [2, 4, 6, 10] },
            largeFirmLayoff: { thresholds: [null, null, null, 300] },
          },
        },
      },
    ],
  },
  hysteresis: {
    '*': [
      {
        from: PROVISIONAL_START,
        document: PROVISIONAL,
        provisional: true,
        source: 'onAfter 2 from Hangzhou level I ("连续2个月"); offAfter and minDuration after 20 CFR 615.11 (EB off after 3 weeks, on for at least 13 weeks), in months: provisional',
        value: { onAfter: 2, offAfter: 3, minDuration: 3 },
      },
    ],
  },
  escalationHours: [
    {
      from: PROVISIONAL_START,
      document: '失业预警应急预案 reporting hours (policy.md 3 and 7: ask.fsou.com/html/text/lar/171528/17152828_4.html)',
      source: 'written report within 2 h for levels I and II, 12 h for level III; level IV none',
      value: { IV: null, III: 12, II: 2, I: 2 },
    },
  ],
};

/** The series for `region`, or the province default. */
export function forRegion<T>(table: Record<string, Series<T>>, region: string): Series<T> {
  return table[region] ?? table['*'];
}
