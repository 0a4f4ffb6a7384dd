import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { generateDataset, Tier, TIER_SIZES } from '@app/demo-data';
import { benchEventPlanning, benchPlannerQuality } from './event-planning.bench';
import { benchEarlyWarningIndicators } from './early-warning.bench';
import { benchImportToAlert, benchLayoffToEvent } from './early-warning-flow.bench';
import { benchPlanCompile, benchPlanWorkbook } from './development-plan.bench';
import { benchGeocoding } from './geocoding.bench';
import { benchHttpReads } from './http-reads.bench';
import { benchImport } from './import.bench';
import { benchIncrementalIndex, benchIngest } from './ingest.bench';
import { benchAllocation, benchExplanations, benchScoringKernel } from './matching-kernel.bench';
import { measure, report } from './measure';
import { benchEnqueue, benchRematch } from './rematch.bench';
import { benchScreen } from './screen.bench';
import { benchCandidateSearch, benchChineseRecall, benchIndexRate } from './search.bench';
import { benchSubsidyReevaluation, benchSubsidyRules } from './subsidies.bench';
import { benchSubsidyPayments, SUBSIDY_DB_PARTS, SubsidyDbPart } from './subsidy-payments.bench';
import { benchTitles } from './titles.bench';

/**
 * `npm run bench -- --tier S|M|L [--only GEN,SCREEN] [--seed N]`: one JSON line per benchmark (benchmarks.md).
 * Benchmarks of later features register here as those features land (B7, B11 are not measured yet).
 */
const BENCHMARKS: Record<string, (tier: Tier, seed: number) => void | Promise<void>> = {
  /** Synthetic data generation: seekers per second (feeds every other benchmark). */
  GEN: (tier, seed) => {
    const dataset = generateDataset({ seed, tier });
    const n = TIER_SIZES[tier].seekers;
    report(measure('GEN', tier, seed, n, 'seekers/s', 3, () => {
      for (const seeker of dataset.seekers()) void seeker;
    }));
  },
  /** Posting screen: figures on the labelled real ad lines (Q-SCREEN), then generated shortage descriptions screened per second. */
  SCREEN: benchScreen,
  /** Validated bulk seeker ingest into PostgreSQL (encrypted ID and phone, outbox rows): seekers per second. */
  B1: benchIngest,
  /** Full search (re)index of every seeker, built-in PostgreSQL engine, scratch database: documents per second. */
  B2: benchIndexRate,
  /** 1,000 changed seekers until searchable through outbox, Redis and worker: latency p50/p95. */
  B3: benchIncrementalIndex,
  /** Candidate search (occupation + region + distance + wage + certificate + skill words): p50/p95 latency, queries per second. */
  B4: benchCandidateSearch,
  /** Chinese recall@50 on labelled skill and occupation queries, suffixes included (per-query figures on stderr). */
  B5: benchChineseRecall,
  /** Excel import of generated shortages into a scratch PostgreSQL database: validated rows written per second. */
  IMPORT: benchImport,
  /** Id-only match jobs enqueued with addBulk: jobs per second. */
  B6: benchEnqueue,
  /** End-to-end full re-match on a scratch database: request, flow, scoring, allocation, results written. */
  B8: benchRematch,
  /** Scoring kernel alone over the blocked candidates: score evaluations per second. */
  B9: benchScoringKernel,
  /** Capacity-aware allocation (deferred acceptance), verified stable. */
  B10: benchAllocation,
  /** Explanations: extra time over score-only, and reasons per match. */
  B12: benchExplanations,
  /** Event planning for the tier's stations x days. */
  B13: benchEventPlanning,
  /** The platform over HTTP on the tier's data: req/s, p50, p99 of /api/health and four real read routes, each as a ratio to /api/health. */
  B14: benchHttpReads,
  /** Subsidy rule kernel alone (policy.md S1): decisions per second on one core over the claim mix. */
  'S1-RULES': benchSubsidyRules,
  /** 100k subsidy claims re-evaluated in memory with stub ports, decision records serialised (policy.md S2). */
  'S2-REEVALUATE': benchSubsidyReevaluation,
  /** Subsidy decision with ports cached (S3), nightly fraud checks over the tier's claims (S4), checks on one submission (S5), the 公示 list of 10k claims (S6), a 100k-row payment batch and its bank file (S7), on a scratch database; each selectable as S3…S7. */
  'S3-S7': benchSubsidyPayments,
  /** Event planner quality beside its time: covered share, attendance, events per station-week, priority share, proposals under the minimums. */
  B15: benchPlannerQuality,
  /** Early-warning indicators, levels and hysteresis for 20 regions x 20 industries x 24 months (policy.md W1). */
  W1: benchEarlyWarningIndicators,
  /** An import of rates committed → each region's alert and its notification, p95, on the platform with the tier and a 20-region history (policy.md W2). */
  W2: benchImportToAlert,
  /** A §41 layoff report → its rapid-response case with matched jobs and a proposed event, filed over HTTP (policy.md W3). */
  W3: benchLayoffToEvent,
  /** Offline geocoder on the labelled real Hainan addresses: county and township accuracy, precision coverage, misses. */
  GEO: benchGeocoding,
  /** Q-TITLE: title normalizer on the labelled real job titles: top-1/top-3, coverage, generic abstention, latency. */
  TITLES: benchTitles,
  /** R1: the job-development plan's province compile, 60 reporters x the indicator catalogue, from the tier's platform records (policy.md R1). */
  R1: benchPlanCompile,
  /** R2: the compiled Excel workbook of that compile: time and size (policy.md R2). */
  R2: benchPlanWorkbook,
};

