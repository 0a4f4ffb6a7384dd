import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppConfig, ConfigError, DEVELOPMENT_SECRETS, loadConfig } from './app-config';

describe('configuration', () => {
  it('has working defaults for one machine', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.DEMO_MODE).toBe(true);
    expect(config.SEARCH_ENGINE).toBe('postgres');
  });

  it('converts and validates values, naming every bad variable', () => {
    expect(loadConfig({ PORT: '8080', DEMO_MODE: 'false' })).toMatchObject({ PORT: 8080, DEMO_MODE: false });
    const error = captureError(() => loadConfig({ PORT: 'eighty', REDIS_URL: 'localhost:6379', DATA_KEY: 'short' }));
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toMatch(/PORT="eighty"/);
    expect(error.message).toMatch(/REDIS_URL="localhost:6379": must be a redis:\/\/ URL/);
    expect(error.message).toMatch(/DATA_KEY=.*64 hexadecimal/);
  });

  it('trusts no proxy by default and reads TRUSTED_PROXIES as a list of addresses or ranges', () => {
    expect(loadConfig({}).trustedProxies).toEqual([]);
    expect(loadConfig({ TRUSTED_PROXIES: '10.0.0.1, 172.28.0.0/16,::1' }).trustedProxies).toEqual(['10.0.0.1', '172.28.0.0/16', '::1']);
    expect(() => loadConfig({ TRUSTED_PROXIES: 'gateway; rm -rf' })).toThrow(/TRUSTED_PROXIES/);
  });

  it('requires MEILI_URL when Meilisearch is chosen', () => {
    expect(() => loadConfig({ SEARCH_ENGINE: 'meilisearch' })).toThrow(/MEILI_URL/);
  });

  it('requires AMAP_KEY when the 高德 geocoder is chosen; offline is the default', () => {
    expect(loadConfig({}).GEOCODER).toBe('offline');
    expect(() => loadConfig({ GEOCODER: 'amap' })).toThrow(/AMAP_KEY/);
    expect(loadConfig({ GEOCODER: 'amap', AMAP_KEY: 'k' }).GEOCODER).toBe('amap');
  });

  it('refuses to start in production with development secrets or demo mode', () => {
    const error = captureError(() => loadConfig({ APP_ENV: 'production' }));
    expect(error.message).toMatch(/JWT_SECRET: the development default/);
    expect(error.message).toMatch(/DATA_KEY: the development default/);
    expect(error.message).toMatch(/DEMO_MODE: demo accounts/);
    const production = loadConfig({
      APP_ENV: 'production',
      DEMO_MODE: 'false',
      JWT_SECRET: 'a'.repeat(40),
      DATA_KEY: 'ab'.repeat(32),
      BLIND_INDEX_KEY: 'cd'.repeat(32),
    });
    expect(production.isProduction).toBe(true);
    expect(production.JWT_SECRET).not.toBe(DEVELOPMENT_SECRETS.JWT_SECRET);
  });

  it('reads any variable from <NAME>_FILE (Compose secrets), never echoing the value', () => {
    const dir = mkdtempSync(join(tmpdir(), 'config-secrets-'));
    try {
      const secret = (name: string, value: string) => {
        writeFileSync(join(dir, name), value);
        return join(dir, name);
      };
      const config = loadConfig({
        DATABASE_URL_FILE: secret('database_url', 'postgres://employment_app:s3cret@postgres:5432/employment\n'),
        REDIS_URL_FILE: secret('redis_url', 'redis://:r3dis@redis:6379'),
        JWT_SECRET_FILE: secret('jwt', 'j'.repeat(48) + '\n'),
        DATA_KEY_FILE: secret('data_key', 'ab'.repeat(32)),
        BLIND_INDEX_KEY_FILE: secret('blind', 'cd'.repeat(32)),
        MEILI_API_KEY_FILE: secret('meili', 'scoped-search-key'),
      });
      expect(config).toMatchObject({
        DATABASE_URL: 'postgres://employment_app:s3cret@postgres:5432/employment',
        REDIS_URL: 'redis://:r3dis@redis:6379',
        JWT_SECRET: 'j'.repeat(48),
        DATA_KEY: 'ab'.repeat(32),
        BLIND_INDEX_KEY: 'cd'.repeat(32),
        MEILI_API_KEY: 'scoped-search-key',
      });

      const both = captureError(() => loadConfig({ JWT_SECRET: 'x'.repeat(40), JWT_SECRET_FILE: secret('jwt2', 'y'.repeat(40)) }));
      expect(both.message).toMatch(/JWT_SECRET_FILE: set either JWT_SECRET or JWT_SECRET_FILE, not both/);
      const missing = captureError(() => loadConfig({ DATA_KEY_FILE: join(dir, 'absent') }));
      expect(missing.message).toMatch(/DATA_KEY_FILE=.*cannot be read \(ENOENT\)/);
      const invalid = captureError(() => loadConfig({ DATA_KEY_FILE: secret('bad_key', 'not-hex-but-secret') }));
      expect(invalid.message).toMatch(/DATA_KEY=\(from file\): must be 64 hexadecimal/);
      expect(invalid.message).not.toContain('not-hex-but-secret');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('.env.example documents every variable with its default', () => {
    const example = readFileSync(join(__dirname, '../../../.env.example'), 'utf8');
    const documented = new Map(
      [...example.matchAll(/^#?\s*([A-Z_]+)=(.*)$/gm)].map(([, key, value]) => [key, value.trim()]),
    );
    const defaults: Record<string, unknown> = { ...new AppConfig(), MEILI_URL: undefined, MEILI_API_KEY: undefined, AMAP_KEY: undefined };
    for (const [key, value] of Object.entries(defaults)) {
      expect(documented.has(key) ? key : `${key} is missing from .env.example`).toBe(key);
      if (value === undefined) continue;
      expect(`${key}=${documented.get(key)}`).toBe(`${key}=${String(value)}`);
    }
  });

  it('knows whether DATABASE_URL was given; without it the default points at LOCAL_POSTGRES_PORT (the embedded database may stand in)', () => {
    const unset = loadConfig({});
    expect(unset.databaseUrlGiven).toBe(false);
    expect(unset.DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5432/employment');
    expect(loadConfig({ LOCAL_POSTGRES_PORT: '55432' }).DATABASE_URL).toBe('postgres://postgres@127.0.0.1:55432/employment');
    const given = loadConfig({ DATABASE_URL: 'postgres://app@db.internal:5432/pes', LOCAL_POSTGRES_PORT: '55432' });
    expect(given.databaseUrlGiven).toBe(true);
    expect(given.DATABASE_URL).toBe('postgres://app@db.internal:5432/pes');
  });
});

function captureError(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
}
