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
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  const p95 = times[Math.min(times.length - 1, Math.ceil(times.length * 0.95) - 1)];
  return {
    id,
    tier,
    n,
    median_ms: round(median),
    p95_ms: round(p95),
    throughput: Math.round((n / median) * 1000),
    unit,
    rss_mb: Math.round(process.memoryUsage().rss / 1e6),
    seed,
  };
}

const round = (value: number) => Math.round(value * 100) / 100;

/** Prints one JSON line and appends it to bench/results/results.jsonl (not committed). */
export function report(result: BenchResult): void {
  const line = JSON.stringify(result);
  console.log(line);
  const dir = join(__dirname, '../../bench/results');
  mkdirSync(dir, { recursive: true });
  appendFileSync(join(dir, 'results.jsonl'), `${line}\n`);
}
