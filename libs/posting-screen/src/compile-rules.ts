import { pinyinKeys } from './pinyin';
import type { RuleDefinition, RuleSet, VerdictModifier } from './types';

export interface CompiledModifier extends VerdictModifier {
  matchFilter?: RegExp;
}

export interface CompiledRule {
  rule: RuleDefinition;
  /** All patterns as one alternation (global), for the first scan. */
  pattern?: RegExp;
  trigger?: RegExp;
  /** Each pattern alone (sticky), to look for a longer match where the first one was masked. */
  stickyPatterns: RegExp[];
  exception?: RegExp;
  /** Latin keys of `pinyinPhrases`, matched against the pinyin stream, and the phrase of each key. */
  pinyin?: RegExp;
  phraseOfKey: Map<string, string>;
  modifiers: CompiledModifier[];
}

export interface CompiledRuleSet {
  ruleSet: RuleSet;
  rules: CompiledRule[];
  barredToWomenKeywords: RegExp;
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const union = (sources: readonly string[], flags: string): RegExp | undefined =>
  sources.length ? new RegExp(sources.map((s) => `(?:${s})`).join('|'), flags) : undefined;

function compileRule(rule: RuleDefinition): CompiledRule {
  const phraseOfKey = new Map<string, string>();
  for (const phrase of rule.pinyinPhrases ?? []) for (const key of pinyinKeys(phrase)) phraseOfKey.set(key, phrase);
  const keys = [...phraseOfKey.keys()].sort((a, b) => b.length - a.length);
  return {
    rule,
    pattern: union(rule.patterns, 'g'),
    trigger: rule.trigger ? new RegExp(rule.trigger) : undefined,
    stickyPatterns: rule.patterns.map((source) => new RegExp(source, 'y')),
    exception: union(rule.exceptions ?? [], 'g'),
    pinyin: union(keys.map(escapeRegExp), 'g'),
    phraseOfKey,
    modifiers: (rule.modifiers ?? []).map((modifier) => ({
      ...modifier,
      matchFilter: modifier.onlyIfMatchIncludes ? new RegExp(modifier.onlyIfMatchIncludes) : undefined,
    })),
  };
}

/** Compiles every regular expression of a rule set once; screening reuses the result. */
export function compileRuleSet(ruleSet: RuleSet): CompiledRuleSet {
  return {
    ruleSet,
    rules: ruleSet.rules.map(compileRule),
    barredToWomenKeywords: new RegExp(ruleSet.barredToWomen.keywords.map(escapeRegExp).join('|')),
  };
}
