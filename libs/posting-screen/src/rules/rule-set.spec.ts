import { screenPosting } from '../screen';
import { RULE_SET } from '.';

const SPEC_CODES = ['G1', 'G2', 'E1', 'R1', 'H1', 'D1', 'D2', 'A1', 'A2', 'S1', 'P1', 'F1', 'F2', 'F3', 'F4', 'F5', 'F6', 'F7', 'F8', 'M2'];

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
});
