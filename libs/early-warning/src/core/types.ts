/** Warning levels, least severe first: IV blue, III yellow, II orange, I red. `0` is no warning. */
export type Level = 'IV' | 'III' | 'II' | 'I';
/** Severity as a number: 0 none, 1 = IV … 4 = I. */
export type Severity = 0 | 1 | 2 | 3 | 4;
export const LEVELS: readonly Level[] = ['IV', 'III', 'II', 'I'];
export const LEVEL_COLOUR: Record<Level, { zh: string; en: string }> = {
  IV: { zh: '蓝色', en: 'blue' },
  III: { zh: '黄色', en: 'yellow' },
  II: { zh: '橙色', en: 'orange' },
  I: { zh: '红色', en: 'red' },
};
export const severityOf = (level: Level | null): Severity => (level ? ((LEVELS.indexOf(level) + 1) as Severity) : 0);
export const levelOf = (severity: number): Level | null => (severity <= 0 ? null : LEVELS[Math.min(severity, 4) - 1]);

/** Reduction types of the 失业动态监测 monthly report. */
export type ReductionType = 'natural' | 'dismissal' | 'closure' | 'economic_layoff' | 'transfer' | 'other';
export const REDUCTION_LABEL: Record<ReductionType, string> = {
  natural: '自然减员',
  dismissal: '解除/终止',
  closure: '关闭破产',
  economic_layoff: '经济性裁员',
  transfer: '业务转移',
  other: '其他',
};

/** Signal sources: "two signals" means indicators from two different sources. */
export type SignalSource = 'monitored_firms' | 'layoff_reports' | 'insurance_claims' | 'labour_market' | 'unemployment_rates' | 'firm_status';

/** A monitored firm's monthly report (失业动态监测). */
export interface FirmMonthlyReport {
  firmId: string;
  /** GB/T 2260 region code. */
  region: string;
  /** GB/T 4754 industry section or division. */
  industry: string;
  /** YYYY-MM. */
  month: string;
  enrolmentHeadcount: number;
  previousHeadcount: number;
  headcount: number;
  additions: number;
  reductions: Partial<Record<ReductionType, number>>;
}

/** 失业保险金 claims (initial claims) for a region and month; `weekly` holds the weeks where the import has them. */
export interface ClaimsFigure {
  region: string;
  industry?: string;
  month: string;
  claims: number;
  weekly?: number[];
}

/** The platform's own market figures: vacancies and seekers give 求人倍率. */
export interface MarketFigure {
  region: string;
  month: string;
  vacancies: number;
  seekers: number;
  newRegistrations: number;
}

/** Imported unemployment rates, in percent. */
export interface RateFigure {
  region: string;
  month: string;
  registeredRate?: number;
  surveyedRate?: number;
  youthSurveyedRate?: number;
}

/** The four grounds of 劳动合同法 第41条 第1款. */
export type LayoffGround = 'bankruptcy_reorganisation' | 'serious_difficulty' | 'restructuring' | 'changed_circumstances';

/** A layoff report (裁减人员报告) under 劳动合同法 第41条. Dates are Shanghai dates. */
export interface LayoffReport {
  id: string;
  employerId: string;
  region: string;
  industry: string;
  /** Stated ground; a free text that is none of the four is kept as `other`. */
  ground?: LayoffGround | 'other';
  /** People to be laid off. */
  count: number;
  /** Staff (职工总数) when reported. */
  staff?: number;
  occupations: string[];
  /** Date the situation was explained to the union or all staff (提前三十日向工会或者全体职工说明情况). */
  noticeDate?: string;
  /** Date the layoffs take effect. */
  effectiveDate: string;
  unionConsulted?: boolean;
  /** The report this one amends: the amended report no longer counts. */
  amends?: string;
  /** A closure (关闭破产) rather than a partial layoff. */
  closure?: boolean;
}

/** A paired enterprise put on the abnormal list (经营异常名录) or deregistered (注销), in the month it happened. */
export interface FirmStatusEvent {
  firmId: string;
  region: string;
  industry: string;
  month: string;
  status: 'abnormal_list' | 'deregistered';
}

export interface Signals {
  firms: FirmMonthlyReport[];
  layoffs: LayoffReport[];
  claims: ClaimsFigure[];
  market: MarketFigure[];
  rates: RateFigure[];
  firmStatus: FirmStatusEvent[];
}

export type Verdict = 'pass' | 'fail' | 'unknown';

export interface Check {
  code: string;
  verdict: Verdict;
  basis: string;
  zh: string;
  en: string;
}
