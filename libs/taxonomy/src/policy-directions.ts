/**
 * The seven directions of job development of Hainan's 2025 employment plan (二、推进实施岗位开发计划的重点方向,
 * items (一)–(七)), as a code list: every shortage carries one (or none), and hires and events are counted by the
 * direction of the shortages they fill or recruit for. `D1`–`D7` are the design notes' short names (policy.md).
 */
export const POLICY_DIRECTION_CODES = ['advanced_manufacturing', 'consumption', 'major_projects', 'livelihood', 'grassroots', 'private_sme', 'public_soe'] as const;
export type PolicyDirectionCode = (typeof POLICY_DIRECTION_CODES)[number];

export interface PolicyDirection {
  code: PolicyDirectionCode;
  /** D1–D7. */
  short: string;
  /** The plan's item, 二（一）–二（七）. */
  section: string;
  nameZh: string;
  nameEn: string;
  /** The item's heading in the plan. */
  headingZh: string;
}

export const POLICY_DIRECTIONS: readonly PolicyDirection[] = [
  { code: 'advanced_manufacturing', short: 'D1', section: '二（一）', nameZh: '先进制造业', nameEn: 'Advanced manufacturing', headingZh: '挖掘先进制造等新质生产力就业潜力' },
  { code: 'consumption', short: 'D2', section: '二（二）', nameZh: '服务消费', nameEn: 'Consumption and services', headingZh: '推动消费新热点转化为就业新渠道' },
  { code: 'major_projects', short: 'D3', section: '二（三）', nameZh: '重大项目', nameEn: 'Major projects', headingZh: '放大重大工程项目建设就业增量' },
  { code: 'livelihood', short: 'D4', section: '二（四）', nameZh: '民生保障', nameEn: 'Livelihood services', headingZh: '围绕保障重点民生服务促进就业' },
  { code: 'grassroots', short: 'D5', section: '二（五）', nameZh: '基层就业', nameEn: 'Grassroots service', headingZh: '拓宽劳动者城乡基层服务空间' },
  { code: 'private_sme', short: 'D6', section: '二（六）', nameZh: '民营中小企业', nameEn: 'Private, small and micro firms', headingZh: '提高民营企业、中小微企业和个体工商户就业吸引力' },
  { code: 'public_soe', short: 'D7', section: '二（七）', nameZh: '国有企业和公共部门', nameEn: 'Public institutions and SOEs', headingZh: '稳定事业单位和国有企业招聘规模' },
];

const BY_CODE = new Map<string, PolicyDirection>(POLICY_DIRECTIONS.map((d) => [d.code, d]));

export function policyDirection(code: string): PolicyDirection | undefined {
  return BY_CODE.get(code);
}

export function isPolicyDirectionCode(value: unknown): value is PolicyDirectionCode {
  return typeof value === 'string' && BY_CODE.has(value);
}

/** SQL list of the codes, for CHECK constraints and filters. */
export const POLICY_DIRECTION_SQL_LIST = POLICY_DIRECTION_CODES.map((code) => `'${code}'`).join(', ');
