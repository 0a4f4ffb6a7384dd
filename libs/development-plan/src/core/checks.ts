import { indicator } from './catalogue';

export interface ReportFigure {
  indicator: string;
  /** Done in this quarter (count indicators) or the level at the quarter's end (ratios). */
  quarter: number | null;
  /** Done since 1 January (count indicators); for ratios, the same level. */
  cumulative: number | null;
  /** The platform's own count for this figure, kept with the report (null for entered indicators). */
  platformQuarter: number | null;
  platformCumulative: number | null;
  /** Why a figure differs from the platform's count, or anything the province should know. */
  note: string | null;
}

export interface CheckParams {
  /** A figure more than this share away from the platform's own count needs a note. */
  platformTolerance: number;
  /** Largest value accepted for a figure. */
  maxValue: number;
}

export const DEFAULT_CHECKS: CheckParams = { platformTolerance: 0.1, maxValue: 100_000_000 };

export type CheckCode = 'UNKNOWN_INDICATOR' | 'NOT_A_NUMBER' | 'NOT_AN_INTEGER' | 'OUT_OF_RANGE' | 'CUMULATIVE_FELL' | 'QUARTER_ABOVE_CUMULATIVE' | 'PART_ABOVE_WHOLE' | 'FAR_FROM_PLATFORM_NEEDS_NOTE';

export interface CheckIssue {
  indicator: string;
  code: CheckCode;
  messageZh: string;
  messageEn: string;
}

const finite = (v: number | null): v is number => v !== null && Number.isFinite(v);

/**
 * The balance checks (平衡公式) of a quarterly report: integers within range for counts, cumulative figures never
 * below the previous quarter's, this quarter never above the cumulative, parts never above their whole, and a
 * figure more than `platformTolerance` from the platform's own count only with a note. An empty list: it balances.
 * `previousCumulative`: each count indicator's cumulative figure in the unit's previous quarter (same year).
 */
export function checkReport(figures: readonly ReportFigure[], previousCumulative: ReadonlyMap<string, number>, params: CheckParams = DEFAULT_CHECKS): CheckIssue[] {
  const issues: CheckIssue[] = [];
  const byCode = new Map(figures.map((f) => [f.indicator, f]));
  const issue = (code: string, check: CheckCode, messageZh: string, messageEn: string) => issues.push({ indicator: code, code: check, messageZh, messageEn });
  for (const figure of figures) {
    const def = indicator(figure.indicator);
    if (!def) {
      issue(figure.indicator, 'UNKNOWN_INDICATOR', `指标“${figure.indicator}”不在指标目录中`, `Indicator "${figure.indicator}" is not in the catalogue`);
      continue;
    }
    const name = def.nameZh;
    let valid = true;
    for (const value of [figure.quarter, figure.cumulative]) {
      if (value === null) continue;
      if (!Number.isFinite(value)) {
        issue(def.code, 'NOT_A_NUMBER', `“${name}”不是有效数字`, `"${def.nameEn}" is not a number`);
        valid = false;
      } else if (def.kind === 'count' && !Number.isInteger(value)) {
        issue(def.code, 'NOT_AN_INTEGER', `“${name}”应为整数`, `"${def.nameEn}" must be a whole number`);
        valid = false;
      } else if (value < 0 || value > params.maxValue) {
        issue(def.code, 'OUT_OF_RANGE', `“${name}”超出合理范围（0–${params.maxValue}）`, `"${def.nameEn}" is out of range (0–${params.maxValue})`);
        valid = false;
      }
    }
    if (!valid || def.kind !== 'count') {
      if (valid) checkPlatform(def.code, def.nameZh, def.nameEn, figure, params, issue);
      continue;
    }
    const previous = previousCumulative.get(def.code);
    if (finite(figure.cumulative) && previous !== undefined && figure.cumulative < previous) {
      issue(def.code, 'CUMULATIVE_FELL', `“${name}”累计完成 ${figure.cumulative} 低于上季度累计 ${previous}`, `"${def.nameEn}": cumulative ${figure.cumulative} is below last quarter's ${previous}`);
    }
    if (finite(figure.quarter) && finite(figure.cumulative) && figure.quarter > figure.cumulative) {
      issue(def.code, 'QUARTER_ABOVE_CUMULATIVE', `“${name}”本季完成 ${figure.quarter} 大于累计完成 ${figure.cumulative}`, `"${def.nameEn}": this quarter (${figure.quarter}) exceeds the cumulative (${figure.cumulative})`);
    }
    if (def.partOf) {
      const whole = byCode.get(def.partOf);
      const wholeDef = indicator(def.partOf);
      for (const key of ['quarter', 'cumulative'] as const) {
        const part = figure[key];
        const of = whole?.[key] ?? null;
        if (finite(part) && finite(of) && part > of) {
          issue(def.code, 'PART_ABOVE_WHOLE', `“${name}”（${part}）大于“${wholeDef?.nameZh ?? def.partOf}”（${of}）`, `"${def.nameEn}" (${part}) exceeds "${wholeDef?.nameEn ?? def.partOf}" (${of})`);
        }
      }
    }
    checkPlatform(def.code, def.nameZh, def.nameEn, figure, params, issue);
  }
  return issues;
}

function checkPlatform(code: string, nameZh: string, nameEn: string, figure: ReportFigure, params: CheckParams, issue: (code: string, check: CheckCode, zh: string, en: string) => void): void {
  if (figure.note?.trim()) return;
  for (const [value, platform] of [[figure.quarter, figure.platformQuarter], [figure.cumulative, figure.platformCumulative]] as const) {
    if (!finite(value) || !finite(platform)) continue;
    if (Math.abs(value - platform) > params.platformTolerance * Math.max(platform, 1)) {
      issue(code, 'FAR_FROM_PLATFORM_NEEDS_NOTE', `“${nameZh}”填报 ${value} 与平台统计 ${platform} 相差超过 ${Math.round(params.platformTolerance * 100)}%，请填写说明`, `"${nameEn}": ${value} is more than ${Math.round(params.platformTolerance * 100)}% from the platform's count (${platform}); add a note`);
      return;
    }
  }
}