/** policy.md's short names for the subsidy benchmarks (`--only S1,S2,S3,S4,S5,S6,S7`). */
const ALIASES: Record<string, string> = { S1: 'S1-RULES', S2: 'S2-REEVALUATE' };

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const option = (name: string) => {
    const index = args.indexOf(`--${name}`);
    return index >= 0 ? args[index + 1] : undefined;
  };
  const tier = (option('tier') ?? 'S') as Tier;
  if (!['demo', 'S', 'M', 'L'].includes(tier)) throw new Error(`unknown tier "${tier}": use S, M or L`);
  const seed = Number(option('seed') ?? 20250101);
  const only = option('only')?.split(',').map((id) => ALIASES[id] ?? id);
  /** Each benchmark to run, as the `--only` that selects it alone. */
  const selected: string[] = [];
  for (const id of Object.keys(BENCHMARKS)) {
    if (id === 'S3-S7') {
      // policy.md's S3–S7 share one scratch database: run the parts asked for (all of them for S3-S7 or no --only).
      const parts = only && !only.includes(id) ? SUBSIDY_DB_PARTS.filter((part) => only.includes(part)) : [...SUBSIDY_DB_PARTS];
      if (parts.length) selected.push(parts.length === SUBSIDY_DB_PARTS.length ? id : parts.join(','));
      continue;
    }
    if (!only || only.includes(id)) selected.push(id);
  }
  // Several benchmarks: each in a process of its own, one after the other, so that none is measured on a heap and
  // event loop the ones before left (B14's server ran ~25% slower per request after B8, B9 and B10 in one process).
  if (selected.length > 1) {
    for (const alone of selected) await runAlone(['--tier', tier, '--seed', String(seed), '--only', alone]);
    return;
  }
  for (const id of selected) {
    if (BENCHMARKS[id]) await BENCHMARKS[id](tier, seed);
    else await benchSubsidyPayments(tier, seed, id.split(',') as SubsidyDbPart[]);
  }
}

/** This script again, as a child process with the same Node options and output, for one benchmark. */
async function runAlone(args: string[]): Promise<void> {
  const child = spawn(process.execPath, [...process.execArgv, __filename, ...args], { stdio: 'inherit' });
  const [code, signal] = (await once(child, 'exit')) as [number | null, NodeJS.Signals | null];
  if (code !== 0) throw new Error(`bench ${args.join(' ')} ended with ${signal ?? `exit code ${code}`}`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
