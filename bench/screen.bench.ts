import { generateDataset, Tier, TIER_SIZES } from '@app/demo-data';
import { createScreener, RULE_SET_V1, RULE_SET_VERSION, screenPosting } from '@app/posting-screen';
import { evaluateAdLines, loadAdLines, type AdLineFigures } from '@app/posting-screen/testing';
import { measure, report } from './measure';

const round = (x: number): number => Math.round(x * 1000) / 1000;

function summary(f: AdLineFigures): Record<string, unknown> {
  return {
    id: 'Q-SCREEN',
    ruleSet: RULE_SET_VERSION,
    split: f.split,
    lines: f.lines,
    heldRecall: round(f.heldRecall),
    warningRecall: round(f.warningRecall),
    lawfulFalsePositiveRate: round(f.lawfulFalsePositiveRate),
    denialLines: f.denialLines,
    denialBlocked: f.denialBlocked,
    categories: Object.fromEntries(
      f.categories.map((c) => [c.label, { support: c.support, precision: round(c.precision), recall: round(c.recall) }]),
    ),
  };
}

/**
 * SCREEN: the posting screen on the labelled real ad lines (libs/posting-screen/data/corpus), one JSON line per split
 * (dev, held-out) with precision and recall per category and every miss on stderr; then throughput on generated
 * shortage descriptions (~280 characters) and on the real lines, each beside rule set 2025.1 in the same run (the
 * machine is shared: the ratio holds when absolute rates drift).
 */
export function benchScreen(tier: Tier, seed: number): void {
  const lines = loadAdLines();
  for (const split of ['dev', 'heldout'] as const) {
    const figures = evaluateAdLines(lines, (text) => screenPosting({ description: text }), split);
    console.log(JSON.stringify(summary(figures)));
    for (const miss of figures.misses) console.error(`SCREEN miss ${split} ${miss.id} ${miss.label}/${miss.kind} got ${miss.verdict}: ${miss.text}`);
  }
  const dataset = generateDataset({ seed, tier });
  const n = Math.min(TIER_SIZES[tier].shortages, 20_000);
  const postings = [...dataset.shortages(0, n)].map((s) => ({ description: s.description, shifts: s.shifts }));
  const previous = createScreener(RULE_SET_V1);
  for (const [id, screen] of [['SCREEN', screenPosting], ['SCREEN-2025.1', previous]] as const) {
    report(measure(id, tier, seed, n, 'postings/s', 5, () => {
      for (const posting of postings) screen(posting, { monthlyWageMin: 3000, minimumWage: 2010 });
    }));
  }
  // CPU time drifts less than wall time when other processes share the cores.
  for (const [id, screen] of [['SCREEN', screenPosting], ['SCREEN-2025.1', previous]] as const) {
    const started = process.cpuUsage();
    for (let pass = 0; pass < 3; pass++) for (const posting of postings) screen(posting, { monthlyWageMin: 3000, minimumWage: 2010 });
    const { user, system } = process.cpuUsage(started);
    const throughput = Math.round((3 * postings.length) / ((user + system) / 1e6));
    console.log(JSON.stringify({ id: `${id}-CPU`, tier, n: postings.length, throughput, unit: 'postings per CPU second' }));
  }
  report(measure('SCREEN-LINES', tier, seed, lines.length, 'lines/s', 5, () => {
    for (const line of lines) screenPosting({ description: line.text });
  }));
}
