import type { Tier } from '@app/demo-data';
import { decide, Decision, RuleCode, RuleFacts } from '@app/subsidies';
import { FACTS_ARBITRARIES, TEST_PARAMETERS } from '@app/subsidies/testing';
import fc from 'fast-check';
import { elapsedMs, fromTimes, measure, report } from './measure';

/** The claim mix of a county office (apply-free G1 claims dominate), and the S1 register entries beside them. */
const MIX: [RuleCode, number][] = [['G1', 0.45], ['T1', 0.2], ['I1', 0.1], ['I2', 0.05], ['T2', 0.03], ['P1', 0.05], ['J1', 0.07], ['S1', 0.05]];

interface Claim {
  id: string;
  rule: RuleCode;
}

/** Seeded facts for `n` claims in the mix, every piece of evidence sometimes missing (the property tests' generators). */
function sampleClaims(n: number, seed: number): { claims: Claim[]; evidence: Map<string, RuleFacts[RuleCode]> } {
  const claims: Claim[] = [];
  const evidence = new Map<string, RuleFacts[RuleCode]>();
  for (const [rule, share] of MIX) {
    const count = Math.round(n * share);
    const facts = fc.sample(FACTS_ARBITRARIES[rule] as fc.Arbitrary<RuleFacts[RuleCode]>, { seed: seed + rule.charCodeAt(0) * 31 + rule.charCodeAt(1), numRuns: count });
    facts.forEach((f, k) => {
      const id = `${rule}-${k}`;
      claims.push({ id, rule });
      evidence.set(id, f);
    });
  }
  // Interleaved as a claims table would hold them, not grouped by rule: a seeded shuffle.
  const random = fc.sample(fc.nat(), { seed, numRuns: claims.length });
  const order = claims.map((_, k) => k).sort((a, b) => random[a] - random[b] || a - b);
  return { claims: order.map((k) => claims[k]), evidence };
}

/**
 * S1-RULES (policy.md S1): the rule kernel alone, decisions per second on one core (Node runs it on one thread),
 * over the claim mix. Target >= 50,000.
 */
export function benchSubsidyRules(tier: Tier, seed: number): void {
  const n = 50_000;
  const { claims, evidence } = sampleClaims(n, seed);
  const facts = claims.map((c) => [c.rule, evidence.get(c.id)!] as const);
  let eligible = 0;
  // One warm-up pass: the figure is the steady state of a nightly or on-demand run.
  for (const [rule, f] of facts) decide(rule, f as never, TEST_PARAMETERS);
  const cpuBefore = process.cpuUsage();
  const result = measure('S1-RULES', tier, seed, facts.length, 'decisions/s', 5, () => {
    eligible = 0;
    for (const [rule, f] of facts) if (decide(rule, f as never, TEST_PARAMETERS).outcome === 'eligible') eligible++;
  });
  const cpu = process.cpuUsage(cpuBefore);
  // On a shared machine the wall clock counts time spent waiting for a core; CPU time (GC threads included) does not.
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  report({
    ...result,
    target: '>= 50000 decisions/s per core',
    decisions_per_cpu_second: Math.round((facts.length * 5) / cpuSeconds),
    eligible_share: Math.round((eligible / facts.length) * 1000) / 1000,
  } as never);
}

/**
 * S2-REEVALUATE (policy.md S2): 100k claims re-evaluated in memory on a new decision day: facts read from in-memory
 * stub ports (a Map per claim), every rule decided, the decision record (rule version, parameters, checks, reasons)
 * serialised as it would be stored, outcomes counted. Target <= 60 s.
 */
export function benchSubsidyReevaluation(tier: Tier, seed: number): void {
  const n = 100_000;
  const { claims, evidence } = sampleClaims(n, seed);
  const outcomes = { eligible: 0, ineligible: 0, needs_review: 0 };
  let bytes = 0;
  const times: number[] = [];
  for (let round = 0; round < 3; round++) {
    const started = process.hrtime.bigint();
    outcomes.eligible = outcomes.ineligible = outcomes.needs_review = 0;
    bytes = 0;
    for (const claim of claims) {
      const stored = evidence.get(claim.id)!;
      const facts = 'asOf' in stored ? { ...stored, asOf: '2026-12-07' } : stored;
      const decision: Decision = decide(claim.rule, facts as never, TEST_PARAMETERS);
      bytes += JSON.stringify({ claimId: claim.id, decision }).length;
      outcomes[decision.outcome]++;
    }
    times.push(elapsedMs(started));
  }
  report({
    ...fromTimes('S2-REEVALUATE', tier, seed, claims.length, 'claims/s', times),
    target: '<= 60000 ms for 100k claims',
    ...outcomes,
    record_bytes_avg: Math.round(bytes / claims.length),
  } as never);
}
