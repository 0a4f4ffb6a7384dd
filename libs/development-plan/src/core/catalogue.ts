import { POLICY_DIRECTIONS, PolicyDirectionCode } from '@app/taxonomy/policy-directions';

/** What the platform counts by itself for an indicator (prefilled figures and the drill-down). */
export const PLATFORM_METRICS = ['hires', 'hires_priority', 'shortages_filled', 'events_held', 'subsidies_paid'] as const;
export type PlatformMetric = (typeof PLATFORM_METRICS)[number];

/** The platform figures of a city, county or 洋浦 whose records the console lists (the drill-down). */
export const DRILLABLE_METRICS: readonly PlatformMetric[] = ['hires', 'hires_priority', 'shortages_filled', 'events_held'];

export type IndicatorKind = 'count' | 'ratio';
export type IndicatorSource = 'platform' | 'entered';

export interface Indicator {
  code: string;
  direction: PolicyDirectionCode;
  nameZh: string;
  nameEn: string;
  unitZh: string;
  unitEn: string;
  /** count: adds up over the year (cumulative never falls); ratio: a level reported as it stands (a share, a rate). */
  kind: IndicatorKind;
  /** platform: prefilled from the platform's records; entered: typed in by the unit (with an attachment when asked). */
  source: IndicatorSource;
  metric?: PlatformMetric;
  /** A part of another indicator (never more than it). */
  partOf?: string;
  /** The plan's own goal where it names one (a floor for ratios), for the province or, with `perUnit`, for each city or county. */
  planGoal?: number;
  perUnit?: boolean;
  /** The plan's words. */
  basisZh?: string;
}

const platformIndicators = POLICY_DIRECTIONS.flatMap((d): Indicator[] => [
  { code: `${d.short}.hires`, direction: d.code, nameZh: `${d.nameZh}：平台登记就业`, nameEn: `${d.nameEn}: hires recorded on the platform`, unitZh: '人', unitEn: 'people', kind: 'count', source: 'platform', metric: 'hires' },
  { code: `${d.short}.hires_priority`, direction: d.code, nameZh: '其中：重点群体', nameEn: 'of which priority groups', unitZh: '人', unitEn: 'people', kind: 'count', source: 'platform', metric: 'hires_priority', partOf: `${d.short}.hires` },
  { code: `${d.short}.filled`, direction: d.code, nameZh: `${d.nameZh}：缺工需求招满`, nameEn: `${d.nameEn}: shortages filled`, unitZh: '个', unitEn: 'shortages', kind: 'count', source: 'platform', metric: 'shortages_filled' },
  { code: `${d.short}.events`, direction: d.code, nameZh: `${d.nameZh}：招聘对接活动`, nameEn: `${d.nameEn}: recruitment events held`, unitZh: '场', unitEn: 'events', kind: 'count', source: 'platform', metric: 'events_held' },
]);

