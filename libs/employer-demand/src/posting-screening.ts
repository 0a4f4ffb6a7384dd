import { minimumMonthlyWage, screenPosting, ScreenResult } from '@app/posting-screen';
import { Employer, SIZE_CLASS_STAFF_MAX } from './employer.entity';
import { Shortage, StoredScreenResult } from './shortage.entity';

export interface ScreeningHistory {
  /** Earlier postings of the same employer with an off-platform-diversion (F7) finding. */
  priorDiversionFindings: number;
}

/** Screens a shortage's text with the facts the rules need (pay against the county's minimum wage, ownership, headcount against the employer's size). */
export function screenShortage(shortage: Shortage, employer: Employer, history: ScreeningHistory, now: Date): ScreenResult {
  return screenPosting(
    { title: shortage.title, description: shortage.description, shifts: shortage.shifts ?? '', trainingOffered: shortage.trainingOffered ?? '' },
    {
      occupationCode: shortage.occupationCode,
      monthlyWageMin: shortage.payBasis === 'monthly' ? shortage.wageMin : undefined,
      minimumWage: minimumMonthlyWage(shortage.regionCode, now),
      headcount: shortage.headcount,
      employerStaffMax: SIZE_CLASS_STAFF_MAX[employer.sizeClass],
      isPublicPost: employer.ownership === 'public_institution' || employer.ownership === 'soe',
      priorF7Count: history.priorDiversionFindings,
    },
  );
}

export function toStoredResult(result: ScreenResult, now: Date): StoredScreenResult {
  return {
    verdict: result.verdict,
    ruleSetVersion: result.ruleSetVersion,
    screenedAt: now.toISOString(),
    findings: result.findings.map(({ ruleCode, verdict, field, matchedText, basis, reasonZh, reasonEn }) => ({
      ruleCode, verdict, field, matchedText, basis, reasonZh, reasonEn,
    })),
  };
}
