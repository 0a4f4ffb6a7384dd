/**
 * Why a candidate list or a recommendation list is empty: a code with its parameters, and the text in Chinese and
 * English (the web console renders the code through its own i18n files; other clients use zh/en).
 */
export type EmptyReasonCode =
  /** A match for this record is queued or running, or no matching has run yet. */
  | 'matching_pending'
  /** The shortage is not open (draft, filled, closed, expired): it is not matched. */
  | 'shortage_not_open'
  /** No coordinates, and nobody (no job) of the trade in its county: only the region could be matched. */
  | 'location_missing'
  /** The record has a location, and nobody of this occupation group (no job of the wanted occupations) is within reach. */
  | 'none_in_reach'
  /** Some are within reach, none meets the required skills or certificates (`nearFit` of them miss one or two). */
  | 'none_eligible'
  /** Some fit, but their places went to better matches (shortlist sizes, each seeker's recommendation limit) or were dismissed. */
  | 'all_taken'
  /** An employer's view: the officer has sent no candidate yet. */
  | 'none_sent';

export interface EmptyReason {
  code: EmptyReasonCode;
  /** Counts behind the reason: seekers (or jobs) within reach, near fits. */
  params: { inReach?: number; nearFit?: number; regionOnly?: boolean };
  zh: string;
  en: string;
}

type Side = 'shortage' | 'seeker';

/** The bilingual text of an empty-list reason, for the officer's candidate list ('shortage') or a seeker's recommendations ('seeker'). */
export function emptyReason(side: Side, code: EmptyReasonCode, params: EmptyReason['params'] = {}): EmptyReason {
  const { zh, en } = TEXT[code](side, params);
  return { code, params, zh, en };
}

const TEXT: Record<EmptyReasonCode, (side: Side, p: EmptyReason['params']) => { zh: string; en: string }> = {
  matching_pending: () => ({
    zh: '匹配正在进行或尚未运行，完成后自动显示结果。',
    en: 'Matching is running or has not run yet; results appear when it completes.',
  }),
  shortage_not_open: () => ({
    zh: '该岗位未在招聘中（草稿、已招满、已关闭或已过期），不参与匹配。',
    en: 'This shortage is not open (draft, filled, closed or expired), so it is not matched.',
  }),
  location_missing: (side, p) =>
    side === 'shortage'
      ? {
          zh: p.regionOnly
            ? '岗位未定位，且所在地只填写到省，无法按区县匹配。请补充详细工作地址（或在地图上定位），定位后将按通勤距离重新匹配。'
            : '岗位未定位，目前只能按所在区县匹配，而该区县暂无该职业的求职者。请补充详细工作地址（或在地图上定位），定位后将按通勤距离匹配周边区县的求职者。',
          en: p.regionOnly
            ? 'The shortage has no location and its region is only the province, so it cannot be matched by county. Add the full work address (or drop a pin); it is then matched by travel distance.'
            : 'The shortage has no location, so it is matched by county only, and no seeker of this occupation lives in its county. Add the full work address (or drop a pin) to match seekers nearby by travel distance.',
        }
      : {
          zh: p.regionOnly
            ? '您的位置未定位，且所在地只填写到省，无法按区县推荐。请在“我的资料”中填写居住地址或所在镇街。'
            : '您的位置未定位，目前只能按所在区县推荐，而该区县暂无相符的在招岗位。请在“我的资料”中填写居住地址或所在镇街，即可按通勤距离推荐周边岗位。',
          en: p.regionOnly
            ? 'Your location is not known and your region is only the province, so nothing can be matched by county. Add your home address or township in your profile.'
            : 'Your location is not known, so jobs are matched by county only, and none in your county fits. Add your home address or township in your profile to get jobs nearby by travel distance.',
        },
  none_in_reach: (side) =>
    side === 'shortage'
      ? {
          zh: '通勤范围内暂无该职业（同一职业中类）的求职者。可放宽职业要求、扩大招聘区域，或申请举办专场招聘会。',
          en: 'No seeker of this occupation group lives within travel reach. Consider wider occupation requirements, a wider area, or a recruitment event.',
        }
      : {
          zh: '通勤范围内暂无与您求职意向相符的在招岗位。可扩大通勤范围或增加求职意向。',
          en: 'No open job matching your wanted occupations is within your travel reach. Try a wider travel radius or more wanted occupations.',
        },
  none_eligible: (side, p) =>
    side === 'shortage'
      ? {
          zh: `通勤范围内有 ${p.inReach ?? 0} 名该职业的求职者，但都不满足必需的技能或证书要求${p.nearFit ? `（其中 ${p.nearFit} 人只差一两项，已列入培训推荐）` : ''}。`,
          en: `${p.inReach ?? 0} seekers of this occupation are within reach, but none holds the required skills or certificates${p.nearFit ? ` (${p.nearFit} miss only one or two and are referred to training)` : ''}.`,
        }
      : {
          zh: `通勤范围内有 ${p.inReach ?? 0} 个相关岗位，但您暂不满足其必需的技能或证书要求${p.nearFit ? `（其中 ${p.nearFit} 个只差一两项，见培训推荐）` : ''}。`,
          en: `${p.inReach ?? 0} related jobs are within reach, but you do not yet hold their required skills or certificates${p.nearFit ? ` (${p.nearFit} need only one or two more; see training referrals)` : ''}.`,
        },
  all_taken: (side, p) =>
    side === 'shortage'
      ? {
          zh: `有 ${p.inReach ?? 0} 名符合条件的求职者，但他们已推荐给更匹配的岗位（每人推荐数有上限）或已被排除。`,
          en: `${p.inReach ?? 0} seekers fit, but they went to better-matching shortages (each seeker has a recommendation limit) or were dismissed.`,
        }
      : {
          zh: `有 ${p.inReach ?? 0} 个岗位符合条件，但其候选名单已由更匹配的求职者占满，或已被您标记为不感兴趣。`,
          en: `${p.inReach ?? 0} jobs fit, but their shortlists are taken by closer matches, or you marked them not interested.`,
        },
  none_sent: () => ({
    zh: '服务专员尚未向贵单位推荐候选人。',
    en: 'Your service officer has not sent any candidates yet.',
  }),
};
