import { CORPUS, postingOf } from './testing/corpus/corpus';
import { normalizePostingText } from './normalize';
import { RULE_SET } from './rules';
import { screenPosting } from './screen';
import type { PostingText, ScreenContext } from './types';

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

describe('labelled corpus', () => {
  const results = CORPUS.map((entry) => ({ entry, result: screenPosting(postingOf(entry), entry.context) }));
  const counts = new Map<string, Counts>(RULE_SET.rules.map((r) => [r.code, { tp: 0, fp: 0, fn: 0 }]));
  for (const { entry, result } of results) {
    const found = new Set<string>(result.findings.map((f) => f.ruleCode));
    const expected = new Set<string>(entry.expect);
    for (const [code, c] of counts) {
      if (found.has(code) && expected.has(code)) c.tp++;
      else if (found.has(code)) c.fp++;
      else if (expected.has(code)) c.fn++;
    }
  }
  const table = [...counts].map(([code, c]) => ({
    rule: code,
    support: c.tp + c.fn,
    tp: c.tp,
    fp: c.fp,
    fn: c.fn,
    precision: c.tp + c.fp ? c.tp / (c.tp + c.fp) : 1,
    recall: c.tp + c.fn ? c.tp / (c.tp + c.fn) : 1,
  }));

  it('is big enough and covers every rule', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(150);
    expect(new Set(CORPUS.map((e) => e.id)).size).toBe(CORPUS.length);
    for (const row of table) expect(row.support).toBeGreaterThan(0);
  });

  it('contains every example, must-not-trigger phrase and lawful preference of the rule set', () => {
    const texts = CORPUS.flatMap((e) => Object.values(postingOf(e))).map((t) => normalizePostingText(t ?? '').normalized);
    const phrases = [
      ...RULE_SET.rules.flatMap((r) => [...r.examples, ...(r.mustNotTrigger ?? [])]),
      ...RULE_SET.lawfulPreferences,
    ];
    const missing = phrases.filter((p) => !texts.some((t) => t.includes(normalizePostingText(p).normalized)));
    expect(missing).toEqual([]);
  });

  it('has recall 1 and precision >= 0.95 for every rule', () => {
    console.log(
      `Posting screen on ${CORPUS.length} labelled postings (rule set ${RULE_SET.version}):\n` +
        table
          .map((r) => `${r.rule.padEnd(3)} support ${String(r.support).padStart(3)}  tp ${String(r.tp).padStart(3)}  fp ${r.fp}  fn ${r.fn}  precision ${r.precision.toFixed(3)}  recall ${r.recall.toFixed(3)}`)
          .join('\n'),
    );
    const misses = results
      .filter(({ entry, result }) => {
        const found = [...new Set(result.findings.map((f) => f.ruleCode))].sort().join(',');
        return found !== [...entry.expect].sort().join(',');
      })
      .map(({ entry, result }) => `${entry.id}: expected [${entry.expect}] got ${result.findings.map((f) => `${f.ruleCode}:${f.matchedText}`)}`);
    expect(misses).toEqual([]);
    for (const row of table) {
      expect(row.recall).toBe(1);
      expect(row.precision).toBeGreaterThanOrEqual(0.95);
    }
  });

  it('gives the labelled verdict where the entry tests a context modifier', () => {
    const wrong = results
      .filter(({ entry, result }) => entry.verdict && entry.verdict !== result.verdict)
      .map(({ entry, result }) => `${entry.id}: expected ${entry.verdict} got ${result.verdict}`);
    expect(wrong).toEqual([]);
  });

  it('reports throughput', () => {
    const measure = (label: string, postings: (readonly [PostingText, ScreenContext | undefined])[]): void => {
      const rounds = 20;
      const started = process.hrtime.bigint();
      for (let i = 0; i < rounds; i++) for (const [posting, context] of postings) screenPosting(posting, context);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const chars = postings.reduce((sum, [p]) => sum + Object.values(p).join('').length, 0) / postings.length;
      const perSecond = Math.round((rounds * postings.length) / seconds);
      console.log(`Posting screen throughput, ${label}: ${perSecond} postings/s (average ${Math.round(chars)} characters)`);
      expect(perSecond).toBeGreaterThan(0);
    };
    measure('corpus snippets', CORPUS.map((e) => [postingOf(e), e.context] as const));
    // Full postings: four fields built from several corpus snippets each, latin included.
    const texts = CORPUS.map((e) => e.text ?? '').filter(Boolean);
    const full = texts.map((_, i) => {
      const pick = (k: number): string => texts[(i * 7 + k * 13) % texts.length];
      const posting: PostingText = {
        title: pick(0).slice(0, 12),
        description: [1, 2, 3, 4, 5, 6, 7, 8].map(pick).join(''),
        requirements: [9, 10, 11, 12].map(pick).join(''),
        benefits: [13, 14].map(pick).join(''),
      };
      return [posting, undefined] as const;
    });
    measure('full postings', full);
  });
});