/** The indicators the plan itself names (二（三）–（七）), entered by the units unless the platform counts them. */
const planIndicators: Indicator[] = [
  { code: 'D3.ygdz_pay_share', direction: 'major_projects', nameZh: '以工代赈项目劳务报酬占比（最低项目）', nameEn: 'Work-for-relief labour pay share (lowest project)', unitZh: '%', unitEn: '%', kind: 'ratio', source: 'entered', planGoal: 30, basisZh: '劳务报酬发放比例不低于该项目以工代赈资金的30%' },
  { code: 'D3.key_project_workers', direction: 'major_projects', nameZh: '重点工程项目吸纳群众务工', nameEn: 'People working on key projects', unitZh: '人', unitEn: 'people', kind: 'count', source: 'entered', planGoal: 10_000, basisZh: '吸纳群众务工就业每年不少于1万人' },
  { code: 'D4.childcare_places', direction: 'livelihood', nameZh: '每千人口托位数', nameEn: 'Childcare places per 1,000 people', unitZh: '个/千人', unitEn: 'per 1,000', kind: 'ratio', source: 'entered', planGoal: 4.5, perUnit: true, basisZh: '每千人口托位数达4.5个' },
  { code: 'D4.childcare_facilities', direction: 'livelihood', nameZh: '公立型或普惠性婴幼儿照护服务机构', nameEn: 'Public or inclusive childcare facilities', unitZh: '家', unitEn: 'facilities', kind: 'count', source: 'entered', planGoal: 1, perUnit: true, basisZh: '各市县至少建设1家' },
  { code: 'D5.community_workers', direction: 'grassroots', nameZh: '每万城镇常住人口社区工作者', nameEn: 'Community workers per 10,000 urban residents', unitZh: '人/万人', unitEn: 'per 10,000', kind: 'ratio', source: 'entered', planGoal: 18, perUnit: true, basisZh: '按照每万城镇常住人口拥有社区工作者18人的标准配齐' },
  { code: 'D5.union_social_workers', direction: 'grassroots', nameZh: '工会社会工作者招聘', nameEn: 'Union social workers recruited', unitZh: '人', unitEn: 'people', kind: 'count', source: 'entered', planGoal: 182, basisZh: '2025年计划招聘182人' },
  { code: 'D5.sanzhi_yifu', direction: 'grassroots', nameZh: '“三支一扶”计划招募', nameEn: '"Three supports, one aid" recruits', unitZh: '人', unitEn: 'people', kind: 'count', source: 'entered' },
  { code: 'D5.western_plan', direction: 'grassroots', nameZh: '“西部计划”招募', nameEn: 'Western China volunteer plan recruits', unitZh: '人', unitEn: 'people', kind: 'count', source: 'entered' },
  { code: 'D6.subsidies_paid', direction: 'private_sme', nameZh: '就业补贴发放（人次、户次）', nameEn: 'Employment subsidy payments', unitZh: '笔', unitEn: 'payments', kind: 'count', source: 'platform', metric: 'subsidies_paid', basisZh: '个体工商户实际运营奖励等补贴' },
  { code: 'D7.public_service_posts', direction: 'public_soe', nameZh: '高校毕业生公共服务岗位', nameEn: 'Public-service posts for graduates', unitZh: '个', unitEn: 'posts', kind: 'count', source: 'entered', planGoal: 475, basisZh: '开发475个非营利性公共服务岗位' },
  { code: 'D7.soe_graduate_hires', direction: 'public_soe', nameZh: '国有企业吸纳应届高校毕业生', nameEn: 'Graduates hired by state-owned enterprises', unitZh: '人', unitEn: 'people', kind: 'count', source: 'entered' },
];

/** The indicator catalogue, seeded from the plan: four platform counts per direction, then the plan's own indicators. */
export const INDICATORS: readonly Indicator[] = [...platformIndicators, ...planIndicators];
const BY_CODE = new Map(INDICATORS.map((i) => [i.code, i]));

export function indicator(code: string): Indicator | undefined {
  return BY_CODE.get(code);
}

/** The summary sheet's figure per direction: platform hires in that direction. */
export const headlineIndicator = (direction: PolicyDirectionCode): string => `${POLICY_DIRECTIONS.find((d) => d.code === direction)!.short}.hires`;

/**
 * The plan's member units (领导小组成员单位) that report beside the cities and counties. Their codes are stable
 * identifiers of this platform ('unit:' + a short name); the province administrator reports for them.
 */
export const MEMBER_UNITS: readonly { code: string; nameZh: string; nameEn: string }[] = [
  { code: 'unit:drc', nameZh: '省发展改革委', nameEn: 'Development and Reform Commission' },
  { code: 'unit:edu', nameZh: '省教育厅', nameEn: 'Department of Education' },
  { code: 'unit:civil', nameZh: '省民政厅', nameEn: 'Department of Civil Affairs' },
  { code: 'unit:justice', nameZh: '省司法厅', nameEn: 'Department of Justice' },
  { code: 'unit:finance', nameZh: '省财政厅', nameEn: 'Department of Finance' },
  { code: 'unit:hrss', nameZh: '省人力资源社会保障厅', nameEn: 'Department of Human Resources and Social Security' },
  { code: 'unit:housing', nameZh: '省住房城乡建设厅', nameEn: 'Department of Housing and Urban-Rural Development' },
  { code: 'unit:commerce', nameZh: '省商务厅', nameEn: 'Department of Commerce' },
  { code: 'unit:tourism', nameZh: '省旅游和文化广电体育厅', nameEn: 'Department of Tourism, Culture, Radio, Television and Sports' },
  { code: 'unit:health', nameZh: '省卫生健康委', nameEn: 'Health Commission' },
  { code: 'unit:sasac', nameZh: '省国资委', nameEn: 'State-owned Assets Supervision and Administration Commission' },
  { code: 'unit:union', nameZh: '省总工会', nameEn: 'Federation of Trade Unions' },
  { code: 'unit:youth', nameZh: '团省委', nameEn: 'Communist Youth League provincial committee' },
  { code: 'unit:women', nameZh: '省妇联', nameEn: "Women's Federation" },
];

export const isMemberUnit = (reporter: string): boolean => reporter.startsWith('unit:');
