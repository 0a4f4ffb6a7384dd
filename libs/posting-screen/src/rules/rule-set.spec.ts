import { compileRuleSet } from '../compile-rules';
import { findPatternMatches } from '../find-matches';
import { normalizePostingText } from '../normalize';
import { screenPosting } from '../screen';
import { CORPUS, loadAdLines, postingOf } from '../testing';
import { RULE_SET } from '.';

const SPEC_CODES = [
  'G1', 'G2', 'E1', 'R1', 'H1', 'D1', 'D2', 'D3', 'A1', 'A2', 'S1', 'S2', 'P1', 'P2', 'P3',
  'F1', 'F2', 'F3', 'F4', 'F5', 'F6', 'F7', 'F8', 'F9', 'F10', 'F11', 'F12', 'C1', 'M2',
];

const codesOf = (text: string): string[] => screenPosting({ description: text }).findings.map((f) => f.ruleCode);

describe('RULE_SET', () => {
  it('has a version and one rule per spec code', () => {
    expect(RULE_SET.version).toMatch(/^\d{4}\.\d+$/);
    expect(RULE_SET.rules.map((r) => r.code).sort()).toEqual([...SPEC_CODES].sort());
  });

  it.each(RULE_SET.rules.map((r) => [r.code, r] as const))('%s is complete and compiles', (_code, rule) => {
    expect(rule.category.zh && rule.category.en).toBeTruthy();
    expect(rule.basis).toMatch(/《|〔/);
    expect(rule.reason.zh && rule.reason.en).toBeTruthy();
    for (const source of [...rule.patterns, ...(rule.exceptions ?? []), ...(rule.modifiers ?? []).flatMap((m) => m.onlyIfMatchIncludes ?? [])]) {
      expect(() => new RegExp(source)).not.toThrow();
      expect(new RegExp(source).test('')).toBe(false);
    }
  });

  const examples = RULE_SET.rules.flatMap((r) => r.examples.map((phrase) => [r.code, phrase] as const));
  it.each(examples)('%s example %s triggers it', (code, phrase) => {
    expect(codesOf(phrase)).toContain(code);
  });

  const allowed = [
    ...RULE_SET.rules.flatMap((r) => (r.mustNotTrigger ?? []).map((phrase) => [r.code, phrase] as const)),
    ...RULE_SET.lawfulPreferences.map((phrase) => ['lawful preference', phrase] as const),
  ];
  it.each(allowed)('%s: %s triggers nothing', (_code, phrase) => {
    expect(codesOf(phrase)).toEqual([]);
  });

  it('every trigger is present wherever its rule matches, in every labelled text and example', () => {
    const texts = [
      ...CORPUS.flatMap((e) => Object.values(postingOf(e)).filter((t): t is string => !!t)),
      ...loadAdLines().map((l) => l.text),
      ...RULE_SET.rules.flatMap((r) => r.examples),
    ].map((t) => normalizePostingText(t).normalized);
    const wrong: string[] = [];
    for (const rule of compileRuleSet(RULE_SET).rules) {
      if (!rule.trigger) continue;
      for (const text of texts) if (findPatternMatches(rule, text).length && !rule.trigger.test(text)) wrong.push(`${rule.rule.code}: ${text}`);
    }
    expect(wrong).toEqual([]);
  });
});

