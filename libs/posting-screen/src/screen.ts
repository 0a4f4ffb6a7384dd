import { compileRuleSet, type CompiledRule, type CompiledRuleSet } from './compile-rules';
import { findPatternMatches, findPinyinMatches, type Span } from './find-matches';
import { normalizeWithOrigin, type NormalizedText } from './normalize';
import { buildPinyinStream, type PinyinStream } from './pinyin';
import { RULE_SET } from './rules';
import type {
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
} from './types';


const SEVERITY: Record<ScreenVerdict, number> = { PASS: 0, WARN: 1, REVIEW: 2, BLOCK: 3 };

/** Two latin letters in a row: only then can a phrase have been typed in pinyin. */
const LATIN_PAIR = /[a-z]{2}/;

interface ScreenedField {
  field: string;
  original: string;
  normalized: NormalizedText;
}

interface PostingFacts {
  compiled: CompiledRuleSet;
  byCode: ReadonlyMap<RuleCode, CompiledRule>;
  context: ScreenContext;
  barredToWomen: boolean;
}

function conditionHolds(condition: ModifierCondition, facts: PostingFacts): boolean {
  const { context } = facts;
  switch (condition.kind) {
    case 'occupationBarredToWomen':
      return facts.barredToWomen;
    case 'publicPost':
      return context.isPublicPost === true;
    case 'graduateEvent':
      return context.isGraduateEvent === true;
    case 'priorF7Count':
      return (context.priorF7Count ?? 0) >= condition.atLeast;
    case 'wageAboveRegionNorm':
      return (
        context.monthlyWageMin !== undefined &&
        context.regionNormWage !== undefined &&
        context.regionNormWage > 0 &&
        context.monthlyWageMin >= condition.ratio * context.regionNormWage
      );
  }
}

function makeFinding(rule: RuleDefinition, field: string, matchedText: string, verdict: RuleVerdict = rule.verdict): ScreenFinding {
  const finding: ScreenFinding = {
    ruleCode: rule.code,
    verdict,
    field,
    matchedText,
    basis: rule.basis,
    reasonZh: rule.reason.zh,
    reasonEn: rule.reason.en,
  };
  if (rule.employerAction) finding.employerAction = rule.employerAction;
  return finding;
}

/** Applies the first of the rule's modifiers whose condition holds. */
function applyModifiers(compiled: CompiledRule, finding: ScreenFinding, normalizedMatch: string, facts: PostingFacts): void {
  for (const modifier of compiled.modifiers) {
    if (!conditionHolds(modifier.when, facts)) continue;
    if (modifier.matchFilter && !modifier.matchFilter.test(normalizedMatch)) continue;
    finding.verdict = modifier.verdict;
    finding.modifierNote = modifier.note;
    return;
  }
}

const overlaps = (spans: Span[], span: Span): boolean =>
  spans.some((other) => other.start < span.end && span.start < other.end);

function screenField(screened: ScreenedField, facts: PostingFacts, findings: ScreenFinding[]): void {
  const { text, originStart, originEnd } = screened.normalized;
  let stream: PinyinStream | undefined;
  const wantsPinyin = LATIN_PAIR.test(text);
  for (const compiled of facts.compiled.rules) {
    const spans = compiled.trigger && !compiled.trigger.test(text) ? [] : findPatternMatches(compiled, text);
    if (compiled.pinyin && wantsPinyin) {
      stream ??= buildPinyinStream(text);
      for (const span of findPinyinMatches(compiled, stream)) if (!overlaps(spans, span)) spans.push(span);
    }
    for (const span of spans) {
      const start = originStart[span.start];
      const end = originEnd[span.end - 1];
      const finding = makeFinding(compiled.rule, screened.field, screened.original.slice(start, end));
      finding.start = start;
      finding.end = end;
      applyModifiers(compiled, finding, span.phrase ?? text.slice(span.start, span.end), facts);
      findings.push(finding);
    }
  }
}


