import { shanghaiDate } from '@app/clock';

/**
 * Hainan monthly minimum wage (月最低工资标准), yuan, by tier and effective date.
 *
 * VERIFY AGAINST THE CURRENT PROVINCIAL NOTICE (海南省人民政府关于调整全省最低工资标准的通知).
 * The figures and dates below are from memory, not from a checked copy of the notice:
 * - 2021-12-01: tier 1 1,830, tier 2 1,730.
 * - 2025 adjustment: tier 1 2,010 (the same figure the 2025 plan pays for public-service posts),
 *   tier 2 1,850; the effective date 2025-01-01 is an assumption.
 * Tier 1 is 海口, 三亚 and 洋浦经济开发区; tier 2 is every other city and county. 三沙 is put in tier 2
 * ("其他市县"); the notices we recall do not name it.
 */
export interface MinimumWageStandard {
  effectiveFrom: string;
  verified: boolean;
  tiers: readonly { tier: 1 | 2; monthlyYuan: number; regionCodes: readonly string[] }[];
}

/** 洋浦经济开发区 has no 6-digit code of its own; the NBS statistical code (under 儋州) is used. */
export const YANGPU_CODE = '460400499';

const TIER_1 = ['460100', '460200', YANGPU_CODE];
const TIER_2 = [
  '460300', '460400', '469001', '469002', '469005', '469006', '469007', '469021', '469022', '469023',
  '469024', '469025', '469026', '469027', '469028', '469029', '469030',
];

export const MINIMUM_WAGE_TABLE: readonly MinimumWageStandard[] = [
  {
    effectiveFrom: '2021-12-01',
    verified: false,
    tiers: [
      { tier: 1, monthlyYuan: 1830, regionCodes: TIER_1 },
      { tier: 2, monthlyYuan: 1730, regionCodes: TIER_2 },
    ],
  },
  {
    effectiveFrom: '2025-01-01',
    verified: false,
    tiers: [
      { tier: 1, monthlyYuan: 2010, regionCodes: TIER_1 },
      { tier: 2, monthlyYuan: 1850, regionCodes: TIER_2 },
    ],
  },
];

/** City or county a region code belongs to: districts 4601xx → 460100, townships → their county. */
function countyCode(regionCode: string): string {
  const digits = regionCode.replace(/\D/g, '');
  if (digits.startsWith(YANGPU_CODE)) return YANGPU_CODE;
  const code = digits.slice(0, 6);
  if (/^460[1-3]/.test(code)) return `${code.slice(0, 4)}00`;
  return code;
}

/** Calendar date in China Standard Time (UTC+8), as YYYY-MM-DD. */
function chinaDate(onDate: Date | string): string {
  if (typeof onDate === 'string') return onDate.slice(0, 10);
  return shanghaiDate(onDate);
}

/**
 * The monthly minimum wage in force in a Hainan region on a date, or undefined for a region outside
 * Hainan or a date before the table starts. Accepts 6-digit 行政区划 codes (districts and counties),
 * longer statistical codes (townships) and 洋浦's 460400499.
 */
export function minimumMonthlyWage(regionCode: string, onDate: Date | string): number | undefined {
  const county = countyCode(regionCode);
  const date = chinaDate(onDate);
  let standard: MinimumWageStandard | undefined;
  for (const candidate of MINIMUM_WAGE_TABLE) if (candidate.effectiveFrom <= date) standard = candidate;
  return standard?.tiers.find((t) => t.regionCodes.includes(county))?.monthlyYuan;
}
