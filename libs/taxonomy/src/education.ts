/**
 * The education ladder (学历), lowest rung first: the one home of the levels, their order and their Chinese names.
 * `none` is what a posting says when it asks for nothing (不限) and what a seeker says without schooling on record;
 * it is a valid answer, not a rung.
 */
export const EDUCATION_LADDER = ['primary', 'junior_high', 'senior_high', 'vocational', 'college', 'bachelor', 'master'] as const;
export type EducationLevel = (typeof EDUCATION_LADDER)[number];

/** What a posting or a profile may state: `none` or a rung. */
export const EDUCATION_CHOICES = ['none', ...EDUCATION_LADDER] as const;
export type EducationChoice = (typeof EDUCATION_CHOICES)[number];

export const EDUCATION_NAMES_ZH: Readonly<Record<EducationChoice, string>> = {
  none: '不限',
  primary: '小学',
  junior_high: '初中',
  senior_high: '高中',
  vocational: '中专/技校',
  college: '大专',
  bachelor: '本科',
  master: '硕士研究生',
};

/** The rung of an education level, 0 for primary; -1 for `none` and anything not on the ladder. */
export const educationRank = (education: string): number => (EDUCATION_LADDER as readonly string[]).indexOf(education);

/**
 * Whether a posting asks for more schooling than a seeker has. Unknown on either side (null, `none` asked) asks for
 * nothing; a seeker with `none` or an unknown level is below any rung.
 */
export function educationBelow(asked: string | null | undefined, has: string | null | undefined): boolean {
  if (!asked || !has) return false;
  return educationRank(asked) > educationRank(has);
}
