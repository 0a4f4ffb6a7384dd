/** Overall outcome of a screen, most severe first: BLOCK > REVIEW > WARN > PASS. */
export type ScreenVerdict = 'PASS' | 'WARN' | 'REVIEW' | 'BLOCK';

/** The verdict a single rule can give. */
export type RuleVerdict = Exclude<ScreenVerdict, 'PASS'>;

export type RuleCode =
  | 'G1' | 'G2' | 'E1' | 'R1' | 'H1' | 'D1' | 'D2' | 'D3' | 'A1' | 'A2' | 'S1' | 'S2' | 'P1' | 'P2' | 'P3'
  | 'F1' | 'F2' | 'F3' | 'F4' | 'F5' | 'F6' | 'F7' | 'F8' | 'F9' | 'F10' | 'F11' | 'F12' | 'C1' | 'M2';

/** What happens to the employer besides the verdict (spec: "employer flagged", "employer suspended"). */
export type EmployerAction = 'flag' | 'suspend';

/** The free-text fields of a posting; every string-valued field is screened. */
export interface PostingText {
  title?: string;
  description?: string;
  requirements?: string;
  benefits?: string;
  [field: string]: string | undefined;
}

/** Structured facts about the posting, supplied by the caller (no I/O happens while screening). */
export interface ScreenContext {
  /** Occupation code from 职业分类大典 2022, e.g. `6-16-01-05`. */
  occupationCode?: string;
  /** Lowest monthly pay offered, yuan. */
  monthlyWageMin?: number;
  /** The county's monthly minimum wage, yuan (see `minimumMonthlyWage`). */
  minimumWage?: number;
  /** Published median monthly pay for this occupation in the region, yuan. */
  regionNormWage?: number;
  /** People sought by the posting. */
  headcount?: number;
  /** Upper bound of the employer's staff size (its size class), people. */
  employerStaffMax?: number;
  /** A fee or deposit the posting's structured fields ask of the seeker, yuan (0 or absent: none). */
  seekerFeeYuan?: number;
  isGraduateEvent?: boolean;
  isPublicPost?: boolean;
  /** How many earlier postings of this employer had an F7 finding. */
  priorF7Count?: number;
  ageMin?: number;
  ageMax?: number;
}

export interface ScreenFinding {
  ruleCode: RuleCode;
  verdict: RuleVerdict;
  /** The posting field the match is in, or the context fact that triggered the rule. */
  field: string;
  /** The span as the user typed it (original text), or a description of the context fact. */
  matchedText: string;
  /** UTF-16 offsets of `matchedText` in the original field; absent for context findings. */
  start?: number;
  end?: number;
  basis: string;
  reasonZh: string;
  reasonEn: string;
  employerAction?: EmployerAction;
  /** Set when a context modifier changed the rule's verdict. */
  modifierNote?: string;
}

export interface ScreenResult {
  verdict: ScreenVerdict;
  ruleSetVersion: string;
  findings: ScreenFinding[];
}

/** A condition on the context (or the posting as a whole) that changes a rule's verdict. */
export type ModifierCondition =
  | { kind: 'occupationBarredToWomen' }
  | { kind: 'publicPost' }
  | { kind: 'graduateEvent' }
  | { kind: 'priorF7Count'; atLeast: number }
  | { kind: 'wageAboveRegionNorm'; ratio: number };

export interface VerdictModifier {
  when: ModifierCondition;
  verdict: RuleVerdict;
  /** Only findings whose normalised match also matches this pattern are modified. */
  onlyIfMatchIncludes?: string;
  note: string;
}

export interface RuleDefinition {
  code: RuleCode;
  category: { zh: string; en: string };
  verdict: RuleVerdict;
  /** Legal basis, in Chinese. */
  basis: string;
  reason: { zh: string; en: string };
  /** Regular-expression sources over the normalised text (see `normalize.ts`). */
  patterns: readonly string[];
  /**
   * Characters at least one of which every match of `patterns` contains, as a character class (`[男女]`):
   * text without any of them skips the rule's patterns (not its pinyin phrases). A speed-up only; the rule-set
   * spec checks it against every labelled text.
   */
  trigger?: string;
  /**
   * Phrases that must NOT trigger this rule, as regular-expression sources. A match is ignored only
   * when it lies entirely inside an exception's span, so `男女不限，限男性` still triggers.
   */
  exceptions?: readonly string[];
  /**
   * A match is dropped when a negation in the same clause governs it: 无押金, 不收取任何押金, 不需要培训、押金.
   * A negated match followed by an amount (无需经验，押金200元 is not negated: 押金 is followed by 200元) still counts.
   */
  negatable?: boolean;
  /** Chinese phrases that are also caught when typed in latin pinyin (`nan xing you xian`). */
  pinyinPhrases?: readonly string[];
  modifiers?: readonly VerdictModifier[];
  employerAction?: EmployerAction;
  /** Example phrases from the spec that must trigger, kept with the rule for reviewers and tests. */
  examples: readonly string[];
  /** Example phrases that must not trigger. */
  mustNotTrigger?: readonly string[];
}

export interface RuleSet {
  version: string;
  effectiveFrom: string;
  rules: readonly RuleDefinition[];
  /**
   * Work barred to women (女职工劳动保护特别规定, 附录 第一条 矿山井下作业); G1's REVIEW modifier
   * uses it. Matched by occupation code prefix or by keyword in the posting text.
   */
  barredToWomen: {
    basis: string;
    occupationCodePrefixes: readonly string[];
    keywords: readonly string[];
  };
  /** Lawful preferences for the policy's priority groups; they must never change a verdict. */
  lawfulPreferences: readonly string[];
  /** A stated age ceiling at or above this age is not an A1 finding (statutory retirement ages). */
  ageCeilingExemptFrom: number;
  /** Below this age is child labour (A2). */
  minimumWorkingAge: number;
}
