import { readFileSync } from 'node:fs';
import { DataSource } from 'typeorm';

/** The server processes of the database's other connections (the platform's pools, the matcher's included). */
export async function postgresBackends(dataSource: DataSource): Promise<number[]> {
  const rows: { pid: number }[] = await dataSource.query(`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`);
  return rows.map((row) => row.pid);
}

/**
 * CPU time of one PostgreSQL process so far (user + system, /proc/<pid>/stat in clock ticks of 10 ms); null when
 * PostgreSQL runs elsewhere (no such /proc) or the backend has ended.
 */
export function backendCpuMs(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

/** The CPU of these backends together; null if one of them cannot be read (so that a figure is never partial). */
export function postgresCpuMs(pids: number[]): number | null {
  let total = 0;
  for (const pid of pids) {
    const ms = backendCpuMs(pid);
    if (ms === null) return null;
    total += ms;
  }
  return total;
}

/**
 * The CPU of every backend of a database seen over a stretch of time, sampled: each sample adds what the backends seen
 * so far have used (a backend that ends keeps what it was last seen using), so the series only grows.
 */
export class PostgresCpuSamples {
  private readonly lastSeen = new Map<number, number>();
  readonly samples: { at: number; cpuMs: number }[] = [];

  async sample(dataSource: DataSource): Promise<void> {
    for (const pid of await postgresBackends(dataSource)) {
      const ms = backendCpuMs(pid);
      if (ms !== null) this.lastSeen.set(pid, ms);
    }
    let total = 0;
    for (const ms of this.lastSeen.values()) total += ms;
    this.samples.push({ at: Date.now(), cpuMs: total });
  }

  /** CPU used between two moments (epoch ms), from the last samples taken at or before each. */
  between(from: number, to: number): number {
    const at = (t: number) => [...this.samples].reverse().find((s) => s.at <= t)?.cpuMs ?? 0;
    return at(to) - at(from);
  }
}
