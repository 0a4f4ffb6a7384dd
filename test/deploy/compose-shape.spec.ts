import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = join(__dirname, '../..');
// js-yaml comes with the dev tools (eslint, jest); no dependency of our own for one test.
const yaml = createRequire(__filename)('js-yaml') as { load(text: string): unknown };

interface Service {
  image?: string;
  build?: unknown;
  restart?: string;
  init?: boolean;
  healthcheck?: { test: unknown };
  depends_on?: Record<string, { condition: string }> | string[];
  environment?: Record<string, string>;
  secrets?: string[];
  logging?: { driver: string; options?: Record<string, string> };
  deploy?: { resources?: { limits?: { cpus?: string; memory?: string } } };
  stop_grace_period?: string;
  command?: string[];
}
const compose = yaml.load(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8')) as {
  services: Record<string, Service>;
  secrets: Record<string, { file: string }>;
};
const services = Object.entries(compose.services);
const ONE_SHOT = ['db-roles', 'migrate', 'db-grants', 'meili-key'];
const APPS = ['demand-api', 'seeker-api', 'matcher'];
const seconds = (duration = '0s') => Number(duration.replace(/s$/, ''));

/** Issue 12, finding 13: the production shape, as data. `docker compose config` itself is the last test. */
describe('the production shape (docker-compose.yml, Dockerfile, .dockerignore)', () => {
  it('pins every image to an exact version (and a digest where one is given)', () => {
    const images = services.filter(([, s]) => !s.build).map(([name, s]) => [name, s.image ?? '']);
    images.push(['Dockerfile', readFileSync(join(ROOT, 'Dockerfile'), 'utf8').match(/^ARG NODE_IMAGE=(\S+)$/m)?.[1] ?? '']);
    for (const [name, image] of images) {
      // Exact releases: 15.14 for PostgreSQL (its versions have two parts), three parts for the rest.
      expect(`${name}: ${image}`).toMatch(/:v?\d+\.\d+(\.\d+)?(-[a-z0-9]+)*(@sha256:[0-9a-f]{64})?$/);
      expect(`${name}: ${image}`).not.toMatch(/:(latest|\d+)(-[a-z]+)*(@|$)/);
    }
    expect(readFileSync(join(ROOT, 'Dockerfile'), 'utf8')).not.toMatch(/^FROM (?!\$\{NODE_IMAGE\})/m);
  });

  it('keeps node_modules, .git, .env files, secrets, build output and test artefacts out of the build context', () => {
    const ignored = readFileSync(join(ROOT, '.dockerignore'), 'utf8').split('\n').map((line) => line.trim());
    for (const entry of ['.git', '**/node_modules', 'dist', '.env', '.env.*', 'secrets', 'backups', 'test/artifacts', 'coverage']) {
      expect(ignored).toContain(entry);
    }
  });

  it('gives every long-running service a health check, and starts each only when what it needs is healthy or done', () => {
    for (const [name, service] of services) {
      if (ONE_SHOT.includes(name)) {
        expect(`${name} restart ${service.restart}`).toBe(`${name} restart no`);
        continue;
      }
      if (name !== 'backup') expect(service.healthcheck ? name : `${name} has no healthcheck`).toBe(name);
      expect(Array.isArray(service.depends_on) ? `${name} depends_on without conditions` : name).toBe(name);
    }
    for (const name of APPS) {
      expect(compose.services[name].depends_on).toEqual({
        'db-grants': { condition: 'service_completed_successfully' },
        redis: { condition: 'service_healthy' },
        'meili-key': { condition: 'service_completed_successfully' },
      });
    }
    expect(compose.services.migrate.depends_on).toMatchObject({ 'db-roles': { condition: 'service_completed_successfully' } });
    expect(compose.services['db-grants'].depends_on).toEqual({ migrate: { condition: 'service_completed_successfully' } });
    expect(compose.services.gateway.depends_on).toEqual({ 'demand-api': { condition: 'service_healthy' }, 'seeker-api': { condition: 'service_healthy' } });
  });

  it('reads secrets from files: no secret in a plain environment variable, every secret file declared', () => {
    const secretLike = /PASSWORD|SECRET|_KEY$|DATABASE_URL$|REDIS_URL$|MASTER_KEY$/;
    for (const [name, service] of services) {
      for (const [key, value] of Object.entries(service.environment ?? {})) {
        if (secretLike.test(key)) expect(`${name} ${key}=${value}`).toMatch(/_FILE=|MEILI_APP_KEY_UID/);
      }
      for (const secret of service.secrets ?? []) expect(compose.secrets[secret] ? secret : `${name} uses undeclared secret ${secret}`).toBe(secret);
    }
    for (const name of APPS) {
      const env = compose.services[name].environment!;
      expect(env.DATABASE_URL_FILE).toBe('/run/secrets/database_url_app'); // the runtime role, not the migrator
      expect(env.MEILI_API_KEY_FILE).toBe('/run/meili-app-key/key'); // the scoped key, not the master key
      expect(compose.services[name].secrets).not.toContain('meili_master_key');
      expect(compose.services[name].secrets).not.toContain('postgres_password');
    }
    expect(compose.services.migrate.environment!.DATABASE_URL_FILE).toBe('/run/secrets/database_url_migrator');
  });

  it('runs Redis with a password and append-only persistence, Meilisearch with scheduled snapshots', () => {
    const redis = compose.services.redis.command!.join(' ');
    expect(redis).toMatch(/requirepass/);
    expect(redis).toMatch(/--appendonly yes/);
    expect(redis).toMatch(/--maxmemory-policy noeviction/); // BullMQ needs every key kept
    expect(Number(compose.services.meilisearch.environment!.MEILI_SCHEDULE_SNAPSHOT)).toBeGreaterThan(0);
  });

  it('limits CPU and memory, sizes the Node heap below the limit, rotates logs, runs an init process', () => {
    for (const [name, service] of services) {
      expect(service.deploy?.resources?.limits?.cpus ? name : `${name} has no CPU limit`).toBe(name);
      expect(service.deploy?.resources?.limits?.memory ? name : `${name} has no memory limit`).toBe(name);
      expect(`${name} ${service.logging?.driver} ${service.logging?.options?.['max-size']} ${service.logging?.options?.['max-file']}`).toMatch(
        /json-file \d+m \d+$/,
      );
    }
    const mb = (memory: string) => (memory.endsWith('g') ? Number(memory.slice(0, -1)) * 1024 : Number(memory.replace(/m$/, '')));
    for (const name of APPS) {
      const service = compose.services[name];
      expect(service.init).toBe(true);
      const heap = Number(service.environment!.NODE_OPTIONS.match(/--max-old-space-size=(\d+)/)![1]);
      expect(heap).toBeLessThan(mb(service.deploy!.resources!.limits!.memory!) * 0.9);
    }
    expect(seconds(compose.services.matcher.stop_grace_period)).toBeGreaterThanOrEqual(60);
  });

  it('validates with Compose (docker compose config, or docker-compose where the plugin is missing)', async () => {
    const { stdout } = await run('sh', [join(ROOT, 'deploy/compose-validate.sh')]).catch((error: { stderr: string; stdout: string }) => {
      throw new Error(`compose validation failed:\n${error.stdout}${error.stderr}`);
    });
    expect(stdout).toMatch(/docker-compose\.yml is valid/);
    expect(stdout).toMatch(/deploy\/Caddyfile (is valid|not validated)/);
  }, 60_000);
});
