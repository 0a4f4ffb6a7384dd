import { screenPosting } from '@app/posting-screen';

/** 井下采矿工: work barred to women (女职工劳动保护特别规定), where a men-only condition goes to review. */
const BARRED_TO_WOMEN_OCCUPATION = '6-16-01-05';

/** Men-only wordings, the plainest first; the running rule set decides which of them it holds for review. */
const MEN_ONLY_LINES = ['只招男性，从事井下采矿作业', '只招男工，井下作业', '限男性，井下作业', '仅限男性，矿井井下作业'];

/**
 * A posting that admits men only for underground mining: the first wording the running rule set sends to REVIEW,
 * so tests follow the verdict kind rather than one rule-set version's phrasing.
 */
export function menOnlyPostingForReview(): { title: string; occupationCode: string; description: string } {
  const title = '井下采矿工';
  for (const description of MEN_ONLY_LINES) {
    if (screenPosting({ title, description }, { occupationCode: BARRED_TO_WOMEN_OCCUPATION }).verdict === 'REVIEW') {
      return { title, occupationCode: BARRED_TO_WOMEN_OCCUPATION, description };
    }
  }
  throw new Error('no men-only wording goes to REVIEW under the running rule set');
}
