import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

export interface BenchResult {
  id: string;
  tier: string;
  n: number;
  median_ms: number;
  p95_ms: number;
  throughput: number;
  unit: string;
  rss_mb: number;
  seed: number;
}

/** Runs `fn` several times and reports the median and p95 of the wall time; throughput is n per median second. */
export function measure(id: string, tier: string, seed: number, n: number, unit: string, runs: number, fn: () => void): BenchResult {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = process.hrtime.bigint();
    fn();
    times.push(elapsedMs(started));
  }
  return fromTimes(id, tier, seed, n, unit, times);
}

/** `measure` for async work; `prepare` runs before each run and is not timed. */
export async function measureAsync(
  id: string,
  tier: string,
  seed: number,
  n: number,
  unit: string,
  runs: number,
  fn: () => Promise<void>,
  prepare: () => Promise<void> = async () => undefined,
): Promise<BenchResult> {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    await prepare();
    const started = process.hrtime.bigint();
    await fn();
    times.push(elapsedMs(started));
  }
  return fromTimes(id, tier, seed, n, unit, times);
}

export const elapsedMs = (started: bigint) => Number(process.hrtime.bigint() - started) / 1e6;

/** Median and p95 of `times`; throughput defaults to n per median second. */
export function fromTimes(id: string, tier: string, seed: number, n: number, unit: string, times: number[], throughput?: number): BenchResult {
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  const p95 = sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)];
  return {
    id,
    tier,
    n,
    median_ms: round(median),
    p95_ms: round(p95),
    throughput: throughput ?? Math.round((n / median) * 1000),
    unit,
    rss_mb: Math.round(process.memoryUsage().rss / 1e6),
    seed,
  };
}

const round = (value: number) => Math.round(value * 100) / 100;

/** Prints one JSON line and appends it to bench/results/results.jsonl (not committed). */
export function report(result: BenchResult | Record<string, unknown>): void {
  const line = JSON.stringify(result);
  console.log(line);
  const dir = join(__dirname, '../../bench/results');
  mkdirSync(dir, { recursive: true });
  appendFileSync(join(dir, 'results.jsonl'), `${line}\n`);
}
