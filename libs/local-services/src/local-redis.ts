import { ChildProcess, spawn } from 'node:child_process';
import { answersOn, isLoopback, waitUntilAnswering } from './tcp-probe';

export interface EnsureRedisOptions {
  redisUrl: string;
  mode: 'auto' | 'off';
  log: (message: string) => void;
  /** The program to start; `redis-server` from the PATH unless a test says otherwise. */
  command?: string;
}

export interface EnsuredRedis {
  /** Set when this process started redis-server; stop it on shutdown. */
  child: { pid: number; port: number; stop(): Promise<void> } | null;
}

/** Raised when no Redis answers and none can be started; its message says how to install one. */
export class RedisUnavailableError extends Error {}

export const REDIS_INSTALL_HINT = [
  'Install Redis (version 6.2 or later) and start it, or put redis-server on the PATH so the platform can start it:',
  '  Debian/Ubuntu:        sudo apt-get install redis-server',
  '  Fedora/RHEL/Rocky:    sudo dnf install redis   (or valkey)',
  '  macOS (Homebrew):     brew install redis',
  'or point REDIS_URL at a Redis that is running.',
].join('\n');

/**
 * The startup's "ensure Redis" step: when nothing answers at a local REDIS_URL, starts `redis-server` from the PATH as
 * a child process on that port (loopback only, no persistence: the outbox in PostgreSQL holds pending work), stopped
 * with the platform. Without one, stops with a message that names the install command for common systems. A Redis on
 * another machine is never stood in for.
 */
export async function ensureRedis(options: EnsureRedisOptions): Promise<EnsuredRedis> {
  const url = new URL(options.redisUrl);
  const host = url.hostname;
  const port = Number(url.port || 6379);
  // Another machine's Redis (or LOCAL_SERVICES=off) is left to the queue client, which retries until it answers.
  if (options.mode === 'off' || !isLoopback(host)) return { child: null };
  if (await answersOn(host, port)) return { child: null };
  const command = options.command ?? 'redis-server';
  const args = ['--port', String(port), '--bind', host === 'localhost' ? '127.0.0.1' : host.replace(/^\[|\]$/g, ''), '--save', '', '--appendonly', 'no'];
  if (url.password) args.push('--requirepass', decodeURIComponent(url.password));
  const child = spawn(command, args, { stdio: 'ignore' });
  const failed = new Promise<Error>((resolve) => {
    child.once('error', (error) => resolve(error));
    child.once('exit', (code) => resolve(new Error(`redis-server exited with code ${code}`)));
  });
  const outcome = await Promise.race([waitUntilAnswering(host, port, 10_000), failed]);
  if (outcome !== true) {
    child.kill('SIGKILL');
    const reason = outcome instanceof Error ? ((outcome as NodeJS.ErrnoException).code === 'ENOENT' ? `${command} is not on the PATH` : outcome.message) : 'it did not answer within 10 s';
    throw new RedisUnavailableError(`No Redis answers at ${host}:${port} (REDIS_URL) and none could be started: ${reason}.\n${REDIS_INSTALL_HINT}`);
  }
  // A child left behind would hold the port: kill it when this process exits, however it exits.
  const killOnExit = () => child.kill('SIGTERM');
  process.once('exit', killOnExit);
  options.log(`no Redis answered on ${host}:${port}: started ${command} (pid ${child.pid}) on ${host}:${port} without persistence; it stops with the platform`);
  return { child: { pid: child.pid!, port, stop: () => stopChild(child, killOnExit) } };
}

function stopChild(child: ChildProcess, killOnExit: () => void): Promise<void> {
  process.removeListener('exit', killOnExit);
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
