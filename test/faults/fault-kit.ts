import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { tsEntryArgs } from './ts-entry';

/**
 * Tools of the fault scenarios (security.md, "Fault scenarios worth automating"): the platform as a separate process
 * that can be killed, and a PostgreSQL cluster of the scenario's own on a free port, started and stopped by the
 * scenario (the Redis-lost scenario, test/search/index-convergence.e2e-spec.ts, has its own redis-server child).
 * Never the machine's shared PostgreSQL (5432) or Redis (6379) servers themselves.
 */

const ROOT = resolve(__dirname, '../..');

export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
    server.on('error', fail);
  });
}

export const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Polls `check` until it holds; generous deadlines, the CI machine is slow and shared. */
export async function waitFor(what: string, check: () => Promise<boolean> | boolean, timeoutMs: number, everyMs = 200): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(everyMs);
  }
}

/**
 * The whole platform (`apps/platform/src/main.ts`: both APIs and the matcher's workers in one process) as a child
 * process, compiled on the fly (no build needed), on its own port with the given database, Redis and queue prefix.
 * `kill()` is SIGKILL: no shutdown hooks run, transactions in flight die with their connections.
 */
export class PlatformProcess {
  private child: ChildProcess | null = null;
  private output = '';
  /** Error lines (pino level 50 and up) other than the expected ones of an outage, first 50. */
  readonly errors: string[] = [];
  readonly baseUrl: string;

  constructor(
    readonly port: number,
    private readonly env: Record<string, string>,
  ) {
    this.baseUrl = `http://127.0.0.1:${port}`;
  }

  static async create(env: Record<string, string>): Promise<PlatformProcess> {
    return new PlatformProcess(await freePort(), env);
  }

  async start(timeoutMs = 120_000): Promise<number> {
    const started = Date.now();
    this.output = '';
    const child = spawn(process.execPath, tsEntryArgs('apps/platform/src/main.ts'), {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        APP_ENV: 'test',
        HOST: '127.0.0.1',
        PORT: String(this.port),
        LOCAL_SERVICES: 'off',
        DEMO_MODE: 'false',
        LOG_LEVEL: 'warn',
        LOGIN_THROTTLE_PER_MINUTE: '100000',
        ...this.env,
      },
    });
    const keep = (chunk: Buffer) => {
      this.output = (this.output + chunk.toString()).slice(-20_000);
      for (const line of chunk.toString().split('\n')) {
        if (/"level":(50|60)/.test(line) && !/audit write failed|ECONNREFUSED/.test(line) && this.errors.length < 50) this.errors.push(line);
      }
    };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    this.child = child;
    let exited = false;
    child.once('exit', () => (exited = true));
    try {
      await waitFor('the platform to answer /api/health', async () => {
        if (exited) throw new Error(`the platform exited while starting:\n${this.output}`);
        return (await this.health()) === 200;
      }, timeoutMs, 300);
    } catch (error) {
      this.kill();
      throw error;
    }
    return Date.now() - started;
  }

  /** SIGKILL by process id; resolves once the process is gone. */
  async kill(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise((done) => child.once('exit', done));
    child.kill('SIGKILL');
    await gone;
  }

  async health(): Promise<number> {
    try {
      return (await fetch(`${this.baseUrl}/api/health`, { signal: AbortSignal.timeout(5000) })).status;
    } catch {
      return 0;
    }
  }

  async request(method: string, path: string, body?: unknown, token?: string): Promise<{ status: number; body: any }> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON
    }
    return { status: response.status, body: parsed };
  }

  async login(username: string, password: string): Promise<string> {
    const response = await this.request('POST', '/api/auth/login', { username, password });
    if (response.status !== 200) throw new Error(`login ${username}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body.accessToken;
  }
}

const PG_BIN = '/usr/lib/postgresql/15/bin';
/** PostgreSQL refuses to run as root: as root, its tools run as the system's postgres user. */
const AS_ROOT = process.getuid?.() === 0;
const pgTool = (tool: string, args: string[]) =>
  AS_ROOT
    ? execFileSync('runuser', ['-u', 'postgres', '--', `${PG_BIN}/${tool}`, ...args], { stdio: 'pipe' })
    : execFileSync(`${PG_BIN}/${tool}`, args, { stdio: 'pipe' });

/** A PostgreSQL cluster of the scenario's own, in a temporary directory, on a free port (trust authentication). */
export class PrivatePostgres {
  private constructor(
    readonly directory: string,
    readonly port: number,
    private readonly settings: string[],
  ) {}

  /** `settings`: server settings for every start, e.g. `fsync=off` where no scenario needs durability. */
  static async create(settings: string[] = []): Promise<PrivatePostgres> {
    const directory = mkdtempSync(join(tmpdir(), 'pes-fault-pg-'));
    if (AS_ROOT) execFileSync('chown', ['postgres', directory]);
    pgTool('initdb', ['-D', join(directory, 'data'), '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
    const postgres = new PrivatePostgres(directory, await freePort(), settings);
    postgres.start();
    return postgres;
  }

  url(database: string): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  start(): void {
    const settings = ['listen_addresses=127.0.0.1', ...this.settings].map((setting) => `-c ${setting}`).join(' ');
    this.pgCtl('-l', join(this.directory, 'log'), '-o', `-p ${this.port} -k ${this.directory} ${settings}`, 'start');
  }

  /** `fast`: connections are closed, committed work kept (what a restart or a failover does). */
  stop(mode: 'fast' | 'immediate' = 'fast'): void {
    this.pgCtl('-m', mode, 'stop');
  }

  destroy(): void {
    try {
      this.stop('immediate');
    } catch {
      // already stopped
    }
    rmSync(this.directory, { recursive: true, force: true });
  }

  private pgCtl(...args: string[]): void {
    pgTool('pg_ctl', ['-D', join(this.directory, 'data'), '-w', '-t', '60', ...args]);
  }
}

/**
 * One line of figures per scenario: printed, and appended to FAULT_RESULTS (a JSON-lines file) when set, so the
 * release script (`npm run faults`) can report them.
 */
export function reportFigures(scenario: string, figures: Record<string, unknown>): void {
  const line = JSON.stringify({ scenario, at: new Date().toISOString(), ...figures });
  process.stdout.write(`FAULT ${line}\n`);
  if (process.env.FAULT_RESULTS) appendFileSync(process.env.FAULT_RESULTS, `${line}\n`);
}