/** Findings from the structured facts: ages, pay against the minimum wage and the region norm. */
function screenContext(facts: PostingFacts, findings: ScreenFinding[]): void {
  const { context, byCode } = facts;
  const rule = (code: RuleCode): CompiledRule => byCode.get(code)!;
  const { minimumWorkingAge, ageCeilingExemptFrom } = facts.compiled.ruleSet;
  if (context.ageMin !== undefined && context.ageMin < minimumWorkingAge) {
    findings.push(makeFinding(rule('A2').rule, 'ageMin', `ageMin=${context.ageMin}`));
  } else if (context.ageMax !== undefined && context.ageMax < minimumWorkingAge) {
    findings.push(makeFinding(rule('A2').rule, 'ageMax', `ageMax=${context.ageMax}`));
  } else if (context.ageMax !== undefined && context.ageMax < ageCeilingExemptFrom) {
    findings.push(makeFinding(rule('A1').rule, 'ageMax', `ageMax=${context.ageMax}`));
  }
  if (
    context.monthlyWageMin !== undefined &&
    context.minimumWage !== undefined &&
    context.monthlyWageMin < context.minimumWage
  ) {
    findings.push(
      makeFinding(rule('M2').rule, 'monthlyWageMin', `monthlyWageMin=${context.monthlyWageMin} < minimumWage=${context.minimumWage}`),
    );
  }
  if (context.seekerFeeYuan !== undefined && context.seekerFeeYuan > 0) {
    findings.push(makeFinding(rule('F1').rule, 'seekerFeeYuan', `seekerFeeYuan=${context.seekerFeeYuan}`));
  }
  const { headcount, employerStaffMax } = context;
  if (byCode.has('F12') && headcount !== undefined && employerStaffMax !== undefined && headcount >= massHiringThreshold(employerStaffMax)) {
    findings.push(makeFinding(rule('F12').rule, 'headcount', `headcount=${headcount} vs employerStaffMax=${employerStaffMax}`));
  }
  // Pay far above the norm is an F8 finding even without hype words; with them, the text finding is raised.
  const f8 = rule('F8');
  if (!findings.some((f) => f.ruleCode === 'F8')) {
    const finding = makeFinding(
      f8.rule,
      'monthlyWageMin',
      `monthlyWageMin=${context.monthlyWageMin} vs regionNormWage=${context.regionNormWage}`,
    );
    applyModifiers(f8, finding, '', facts);
    if (finding.modifierNote) findings.push(finding);
  }
}

/** A posting seeking this many people from an employer of this size is held: twice its staff, and at least 50. */
export function massHiringThreshold(employerStaffMax: number): number {
  return Math.max(50, 2 * employerStaffMax);
}

function mostSevere(findings: ScreenFinding[]): ScreenVerdict {
  let verdict: ScreenVerdict = 'PASS';
  for (const finding of findings) if (SEVERITY[finding.verdict] > SEVERITY[verdict]) verdict = finding.verdict;
  return verdict;
}

/** A screen over one rule set: every regular expression is compiled once, here. */
export function createScreener(ruleSet: RuleSet): (input: PostingText, context?: ScreenContext) => ScreenResult {
  const compiled = compileRuleSet(ruleSet);
  const byCode = new Map<RuleCode, CompiledRule>(compiled.rules.map((r) => [r.rule.code, r]));
  const { occupationCodePrefixes } = ruleSet.barredToWomen;
  return (input, context = {}) => {
    const fields: ScreenedField[] = [];
    for (const [field, value] of Object.entries(input)) {
      if (typeof value === 'string' && value.length > 0) {
        fields.push({ field, original: value, normalized: normalizeWithOrigin(value) });
      }
    }
    const facts: PostingFacts = {
      compiled,
      byCode,
      context,
      barredToWomen:
        (context.occupationCode !== undefined && occupationCodePrefixes.some((p) => context.occupationCode!.startsWith(p))) ||
        fields.some((f) => compiled.barredToWomenKeywords.test(f.normalized.text)),
    };
    const findings: ScreenFinding[] = [];
    for (const field of fields) screenField(field, facts, findings);
    screenContext(facts, findings);
    return { verdict: mostSevere(findings), ruleSetVersion: ruleSet.version, findings };
  };
}

const screenWithRuleSetInForce = createScreener(RULE_SET);

/**
 * Screens a posting for discrimination and fraud (docs/posting-screen.md) with the rule set in force
 * (`RULE_SET_VERSION`). Every string field of `input` is normalised once and matched against the rule set;
 * `context` adds structured facts. Pure: no I/O, no clock.
 */
export function screenPosting(input: PostingText, context: ScreenContext = {}): ScreenResult {
  return screenWithRuleSetInForce(input, context);
}
