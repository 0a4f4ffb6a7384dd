export { createScreener, screenPosting } from './screen';
export { normalizePostingText } from './normalize';
export { RULE_SET, RULE_SET_VERSION, RULE_SET_V1, RULE_SET_V2 } from './rules';
export { minimumMonthlyWage, MINIMUM_WAGE_TABLE, YANGPU_CODE, type MinimumWageStandard } from './minimum-wage';
export type {
  EmployerAction,
  ModifierCondition,
  PostingText,
  RuleCode,
  RuleDefinition,
  RuleSet,
  RuleVerdict,
  ScreenContext,
  ScreenFinding,
  ScreenResult,
  ScreenVerdict,
  VerdictModifier,
} from './types';
